// The cost model of the bench: many tasks through draft -> review -> (re-draft ->
// re-review)..., priced with the contract's formula. Pure and deterministic (seeded
// PRNG): the same input always gives the same result, so it can be unit tested.
//
// A task: the drafter drafts, the reviewer reviews; a review rejects with probability
// `rejectRate` (every review independently, re-drafts included), and a rejected task
// is re-drafted and re-reviewed until a review approves or `maxReviews` reviews were
// made (the action's max-iterations). Every draft is reviewed, so drafts = reviews.
//
// Three baselines, all "the same task done by the premium model alone":
//   A premiumOnly     every token of the orchestrated run priced at the reviewer's
//                     prices, with the same cache split: the action's own
//                     `premium-only-cost-usd`.
//   B opusAlone       the premium model drafts each task once and nobody reviews it.
//   C opusOneRound    the premium model drafts once and reviews once (as if its first
//                     draft were always approved).
import { costOf, type Price } from '../src/pricing'
import type { Usage } from '../src/chat'
import { mulberry32 } from './prng'

/** Fractions of a call's input tokens that are cache reads and cache writes. */
export interface Shares {
  read: number
  write: number
}

export interface CacheShares {
  firstDraft: Shares
  reDraft: Shares
  firstReview: Shares
  reReview: Shares
}

const NONE: Shares = Object.freeze({ read: 0, write: 0 })
export const NO_CACHE: CacheShares = Object.freeze({ firstDraft: NONE, reDraft: NONE, firstReview: NONE, reReview: NONE })

export interface CostModelInput {
  tasks: number
  /** probability that one review rejects its draft */
  rejectRate: number
  /** most reviews per task (max-iterations) */
  maxReviews: number
  seed: number
  /** tokens of one draft and of one review */
  draft: { input: number; output: number }
  review: { input: number; output: number }
  drafterPrice: Price
  reviewerPrice: Price
  cache: CacheShares
}

export interface CostModelResult {
  tasks: number
  drafts: number
  reviews: number
  rejections: number
  approved: number
  realizedRejectRate: number
  draftsPerTask: number
  orchestratedUsd: number
  orchestratedPerTaskUsd: number
  /** A: the same tokens at the reviewer's prices */
  premiumOnlyUsd: number
  ratio: number
  /** B: one premium draft per task, no review */
  opusAloneUsd: number
  ratioVsOpusAlone: number
  /** C: one premium draft and one premium review per task */
  opusOneRoundUsd: number
  ratioVsOpusOneRound: number
}

/** One call's usage: `input` tokens split by the shares (rounded to whole tokens). */
export function usageOf(input: number, output: number, s: Shares): Usage {
  const cacheRead = Math.round(input * s.read)
  const cacheWrite = Math.round(input * s.write)
  return { input: input - cacheRead - cacheWrite, output, cacheRead, cacheWrite }
}

export function simulateCosts(m: CostModelInput): CostModelResult {
  const rng = mulberry32(m.seed)
  let drafts = 0
  let rejections = 0
  let approved = 0
  let orchestrated = 0
  let premiumOnly = 0
  for (let t = 0; t < m.tasks; t++) {
    for (let round = 1; round <= m.maxReviews; round++) {
      const d = usageOf(m.draft.input, m.draft.output, round === 1 ? m.cache.firstDraft : m.cache.reDraft)
      const r = usageOf(m.review.input, m.review.output, round === 1 ? m.cache.firstReview : m.cache.reReview)
      drafts++
      orchestrated += costOf(d, m.drafterPrice) + costOf(r, m.reviewerPrice)
      premiumOnly += costOf(d, m.reviewerPrice) + costOf(r, m.reviewerPrice)
      if (rng() >= m.rejectRate) {
        approved++
        break
      }
      rejections++
    }
  }
  const firstDraft = usageOf(m.draft.input, m.draft.output, m.cache.firstDraft)
  const firstReview = usageOf(m.review.input, m.review.output, m.cache.firstReview)
  const opusAlone = m.tasks * costOf(firstDraft, m.reviewerPrice)
  const opusOneRound = opusAlone + m.tasks * costOf(firstReview, m.reviewerPrice)
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4
  return {
    tasks: m.tasks,
    drafts,
    reviews: drafts,
    rejections,
    approved,
    realizedRejectRate: r4(rejections / drafts),
    draftsPerTask: r4(drafts / m.tasks),
    orchestratedUsd: r6(orchestrated),
    orchestratedPerTaskUsd: r6(orchestrated / m.tasks),
    premiumOnlyUsd: r6(premiumOnly),
    ratio: r4(orchestrated / premiumOnly),
    opusAloneUsd: r6(opusAlone),
    ratioVsOpusAlone: r4(orchestrated / opusAlone),
    opusOneRoundUsd: r6(opusOneRound),
    ratioVsOpusOneRound: r4(orchestrated / opusOneRound)
  }
}

/** The seed profile of the article: Sonnet 4.6 drafts 10,000 in / 5,000 out, Opus 4.8 reviews 10,000 in / 1,000 out. */
export const SEED_PROFILE = {
  tasks: 200,
  maxReviews: 3,
  seed: 20261124,
  draft: { input: 10_000, output: 5_000 },
  review: { input: 10_000, output: 1_000 }
}

/**
 * The expected orchestrated cost of one task (no sampling): the first round, plus each
 * later round weighted by the chance that every review before it rejected.
 */
export function expectedCostPerTask(m: Omit<CostModelInput, 'tasks' | 'seed'>): number {
  const round = (first: boolean) =>
    costOf(usageOf(m.draft.input, m.draft.output, first ? m.cache.firstDraft : m.cache.reDraft), m.drafterPrice) +
    costOf(usageOf(m.review.input, m.review.output, first ? m.cache.firstReview : m.cache.reReview), m.reviewerPrice)
  let total = 0
  for (let r = 1; r <= m.maxReviews; r++) total += Math.pow(m.rejectRate, r - 1) * round(r === 1)
  return total
}

/** The reject rate at which caching `cache` starts to cost less than no caching (bisection); null if never in [0, 1]. */
export function cacheBreakEvenRejectRate(m: Omit<CostModelInput, 'tasks' | 'seed' | 'rejectRate'>): number | null {
  const gain = (p: number) => expectedCostPerTask({ ...m, rejectRate: p, cache: NO_CACHE }) - expectedCostPerTask({ ...m, rejectRate: p })
  if (gain(0) >= 0) return 0
  if (gain(1) < 0) return null
  let lo = 0
  let hi = 1
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    if (gain(mid) >= 0) hi = mid
    else lo = mid
  }
  return Math.round(hi * 1e4) / 1e4
}
