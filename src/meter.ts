// Counts every model call's tokens and dollars, per (role, model), and answers the
// budget question before a call. Pure: the providers report usage, this adds it up.
import type { Usage } from './chat'
import { costOf, roundUsd, savingsPct, type Price } from './pricing'

export type Role = 'drafter' | 'reviewer'

export interface UsageLine {
  role: Role
  model: string
  calls: number
  inputTokens: number
  outputTokens: number
  cacheReadTokens: number
  cacheWriteTokens: number
  costUsd: number
}

export interface CostTotals {
  costUsd: number
  premiumOnlyCostUsd: number
  savingsPct: number
}

export interface CallCost {
  role: Role
  model: string
  usage: Usage
  costUsd: number
  premiumOnlyCostUsd: number
}

export class CostMeter {
  private readonly lines = new Map<string, UsageLine>()
  private readonly calls: CallCost[] = []
  private spent = 0
  private premiumOnly = 0

  constructor(
    private readonly capUsd: number,
    /** The reviewer's price: the premium-only baseline prices every token at it. */
    private readonly premiumPrice: Price
  ) {}

  record(role: Role, model: string, price: Price, usage: Usage): CallCost {
    const cost = costOf(usage, price)
    const premium = costOf(usage, this.premiumPrice)
    this.spent += cost
    this.premiumOnly += premium
    const key = `${role}\u0000${model}`
    const line = this.lines.get(key) ?? {
      role,
      model,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      costUsd: 0
    }
    line.calls += 1
    line.inputTokens += usage.input
    line.outputTokens += usage.output
    line.cacheReadTokens += usage.cacheRead
    line.cacheWriteTokens += usage.cacheWrite
    line.costUsd += cost
    this.lines.set(key, line)
    const call = { role, model, usage, costUsd: cost, premiumOnlyCostUsd: premium }
    this.calls.push(call)
    return call
  }

  /** Dollars spent so far (unrounded). */
  get spentUsd(): number {
    return this.spent
  }

  get remainingUsd(): number {
    return Math.max(0, this.capUsd - this.spent)
  }

  /**
   * The largest output budget (max_tokens) a call may ask for so that its worst case,
   * every estimated input token uncached plus all of max_tokens, stays within the cap.
   * Returns 0 when even the input alone would not fit.
   */
  affordableOutputTokens(price: Price, estimatedInputTokens: number, wantedMaxTokens: number): number {
    const inputWorst = (estimatedInputTokens * Math.max(price.input, price.cacheWrite)) / 1e6
    const left = this.capUsd - this.spent - inputWorst
    if (left <= 0) return 0
    if (price.output <= 0) return wantedMaxTokens
    return Math.max(0, Math.min(wantedMaxTokens, Math.floor((left * 1e6) / price.output)))
  }

  usage(): UsageLine[] {
    return [...this.lines.values()].map((l) => ({ ...l, costUsd: roundUsd(l.costUsd) }))
  }

  history(): readonly CallCost[] {
    return this.calls
  }

  totals(): CostTotals {
    const costUsd = roundUsd(this.spent)
    const premiumOnlyCostUsd = roundUsd(this.premiumOnly)
    return { costUsd, premiumOnlyCostUsd, savingsPct: savingsPct(costUsd, premiumOnlyCostUsd) }
  }
}
