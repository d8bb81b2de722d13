// The cost model over the current lineup: a task goes through the drafter ladder and the
// premium review as the action runs it, and the expected cost is exact (no sampling):
// every path of rejects and approvals up to max-iterations, weighted by its probability.
// Pure and deterministic, so it can be unit tested.
//
// What the action does, and this model with it:
// - Each round is one draft and one review. A rejected draft is re-drafted in the same
//   conversation: its prompt is the previous prompt, the previous answer and the review's
//   findings. After `escalateAfter` rejections on one tier, the next tier takes over the
//   same conversation (the default ladder: after 2).
// - Drafter caching: the action marks the end of each prompt, so a call writes what is new
//   and reads what the previous call on the same model wrote. A model that takes over reads
//   nothing: its first call writes the whole conversation.
// - Reviewer caching: the system prompt and the issue (the stable prefix) are marked: the
//   first review writes them, every re-review reads them. The rest (the diff, the summary,
//   the test result) is full-price input every time: the reviewer's input is O(diff).
// - premium-only: every call's tokens (same counts, same cache split) at the reviewer's
//   prices, as `premium-only-cost-usd`. premium-alone: the drafter calls' tokens only at the
//   reviewer's prices, as `premium-alone-cost-usd`. oneDraft: one premium draft per task, no
//   review and no re-draft: the strictest reading of "the premium model alone".
import { costOf, type Price } from '../src/pricing'
import type { Usage } from '../src/chat'

export interface TaskProfile {
  /** The first draft's prompt and answer. */
  draft: { input: number; output: number }
  /** One review: its stable prefix (system prompt + issue), the rest of its prompt, its answer. */
  review: { prefix: number; rest: number; output: number }
  /** The findings a rejection sends back to the drafter. */
  feedbackTokens: number
}

/** The seed article's profile (draft 10k in / 5k out; review 10k in / 1k out), the review's 10k split 2k prefix + 8k diff. */
export const SEED_TASK: TaskProfile = {
  draft: { input: 10_000, output: 5_000 },
  review: { prefix: 2_000, rest: 8_000, output: 1_000 },
  feedbackTokens: 500
}

export interface Tier {
  id: string
  price: Price
  /** The smallest prompt the provider caches; below it nothing is written or read. */
  minCacheable: number
}

export interface LadderSetup {
  ladder: Tier[]
  reviewer: Tier
  /** Probability that a review rejects a draft of each tier (index = tier). */
  rejectRates: number[]
  maxReviews: number
  escalateAfter: number
  /** The tier the task starts on (routing). */
  startTier?: number
  /** Caching as the action does it (true), or every token uncached (false). */
  caching: boolean
}

export interface TaskExpectation {
  /** Expected dollars per task, and expected reviews per task. */
  costUsd: number
  premiumOnlyUsd: number
  premiumAloneUsd: number
  oneDraftUsd: number
  reviews: number
  /** Probability that the task ends approved within max-iterations. */
  approved: number
  /** Expected cost per approved change: costUsd / approved. */
  perApprovedUsd: number
  ratioPremiumOnly: number
  ratioPremiumAlone: number
  ratioOneDraft: number
}

function usage(input: number, output: number, read: number, write: number): Usage {
  return { input, output, cacheRead: read, cacheWrite: write }
}

/** The usage of a call with `prompt` tokens when `cached` of them were written by the previous call on the model. */
function callUsage(prompt: number, output: number, cached: number, min: number, caching: boolean): Usage {
  if (!caching || prompt < min) return usage(prompt, output, 0, 0)
  const read = cached >= min ? cached : 0
  return usage(0, output, read, prompt - read)
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4
const round6 = (x: number) => Math.round(x * 1e6) / 1e6

export function expectTask(s: LadderSetup, p: TaskProfile = SEED_TASK): TaskExpectation {
  const acc = { cost: 0, only: 0, alone: 0, reviews: 0, approved: 0 }
  const R = s.reviewer
  interface State { prob: number; tier: number; onTier: number; reviews: number; prompt: number; cachedOn: number; cached: number }
  // cachedOn: the tier whose model holds the conversation's prefix in its cache; cached: how many tokens.
  const walk = (st: State): void => {
    const tier = s.ladder[st.tier]!
    const draftPrompt = st.prompt
    const d = callUsage(draftPrompt, p.draft.output, st.cachedOn === st.tier ? st.cached : 0, tier.minCacheable, s.caching)
    const first = st.reviews === 0
    const reviewPrompt = p.review.prefix + p.review.rest
    const prefix = s.caching && p.review.prefix >= R.minCacheable ? p.review.prefix : 0
    const r = first ? usage(reviewPrompt - prefix, p.review.output, 0, prefix) : usage(reviewPrompt - prefix, p.review.output, prefix, 0)
    const w = st.prob
    acc.cost += w * (costOf(d, tier.price) + costOf(r, R.price))
    acc.only += w * (costOf(d, R.price) + costOf(r, R.price))
    acc.alone += w * costOf(d, R.price)
    acc.reviews += w
    const reject = s.rejectRates[st.tier] ?? s.rejectRates[s.rejectRates.length - 1]!
    acc.approved += w * (1 - reject)
    const reviews = st.reviews + 1
    if (reviews >= s.maxReviews || reject === 0) return
    const onTier = st.onTier + 1
    const escalate = onTier >= s.escalateAfter && st.tier + 1 < s.ladder.length
    walk({
      prob: w * reject,
      tier: escalate ? st.tier + 1 : st.tier,
      onTier: escalate ? 0 : onTier,
      reviews,
      prompt: draftPrompt + p.draft.output + p.feedbackTokens,
      cachedOn: st.tier,
      cached: draftPrompt
    })
  }
  const start = s.startTier ?? 0
  walk({ prob: 1, tier: start, onTier: 0, reviews: 0, prompt: p.draft.input, cachedOn: -1, cached: 0 })
  const oneDraft = costOf(usage(p.draft.input, p.draft.output, 0, 0), R.price)
  return {
    costUsd: round6(acc.cost),
    premiumOnlyUsd: round6(acc.only),
    premiumAloneUsd: round6(acc.alone),
    oneDraftUsd: round6(oneDraft),
    reviews: round4(acc.reviews),
    approved: round4(acc.approved),
    perApprovedUsd: round6(acc.approved > 0 ? acc.cost / acc.approved : Infinity),
    ratioPremiumOnly: round4(acc.cost / acc.only),
    ratioPremiumAlone: round4(acc.alone > 0 ? acc.cost / acc.alone : Infinity),
    ratioOneDraft: round4(acc.cost / oneDraft)
  }
}

/** The limit of the split: one premium review per task, against one round at premium prices, no caching. */
export function oneReviewLimit(reviewer: Price, p: TaskProfile = SEED_TASK): number {
  const review = costOf(usage(p.review.prefix + p.review.rest, p.review.output, 0, 0), reviewer)
  const draft = costOf(usage(p.draft.input, p.draft.output, 0, 0), reviewer)
  return round4(review / (review + draft))
}

/**
 * The first-tier reject rate above which starting on the second tier costs less per
 * approved change (bisection); null when it never does in [0, 1]. The second tier's
 * rate is `secondTier(p)`.
 */
export function routingBreakEven(base: Omit<LadderSetup, 'rejectRates' | 'startTier'>, secondTier: (p: number) => number, p: TaskProfile = SEED_TASK): number | null {
  const gain = (x: number) => {
    const rates = [x, secondTier(x)]
    return expectTask({ ...base, rejectRates: rates, startTier: 0 }, p).perApprovedUsd - expectTask({ ...base, rejectRates: rates, startTier: 1 }, p).perApprovedUsd
  }
  if (gain(0) > 0) return 0
  if (gain(0.99) <= 0) return null
  let lo = 0
  let hi = 0.99
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    if (gain(mid) > 0) hi = mid
    else lo = mid
  }
  return round4(hi)
}
