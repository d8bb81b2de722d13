// What the repository's real history would have cost with other models: each recorded
// run's tokens, per role and model, priced from the built-in table under another pairing;
// and the seed article's weekly and monthly projection at this repository's run rate. Pure.
import type { LedgerRecord } from '../history'
import { costOf, roundUsd, type PriceTable } from '../pricing'
import { modelName } from './model-name'

/** A pairing to price the history under; `drafters` undefined keeps each run's own, and so does `reviewer`. */
export interface Pairing {
  drafters?: string[]
  reviewer?: string
}

/** The current lineup, as the bench's cost model has it. */
export const DRAFTER_LADDERS: string[][] = [
  ['anthropic:claude-haiku-5-5', 'anthropic:claude-sonnet-5-5'],
  ['openai:gpt-6-luna', 'openai:gpt-6.1-terra'],
  ['anthropic:claude-sonnet-5-5'],
  ['openai:gpt-6-luna']
]
export const REVIEWERS = ['anthropic:claude-opus-5-5', 'openai:gpt-6.1-sol', 'anthropic:claude-opus-4-8']

/** The runs a what-if can price: those whose record kept its token counts. */
export function priceable(records: LedgerRecord[]): LedgerRecord[] {
  return records.filter((r) => r.usage && r.usage.length > 0)
}

/**
 * One run's tokens under a pairing. A drafter line moves to the same step of the other
 * ladder (the run's second tier to its second tier, or its top when shorter); a reviewer
 * line to the other reviewer; any other role (triage) to the ladder's first tier.
 * Undefined when a model it needs has no built-in price.
 */
export function repriceRun(r: LedgerRecord, p: Pairing, prices: PriceTable): number | undefined {
  let total = 0
  for (const u of r.usage ?? []) {
    const step = Math.max(0, r.drafterModels.indexOf(u.model))
    let model = u.model
    if (u.role === 'reviewer') model = p.reviewer ?? u.model
    else if (p.drafters) model = u.role === 'drafter' ? p.drafters[Math.min(step, p.drafters.length - 1)]! : p.drafters[0]!
    const price = prices[model]
    if (!price) return undefined
    total += costOf({ input: u.inputTokens, output: u.outputTokens, cacheRead: u.cacheReadTokens, cacheWrite: u.cacheWriteTokens }, price)
  }
  return total
}

export interface WhatIfRow {
  label: string
  pairing: Pairing
  costUsd: number
}

export interface WhatIf {
  runs: number
  /** Runs left out: recorded before token counts were kept. */
  leftOut: number
  actualUsd: number
  rows: WhatIfRow[]
}

export function whatIf(records: LedgerRecord[], prices: PriceTable): WhatIf {
  const runs = priceable(records)
  const actualUsd = roundUsd(runs.reduce((a, r) => a + r.costUsd, 0))
  const pairings: { label: string; pairing: Pairing }[] = [
    ...DRAFTER_LADDERS.map((d) => ({ label: `${d.map(modelName).join(' → ')} drafting`, pairing: { drafters: d } })),
    ...REVIEWERS.map((rv) => ({ label: `${modelName(rv)} reviewing`, pairing: { reviewer: rv } }))
  ]
  const rows: WhatIfRow[] = []
  for (const { label, pairing } of pairings) {
    let sum = 0
    let ok = true
    for (const r of runs) {
      const c = repriceRun(r, pairing, prices)
      if (c === undefined) ok = false
      else sum += c
    }
    if (ok) rows.push({ label, pairing, costUsd: roundUsd(sum) })
  }
  return { runs: runs.length, leftOut: records.length - runs.length, actualUsd, rows }
}

export interface RunRate {
  runs: number
  days: number
  perWeek: number
}

/** Runs per week over the span the records cover; a span under a day counts as one day. */
export function runRate(records: LedgerRecord[]): RunRate {
  if (records.length === 0) return { runs: 0, days: 0, perWeek: 0 }
  const times = records.map((r) => Date.parse(r.time)).filter(Number.isFinite)
  const span = times.length ? (Math.max(...times) - Math.min(...times)) / 86_400_000 : 0
  const days = Math.max(1, span)
  return { runs: records.length, days: Math.round(days * 10) / 10, perWeek: (records.length / days) * 7 }
}

/** Weeks in a month, on average: 52 / 12. */
export const WEEKS_PER_MONTH = 52 / 12

/** A total over `runs` runs, projected to a week and a month at `perWeek` runs a week. */
export function project(totalUsd: number, runs: number, perWeek: number): { week: number; month: number } {
  const perRun = runs ? totalUsd / runs : 0
  return { week: roundUsd(perRun * perWeek), month: roundUsd(perRun * perWeek * WEEKS_PER_MONTH) }
}
