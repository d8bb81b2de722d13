// The sentences that tell people what a run is doing and how it ended: in the log and
// in the progress comment. Pure.
import type { LoopEvent, LoopResult, StopReason } from './loop'
import { costLine } from './cost/baselines'
import type { RunReport } from './report'

export interface NarrateContext {
  drafter: () => string
  reviewer: string
  maxDrafts: number
  testCommand: string
}

export function describeEvent(e: LoopEvent, m: NarrateContext): string {
  switch (e.kind) {
    case 'phase':
      if (e.phase === 'drafting') return `Drafting ${e.n} of up to ${m.maxDrafts} with \`${m.drafter()}\``
      if (e.phase === 'testing') return `Running \`${m.testCommand}\` on draft ${e.n}`
      return `Review ${e.n} by \`${m.reviewer}\``
    case 'draft':
      return `Draft ${e.n} by \`${m.drafter()}\`: ${e.result.finished ? 'finished' : 'stopped'} after ${e.result.turns} turns`
    case 'tests':
      return `Tests on draft ${e.n}: ${e.run.passed ? 'passed' : e.run.timedOut ? 'timed out' : `failed (exit ${e.run.exitCode})`}`
    case 'review':
      return `Review ${e.round}: ${e.review.verdict.verdict === 'approve' ? 'approved' : 'rejected'} — ${oneLine(e.review.verdict.summary)}`
    case 'escalate':
      return `Escalated from \`${e.from}\` to \`${e.to}\``
  }
}

/** Events that settle as a failure in the progress comment. */
export function isSetback(e: LoopEvent): 'failed' | 'rejected' | undefined {
  if (e.kind === 'tests' && !e.run.passed) return 'failed'
  if (e.kind === 'review' && e.review.verdict.verdict === 'reject') return 'rejected'
  return undefined
}

const STOPPED_BECAUSE: Record<StopReason, string> = {
  approved: 'the reviewer approved',
  'max-iterations': 'the review cap (max-iterations) was reached',
  'max-cost': 'the next call could have passed the budget (max-cost-usd)',
  'no-changes': 'the drafter changed nothing',
  skipped: 'skipped',
  error: 'an error stopped the run'
}

/** How the run ended, then its cost against both premium baselines. */
export function outcomeLine(report: RunReport, result: LoopResult): string {
  return `${outcomeWords(report, result)}\n\n${costLine(report, report.reviewerModel)}`
}

function outcomeWords(report: RunReport, result: LoopResult): string {
  const pr = report.prUrl ? `pull request #${report.prNumber}: ${report.prUrl}` : undefined
  if (report.approved) return `**Done: ${result.reviews.length ? 'the reviewer approved' : 'drafted by the premium model'}.** Ready for a person to review: ${pr}`
  // A model that refused with nothing drafted ends in no-changes, but it failed all the same.
  if (result.stopReason === 'error' || result.error !== undefined) {
    const where = result.phase ? `${result.phase.phase} (${result.phase.n})` : 'the run'
    return `**Failed while ${where}:** ${oneLine(result.note.replace(/^The run failed: /, ''))}.` + (pr ? ` The work so far is on draft ${pr}` : '')
  }
  return `**Stopped: ${STOPPED_BECAUSE[result.stopReason]}.** ` + (pr ? `The draft is on ${pr}` : 'No pull request was opened.')
}

export function failureLine(where: string, e: unknown, redact: (t: string) => string): string {
  const message = e instanceof Error ? e.message : String(e)
  return `**Failed while ${where}:** ${oneLine(redact(message))}. See the workflow run's log.`
}

/** A publishing fault: its words already say what happened and what is safe. */
export function publishFailureLine(e: { step: string; message: string }, redact: (t: string) => string): string {
  return `**Failed while ${e.step}:** ${oneLine(redact(e.message))}`
}

export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}
