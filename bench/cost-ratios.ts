// 4. Cost model: the current lineup of drafter ladders and reviewers, priced as the action
// runs a task (escalation and caching included), against both premium baselines; the
// routing question (when does starting one tier up pay?); and the seed article's figures.
import { BUILT_IN_PRICES, costOf, savingsPct, type Price } from '../src/pricing'
import { routingStream } from './cost-routing'
import { expectTask, oneReviewLimit, routingBreakEven, SEED_TASK, type LadderSetup, type Tier } from './cost-ladder'

const tier = (id: string, minCacheable: number, price: Price = BUILT_IN_PRICES[id]!): Tier => ({ id, price, minCacheable })
// Prices the built-in table does not carry, as the README's recipes give them in `prices`.
const DEEPSEEK_FLASH: Price = { input: 0.3, output: 1.2, cacheRead: 0.006, cacheWrite: 0.3 }
const FREE: Price = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }

// Minimum cacheable prompts (PROVIDERS.md): 512 on the 5.5 models, 1,024 on Opus 4.8 and on
// OpenAI's automatic cache; DeepSeek caches in 64-token units.
export const LADDERS: { name: string; tiers: Tier[] }[] = [
  { name: 'Haiku 5.5 → Sonnet 5.5 (default)', tiers: [tier('anthropic:claude-haiku-5-5', 512), tier('anthropic:claude-sonnet-5-5', 512)] },
  { name: 'gpt-6-luna → gpt-6.1-terra', tiers: [tier('openai:gpt-6-luna', 1024), tier('openai:gpt-6.1-terra', 1024)] },
  { name: 'DeepSeek V4.1 Flash (peak prices)', tiers: [tier('openai:deepseek-flash', 64, DEEPSEEK_FLASH)] },
  { name: 'a free local model (Ollama)', tiers: [tier('openai:qwen3-coder:30b', 0, FREE)] }
]
export const REVIEWERS: { name: string; tier: Tier }[] = [
  { name: 'Opus 5.5 (default)', tier: tier('anthropic:claude-opus-5-5', 512) },
  { name: 'gpt-6.1-sol', tier: tier('openai:gpt-6.1-sol', 1024) },
  { name: 'Opus 4.8', tier: tier('anthropic:claude-opus-4-8', 1024) }
]
export const REJECT_RATES = [0.1, 0.2, 0.4]
/** Stated assumption: the second tier's drafts are rejected half as often as the first tier's. */
export const secondTier = (p: number): number => p / 2
const LOOP = { maxReviews: 3, escalateAfter: 2 }
export const TARGETS = { premiumOnly: 0.35, premiumAlone: 0.5, at: 0.2 }

function setup(ladder: Tier[], reviewer: Tier, p: number, caching = true, startTier = 0): LadderSetup {
  return { ...LOOP, ladder, reviewer, rejectRates: ladder.length > 1 ? [p, secondTier(p)] : [p], caching, startTier }
}

export function costModel() {
  const lineup = LADDERS.flatMap((l) =>
    REVIEWERS.map((r) => ({
      ladder: l.name,
      reviewer: r.name,
      at: REJECT_RATES.map((p) => ({ rejectRate: p, ...expectTask(setup(l.tiers, r.tier, p)) }))
    }))
  )
  const dflt = LADDERS[0]!.tiers
  const opus55 = REVIEWERS[0]!.tier
  const at20 = expectTask(setup(dflt, opus55, TARGETS.at))
  const at20NoCache = expectTask(setup(dflt, opus55, TARGETS.at, false))
  const routing = LADDERS.slice(0, 2).flatMap((l) =>
    [0.2, 0.4, 0.6, 0.8].map((p) => {
      const first = expectTask(setup(l.tiers, opus55, p, true, 0))
      const up = expectTask(setup(l.tiers, opus55, p, true, 1))
      return { ladder: l.name, rejectRate: p, first, up }
    })
  )
  const base = (l: Tier[]) => ({ ...LOOP, ladder: l, reviewer: opus55, caching: true })
  const breakEven = LADDERS.slice(0, 2).map((l) => ({
    ladder: l.name,
    half: routingBreakEven(base(l.tiers), (p) => p / 2),
    quarter: routingBreakEven(base(l.tiers), (p) => p / 4),
    perfect: routingBreakEven(base(l.tiers), () => 0)
  }))
  // The seed article's own pair, one round, no caching: the contract's figures.
  const seed = { input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 }
  const review = { input: 10_000, output: 1_000, cacheRead: 0, cacheWrite: 0 }
  const sonnet46 = BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!
  const opus48 = BUILT_IN_PRICES['anthropic:claude-opus-4-8']!
  const cost = costOf(seed, sonnet46) + costOf(review, opus48)
  const only = costOf(seed, opus48) + costOf(review, opus48)
  const alone = costOf(seed, opus48)
  return {
    profile: SEED_TASK,
    loop: LOOP,
    rejectRates: REJECT_RATES,
    targets: TARGETS,
    lineup,
    defaultAt20: { ...at20, noCaching: at20NoCache },
    limit: oneReviewLimit(opus55.price),
    routing,
    breakEven,
    stream: routingStream(),
    seedPair: { costUsd: cost, premiumOnlyUsd: only, savingsPct: savingsPct(cost, only), premiumAloneUsd: alone, savingsVsAlonePct: savingsPct(cost, alone) }
  }
}
