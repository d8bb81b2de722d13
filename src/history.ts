// What the ledger's records say about a category: runs, first-draft approval, reject
// rate, money saved, and the verdict against the rule of thumb. Pure.
import * as z from 'zod'
import { roundUsd } from './pricing'

/** One (role, model) line of a run's usage, as the marker carries it: the what-if reprices these. */
export const usageLineSchema = z.object({
  role: z.string(),
  model: z.string(),
  calls: z.number().int(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cacheReadTokens: z.number(),
  cacheWriteTokens: z.number(),
  costUsd: z.number()
})

export const ledgerRecordSchema = z.object({
  version: z.literal(1),
  issue: z.number().int(),
  category: z.string(),
  mode: z.enum(['changes', 'tests']),
  drafterModels: z.array(z.string()),
  reviewerModel: z.string(),
  drafts: z.number().int(),
  reviews: z.number().int(),
  rejections: z.number().int(),
  /** The first review's verdict; null when nothing was reviewed. */
  firstDraftApproved: z.boolean().nullable(),
  costUsd: z.number(),
  premiumOnlyCostUsd: z.number(),
  /** The drafter calls' tokens at the reviewer's prices; absent in records written before it existed. */
  premiumAloneCostUsd: z.number().optional(),
  /** Token counts per (role, model); absent in older records. */
  usage: z.array(usageLineSchema).optional(),
  /** Reviews and rejections per drafter model whose draft was reviewed; absent in older records. */
  reviewsByDrafter: z.record(z.string(), z.object({ reviews: z.number().int(), rejections: z.number().int() })).optional(),
  /** The triage step's answer and what came of it; absent when triage was off. */
  triage: z
    .object({
      kind: z.string(),
      /** The tier the triage proposed and the one the run started on, as models; proposed null when its answer was unusable. */
      proposed: z.string().nullable(),
      used: z.string(),
      chosenBy: z.enum(['triage', 'label', 'history', 'default'])
    })
    .optional(),
  stopReason: z.string(),
  time: z.string(),
  runId: z.string()
})

export type LedgerRecord = z.infer<typeof ledgerRecordSchema>

/** The thresholds users act on: approve >= 80% of first drafts, or reject > 40%. */
export const SPLIT_WORKS_AT = 0.8
export const PREMIUM_ABOVE = 0.4
/** Fewer reviewed runs than this and a rate says little. */
export const MIN_RUNS_TO_JUDGE = 5

export interface CategoryStats {
  runs: number
  reviewedRuns: number
  firstDraftApprovalRate: number | null
  reviews: number
  rejections: number
  rejectRate: number | null
  costUsd: number
  premiumOnlyCostUsd: number
  savedUsd: number
  /** Summed over the runs that recorded it (`premiumAloneRuns` of `runs`). */
  premiumAloneCostUsd: number
  /** This kind's cost over those same runs, to compare with premiumAloneCostUsd. */
  costOfAloneRunsUsd: number
  premiumAloneRuns: number
  verdict: 'split-works' | 'premium' | 'borderline' | 'too-few'
}

export function statsOf(records: LedgerRecord[]): CategoryStats {
  const reviewed = records.filter((r) => r.firstDraftApproved !== null)
  const reviews = sum(records, (r) => r.reviews)
  const rejections = sum(records, (r) => r.rejections)
  const costUsd = roundUsd(sum(records, (r) => r.costUsd))
  const premiumOnlyCostUsd = roundUsd(sum(records, (r) => r.premiumOnlyCostUsd))
  const firstDraftApprovalRate = reviewed.length ? reviewed.filter((r) => r.firstDraftApproved).length / reviewed.length : null
  const rejectRate = reviews ? rejections / reviews : null
  const withAlone = records.filter((r) => r.premiumAloneCostUsd !== undefined)
  return {
    runs: records.length,
    reviewedRuns: reviewed.length,
    firstDraftApprovalRate,
    reviews,
    rejections,
    rejectRate,
    costUsd,
    premiumOnlyCostUsd,
    savedUsd: roundUsd(premiumOnlyCostUsd - costUsd),
    premiumAloneCostUsd: roundUsd(sum(withAlone, (r) => r.premiumAloneCostUsd ?? 0)),
    costOfAloneRunsUsd: roundUsd(sum(withAlone, (r) => r.costUsd)),
    premiumAloneRuns: withAlone.length,
    verdict: verdictOf(reviewed.length, firstDraftApprovalRate, rejectRate)
  }
}

function verdictOf(reviewedRuns: number, approval: number | null, rejectRate: number | null): CategoryStats['verdict'] {
  if (reviewedRuns < MIN_RUNS_TO_JUDGE || approval === null || rejectRate === null) return 'too-few'
  if (rejectRate > PREMIUM_ABOVE) return 'premium'
  if (approval >= SPLIT_WORKS_AT) return 'split-works'
  return 'borderline'
}

export function verdictWords(s: CategoryStats): string {
  switch (s.verdict) {
    case 'split-works':
      return `The split works for this kind of task: the reviewer approved ${pct(s.firstDraftApprovalRate)} of first drafts (80% or more).`
    case 'premium':
      return `This kind of task belongs to the premium model: the reviewer rejected ${pct(s.rejectRate)} of drafts (more than 40%).`
    case 'borderline':
      return `Borderline: ${pct(s.firstDraftApprovalRate)} of first drafts approved (the split works at 80%), ${pct(s.rejectRate)} of drafts rejected (premium above 40%).`
    case 'too-few':
      return `Too few reviewed runs to judge yet (${s.reviewedRuns} of ${MIN_RUNS_TO_JUDGE}).`
  }
}

/** The category of an issue: its first label that is a category label, else `uncategorized`. */
export function categoryOf(labels: string[], categoryLabels: string[]): string {
  return categoryLabels.find((c) => labels.includes(c)) ?? 'uncategorized'
}

export function sameKind(r: LedgerRecord, category: string, mode: string): boolean {
  return r.category === category && r.mode === mode
}

/**
 * The reject rate of the category's most recent `window` reviewed runs; null with none.
 * With `tier`, only the reviews of that drafter's drafts count, in the records that say
 * which drafter each review judged (older records count whole).
 */
export function recentRejectRate(records: LedgerRecord[], window: number, tier?: string): { rate: number | null; runs: number } {
  const counts = (r: LedgerRecord) => (tier && r.reviewsByDrafter ? r.reviewsByDrafter[tier] ?? { reviews: 0, rejections: 0 } : r)
  const recent = records.filter((r) => counts(r).reviews > 0).slice(-window)
  const reviews = sum(recent, (r) => counts(r).reviews)
  return { rate: reviews ? sum(recent, (r) => counts(r).rejections) / reviews : null, runs: recent.length }
}

export function pct(x: number | null): string {
  return x === null ? 'n/a' : `${Math.round(x * 1000) / 10}%`
}

function sum<T>(xs: T[], f: (x: T) => number): number {
  return xs.reduce((a, x) => a + f(x), 0)
}

export interface Route {
  /** Index into the drafter ladder to start on. */
  tier: number
  /** Why, in words, when routing moved the start. */
  reason: string
}

/**
 * Routing: when the first tier's recent reject rate for this kind of task is over the
 * threshold, the run starts on the ladder's next tier (when there is one). Fewer than
 * MIN_RUNS_TO_JUDGE reviewed runs say too little to move: one bad run must not.
 */
export function chooseStartTier(
  ladder: string[],
  history: LedgerRecord[],
  opts: { enabled: boolean; threshold: number; window: number }
): Route {
  if (!opts.enabled || ladder.length < 2) return { tier: 0, reason: '' }
  const { rate, runs } = recentRejectRate(history, opts.window, ladder[0])
  if (rate === null || runs < Math.min(MIN_RUNS_TO_JUDGE, opts.window) || rate <= opts.threshold) return { tier: 0, reason: '' }
  return {
    tier: 1,
    reason: `Routed to ${ladder[1]}: ${ladder[0]}'s recent reject rate on this kind of task is ${pct(rate)} over ${runs} reviewed runs, above route-reject-threshold ${pct(opts.threshold)}.`
  }
}
