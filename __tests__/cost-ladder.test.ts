import { expectTask, oneReviewLimit, routingBreakEven, type TaskProfile } from '../bench/cost-ladder'
import { BUILT_IN_PRICES } from '../src/pricing'

const t = (id: string, min = 512) => ({ id, price: BUILT_IN_PRICES[id]!, minCacheable: min })
const haiku = t('anthropic:claude-haiku-5-5')
const sonnet = t('anthropic:claude-sonnet-5-5')
const opus = t('anthropic:claude-opus-5-5')
const profile: TaskProfile = { draft: { input: 10_000, output: 5_000 }, review: { prefix: 2_000, rest: 8_000, output: 1_000 }, feedbackTokens: 500 }
const loop = { maxReviews: 3, escalateAfter: 2, ladder: [haiku, sonnet], reviewer: opus }

test('one approved round, no caching: the seed arithmetic at the default prices', () => {
  const x = expectTask({ ...loop, rejectRates: [0], caching: false }, profile)
  const draft = (10_000 * 0.1 + 5_000 * 0.5) / 1e6
  const review = (10_000 * 4 + 1_000 * 20) / 1e6
  const draftAtOpus = (10_000 * 4 + 5_000 * 20) / 1e6
  expect(x.costUsd).toBeCloseTo(draft + review, 5)
  expect(x.premiumAloneUsd).toBeCloseTo(draftAtOpus, 5)
  expect(x.premiumOnlyUsd).toBeCloseTo(draftAtOpus + review, 5)
  expect(x).toMatchObject({ reviews: 1, approved: 1 })
  expect(oneReviewLimit(opus.price, profile)).toBe(0.3)
})

test('every review rejected: two Haiku rounds, then Sonnet takes over and writes the whole conversation', () => {
  const x = expectTask({ ...loop, rejectRates: [1, 1], caching: true }, profile)
  // Round 1 writes 10k; round 2 reads them and writes 5.5k more; round 3 is Sonnet, whose cache is empty: it writes all 21k.
  const d1 = (10_000 * 0.125 + 5_000 * 0.5) / 1e6
  const d2 = (10_000 * 0.01 + 5_500 * 0.125 + 5_000 * 0.5) / 1e6
  const d3 = (21_000 * 2.5 + 5_000 * 10) / 1e6
  const r1 = (2_000 * 5 + 8_000 * 4 + 1_000 * 20) / 1e6
  const rn = (2_000 * 0.2 + 8_000 * 4 + 1_000 * 20) / 1e6
  expect(x.costUsd).toBeCloseTo(d1 + d2 + d3 + r1 + 2 * rn, 5)
  expect(x).toMatchObject({ reviews: 3, approved: 0 })
})

test('routing pays only past a reject rate, lower when the second tier is better', () => {
  const base = { ...loop, caching: true }
  const half = routingBreakEven(base, (p) => p / 2, profile)!
  const perfect = routingBreakEven(base, () => 0, profile)!
  expect(half).toBeGreaterThan(perfect)
  const below = expectTask({ ...base, rejectRates: [half - 0.05, (half - 0.05) / 2], startTier: 0 }, profile)
  const belowUp = expectTask({ ...base, rejectRates: [half - 0.05, (half - 0.05) / 2], startTier: 1 }, profile)
  expect(below.perApprovedUsd).toBeLessThan(belowUp.perApprovedUsd)
  const above = expectTask({ ...base, rejectRates: [half + 0.05, (half + 0.05) / 2], startTier: 0 }, profile)
  const aboveUp = expectTask({ ...base, rejectRates: [half + 0.05, (half + 0.05) / 2], startTier: 1 }, profile)
  expect(above.perApprovedUsd).toBeGreaterThan(aboveUp.perApprovedUsd)
})

test("the mixed week's triage rows are the ladder model's own tasks, mixed by hand", async () => {
  const { routingStream, STREAM } = await import('../bench/cost-routing')
  const s = routingStream()
  const row = (name: string) => s.strategies.find((x) => x.name === name)!
  const task = (rates: number[], start: number) => expectTask({ ...loop, rejectRates: rates, startTier: start, caching: true })
  const R = STREAM.routine.rejectRates
  const C = STREAM.complex.rejectRates
  // Cold start at 90%: 360 routine and 10 complex on Haiku 5.5, 40 routine and 90 complex on Sonnet 5.5, plus 500 triage calls.
  const cold = 360 * task(R, 0).costUsd + 40 * task(R, 1).costUsd + 90 * task(C, 1).costUsd + 10 * task(C, 0).costUsd + 500 * s.triageCall.longestUsd
  expect(row('triage plus history, cold start').weeklyUsd).toBeCloseTo(cold, 1)
  // Steady state: the "up" kinds' first-tier rate as the ledger counts it, (40·0.1·1.1 + 90·0.7·1.7) / (40·1.1 + 90·1.7).
  expect(row('triage plus history, steady state').note).toContain(`${((40 * 0.1 * 1.1 + 90 * 0.7 * 1.7) / (40 * 1.1 + 90 * 1.7) * 100).toFixed(1)}%`)
  const steady = 400 * task(R, 0).costUsd + 100 * task(C, 0).costUsd + 500 * s.triageCall.longestUsd
  expect(row('triage plus history, steady state').weeklyUsd).toBeCloseTo(steady, 1)
  // The triage prompt is the action's, measured: the map's head and the issue, a few thousand tokens at most.
  expect(s.triageCall.longestInput).toBeGreaterThan(s.triageCall.typicalInput)
  expect(s.triageCall.longestInput).toBeLessThan(4000)
})
