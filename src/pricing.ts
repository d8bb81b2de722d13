// The built-in price table and the contract's cost formula. Pure: no I/O.
import type { Usage } from './chat'

/** US dollars per million tokens. */
export interface Price {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

/** List prices, standard tier, 5-minute cache writes. Override with the `prices` input. */
export const PRICES_AS_OF = '2026-11-22'

const anthropic = (input: number, output: number, cacheRead: number, cacheWrite = input * 1.25): Price => ({
  input,
  output,
  cacheRead,
  cacheWrite
})
// OpenAI bills cache writes only from GPT-5.6 on; earlier models report none, so 0 is exact.
// Where the price list shows no cached-input price, cacheRead is the full input price:
// a cached token is then never counted as cheaper than the provider may bill it.
const openai = (input: number, output: number, cacheRead: number, cacheWrite = 0): Price => ({
  input,
  output,
  cacheRead,
  cacheWrite
})

const TABLE: Record<string, Price> = {
  'anthropic:claude-fable-5-1': anthropic(10, 50, 0.25),
  'anthropic:claude-opus-5-5': anthropic(4, 20, 0.2),
  'anthropic:claude-opus-5': anthropic(5, 25, 0.5),
  'anthropic:claude-opus-4-8': anthropic(5, 25, 0.5),
  'anthropic:claude-opus-4-7': anthropic(5, 25, 0.5),
  'anthropic:claude-opus-4-6': anthropic(5, 25, 0.5),
  'anthropic:claude-opus-4-5': anthropic(5, 25, 0.5),
  'anthropic:claude-sonnet-5-5': anthropic(2, 10, 0.1),
  'anthropic:claude-sonnet-5': anthropic(2, 10, 0.2),
  'anthropic:claude-sonnet-4-6': anthropic(3, 15, 0.3),
  'anthropic:claude-sonnet-4-5': anthropic(3, 15, 0.3),
  'anthropic:claude-haiku-5-5': anthropic(0.1, 0.5, 0.01),
  'anthropic:claude-haiku-4-5': anthropic(1, 5, 0.1),
  'openai:gpt-6.2-astra': openai(8, 40, 8),
  'openai:gpt-6.2-sol': openai(2, 10, 0.1, 2.5),
  'openai:gpt-6-astra': openai(10, 50, 1, 12.5),
  'openai:gpt-6.1-sol': openai(2, 10, 0.1, 2.5),
  'openai:gpt-6-sol': openai(2, 10, 0.2, 2.5),
  'openai:gpt-6.1-terra': openai(1, 5, 0.05, 1.25),
  'openai:gpt-6-luna': openai(0.1, 0.5, 0.01, 0.125),
  'openai:gpt-5.6-sol': openai(4, 20, 4, 5),
  'openai:gpt-5.6-terra': openai(2, 12, 0.2, 2.5),
  'openai:gpt-5.6-luna': openai(0.2, 1.2, 0.02, 0.25),
  'openai:gpt-5.5': openai(5, 30, 0.5),
  'openai:gpt-5.4': openai(2.5, 15, 0.25),
  'openai:gpt-5.4-mini': openai(0.75, 4.5, 0.075),
  'openai:gpt-5.4-nano': openai(0.2, 1.25, 0.02),
  'openai:gpt-5': openai(1.25, 10, 0.125),
  'openai:gpt-5-mini': openai(0.25, 2, 0.025),
  'openai:gpt-5-nano': openai(0.05, 0.4, 0.005),
  'openai:o3': openai(2, 8, 2),
  'openai:o4-mini': openai(1.1, 4.4, 1.1)
}

export type PriceTable = Readonly<Record<string, Price>>

export const BUILT_IN_PRICES: PriceTable = Object.freeze(TABLE)

/** A price override as the `prices` input gives it: cache prices may be left out. */
export interface PriceOverride {
  input: number
  output: number
  cacheRead?: number
  cacheWrite?: number
}

/** The contract's defaults for an override: cache reads 0.1x and writes 1.25x of input. */
export function completePrice(o: PriceOverride): Price {
  return {
    input: o.input,
    output: o.output,
    cacheRead: o.cacheRead ?? o.input * 0.1,
    cacheWrite: o.cacheWrite ?? o.input * 1.25
  }
}

export function mergePrices(overrides: Record<string, PriceOverride>): PriceTable {
  const merged: Record<string, Price> = { ...BUILT_IN_PRICES }
  for (const [model, o] of Object.entries(overrides)) merged[model] = completePrice(o)
  return Object.freeze(merged)
}

/** The price of `provider:model`, or undefined when neither the table nor an override knows it. */
export function priceOf(table: PriceTable, model: string): Price | undefined {
  return table[model]
}

/** The contract's formula: dollars for one call's tokens at one price. */
export function costOf(usage: Usage, price: Price): number {
  return (
    (usage.input * price.input +
      usage.output * price.output +
      usage.cacheRead * price.cacheRead +
      usage.cacheWrite * price.cacheWrite) /
    1e6
  )
}

/**
 * Rounds a dollar figure for reports: sums of float products carry noise
 * (0.18000000000000002), and a millionth of a dollar is below anything billed.
 */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6
}

/** `100 * (1 - cost / premiumOnly)`, one decimal; 0 when there is no baseline. */
export function savingsPct(cost: number, premiumOnly: number): number {
  if (premiumOnly <= 0) return 0
  return Math.round(1000 * (1 - cost / premiumOnly)) / 10
}
