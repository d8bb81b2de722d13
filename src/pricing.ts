// The built-in price table and the contract's cost formula. Pure: no I/O.
import type { Usage } from './chat'

/** US dollars per million tokens. */
export interface FlatPrice {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

/** Prices that apply to the whole request once its prompt is past `aboveTokens`. */
export interface PriceBand extends FlatPrice {
  aboveTokens: number
}

export interface Price extends FlatPrice {
  /** A long-prompt band (Haiku 5.5 above 100K, OpenAI above 272K); a `prices` override has none. */
  band?: PriceBand
}

/** List prices, standard tier, 5-minute cache writes. Override with the `prices` input. */
export const PRICES_AS_OF = '2026-11-22'

const anthropic = (input: number, output: number, cacheRead: number, cacheWrite = input * 1.25): Price => ({
  input,
  output,
  cacheRead,
  cacheWrite
})
/** OpenAI: above 272K prompt tokens the whole request bills 2x input and cache, 1.5x output. */
const OPENAI_LONG_PROMPT = 272_000
const withOpenAIBand = (p: Price): Price => ({
  ...p,
  band: { aboveTokens: OPENAI_LONG_PROMPT, input: p.input * 2, output: p.output * 1.5, cacheRead: p.cacheRead * 2, cacheWrite: p.cacheWrite * 2 }
})
// OpenAI bills cache writes only from GPT-5.6 on; earlier models report none, so 0 is exact.
// Where the price list shows no cached-input price, cacheRead is the full input price:
// a cached token is then never counted as cheaper than the provider may bill it.
const openai = (input: number, output: number, cacheRead: number, cacheWrite = 0): Price =>
  withOpenAIBand({ input, output, cacheRead, cacheWrite })

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
  // Past 100K prompt tokens Haiku 5.5 bills the whole request at 5x (PROVIDERS.md).
  'anthropic:claude-haiku-5-5': {
    ...anthropic(0.1, 0.5, 0.01),
    band: { aboveTokens: 100_000, input: 0.5, output: 2.5, cacheRead: 0.05, cacheWrite: 0.625 }
  },
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

/** The prompt a call billed: uncached input plus cache reads and writes. */
export function promptTokensOf(usage: Usage): number {
  return usage.input + usage.cacheRead + usage.cacheWrite
}

/** The flat prices that apply to a request whose prompt has `promptTokens` tokens. */
export function priceAt(price: Price, promptTokens: number): FlatPrice {
  return price.band && promptTokens > price.band.aboveTokens ? price.band : price
}

/** Whether a prompt of this size is billed at the model's long-prompt band. */
export function inBand(price: Price, promptTokens: number): boolean {
  return price.band !== undefined && promptTokens > price.band.aboveTokens
}

/** The contract's formula: dollars for one call's tokens, at the band its prompt size falls in. */
export function costOf(usage: Usage, banded: Price): number {
  const price = priceAt(banded, promptTokensOf(usage))
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

/** What a model can take: its context window and its output limit, in tokens. */
export interface ModelLimits {
  contextWindow: number
  maxOutput: number
}

/** The window the contract assumes for a model the table does not know (a local server). */
export const DEFAULT_CONTEXT_TOKENS = 16_000

const ANTHROPIC_5 = { contextWindow: 1_000_000, maxOutput: 128_000 }
const ANTHROPIC_4 = { contextWindow: 200_000, maxOutput: 64_000 }
const OPENAI_1M = { contextWindow: 1_050_000, maxOutput: 128_000 }
const OPENAI_400K = { contextWindow: 400_000, maxOutput: 128_000 }
// Anthropic 5.x and Haiku 4.5: the model pages (PROVIDERS.md). Older 4.x: their standard
// 200K window (the 1M beta needs a header this action does not send). OpenAI: the model
// pages via the gateways' model cards (1,050,000 for GPT-5.4 on, 400K for the GPT-5 family
// and the small tiers, 200K for o3/o4-mini). DeepSeek: 1M and 384K (api-docs.deepseek.com).
const LIMITS: Record<string, ModelLimits> = {
  'anthropic:claude-fable-5-1': ANTHROPIC_5,
  'anthropic:claude-opus-5-5': ANTHROPIC_5,
  'anthropic:claude-opus-5': ANTHROPIC_5,
  'anthropic:claude-opus-4-8': ANTHROPIC_4,
  'anthropic:claude-opus-4-7': ANTHROPIC_4,
  'anthropic:claude-opus-4-6': ANTHROPIC_4,
  'anthropic:claude-opus-4-5': ANTHROPIC_4,
  'anthropic:claude-sonnet-5-5': ANTHROPIC_5,
  'anthropic:claude-sonnet-5': ANTHROPIC_5,
  'anthropic:claude-sonnet-4-6': ANTHROPIC_4,
  'anthropic:claude-sonnet-4-5': ANTHROPIC_4,
  'anthropic:claude-haiku-5-5': ANTHROPIC_5,
  'anthropic:claude-haiku-4-5': ANTHROPIC_4,
  'openai:gpt-6.2-astra': OPENAI_1M,
  'openai:gpt-6.2-sol': OPENAI_1M,
  'openai:gpt-6-astra': OPENAI_1M,
  'openai:gpt-6.1-sol': OPENAI_1M,
  'openai:gpt-6-sol': OPENAI_1M,
  'openai:gpt-6.1-terra': OPENAI_1M,
  'openai:gpt-6-luna': OPENAI_400K,
  'openai:gpt-5.6-sol': OPENAI_1M,
  'openai:gpt-5.6-terra': OPENAI_1M,
  'openai:gpt-5.6-luna': OPENAI_400K,
  'openai:gpt-5.5': OPENAI_1M,
  'openai:gpt-5.4': OPENAI_1M,
  'openai:gpt-5.4-mini': OPENAI_400K,
  'openai:gpt-5.4-nano': OPENAI_400K,
  'openai:gpt-5': OPENAI_400K,
  'openai:gpt-5-mini': OPENAI_400K,
  'openai:gpt-5-nano': OPENAI_400K,
  'openai:o3': { contextWindow: 200_000, maxOutput: 100_000 },
  'openai:o4-mini': { contextWindow: 200_000, maxOutput: 100_000 },
  'openai:deepseek-flash': { contextWindow: 1_000_000, maxOutput: 384_000 },
  'openai:deepseek-v4-pro': { contextWindow: 1_000_000, maxOutput: 384_000 }
}

export const BUILT_IN_LIMITS: Readonly<Record<string, ModelLimits>> = Object.freeze(LIMITS)

/**
 * The limits one request to `model` must respect. `contextTokens` (the input of that
 * name) overrides the window; an unknown model gets the contract's 16,000 and an output
 * limit no larger than the window allows.
 */
export function limitsOf(model: string, contextTokens?: number): ModelLimits {
  const known = BUILT_IN_LIMITS[model]
  const contextWindow = contextTokens ?? known?.contextWindow ?? DEFAULT_CONTEXT_TOKENS
  return { contextWindow, maxOutput: known?.maxOutput ?? contextWindow }
}
