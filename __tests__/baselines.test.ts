import { costLine, dearerWords, premiumAloneWords, premiumOnlyWords, signedChange } from '../src/cost/baselines'
import { modelName } from '../src/cost/model-name'
import { CostMeter, totalsOf } from '../src/meter'
import { BUILT_IN_PRICES } from '../src/pricing'

const price = (id: string) => BUILT_IN_PRICES[id]!

describe('model names for sentences', () => {
  test.each([
    ['anthropic:claude-opus-5-5', 'Opus 5.5'],
    ['anthropic:claude-opus-4-8', 'Opus 4.8'],
    ['anthropic:claude-sonnet-5', 'Sonnet 5'],
    ['anthropic:claude-haiku-4-5-20251001', 'Haiku 4.5'],
    ['openai:gpt-6.1-sol', 'gpt-6.1-sol'],
    ['openai:llama3.3:70b', 'llama3.3:70b']
  ])('%s is %s', (id, name) => expect(modelName(id)).toBe(name))
})

describe('the two baselines', () => {
  test('premium alone counts only drafter calls; premium-only counts every call', () => {
    const opus = price('anthropic:claude-opus-5-5')
    const meter = new CostMeter(2, opus)
    const haiku = price('anthropic:claude-haiku-5-5')
    meter.record('drafter', 'anthropic:claude-haiku-5-5', haiku, { input: 8_000, output: 2_000, cacheRead: 20_000, cacheWrite: 4_000 })
    meter.record('reviewer', 'anthropic:claude-opus-5-5', opus, { input: 6_000, output: 1_500, cacheRead: 2_000, cacheWrite: 0 })
    const draftAtOpus = (8_000 * 4 + 2_000 * 20 + 20_000 * 0.2 + 4_000 * 5) / 1e6
    const review = (6_000 * 4 + 1_500 * 20 + 2_000 * 0.2) / 1e6
    const draft = (8_000 * 0.1 + 2_000 * 0.5 + 20_000 * 0.01 + 4_000 * 0.125) / 1e6
    const t = meter.totals()
    expect(t.premiumAloneCostUsd).toBeCloseTo(draftAtOpus, 9)
    expect(t.premiumOnlyCostUsd).toBeCloseTo(draftAtOpus + review, 9)
    expect(t.costUsd).toBeCloseTo(draft + review, 9)
    expect(t.savingsVsAlonePct).toBe(Math.round(1000 * (1 - t.costUsd / t.premiumAloneCostUsd)) / 10)
    expect(meter.history().map((c) => c.premiumAloneCostUsd > 0)).toEqual([true, false])
  })

  test('no drafting call: premium alone is 0 and its percentage 0, never a division by zero', () => {
    expect(totalsOf(0.05, 0.05, 0)).toMatchObject({ premiumAloneCostUsd: 0, savingsVsAlonePct: 0 })
  })
})

describe('the words', () => {
  const seed = totalsOf(0.18, 0.25, 0.175)
  test('the seed profile: cheaper at Opus prices, dearer than Opus drafting alone, said in the headline words', () => {
    expect(premiumOnlyWords(seed, 'anthropic:claude-opus-4-8')).toBe('At Opus 4.8 prices: $0.250 (\u221228%)')
    expect(premiumAloneWords(seed, 'anthropic:claude-opus-4-8')).toBe('Opus 4.8 drafting alone, no review: $0.175 (+2.9%)')
    expect(dearerWords(seed, 'anthropic:claude-opus-4-8')).toBe('This run cost 2.9% more than Opus 4.8 drafting alone with no review would have ($0.180 vs $0.175).')
    expect(costLine(seed, 'anthropic:claude-opus-4-8')).toBe('Cost $0.180 · At Opus 4.8 prices: $0.250 (\u221228%) · Opus 4.8 drafting alone, no review: $0.175 (+2.9%)')
  })
  test('a run that saves against both says nothing in the headline', () => {
    const t = totalsOf(0.07, 0.2, 0.14)
    expect(dearerWords(t, 'anthropic:claude-opus-5-5')).toBe('')
    expect(premiumAloneWords(t, 'anthropic:claude-opus-5-5')).toBe('Opus 5.5 drafting alone, no review: $0.140 (\u221250%)')
  })
  test('signs', () => {
    expect(signedChange(28)).toBe('\u221228%')
    expect(signedChange(-2.9)).toBe('+2.9%')
    expect(signedChange(0)).toBe('±0%')
  })
})
