import { CostMeter } from '../src/meter'
import { BUILT_IN_PRICES, completePrice, costOf, mergePrices, savingsPct } from '../src/pricing'

const sonnet = BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!
const opus = BUILT_IN_PRICES['anthropic:claude-opus-4-8']!

describe('the contract seed figures', () => {
  test('Sonnet 4.6 drafting 10k/5k and Opus 4.8 reviewing 10k/1k: 0.18, 0.25, 28%', () => {
    const meter = new CostMeter(2, opus)
    meter.record('drafter', 'anthropic:claude-sonnet-4-6', sonnet, { input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 })
    meter.record('reviewer', 'anthropic:claude-opus-4-8', opus, { input: 10_000, output: 1_000, cacheRead: 0, cacheWrite: 0 })
    // Premium alone: the drafter's 10k/5k at Opus 4.8 = 0.05 + 0.125; the split costs 2.9% more than that.
    expect(meter.totals()).toEqual({ costUsd: 0.18, premiumOnlyCostUsd: 0.25, savingsPct: 28, premiumAloneCostUsd: 0.175, savingsVsAlonePct: -2.9 })
    expect(meter.usage()).toEqual([
      { role: 'drafter', model: 'anthropic:claude-sonnet-4-6', calls: 1, inputTokens: 10000, outputTokens: 5000, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.105 },
      { role: 'reviewer', model: 'anthropic:claude-opus-4-8', calls: 1, inputTokens: 10000, outputTokens: 1000, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.075 }
    ])
  })
})

describe('costOf', () => {
  test('prices every token class at its own price', () => {
    expect(costOf({ input: 1e6, output: 1e6, cacheRead: 1e6, cacheWrite: 1e6 }, { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 })).toBeCloseTo(22.05, 10)
  })
  test('built-in cache prices differ by model', () => {
    expect(BUILT_IN_PRICES['anthropic:claude-opus-5-5']).toEqual({ input: 4, output: 20, cacheRead: 0.2, cacheWrite: 5 })
    expect(BUILT_IN_PRICES['anthropic:claude-sonnet-5-5']!.cacheRead).toBe(0.1)
    expect(BUILT_IN_PRICES['openai:gpt-6.1-sol']).toMatchObject({ input: 2, output: 10, cacheRead: 0.1, cacheWrite: 2.5 })
    // Above 272K prompt tokens the whole request bills 2x input and cache, 1.5x output.
    expect(BUILT_IN_PRICES['openai:gpt-6.1-sol']!.band).toEqual({ aboveTokens: 272_000, input: 4, output: 15, cacheRead: 0.2, cacheWrite: 5 })
  })
})

describe('price overrides', () => {
  test('missing cache prices default to 0.1x and 1.25x of input', () => {
    expect(completePrice({ input: 2, output: 8 })).toEqual({ input: 2, output: 8, cacheRead: 0.2, cacheWrite: 2.5 })
  })
  test('an override replaces the built-in entry and adds new models', () => {
    const t = mergePrices({ 'anthropic:claude-opus-4-8': { input: 1, output: 2, cacheRead: 0, cacheWrite: 0 }, 'openai:llama3': { input: 0, output: 0 } })
    expect(t['anthropic:claude-opus-4-8']).toEqual({ input: 1, output: 2, cacheRead: 0, cacheWrite: 0 })
    expect(t['openai:llama3']).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 })
    expect(BUILT_IN_PRICES['anthropic:claude-opus-4-8']!.input).toBe(5)
  })
})

describe('budget', () => {
  test('the output budget shrinks to what the cap leaves, and is 0 when the input alone does not fit', () => {
    const meter = new CostMeter(0.1, opus)
    // 10k input at the cache-write price ($6.25/M) = $0.0625 worst case; $0.0375 left buys 1,500 Opus output tokens.
    expect(meter.affordableOutputTokens(opus, 10_000, 4096)).toBe(1500)
    expect(meter.affordableOutputTokens(opus, 10_000, 1000)).toBe(1000)
    expect(meter.affordableOutputTokens(opus, 20_000, 4096)).toBe(0)
  })
  test('free models are never limited by the budget', () => {
    const meter = new CostMeter(0.01, opus)
    expect(meter.affordableOutputTokens({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }, 1e6, 8192)).toBe(8192)
  })
  test('savingsPct is 0 without a baseline', () => {
    expect(savingsPct(0, 0)).toBe(0)
    expect(savingsPct(0.5, 1)).toBe(50)
  })
})

describe('price bands and model limits', () => {
  test('Haiku 5.5 bills a prompt past 100K whole at the band; the cap check prices the worst case at it', async () => {
    const { costOf, limitsOf, DEFAULT_CONTEXT_TOKENS } = await import('../src/pricing')
    const { CostMeter } = await import('../src/meter')
    const haiku = BUILT_IN_PRICES['anthropic:claude-haiku-5-5']!
    expect(costOf({ input: 100_000, output: 1000, cacheRead: 0, cacheWrite: 0 }, haiku)).toBeCloseTo((100_000 * 0.1 + 1000 * 0.5) / 1e6, 10)
    expect(costOf({ input: 60_000, output: 1000, cacheRead: 30_000, cacheWrite: 20_000 }, haiku)).toBeCloseTo((60_000 * 0.5 + 1000 * 2.5 + 30_000 * 0.05 + 20_000 * 0.625) / 1e6, 10)
    const meter = new CostMeter(0.1, haiku)
    // 150K input at the band's 0.625 write price is $0.094: $0.00625 left buys 2,500 tokens at $2.50/M.
    expect(meter.affordableOutputTokens(haiku, 150_000, 8192)).toBe(2500)
    expect(meter.affordableOutputTokens(haiku, 90_000, 8192)).toBe(8192)
    const call = meter.record('drafter', 'anthropic:claude-haiku-5-5', haiku, { input: 120_000, output: 100, cacheRead: 0, cacheWrite: 0 })
    expect(call.banded).toBe(true)
    expect(meter.bandLines()).toEqual([{ role: 'drafter', model: 'anthropic:claude-haiku-5-5', calls: 1, aboveTokens: 100_000 }])
    expect(limitsOf('anthropic:claude-haiku-5-5')).toEqual({ contextWindow: 1_000_000, maxOutput: 128_000 })
    expect(limitsOf('anthropic:claude-haiku-5-5', 50_000).contextWindow).toBe(50_000)
    expect(limitsOf('openai:qwen3-coder').contextWindow).toBe(DEFAULT_CONTEXT_TOKENS)
    expect(DEFAULT_CONTEXT_TOKENS).toBe(16_000)
  })

  test('estimated usage marks the meter', async () => {
    const { CostMeter } = await import('../src/meter')
    const p = BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!
    const meter = new CostMeter(1, p)
    meter.record('drafter', 'x', p, { input: 10, output: 1, cacheRead: 0, cacheWrite: 0 })
    expect(meter.estimated).toBe(false)
    meter.record('drafter', 'x', p, { input: 10, output: 1, cacheRead: 0, cacheWrite: 0 }, true)
    expect(meter.estimated).toBe(true)
  })
})
