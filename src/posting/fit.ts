// GitHub refuses an issue, pull request or comment body over 65,536 characters (422
// "body is too long"). A summary that would pass it drops detail, findings first, and
// says where the rest is: the job summary holds it whole. Pure.
import type { RunReport } from '../report'

export const GITHUB_BODY_LIMIT = 65_536
/** Room kept for the redactor (a secret's placeholder can be longer than the secret). */
const SLACK = 512

export function pointerLine(runUrl?: string): string {
  const where = runUrl ? `the [workflow run](${runUrl})'s job summary` : "the workflow run's job summary"
  return `\n\n> ✂️ This summary was cut to fit GitHub's ${GITHUB_BODY_LIMIT.toLocaleString('en-US')}-character limit for a comment; the full report is in ${where}.`
}

/**
 * The summary as rendered, or, when too long, rendered again with less: the reviews'
 * findings first, then the reviewers' words, then the note cut short; last, the text is
 * cut (never inside the marker line, which is first).
 */
export function fitSummary(report: RunReport, render: (r: RunReport) => string, limit = GITHUB_BODY_LIMIT): { body: string; cut: boolean } {
  const full = render(report)
  if (full.length <= limit - SLACK) return { body: full, cut: false }
  const pointer = pointerLine(report.runUrl)
  const room = limit - SLACK - pointer.length
  const noFindings: RunReport = {
    ...report,
    reviews: report.reviews.map((rec) => ({ ...rec, review: { ...rec.review, verdict: { ...rec.review.verdict, findings: [] } } }))
  }
  const shortVerdicts: RunReport = {
    ...noFindings,
    reviews: noFindings.reviews.map((rec) => ({ ...rec, review: { ...rec.review, verdict: { ...rec.review.verdict, summary: cutText(rec.review.verdict.summary, 300) } } }))
  }
  const shortNote: RunReport = { ...shortVerdicts, note: cutText(shortVerdicts.note, 2000) }
  for (const attempt of [noFindings, shortVerdicts, shortNote]) {
    const body = render(attempt)
    if (body.length <= room) return { body: body + pointer, cut: true }
  }
  const body = render(shortNote)
  const firstBreak = body.indexOf('\n')
  const keep = Math.max(room, firstBreak + 1)
  return { body: cutText(body, keep) + pointer, cut: true }
}

/** Cut at a character count without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = Math.max(0, max - 1)
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--
  return text.slice(0, end) + '…'
}
