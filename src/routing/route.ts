// Which tier a run starts on, and who chose it: the triage's proposal, the issue's
// category label (which beats the triage's kind), and the ledger's history of that kind
// (which corrects either). Pure: the ledger records come in, a decision goes out.
import { MIN_RUNS_TO_JUDGE, pct, recentRejectRate, SPLIT_WORKS_AT, type LedgerRecord } from '../history'
import type { TriageOutcome } from './triage'

export type ChosenBy = 'triage' | 'label' | 'history' | 'default'

export interface RouteDecision {
  /** 0-based index into the drafter ladder. */
  tier: number
  /** The kind of task the run is recorded under: the category label, else the triage's kind. */
  kind: string
  chosenBy: ChosenBy
  /** The triage's proposal (0-based), when it gave one. */
  proposedTier?: number
  /** Set when the triage answer was unusable: said in the summary. */
  triageNote?: string
  /** Why, in one sentence for the summary. */
  reason: string
}

export interface RouteInputs {
  ladder: string[]
  /** The issue's category label, or 'uncategorized'. */
  category: string
  triage?: TriageOutcome
  /** Ledger records of this mode (every kind): the decision picks the run's kind out of them. */
  records: LedgerRecord[]
  history: { enabled: boolean; threshold: number; window: number }
}

/** The kind a record counts under: its category label, else its triage's kind. */
export function kindOf(r: LedgerRecord): string {
  return r.category !== 'uncategorized' ? r.category : r.triage?.kind ?? 'uncategorized'
}

/** Expected dollars per approved change by starting tier, from the kind's own runs (at least 3 per tier). */
export function costPerApprovedByTier(records: LedgerRecord[], ladder: string[]): (number | null)[] {
  return ladder.map((model) => {
    const rs = records.filter((r) => r.drafterModels[0] === model)
    const approved = rs.filter((r) => r.stopReason === 'approved').length
    if (rs.length < 3 || approved === 0) return null
    return rs.reduce((a, r) => a + r.costUsd, 0) / approved
  })
}

export function decideRoute(i: RouteInputs): RouteDecision {
  const top = i.ladder.length - 1
  const labelled = i.category !== 'uncategorized'
  const answer = i.triage?.ok ? i.triage.answer : undefined
  const triageNote = i.triage && !i.triage.ok ? i.triage.note : undefined
  const kind = labelled ? i.category : answer?.kind ?? 'uncategorized'
  let tier = 0
  let chosenBy: ChosenBy = 'default'
  let reason = 'Started on the first tier of the ladder.'
  if (labelled) {
    chosenBy = 'label'
    reason = `The category label \`${i.category}\` names the kind of task${answer ? ` (the triage said ${answer.kind}, tier ${answer.tier + 1}; a label beats it)` : ''}: started on the first tier.`
  } else if (answer) {
    tier = Math.min(answer.tier, top)
    chosenBy = 'triage'
    reason = `The triage called it ${answer.kind} and proposed tier ${answer.tier + 1}: ${answer.reason}`
  }
  if (!i.history.enabled || i.ladder.length < 2) return { tier, kind, chosenBy, proposedTier: answer?.tier, triageNote, reason }

  const past = i.records.filter((r) => kindOf(r) === kind)
  const { rate, runs } = recentRejectRate(past, i.history.window, i.ladder[0])
  // A kind whose first drafts on the first tier are approved 80% or more is never started higher.
  let keptDown = false
  if (rate !== null && runs >= Math.min(MIN_RUNS_TO_JUDGE, i.history.window)) {
    const firstTierApproval = firstTierFirstDraftApproval(past.slice(-i.history.window), i.ladder[0]!)
    keptDown = firstTierApproval !== null && firstTierApproval >= SPLIT_WORKS_AT
    if (rate > i.history.threshold && tier === 0 && !keptDown) {
      tier = 1
      chosenBy = 'history'
      reason = `${reason} Routed to ${i.ladder[1]}: ${i.ladder[0]}'s recent reject rate on ${kind} is ${pct(rate)} over ${runs} reviewed runs, above route-reject-threshold ${pct(i.history.threshold)}.`
    } else if (keptDown && tier > 0) {
      tier = 0
      chosenBy = 'history'
      reason = `${reason} History kept it on the first tier: ${i.ladder[0]}'s first drafts on ${kind} were approved ${pct(firstTierApproval)} of the time (80% or more).`
    } else if (rate <= i.history.threshold && tier > 0) {
      // The threshold is where starting higher begins to cost less per approved change
      // (the bench's cost model): below it, a higher start costs more for the same result.
      tier = 0
      chosenBy = 'history'
      reason = `${reason} History kept it on the first tier: ${i.ladder[0]}'s recent reject rate on ${kind} is ${pct(rate)} over ${runs} reviewed runs, not above route-reject-threshold ${pct(i.history.threshold)}, below which a higher start costs more per approved change.`
    }
  }
  // The kind's own figures, where it has them (3 runs or more on a start): the start that cost
  // least per approved change wins, up ("premium straight away" when that is the top tier) or down.
  const perApproved = costPerApprovedByTier(past, i.ladder)
  const here = perApproved[tier]
  if (here != null) {
    let best = tier
    perApproved.forEach((c, t) => {
      if (c != null && c < perApproved[best]! && !(keptDown && t > 0)) best = t
    })
    if (best !== tier) {
      const where = best === top ? 'the top tier' : best === 0 ? 'the first tier' : `tier ${best + 1}`
      reason = `${reason} History started it on ${where}: on ${kind}, runs starting there cost $${perApproved[best]!.toFixed(4)} per approved change against $${here.toFixed(4)} starting on ${i.ladder[tier]}.`
      tier = best
      chosenBy = 'history'
    }
  }
  return { tier, kind, chosenBy, proposedTier: answer?.tier, triageNote, reason }
}

/** How often the first tier's first draft was approved, over runs that started on it; null with none. */
function firstTierFirstDraftApproval(records: LedgerRecord[], first: string): number | null {
  const rs = records.filter((r) => r.drafterModels[0] === first && r.firstDraftApproved !== null)
  return rs.length ? rs.filter((r) => r.firstDraftApproved).length / rs.length : null
}
