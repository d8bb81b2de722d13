// The figures of every round on one pull request, summed from the summary comment's
// marker (it carries the totals so far) and this round. Pure.
import { roundUsd } from '../pricing'

export interface RoundTotals {
  rounds: number
  costUsd: number
  premiumOnlyCostUsd: number
  premiumAloneCostUsd: number
  reviews: number
  rejections: number
}

export interface RoundFigures {
  costUsd: number
  premiumOnlyCostUsd: number
  premiumAloneCostUsd?: number
  reviews: number
  rejections: number
}

const MARKER = '<!-- draft-review:summary '

/** The marker JSON of a summary comment, or undefined when there is none or it does not parse. */
export function markerIn(body: string | undefined): Record<string, unknown> | undefined {
  const line = body?.split('\n').find((l) => l.startsWith(MARKER) && l.trimEnd().endsWith('-->'))
  if (!line) return undefined
  try {
    const json = JSON.parse(line.slice(MARKER.length, line.trimEnd().length - '-->'.length).trim())
    return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : undefined
  } catch {
    return undefined
  }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0)

/** What the earlier rounds add up to: the marker's totals, or its own figures when it was a single round. */
export function totalsSoFar(marker: Record<string, unknown> | undefined): RoundTotals | undefined {
  if (!marker) return undefined
  const t = marker.totals
  if (typeof t === 'object' && t !== null) {
    const o = t as Record<string, unknown>
    return {
      rounds: Math.max(1, Math.floor(num(o.rounds))),
      costUsd: num(o.costUsd),
      premiumOnlyCostUsd: num(o.premiumOnlyCostUsd),
      premiumAloneCostUsd: num(o.premiumAloneCostUsd),
      reviews: num(o.reviews),
      rejections: num(o.rejections)
    }
  }
  return {
    rounds: 1,
    costUsd: num(marker.costUsd),
    premiumOnlyCostUsd: num(marker.premiumOnlyCostUsd),
    premiumAloneCostUsd: num(marker.premiumAloneCostUsd),
    reviews: num(marker.reviews),
    rejections: num(marker.rejections)
  }
}

/** The totals with this round added; undefined on the first round (the marker then carries none). */
export function addRound(before: RoundTotals | undefined, round: RoundFigures): RoundTotals | undefined {
  if (!before) return undefined
  return {
    rounds: before.rounds + 1,
    costUsd: roundUsd(before.costUsd + round.costUsd),
    premiumOnlyCostUsd: roundUsd(before.premiumOnlyCostUsd + round.premiumOnlyCostUsd),
    premiumAloneCostUsd: roundUsd(before.premiumAloneCostUsd + (round.premiumAloneCostUsd ?? 0)),
    reviews: before.reviews + round.reviews,
    rejections: before.rejections + round.rejections
  }
}
