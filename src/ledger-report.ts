// The whole ledger at a glance: per category and per drafter model, runs, reject rate,
// cost, premium-only cost and saving, with charts GitHub renders. Pure.
import { barChart } from './charts'
import { signedChange } from './cost/baselines'
import { usd } from './cost/usd'
import { pct, statsOf, verdictWords, type CategoryStats, type LedgerRecord } from './history'
import { BUILT_IN_PRICES, roundUsd, savingsPct, type PriceTable } from './pricing'
import { priceable, project, runRate, whatIf } from './cost/whatif'
import { renderTriageTable } from './routing/report'

export function renderLedgerReport(records: LedgerRecord[], title = 'draft-review: what the ledger says', prices: PriceTable = BUILT_IN_PRICES): string {
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
    ...renderTriageTable(records),
    ...whatIfSection(records, prices),
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

/**
 * The repository's own runs priced under the other pairings of the built-in table, with
 * the seed article's weekly and monthly projection at this repository's run rate.
 */
function whatIfSection(records: LedgerRecord[], prices: PriceTable): string[] {
  const w = whatIf(records, prices)
  if (w.runs === 0) return ['#### What if', '', 'No run in the ledger kept its token counts yet (runs recorded from now on do), so there is nothing to reprice.', '']
  const runs = priceable(records)
  const rate = runRate(records)
  const only = roundUsd(runs.reduce((a, r) => a + r.premiumOnlyCostUsd, 0))
  const alone = roundUsd(runs.reduce((a, r) => a + (r.premiumAloneCostUsd ?? 0), 0))
  const n = `${w.runs} run${w.runs === 1 ? '' : 's'}`
  const row = (label: string, cost: number) => {
    const p = project(cost, w.runs, rate.perWeek)
    return `| ${label} | ${usd(cost)} | ${cost === w.actualUsd ? '' : signedChange(savingsPct(cost, w.actualUsd))} | ${usd(p.week)} | ${usd(p.month)} |`
  }
  const cheapest = [...w.rows].sort((a, b) => a.costUsd - b.costUsd)[0]
  const headline =
    cheapest && cheapest.costUsd < w.actualUsd
      ? `With ${cheapest.label}, these ${n} would have cost ${usd(cheapest.costUsd)} instead of ${usd(w.actualUsd)}.`
      : `No other pairing of the built-in table prices these ${n} below the ${usd(w.actualUsd)} they cost.`
  return [
    '#### What if: other models on these runs',
    '',
    headline +
      ` At this repository's rate, ${Math.round(rate.perWeek * 10) / 10} runs a week (${rate.runs} run${rate.runs === 1 ? '' : 's'} over ${rate.days} day${rate.days === 1 ? '' : 's'}), the setup as run costs ${usd(project(w.actualUsd, w.runs, rate.perWeek).week)} a week and ${usd(project(w.actualUsd, w.runs, rate.perWeek).month)} a month.`,
    '',
    `| ${n}, priced with the same tokens | cost | vs as run | per week | per month |`,
    '|---|---:|---:|---:|---:|',
    row('**as run**', w.actualUsd),
    row('every token at the reviewer model\'s prices', only),
    row('the reviewer model drafting alone, no review', alone),
    ...w.rows.map((r) => row(r.label, r.costUsd)),
    '',
    `Same tokens, other prices (built-in table, each model's own cache prices, no long-prompt bands): another model would use other token counts and be rejected at its own rate, so read these as what the prices alone change. A drafter ladder maps step to step (a run's second tier to the other ladder's second tier).` +
      (w.leftOut ? ` ${w.leftOut} older run${w.leftOut === 1 ? '' : 's'} recorded without token counts ${w.leftOut === 1 ? 'is' : 'are'} left out.` : ''),
    ''
  ]
}
