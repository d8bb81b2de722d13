// What a local run prints: progress lines while it works, and at the end a summary laid
// out for a terminal (aligned columns, no markdown, no marker) from the same RunReport the
// summary comment is made of. Pure, apart from TerminalProgress's write callback.
import { costLine, dearerWords } from '../cost/baselines'
import { pct } from '../history'
import { formatFinding } from '../prompts'
import { firstReviewApproved, rejectionsOf, rejectRateOf, STOP_WORDS, usd, type RunReport } from '../report'
import type { ProgressSink } from '../session'

/** Terminal lines instead of a comment: one per phase and per result. */
export class TerminalProgress implements ProgressSink {
  constructor(private readonly write: (line: string) => void) {}
  working(text: string): void {
    this.write(`⏳ ${plain(text)}`)
  }
  settle(icon: 'done' | 'failed' | 'rejected', text: string): void {
    this.write(`${icon === 'done' ? '✅' : icon === 'failed' ? '❌' : '🔁'} ${plain(text)}`)
  }
}

export interface TerminalContext {
  /** The issue's title (a local issue file has no number). */
  title: string
  /** The local branch the work is on. */
  branch: string
}

export function renderTerminalSummary(r: RunReport, where: TerminalContext): string {
  const subject = `${r.mode === 'tests' ? 'tests for' : 'a change for'} ${r.issue > 0 ? `#${r.issue} ` : ''}"${where.title}"`
  const pr = r.prUrl ? `pull request #${r.prNumber}${r.approved ? '' : ' (a draft)'}: ${r.prUrl}` : undefined
  const headline = r.approved
    ? `Approved after ${plural(r.reviews.length, 'review')}: ready for you to read and merge.`
    : `Not approved: ${STOP_WORDS[r.stopReason]}.`
  const first = firstReviewApproved(r)
  const counts =
    `Drafts ${r.drafts} · reviews ${r.reviews.length} · rejections ${rejectionsOf(r)} · reject rate ${pct(rejectRateOf(r))}` +
    ` · first draft ${first === null ? 'not reviewed' : first ? 'approved' : 'rejected'}` +
    (r.testCommand ? ` · tests: ${testsLine(r.testRuns)}` : '')
  const lines = [
    `draft-review: ${subject}`,
    headline,
    ...(r.note ? r.note.split('\n').map((l) => `  ${l}`) : []),
    '',
    costLine(r, r.reviewerModel),
    ...(dearerWords(r, r.reviewerModel) ? [dearerWords(r, r.reviewerModel)] : []),
    counts,
    '',
    ...usageTable(r),
    ...reviewLines(r),
    pr ? `The work is on ${where.branch} and in ${pr}` : `The work is on the local branch ${where.branch}; no pull request was opened.`
  ]
  return lines.join('\n').replace(/\n{3,}/g, '\n\n')
}

function usageTable(r: RunReport): string[] {
  if (r.usage.length === 0) return []
  const n = (x: number): string => x.toLocaleString('en-US')
  const total = (k: 'calls' | 'inputTokens' | 'cacheReadTokens' | 'cacheWriteTokens' | 'outputTokens'): number => r.usage.reduce((a, u) => a + u[k], 0)
  const rows = [
    ['role', 'model', 'calls', 'input', 'cache read', 'cache write', 'output', 'cost'],
    ...r.usage.map((u) => [u.role, u.model, n(u.calls), n(u.inputTokens), n(u.cacheReadTokens), n(u.cacheWriteTokens), n(u.outputTokens), usd(u.costUsd)]),
    ['total', '', n(total('calls')), n(total('inputTokens')), n(total('cacheReadTokens')), n(total('cacheWriteTokens')), n(total('outputTokens')), usd(r.costUsd)]
  ]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)))
  // Names to the left, figures to the right, as a reader compares them.
  const line = (row: string[]): string => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()
  return [...rows.map(line), '']
}

function reviewLines(r: RunReport): string[] {
  const out: string[] = []
  for (const rec of r.reviews) {
    const v = rec.review.verdict
    out.push(`Review ${rec.round} (draft ${rec.draft} by ${rec.drafterModel}): ${v.verdict === 'approve' ? 'approved' : 'rejected'}: ${oneLine(v.summary)}`)
    for (const f of v.findings) out.push(`  ${plain(formatFinding(f))}`)
  }
  return out.length ? [...out, ''] : []
}

function testsLine(runs: { passed: boolean }[]): string {
  if (runs.length === 0) return 'not run'
  return `${runs.filter((t) => t.passed).length} of ${runs.length} runs passed`
}

/** Markdown emphasis and code marks mean nothing in a terminal. */
export function plain(s: string): string {
  return s.replace(/\*\*/g, '').replace(/`/g, '')
}

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()
const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`
