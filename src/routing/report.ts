// The triage's track record, for `report`: per kind of task, how often the tier it
// proposed drafted a first draft the reviewer approved, and which starting tier was the
// cheapest per approved change in hindsight. Pure.
import { modelName } from '../cost/model-name'
import { usd } from '../cost/usd'
import { pct, type LedgerRecord } from '../history'

export interface TriageRow {
  kind: string
  runs: number
  /** Runs that started on the tier the triage proposed, with a reviewed first draft. */
  onProposal: number
  proposalApproved: number | null
  /** Starting model -> dollars per approved change over the kind's runs that started there. */
  perApproved: Record<string, number>
  cheapest?: string
}

export function triageTable(records: LedgerRecord[]): TriageRow[] {
  const byKind = new Map<string, LedgerRecord[]>()
  for (const r of records) if (r.triage) byKind.set(r.triage.kind, [...(byKind.get(r.triage.kind) ?? []), r])
  return [...byKind].map(([kind, rs]) => {
    const on = rs.filter((r) => r.triage!.proposed !== null && r.triage!.used === r.triage!.proposed && r.firstDraftApproved !== null)
    const perApproved: Record<string, number> = {}
    for (const start of new Set(rs.map((r) => r.triage!.used))) {
      const runs = rs.filter((r) => r.triage!.used === start)
      const approved = runs.filter((r) => r.stopReason === 'approved').length
      if (approved > 0) perApproved[start] = runs.reduce((a, r) => a + r.costUsd, 0) / approved
    }
    const cheapest = Object.entries(perApproved).sort((a, b) => a[1] - b[1])[0]?.[0]
    return {
      kind,
      runs: rs.length,
      onProposal: on.length,
      proposalApproved: on.length ? on.filter((r) => r.firstDraftApproved).length / on.length : null,
      perApproved,
      cheapest
    }
  })
}

export function renderTriageTable(records: LedgerRecord[]): string[] {
  const rows = triageTable(records)
  if (rows.length === 0) return []
  return [
    '#### The triage, by kind of task',
    '',
    '| kind | runs | first drafts approved on the proposed tier | $ per approved change, by starting tier | cheapest start in hindsight |',
    '|---|---:|---:|---|---|',
    ...rows.map((r) => {
      const per = Object.entries(r.perApproved).map(([m, usdPer]) => `${modelName(m)} ${usd(usdPer)}`).join(' · ') || 'n/a'
      return `| ${r.kind} | ${r.runs} | ${pct(r.proposalApproved)} (${r.onProposal} runs) | ${per} | ${r.cheapest ? modelName(r.cheapest) : 'n/a'} |`
    }),
    '',
    'When the proposed tier\'s first drafts are approved 80% or more of the time, the triage is right for that kind; when another start is cheaper per approved change, the ladder or the triage is the thing to tune.',
    ''
  ]
}
