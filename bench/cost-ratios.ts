// 4. Cost model: what orchestration costs against a premium model alone, by reject rate,
// caching and drafter, with the cache shares the caching section measured.
import { BUILT_IN_PRICES, costOf } from '../src/pricing'
import type { CacheFigures, CachingResult } from './caching'
import { PRICES } from './common'
import { cacheBreakEvenRejectRate, NO_CACHE, SEED_PROFILE, simulateCosts, type CacheShares, type CostModelResult } from './cost-model'

const DRAFTER_CHOICES = [
  'anthropic:claude-sonnet-4-6',
  'anthropic:claude-sonnet-5-5',
  'anthropic:claude-haiku-4-5',
  'anthropic:claude-haiku-5-5',
  'openai:gpt-6.1-terra',
  'openai:gpt-6-luna'
]

export function costModel(measured: { anthropic?: CachingResult }) {
  const base = { ...SEED_PROFILE, drafterPrice: PRICES.sonnet, reviewerPrice: PRICES.opus }
  const a = measured.anthropic
  // (b) The stable prefix of a re-draft and of a re-review comes from the cache; the first
  // draft and the first review write it, at the cache-write price. A re-draft continues
  // the drafter's conversation, so its prefix is all of it: the share the emulated re-draft
  // of section 3 read from the cache. A re-review could share the system prompt, the issue
  // and the diff up to the first hunk the re-draft changed: half its input, assumed.
  const reDraftShare = a && a.reDraft.promptTokens > 0 ? Math.round(a.reDraft.cachedShare * 100) / 100 : 0.9
  const reReviewShare = 0.5
  const stablePrefix: CacheShares = {
    firstDraft: { read: 0, write: reDraftShare },
    reDraft: { read: reDraftShare, write: 0 },
    firstReview: { read: 0, write: reReviewShare },
    reReview: { read: reReviewShare, write: 0 }
  }
  // (c) The read and write shares the emulated Anthropic run of section 3 reported for each phase.
  const share = (f: CacheFigures | undefined) => ({ read: f?.cachedShare ?? 0, write: f?.writeShare ?? 0 })
  const asToday: CacheShares | undefined = a
    ? { firstDraft: share(a.firstDraft), reDraft: share(a.reDraft), firstReview: share(a.firstReview), reReview: share(a.reReview) }
    : undefined
  const rows: { rejectRate: number; none: CostModelResult; stablePrefix: CostModelResult; asToday?: CostModelResult }[] = []
  for (const rejectRate of [0, 0.1, 0.2, 0.4]) {
    rows.push({
      rejectRate,
      none: simulateCosts({ ...base, rejectRate, cache: NO_CACHE }),
      stablePrefix: simulateCosts({ ...base, rejectRate, cache: stablePrefix }),
      asToday: asToday && simulateCosts({ ...base, rejectRate, cache: asToday })
    })
  }
  const draftSonnet = costOf({ input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 }, PRICES.sonnet)
  const draftOpus = costOf({ input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 }, PRICES.opus)
  const reviewOpus = costOf({ input: 10_000, output: 1_000, cacheRead: 0, cacheWrite: 0 }, PRICES.opus)
  return {
    profile: { ...SEED_PROFILE, drafterPrice: PRICES.sonnet, reviewerPrice: PRICES.opus },
    oneRound: {
      draftSonnetUsd: draftSonnet, draftOpusUsd: draftOpus, reviewOpusUsd: reviewOpus,
      orchestratedUsd: draftSonnet + reviewOpus, premiumOnlyUsd: draftOpus + reviewOpus,
      ratio: Math.round(((draftSonnet + reviewOpus) / (draftOpus + reviewOpus)) * 1e4) / 1e4
    },
    shares: { stablePrefix, asToday, reDraftShare, reReviewShare },
    breakEven: {
      stablePrefix: cacheBreakEvenRejectRate({ ...base, cache: stablePrefix }),
      asToday: asToday ? cacheBreakEvenRejectRate({ ...base, cache: asToday }) : null
    },
    rows,
    // Which drafter reaches <= 0.5 at a 20% reject rate: under A the ratio is fixed by the
    // drafter's prices relative to the reviewer's, whatever the caching.
    drafterChoice: DRAFTER_CHOICES.map((id) => {
      const drafterPrice = BUILT_IN_PRICES[id]!
      const at20 = (cache: CacheShares) => simulateCosts({ ...base, drafterPrice, rejectRate: 0.2, cache })
      return { drafter: id, none: at20(NO_CACHE).ratio, asToday: asToday ? at20(asToday).ratio : null }
    })
  }
}
