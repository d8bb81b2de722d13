// Charts GitHub renders from mermaid code blocks (xychart-beta). Pure.
import type { CallCost } from './meter'

export interface IterationCost {
  iteration: number
  drafterUsd: number
  reviewerUsd: number
}

/**
 * Splits the calls into iterations: an iteration is the drafting (tests included) up to
 * and including a review. A drafter call after a review starts the next one.
 */
export function costPerIteration(calls: readonly Pick<CallCost, 'role' | 'costUsd'>[]): IterationCost[] {
  const out: IterationCost[] = []
  let current: IterationCost | undefined
  let previousRole: string | undefined
  for (const c of calls) {
    if (!current || (c.role === 'drafter' && previousRole === 'reviewer')) {
      current = { iteration: out.length + 1, drafterUsd: 0, reviewerUsd: 0 }
      out.push(current)
    }
    // Triage is part of the first iteration's drafting side: it decides who drafts.
    if (c.role === 'reviewer') current.reviewerUsd += c.costUsd
    else current.drafterUsd += c.costUsd
    previousRole = c.role
  }
  return out
}

function axisMax(values: number[]): number {
  const max = Math.max(0, ...values)
  if (max === 0) return 0.01
  const magnitude = 10 ** Math.floor(Math.log10(max))
  return Math.ceil((max * 1.1) / magnitude) * magnitude
}

const n = (x: number): string => String(Math.round(x * 1e4) / 1e4)

/** Drafter cost as bars and reviewer cost as a line, per iteration. */
export function iterationChart(iterations: IterationCost[]): string {
  if (iterations.length === 0) return ''
  const d = iterations.map((i) => i.drafterUsd)
  const r = iterations.map((i) => i.reviewerUsd)
  return [
    '```mermaid',
    'xychart-beta',
    '    title "Cost per iteration, USD (bars: drafter, line: reviewer)"',
    `    x-axis [${iterations.map((i) => `"${i.iteration}"`).join(', ')}]`,
    `    y-axis "USD" 0 --> ${n(axisMax([...d, ...r]))}`,
    `    bar [${d.map(n).join(', ')}]`,
    `    line [${r.map(n).join(', ')}]`,
    '```'
  ].join('\n')
}

/** Named bars, e.g. this run against the premium-only baseline. */
export function barChart(title: string, bars: [label: string, usd: number][]): string {
  return [
    '```mermaid',
    'xychart-beta',
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis [${bars.map(([l]) => `"${l.replace(/"/g, "'")}"`).join(', ')}]`,
    `    y-axis "USD" 0 --> ${n(axisMax(bars.map(([, v]) => v)))}`,
    `    bar [${bars.map(([, v]) => n(v)).join(', ')}]`,
    '```'
  ].join('\n')
}
