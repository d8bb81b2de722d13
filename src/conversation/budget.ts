// How many tokens one request may use, and when the conversation is shortened. Pure.
//
// A request may use `window` tokens (input plus max_tokens). The drafter plans with an
// output reserve, so the input ceiling is `window - reserve`; past a lower working-set
// ceiling (the long-prompt price band, or WORKING_SET_TOKENS) it compacts. Compaction
// goes in steps: past `high` it shortens the history down to `low`, then leaves it alone
// until `high` again, so the provider's prompt cache is invalidated once a step rather
// than every turn (claude-code and OpenHands' condensers also compact at a threshold,
// keeping the head of the conversation and the latest events).
import { estimateRequestTokens, type EstimableRequest } from './estimate'

/** The cost-driven ceiling for a long session on a large window: above it every turn re-reads a long prefix. */
export const WORKING_SET_TOKENS = 200_000
/** A step compacts down to this share of `high`. */
export const LOW_WATER = 0.4
/** The smallest max_tokens worth sending to the drafter. */
export const DRAFTER_FLOOR_TOKENS = 2048

export interface BudgetPlan {
  /** Most tokens one request may use: input plus max_tokens. */
  window: number
  /** Output tokens kept free when planning the input. */
  reserve: number
  /** Most input tokens a request may have. */
  inputCeiling: number
  /** Input tokens past which a compaction step starts. */
  high: number
  /** Input tokens a step compacts down to. */
  low: number
  /** The price band's threshold, when it is what set `high`. */
  bandAbove?: number
  /** The most tokens one new tool result may keep: larger ones are cut when they arrive. */
  maxResultTokens: number
}

export function planBudget(o: { window: number; maxOutput: number; maxTokens: number; bandAbove?: number }): BudgetPlan {
  const floor = Math.min(o.maxTokens, DRAFTER_FLOOR_TOKENS)
  const reserve = Math.max(floor, Math.min(o.maxTokens, o.maxOutput, Math.floor(o.window / 4)))
  const inputCeiling = Math.max(0, o.window - reserve)
  const banded = o.bandAbove !== undefined && o.bandAbove < Math.min(inputCeiling, WORKING_SET_TOKENS)
  const high = Math.min(inputCeiling, WORKING_SET_TOKENS, banded ? o.bandAbove! : Infinity)
  return {
    window: o.window,
    reserve,
    inputCeiling,
    high,
    low: Math.floor(high * LOW_WATER),
    ...(banded ? { bandAbove: o.bandAbove } : {}),
    maxResultTokens: Math.floor(high * 0.3)
  }
}

/**
 * What one model's server taught us: its real window (from a 400 for length) and how
 * much more it counts than our estimate. Shared by the caller and the drafter.
 */
export class ContextLimits {
  private readonly learnedWindow = new Map<string, number>()
  private readonly scale = new Map<string, number>()

  /** The window to plan with for `model`: the configured one, or a smaller one the server named. */
  window(model: string, configured: number): number {
    return Math.min(configured, this.learnedWindow.get(model) ?? Infinity)
  }

  estimate(model: string, req: EstimableRequest): number {
    return Math.ceil(estimateRequestTokens(req) * (this.scale.get(model) ?? 1))
  }

  /**
   * An answer stopped at the context window (Anthropic `model_context_window_exceeded`): its
   * input plus output is the window the server really has.
   */
  learnFromFullAnswer(model: string, usage: { input: number; cacheRead: number; cacheWrite: number; output: number }): void {
    this.learn(model, { limit: usage.input + usage.cacheRead + usage.cacheWrite + usage.output }, 0)
  }

  /** A 400 for length: the server's own window and count, where it said them. */
  learn(model: string, e: { limit?: number; counted?: number }, estimated: number): void {
    if (e.limit) this.learnedWindow.set(model, Math.min(e.limit, this.learnedWindow.get(model) ?? Infinity))
    if (e.counted && estimated > 0 && e.counted > estimated) {
      this.scale.set(model, Math.max(this.scale.get(model) ?? 1, (e.counted / estimated) * 1.05))
    }
  }
}
