// What a run reports: the marker JSON, the summary comment, the job summary and the
// step outputs, all from one RunReport. Pure.
import { costPerIteration, iterationChart } from './charts'
import { dearerWords, premiumAloneWords, premiumOnlyWords } from './cost/baselines'
import { modelName } from './cost/model-name'
import { usd } from './cost/usd'
import { pct, verdictWords, type CategoryStats } from './history'
import type { StopReason, ReviewRecord } from './loop'
import type { CallCost, UsageLine, CostTotals } from './meter'
import { contextNotes, type ContextReport } from './conversation/report-words'
import { formatFinding } from './prompts'
import type { RoundTotals } from './rounds/totals'
import type { RouteDecision } from './routing/route'
import type { Mode } from './workspace/paths'

export const SUMMARY_MARKER = '<!-- draft-review:summary '

export interface RunReport extends CostTotals {
  issue: number
  mode: Mode
  approved: boolean
  stopReason: StopReason
  drafts: number
  reviews: ReviewRecord[]
  usage: UsageLine[]
  /** Every call in order, for the per-iteration chart. */
  calls: readonly CallCost[]
  reviewerModel: string
  /** The drafter tiers that worked, in order. */
  drafterModels: string[]
  category: string
  history?: { stats: CategoryStats; recorded: boolean }
  testCommand: string
  testRuns: { passed: boolean }[]
  /** test-command ran with `test-sandbox: false`: the summary says so. */
  testsUnisolated?: boolean
  toolErrors: number
  cutOffs: number
  /** Context budget, loop sense and estimated usage (src/conversation/). */
  context?: ContextReport
  note: string
  /** Where the run started on the ladder, and who chose it (triage, label, history). */
  routing?: RouteDecision
  prNumber?: number
  prUrl?: string
  branch?: string
  runUrl?: string
  /** Every round on this pull request summed, this one included; absent on the first round. */
  totals?: RoundTotals
}

export const UNISOLATED_WARNING =
  "⚠️ **Tests ran unisolated** (`test-sandbox: false`): the test command, running code the drafter wrote before any review, could reach this job's secrets, files and network."

export function rejectionsOf(r: { reviews: ReviewRecord[] }): number {
  return r.reviews.filter((x) => x.review.verdict.verdict === 'reject').length
}

export function rejectRateOf(r: { reviews: ReviewRecord[] }): number {
  return r.reviews.length === 0 ? 0 : Math.round((rejectionsOf(r) / r.reviews.length) * 1e4) / 1e4
}

/** Did the reviewer approve the first draft it saw? null when nothing was reviewed. */
export function firstReviewApproved(r: { reviews: ReviewRecord[] }): boolean | null {
  const first = r.reviews[0]
  return first ? first.review.verdict.verdict === 'approve' : null
}

/** Reviews and rejections per drafter model whose draft was reviewed: the ledger's per-tier history. */
export function reviewsByDrafter(r: { reviews: ReviewRecord[] }): Record<string, { reviews: number; rejections: number }> {
  const out: Record<string, { reviews: number; rejections: number }> = {}
  for (const x of r.reviews) {
    const t = (out[x.drafterModel] ??= { reviews: 0, rejections: 0 })
    t.reviews++
    if (x.review.verdict.verdict === 'reject') t.rejections++
  }
  return out
}

export function markerJson(r: RunReport): Record<string, unknown> {
  return {
    version: 1,
    issue: r.issue,
    mode: r.mode,
    approved: r.approved,
    stopReason: r.stopReason,
    drafts: r.drafts,
    reviews: r.reviews.length,
    rejections: rejectionsOf(r),
    rejectRate: rejectRateOf(r),
    firstReviewApproved: firstReviewApproved(r),
    costUsd: r.costUsd,
    premiumOnlyCostUsd: r.premiumOnlyCostUsd,
    savingsPct: r.savingsPct,
    premiumAloneCostUsd: r.premiumAloneCostUsd,
    savingsVsAlonePct: r.savingsVsAlonePct,
    usage: r.usage,
    category: r.category,
    drafterModels: r.drafterModels,
    reviewerModel: r.reviewerModel,
    ...(r.totals ? { totals: r.totals } : {}),
    ...(r.context?.estimated ? { estimated: true } : {})
  }
}

/** One line: `-->` cannot appear inside JSON.stringify output unescaped, but `--` could, so escape `>`. */
export function markerLine(r: RunReport): string {
  return `${SUMMARY_MARKER}${JSON.stringify(markerJson(r)).replace(/>/g, '\\u003e')} -->`
}

export function outputsOf(r: RunReport): Record<string, string> {
  return {
    approved: String(r.approved),
    'stop-reason': r.stopReason,
    drafts: String(r.drafts),
    reviews: String(r.reviews.length),
    rejections: String(rejectionsOf(r)),
    'reject-rate': String(rejectRateOf(r)),
    'cost-usd': String(r.costUsd),
    'premium-only-cost-usd': String(r.premiumOnlyCostUsd),
    'savings-pct': String(r.savingsPct),
    'premium-alone-cost-usd': String(r.premiumAloneCostUsd),
    'savings-vs-alone-pct': String(r.savingsVsAlonePct),
    'pr-number': r.prNumber === undefined ? '' : String(r.prNumber),
    'pr-url': r.prUrl ?? '',
    branch: r.branch ?? ''
  }
}

export const STOP_WORDS: Record<StopReason, string> = {
  approved: 'the reviewer approved the draft',
  'max-iterations': 'the review cap (max-iterations) was reached',
  'max-cost': 'the budget (max-cost-usd) would have been passed by the next call',
  'no-changes': 'the drafter changed nothing',
  skipped: 'the run was skipped',
  error: 'an error stopped the run'
}

export { usd }

function tokens(n: number): string {
  return n.toLocaleString('en-US')
}

export function renderSummary(r: RunReport): string {
  const outcome = r.approved
    ? `✅ **Approved** after ${plural(r.reviews.length, 'review')} — ready for a person to review and merge.`
    : `📝 **Not approved**: ${STOP_WORDS[r.stopReason]}. The pull request is a draft.`
  // When the split did not pay, the headline says so: not a footnote under the table.
  const dearer = dearerWords(r, r.reviewerModel)
  const headline = dearer ? `${outcome} **${dearer}**` : outcome
  const rejections = rejectionsOf(r)
  const first = firstReviewApproved(r)
  const lines = [
    markerLine(r),
    `### draft-review: ${r.mode === 'tests' ? 'tests for' : 'change for'} #${r.issue}`,
    '',
    headline,
    r.note ? `\n> ${r.note.split('\n').join('\n> ')}` : '',
    r.testsUnisolated ? `\n${UNISOLATED_WARNING}` : '',
    r.routing ? `\n**Started on ${code(r.drafterModels[0] ?? '')}**, chosen by ${r.routing.chosenBy === 'default' ? 'default (no triage, label or history)' : r.routing.chosenBy}: ${oneLine(r.routing.reason)}` : '',
    '',
    ...allRoundsSection(r),
    `**This run: ${usd(r.costUsd)}**`,
    '',
    `- ${premiumOnlyWords(r, r.reviewerModel)} — every token of this run, the reviews included, at the reviewer model's prices`,
    `- ${premiumAloneWords(r, r.reviewerModel)} — the drafting tokens alone at the reviewer model's prices, as if it had done the work by itself`,
    '',
    `Drafts: ${r.drafts} · Reviews: ${r.reviews.length} · Rejections: ${rejections} · Reject rate: ${pct(rejectRateOf(r))}` +
      ` · First draft ${first === null ? 'not reviewed' : first ? 'approved' : 'rejected'}` +
      (r.testCommand ? ` · Tests: ${testsLine(r.testRuns)}` : ''),
    '',
    '| role | model | calls | input | cached read | cache write | output | cost |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...r.usage.map(
      (u) =>
        `| ${u.role} | ${code(u.model)} | ${u.calls} | ${tokens(u.inputTokens)} | ${tokens(u.cacheReadTokens)} | ${tokens(u.cacheWriteTokens)} | ${tokens(u.outputTokens)} | ${usd(u.costUsd)} |`
    ),
    `| **total** | | ${sum(r.usage, 'calls')} | ${tokens(sum(r.usage, 'inputTokens'))} | ${tokens(sum(r.usage, 'cacheReadTokens'))} | ${tokens(sum(r.usage, 'cacheWriteTokens'))} | ${tokens(sum(r.usage, 'outputTokens'))} | **${usd(r.costUsd)}** |`,
    '',
    ...historySection(r),
    ...handledSection(r),
    ...chartsSection(r),
    ...reviewsSection(r.reviews),
    r.runUrl ? `<sub>[workflow run](${r.runUrl}) · stop reason \`${r.stopReason}\`</sub>` : `<sub>stop reason \`${r.stopReason}\`</sub>`
  ]
  return lines.join('\n').replace(/\n{3,}/g, '\n\n')
}

/** What the whole pull request cost, every round summed: shown from the second round on. */
function allRoundsSection(r: RunReport): string[] {
  const t = r.totals
  if (!t) return []
  return [
    `**All ${t.rounds} rounds on this pull request**`,
    '',
    '| | this round | all rounds |',
    '|---|---:|---:|',
    `| cost | ${usd(r.costUsd)} | **${usd(t.costUsd)}** |`,
    `| at ${modelName(r.reviewerModel)} prices | ${usd(r.premiumOnlyCostUsd)} | ${usd(t.premiumOnlyCostUsd)} |`,
    `| ${modelName(r.reviewerModel)} drafting alone, no review | ${usd(r.premiumAloneCostUsd)} | ${usd(t.premiumAloneCostUsd)} |`,
    `| reviews | ${r.reviews.length} | ${t.reviews} |`,
    `| rejections | ${rejectionsOf(r)} | ${t.rejections} |`,
    ''
  ]
}

function historySection(r: RunReport): string[] {
  if (!r.history) return []
  const s = r.history.stats
  const kind = `${code(r.category)} · ${r.mode}`
  if (s.runs === 0) return [`**This kind of task** (${kind}): no history yet (the ledger is off or could not be written).`, '']
  return [
    `**This kind of task** (${kind}, ${plural(s.runs, 'run')}${r.history.recorded ? ' including this one' : ''}): ` +
      `first drafts approved ${pct(s.firstDraftApprovalRate)} · reject rate ${pct(s.rejectRate)} · ` +
      `saved ${usd(s.savedUsd)} to date (${usd(s.costUsd)} spent vs ${usd(s.premiumOnlyCostUsd)} at ${modelName(r.reviewerModel)} prices)` +
      aloneToDate(s, r.reviewerModel) +
      '.',
    `> ${verdictWords(s)}`,
    ''
  ]
}

function aloneToDate(s: CategoryStats, reviewer: string): string {
  if (s.premiumAloneRuns === 0) return ''
  const over = s.premiumAloneRuns === s.runs ? '' : ` over the ${s.premiumAloneRuns} runs that recorded it`
  return `; ${modelName(reviewer)} drafting alone, no review: ${usd(s.premiumAloneCostUsd)} vs ${usd(s.costOfAloneRunsUsd)} spent${over}`
}

function chartsSection(r: RunReport): string[] {
  const iterations = costPerIteration(r.calls)
  if (iterations.length === 0) return []
  return [
    iterationChart(iterations),
    '',
    'Each bar is one iteration (drafts up to and including a review): the drafter\'s cost at the bottom, the reviewer\'s on top.',
    ''
  ]
}

function handledSection(r: RunReport): string[] {
  const parts = []
  if (r.toolErrors > 0) parts.push(`${plural(r.toolErrors, 'tool call')} failed and went back to the drafter (bad arguments, refused paths, no match)`)
  if (r.cutOffs > 0) parts.push(`${plural(r.cutOffs, 'answer')} cut off at the output limit`)
  const invalid = r.reviews.filter((x) => x.review.invalidAnswer).length
  if (invalid > 0) parts.push(`${plural(invalid, 'review answer')} did not fit the verdict format, counted as rejections`)
  if (r.context) parts.push(...contextNotes(r.context).handled)
  const notices = r.context ? contextNotes(r.context).notices : []
  return [...(parts.length ? [`Handled along the way: ${parts.join('; ')}.`, ''] : []), ...notices.flatMap((n) => [n, ''])]
}

function reviewsSection(reviews: ReviewRecord[]): string[] {
  if (reviews.length === 0) return []
  const out = ['<details><summary>Reviews</summary>', '']
  for (const rec of reviews) {
    const v = rec.review.verdict
    out.push(`**Review ${rec.round}** (draft ${rec.draft} by ${code(rec.drafterModel)}): ${v.verdict === 'approve' ? '✅ approved' : '❌ rejected'} — ${oneLine(v.summary)}`)
    for (const f of v.findings) out.push(formatFinding(f))
    out.push('')
  }
  out.push('</details>', '')
  return out
}

function testsLine(runs: { passed: boolean }[]): string {
  if (runs.length === 0) return 'not run'
  const passed = runs.filter((t) => t.passed).length
  return `${passed} of ${runs.length} runs passed`
}

function sum(lines: UsageLine[], key: 'calls' | 'inputTokens' | 'outputTokens' | 'cacheReadTokens' | 'cacheWriteTokens'): number {
  return lines.reduce((a, l) => a + l[key], 0)
}

function code(s: string): string {
  return '`' + s.replace(/`/g, '') + '`'
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
