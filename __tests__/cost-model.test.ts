import { BUILT_IN_PRICES } from '../src/pricing'
import { NO_CACHE, SEED_PROFILE, simulateCosts } from '../bench/cost-model'

const opus = BUILT_IN_PRICES['anthropic:claude-opus-4-8']!
const sonnet = BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!
const base = { ...SEED_PROFILE, drafterPrice: sonnet, reviewerPrice: opus, cache: NO_CACHE }

test("the seed article's figure: one round without caching is 0.18 / 0.25 = 0.72", () => {
  const r = simulateCosts({ ...base, rejectRate: 0 })
  expect(r.draftsPerTask).toBe(1)
  expect(r.orchestratedPerTaskUsd).toBeCloseTo(0.18, 10)
  expect(r.ratio).toBe(0.72)
})

test('against the premium-only baseline the ratio stays 0.72 at every reject rate: Sonnet 4.6 is 0.6x Opus 4.8 on every price', () => {
  for (const rejectRate of [0.1, 0.2, 0.4]) {
    const r = simulateCosts({ ...base, rejectRate })
    expect(r.draftsPerTask).toBeGreaterThan(1)
    expect(r.ratio).toBe(0.72)
  }
})

test('the simulation is deterministic for a seed, and more rejections cost more per task', () => {
  expect(simulateCosts({ ...base, rejectRate: 0.2 })).toEqual(simulateCosts({ ...base, rejectRate: 0.2 }))
  expect(simulateCosts({ ...base, rejectRate: 0.4 }).orchestratedPerTaskUsd).toBeGreaterThan(simulateCosts({ ...base, rejectRate: 0.1 }).orchestratedPerTaskUsd)
})

test('a cheaper first tier reaches 0.5 at a 20% reject rate', () => {
  const haiku = simulateCosts({ ...base, drafterPrice: BUILT_IN_PRICES['anthropic:claude-haiku-4-5']!, rejectRate: 0.2 })
  expect(haiku.ratio).toBeLessThanOrEqual(0.5)
})
