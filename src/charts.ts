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

/**
 * Colours for both GitHub themes: each keeps a contrast of at least 3:1 against the light
 * (#ffffff) and the dark (#0d1117) background, and the two differ in lightness as well as
 * hue, so they stay apart for colour-blind readers. Reviewer first: it is drawn first.
 */
export const ROLE_COLOURS = { reviewer: '#d1641c', drafter: '#2f7ee8' } as const

/**
 * Cost per iteration as stacked bars: drafter below, reviewer on top, with a legend and
 * labelled axes. xychart draws every bar from the axis and later series over earlier
 * ones, so the stack is the iteration's total in the reviewer's colour with the drafter's
 * part drawn over it. Bars, not lines: one iteration, the outcome aimed for, is one bar.
 */
export function iterationChart(iterations: IterationCost[]): string {
  if (iterations.length === 0) return ''
  const d = iterations.map((i) => i.drafterUsd)
  const total = iterations.map((i) => i.drafterUsd + i.reviewerUsd)
  return [
    '```mermaid',
    '---',
    'config:',
    '  xyChart:',
    '    showLegend: true',
    '  themeVariables:',
    '    xyChart:',
    `      plotColorPalette: "${ROLE_COLOURS.reviewer}, ${ROLE_COLOURS.drafter}"`,
    '---',
    'xychart-beta',
    '    title "Cost per iteration"',
    `    x-axis "iteration" [${iterations.map((i) => `"${i.iteration}"`).join(', ')}]`,
    `    y-axis "cost (USD)" 0 --> ${n(axisMax(total))}`,
    `    bar "reviewer" [${total.map(n).join(', ')}]`,
    `    bar "drafter" [${d.map(n).join(', ')}]`,
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
