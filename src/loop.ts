// The draft -> test -> review loop and its caps. It decides; the steps it calls do the I/O.
import { BudgetExceeded } from './calls'
import type { RouteDecision } from './routing/route'
import { ModelStopped } from './providers/turn'
import type { DraftResult } from './drafter'
import { reviewRejectedMessage, testsFailedMessage } from './prompts'
import type { Review } from './reviewer'
import type { TestRun } from './sandbox/testrun'

export type StopReason = 'approved' | 'max-iterations' | 'max-cost' | 'no-changes' | 'skipped' | 'error'

export interface ReviewRecord {
  round: number
  draft: number
  /** The drafter tier whose draft was reviewed. */
  drafterModel: string
  review: Review
}

export interface LoopResult {
  stopReason: StopReason
  approved: boolean
  drafts: number
  reviews: ReviewRecord[]
  testRuns: TestRun[]
  /** The last draft's own summary, for the pull request body. */
  drafterSummary: string
  /** The drafter tiers that worked, in order (the escalation ladder's steps taken). */
  drafterModels: string[]
  /** Drafter mistakes handled along the way, summed over drafts. */
  toolErrors: number
  cutOffs: number
  /** Loop sense, summed over drafts: nudges for a thrice-repeated call, drafts ended by a fourth. */
  repeatNudges: number
  endedForRepeats: number
  /** Context compaction steps, summed over drafts. */
  compactions: number
  /** What stopped the run, in words, when it was not an approval. */
  note: string
  /** The fault that stopped the run (stopReason 'error'): reported, then rethrown by the caller. */
  error?: unknown
  /** Where the run started on the ladder and who chose it (set by the session, not the loop). */
  routing?: RouteDecision
  /** What the loop was doing last: where a fault happened. */
  phase?: { phase: Phase; n: number }
}

export interface LoopSteps {
  draft(message: string): Promise<DraftResult>
  /** Commits what the draft wrote; returns the whole diff against the base ('' when none). */
  commitDraft(draftNumber: number, summary: string): Promise<string>
  /** Undefined when there is no test command. */
  runTests?(): Promise<TestRun>
  review(diff: string, tests: TestRun | undefined, drafterSummary: string, round: number): Promise<Review>
  /** The model drafting now. */
  drafterModel(): string
  /** The drafter has written something (committed or not). */
  hasWork?(): boolean
  /** Moves drafting to the next tier of the ladder; its model, or undefined at the top. */
  escalate?(): string | undefined
  /** The drafter is the reviewer model itself: its draft gets no second premium review. */
  selfReviewed?(): boolean
  onEvent?(event: LoopEvent): void
}

export type Phase = 'drafting' | 'testing' | 'reviewing'

export type LoopEvent =
  | { kind: 'phase'; phase: Phase; n: number }
  | { kind: 'draft'; n: number; result: DraftResult }
  | { kind: 'tests'; n: number; run: TestRun }
  | { kind: 'review'; round: number; review: Review }
  | { kind: 'escalate'; from: string; to: string }

export interface LoopLimits {
  maxReviews: number
  /** Drafts allowed in all, test-fix rounds included. */
  maxDrafts: number
  testCommand: string
  maxDiffLines: number
  /** Rejections on one tier before the ladder moves up. */
  escalateAfter: number
}

/** Thrown into the result (not truncated, not reviewed) when a diff is over max-diff-lines. */
export class DiffTooLarge extends Error {
  constructor(readonly lines: number, readonly limit: number) {
    super(`the draft's diff has ${lines} lines, over max-diff-lines (${limit}): it was not sent for review. The draft is kept on the branch for a person to look at`)
    this.name = 'DiffTooLarge'
  }
}

/**
 * Changed lines in a unified diff. Only the file headers (`--- a/x`, `+++ b/x`, before a
 * file's first hunk) are left out: inside a hunk a line `++i` or `-- note` is a change too.
 */
export function diffLines(diff: string): number {
  let header = true // from a file's `diff` line to its first `@@`
  let n = 0
  for (const l of diff.split('\n')) {
    if (l.startsWith('diff ')) header = true
    else if (l.startsWith('@@')) header = false
    else if (header && (l.startsWith('+++') || l.startsWith('---'))) continue
    else if (l.startsWith('+') || l.startsWith('-')) n++
  }
  return n
}

export async function runLoop(firstMessage: string, steps: LoopSteps, limits: LoopLimits): Promise<LoopResult> {
  const result: LoopResult = {
    stopReason: 'max-iterations',
    approved: false,
    drafts: 0,
    reviews: [],
    testRuns: [],
    drafterSummary: '',
    drafterModels: [steps.drafterModel()],
    toolErrors: 0,
    cutOffs: 0,
    repeatNudges: 0,
    endedForRepeats: 0,
    compactions: 0,
    note: ''
  }
  const stop = (reason: StopReason, note: string): LoopResult => Object.assign(result, { stopReason: reason, note })
  const enter = (phase: Phase, n: number): void => {
    result.phase = { phase, n }
    steps.onEvent?.({ kind: 'phase', phase, n })
  }
  let message = firstMessage
  let lastReviewedDiff: string | undefined
  let tierRejections = 0
  try {
    for (;;) {
      if (result.drafts >= limits.maxDrafts) {
        return stop('max-iterations', `${result.drafts} drafts made without a passing, reviewable change.`)
      }
      enter('drafting', result.drafts + 1)
      const draft = await steps.draft(message)
      result.drafts++
      result.drafterSummary = draft.summary
      result.toolErrors += draft.toolErrors
      result.cutOffs += draft.cutOffs
      result.repeatNudges += draft.repeatNudges ?? 0
      result.endedForRepeats += draft.endedForRepeats ? 1 : 0
      result.compactions += draft.compactions ?? 0
      steps.onEvent?.({ kind: 'draft', n: result.drafts, result: draft })
      const diff = await steps.commitDraft(result.drafts, draft.summary)
      if (diff.trim() === '') {
        return stop('no-changes', 'The drafter finished without changing any file.')
      }
      let tests: TestRun | undefined
      if (steps.runTests) {
        enter('testing', result.drafts)
        tests = await steps.runTests()
        result.testRuns.push(tests)
        steps.onEvent?.({ kind: 'tests', n: result.drafts, run: tests })
        if (!tests.passed) {
          message = testsFailedMessage(limits.testCommand, tests.exitCode, tests.timedOut, tests.output)
          continue
        }
      }
      const lines = diffLines(diff)
      if (lines > limits.maxDiffLines) throw new DiffTooLarge(lines, limits.maxDiffLines)
      // Before the self-review shortcut: a diff the reviewer already rejected is never
      // reviewed twice, and never approved without a review, whoever drafts it now.
      if (diff === lastReviewedDiff) {
        // Paying for a second review of the same diff would buy the same verdict.
        message = 'You did not change anything since the review. Address the findings above, then call finish.'
        continue
      }
      if (steps.selfReviewed?.()) {
        result.approved = true
        return stop('approved', `Drafted by the premium model (${steps.drafterModel()}) itself: no second premium review was paid for.`)
      }
      const round = result.reviews.length + 1
      enter('reviewing', round)
      const review = await steps.review(diff, tests, draft.summary, round)
      lastReviewedDiff = diff
      result.reviews.push({ round, draft: result.drafts, drafterModel: steps.drafterModel(), review })
      steps.onEvent?.({ kind: 'review', round, review })
      if (review.verdict.verdict === 'approve') {
        result.approved = true
        return stop('approved', '')
      }
      if (result.reviews.length >= limits.maxReviews) {
        return stop('max-iterations', `The reviewer rejected ${result.reviews.length} of ${result.reviews.length} reviews (max-iterations ${limits.maxReviews}).`)
      }
      message = reviewRejectedMessage(review.verdict)
      tierRejections++
      if (steps.escalate && tierRejections >= limits.escalateAfter) {
        const from = steps.drafterModel()
        const to = steps.escalate()
        if (to) {
          tierRejections = 0
          result.drafterModels.push(to)
          steps.onEvent?.({ kind: 'escalate', from, to })
          message = `${escalationNote(from, to, limits.escalateAfter)}\n\n${message}`
        }
      }
    }
  } catch (e) {
    if (e instanceof BudgetExceeded) return stop('max-cost', `Stopped before a call that could pass max-cost-usd: ${e.message}.`)
    if (e instanceof ModelStopped) {
      // A refusal or a filtered answer is reported as what it is: never reviewed as a draft.
      result.error = e
      const nothing = result.drafts === 0 && !(steps.hasWork?.() ?? false)
      const kept = nothing ? 'Nothing was drafted.' : 'What was drafted so far is kept on the branch; it was not reviewed.'
      return stop(nothing ? 'no-changes' : 'error', `The run stopped: ${e.message}. ${kept}`)
    }
    // Keep what was done so far: the drafts are committed and get pushed by the caller.
    result.error = e
    return stop('error', `The run failed: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function escalationNote(from: string, to: string, after: number): string {
  return `(${from} was rejected ${after} times; ${to} takes over the draft from here, with the whole conversation so far.)`
}
