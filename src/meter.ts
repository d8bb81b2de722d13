// Counts every model call's tokens and dollars, per (role, model), and answers the
// budget question before a call. Pure: the providers report usage, this adds it up.
import type { Usage } from './chat'
import { costOf, inBand, priceAt, promptTokensOf, roundUsd, savingsPct, type Price } from './pricing'

export type Role = 'drafter' | 'reviewer' | 'triage'

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

/**
 * The run's cost and its two baselines, both at the reviewer model's prices:
 * premium-only prices every token of the run (the review included); premium-alone
 * prices only the drafter calls' tokens, as if the premium model had done the work
 * by itself with nobody reviewing it.
 */
export interface CostTotals {
  costUsd: number
  premiumOnlyCostUsd: number
  savingsPct: number
  premiumAloneCostUsd: number
  /** Negative when the run cost more than the premium model drafting alone. */
  savingsVsAlonePct: number
}

export interface CallCost {
  role: Role
  model: string
  usage: Usage
  costUsd: number
  premiumOnlyCostUsd: number
  /** The call at the reviewer's prices when it is drafting work; 0 for a review. */
  premiumAloneCostUsd: number
  /** The server reported no usage: these tokens are our own estimate. */
  estimated?: boolean
  /** The prompt was past the model's long-prompt band and billed at its prices. */
  banded?: boolean
}

/** Calls of one (role, model) whose prompts were billed at the long-prompt band. */
export interface BandLine {
  role: Role
  model: string
  calls: number
  aboveTokens: number
}

/** Calls that count as the work itself: the premium model doing it alone would make them too. */
export function isWork(role: Role): boolean {
  return role === 'drafter'
}

export class CostMeter {
  private readonly lines = new Map<string, UsageLine>()
  private readonly calls: CallCost[] = []
  private readonly bands = new Map<string, BandLine>()
  private spent = 0
  private premiumOnly = 0
  private premiumAlone = 0

  constructor(
    private readonly capUsd: number,
    /** The reviewer's price: the premium-only baseline prices every token at it. */
    private readonly premiumPrice: Price
  ) {}

  record(role: Role, model: string, price: Price, usage: Usage, estimated = false): CallCost {
    // Each call priced on its own, at its own prompt size: costOf applies a model's
    // long-prompt band per call, so both baselines see the same bands the bill does.
    const cost = costOf(usage, price)
    const banded = inBand(price, promptTokensOf(usage))
    if (banded) {
      const key = `${role}\u0000${model}`
      const b = this.bands.get(key) ?? { role, model, calls: 0, aboveTokens: price.band!.aboveTokens }
      b.calls++
      this.bands.set(key, b)
    }
    const premium = costOf(usage, this.premiumPrice)
    const alone = isWork(role) ? premium : 0
    this.spent += cost
    this.premiumOnly += premium
    this.premiumAlone += alone
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
    const call: CallCost = {
      role,
      model,
      usage,
      costUsd: cost,
      premiumOnlyCostUsd: premium,
      premiumAloneCostUsd: alone,
      ...(estimated ? { estimated } : {}),
      ...(banded ? { banded } : {})
    }
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

  /** Some call's tokens were estimated because its server reported no usage. */
  get estimated(): boolean {
    return this.calls.some((c) => c.estimated)
  }

  /** Calls billed at a long-prompt band, per (role, model). */
  bandLines(): BandLine[] {
    return [...this.bands.values()].map((b) => ({ ...b }))
  }

  /**
   * The largest output budget (max_tokens) a call may ask for so that its worst case,
   * every estimated input token uncached plus all of max_tokens, at the prices of the
   * band that prompt size falls in, stays within the cap. Returns 0 when even the input
   * alone would not fit.
   */
  affordableOutputTokens(banded: Price, estimatedInputTokens: number, wantedMaxTokens: number): number {
    const price = priceAt(banded, estimatedInputTokens)
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
    return totalsOf(this.spent, this.premiumOnly, this.premiumAlone)
  }
}

/** Rounded totals and both percentages, from unrounded sums (a run's, or a ledger's). */
export function totalsOf(spent: number, premiumOnly: number, premiumAlone: number): CostTotals {
  const costUsd = roundUsd(spent)
  const premiumOnlyCostUsd = roundUsd(premiumOnly)
  const premiumAloneCostUsd = roundUsd(premiumAlone)
  return {
    costUsd,
    premiumOnlyCostUsd,
    savingsPct: savingsPct(costUsd, premiumOnlyCostUsd),
    premiumAloneCostUsd,
    savingsVsAlonePct: savingsPct(costUsd, premiumAloneCostUsd)
  }
}
