// The two comparisons every figure of a run is shown with, in the words the summary,
// the progress comment, the CLI and the report share. Pure.
import type { CostTotals } from '../meter'
import { usd } from './usd'
import { modelName } from './model-name'

/** The run against a baseline, as a signed change: "−28%" cheaper, "+2.9%" dearer. */
export function signedChange(savingsPct: number): string {
  if (savingsPct === 0) return '±0%'
  // U+2212, the minus sign: a hyphen reads as a dash in a table.
  return savingsPct > 0 ? `\u2212${savingsPct}%` : `+${-savingsPct}%`
}

/** "At Opus 5.5 prices: $0.25 (−28%)": the same tokens, every one at the reviewer's prices. */
export function premiumOnlyWords(t: CostTotals, reviewer: string): string {
  return `At ${modelName(reviewer)} prices: ${usd(t.premiumOnlyCostUsd)} (${signedChange(t.savingsPct)})`
}

/** "Opus 5.5 drafting alone, no review: $0.175 (+2.9%)": the drafter's tokens only, at the reviewer's prices. */
export function premiumAloneWords(t: CostTotals, reviewer: string): string {
  return `${modelName(reviewer)} drafting alone, no review: ${usd(t.premiumAloneCostUsd)} (${signedChange(t.savingsVsAlonePct)})`
}

/** True when the run cost more than the premium model drafting alone would have. */
export function dearerThanAlone(t: CostTotals): boolean {
  return t.premiumAloneCostUsd > 0 && t.costUsd > t.premiumAloneCostUsd
}

/** The sentence for a headline when the split did not pay; '' when it did. */
export function dearerWords(t: CostTotals, reviewer: string): string {
  if (!dearerThanAlone(t)) return ''
  return `This run cost ${-t.savingsVsAlonePct}% more than ${modelName(reviewer)} drafting alone with no review would have (${usd(t.costUsd)} vs ${usd(t.premiumAloneCostUsd)}).`
}

/** One line with the cost and both baselines: the progress comment's closing line and the CLI. */
export function costLine(t: CostTotals, reviewer: string): string {
  return `Cost ${usd(t.costUsd)} · ${premiumOnlyWords(t, reviewer)} · ${premiumAloneWords(t, reviewer)}`
}
