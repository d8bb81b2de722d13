// The whole ledger at a glance: per category and per drafter model, runs, reject rate,
// cost, premium-only cost and saving, with charts GitHub renders. Pure.
import { barChart } from './charts'
import { signedChange } from './cost/baselines'
import { usd } from './cost/usd'
import { pct, statsOf, verdictWords, type CategoryStats, type LedgerRecord } from './history'
import { savingsPct } from './pricing'

export function renderLedgerReport(records: LedgerRecord[], title = 'draft-review: what the ledger says'): string {
  if (records.length === 0) return `### ${title}\n\nThe ledger is empty: no run has been recorded yet.`
  const byCategory = groupBy(records, (r) => `${r.category} · ${r.mode}`)
  // A run's drafter is the tier that drafted last: the one whose work was judged.
  const byDrafter = groupBy(records, (r) => r.drafterModels[r.drafterModels.length - 1] ?? 'unknown')
  const all = statsOf(records)
  const first = records[0]!.time.slice(0, 10)
  const last = records[records.length - 1]!.time.slice(0, 10)
  return [
    `### ${title}`,
    '',
    `${records.length} runs from ${first} to ${last}: ${usd(all.costUsd)} spent; the same tokens at the reviewer model's prices ${usd(all.premiumOnlyCostUsd)} ` +
      `(**${usd(all.savedUsd)} saved**, ${savingPct(all.costUsd, all.premiumOnlyCostUsd)}); ${aloneWords(all)}.`,
    '',
    '#### By kind of task',
    '',
    table(byCategory, 'kind of task'),
    '',
    ...[...byCategory].map(([kind, rs]) => `- **${kind}**: ${verdictWords(statsOf(rs))}`),
    '',
    '#### By drafter model',
    '',
    table(byDrafter, 'drafter model'),
    '',
    barChart(
      'Spent vs premium-only, by kind of task (USD; pairs of bars)',
      [...byCategory].flatMap(([kind, rs]): [string, number][] => {
        const s = statsOf(rs)
        return [
          [`${kind}`, s.costUsd],
          [`${kind} (premium)`, s.premiumOnlyCostUsd]
        ]
      })
    ),
    '',
    'Rule of thumb: when the reviewer approves 80% or more of first drafts the split works; when it rejects more than 40%, give that kind of task to the premium model.'
  ].join('\n')
}

function table(groups: Map<string, LedgerRecord[]>, label: string): string {
  const rows = [...groups].map(([key, rs]) => {
    const s = statsOf(rs)
    return `| ${key} | ${s.runs} | ${pct(s.firstDraftApprovalRate)} | ${pct(s.rejectRate)} | ${usd(s.costUsd)} | ${usd(s.premiumOnlyCostUsd)} | ${usd(s.savedUsd)} (${savingPct(s.costUsd, s.premiumOnlyCostUsd)}) | ${aloneCell(s)} |`
  })
  return [
    `| ${label} | runs | first drafts approved | reject rate | cost | at reviewer prices | saved | reviewer drafting alone, no review |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows
  ].join('\n')
}

/** Premium-alone against what those same runs cost: older records did not keep it. */
function aloneWords(s: CategoryStats): string {
  if (s.premiumAloneRuns === 0) return 'the reviewer model drafting alone: not recorded for these runs'
  const over = s.premiumAloneRuns === s.runs ? '' : ` (over the ${s.premiumAloneRuns} runs that recorded it, which cost ${usd(s.costOfAloneRunsUsd)})`
  const change = signedChange(savingsPct(s.costOfAloneRunsUsd, s.premiumAloneCostUsd))
  return `the reviewer model drafting alone, no review, ${usd(s.premiumAloneCostUsd)}${over}: this setup ${change}`
}

function aloneCell(s: CategoryStats): string {
  if (s.premiumAloneRuns === 0) return 'n/a'
  const partial = s.premiumAloneRuns === s.runs ? '' : ` (${s.premiumAloneRuns} runs)`
  return `${usd(s.premiumAloneCostUsd)} (${signedChange(savingsPct(s.costOfAloneRunsUsd, s.premiumAloneCostUsd))})${partial}`
}

function savingPct(cost: number, premium: number): string {
  return premium > 0 ? `${Math.round(1000 * (1 - cost / premium)) / 10}%` : 'n/a'
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x])
  return m
}
