// The reviewer: the premium model reads the issue, the diff and the test result and
// returns a structured verdict. One repair request when the answer does not fit the
// schema; a diff too large for the reviewer's window is cut by whole files first.
import { ContextOverflow, ContextTooLong, type BudgetedCaller } from './calls'
import type { ChatMessage } from './chat'
import { estimateRequestTokens } from './conversation/estimate'
import { fitDiff, type CutFile, type FittedDiff } from './conversation/review-fit'
import { REVIEWER_SYSTEM, VERDICT_REPAIR } from './prompts'
import type { ChatModel, ModelRequest } from './providers'
import { ModelStopped } from './providers/turn'
import type { Effort } from './providers/types'
import type { ModelRef } from './settings'
import { parseVerdict, VERDICT_JSON_SCHEMA, type Verdict } from './verdict'

export interface Review {
  verdict: Verdict
  /** Set when the answer never fitted the schema: the review counts as a reject. */
  invalidAnswer?: string
  /** Files left out of the diff to fit the reviewer's context window. */
  cut?: CutFile[]
}

export const REVIEW_MAX_TOKENS = 4096

export interface ReviewPrompt {
  /** The same in every review of a run (the issue and the task): cached, read back by re-reviews. */
  prefix: string
  /** The whole diff under review. */
  diff: string
  /**
   * This round's part around the diff (tests, the drafter's summary); `cut` names files left
   * out to fit; `testTail`: with the end of the test output (the first thing left out).
   */
  round: (diff: string, cut: CutFile[], testTail: boolean) => string
}

/** No file of the diff fits the reviewer's context window beside the issue: there is nothing to review. */
export class ReviewTooLarge extends Error {
  constructor(readonly model: string, readonly window: number) {
    super(`the reviewer's context window (${window} tokens for ${model}) cannot hold the issue and any one file of the diff: the draft was not reviewed. It is kept on the branch for a person to look at`)
    this.name = 'ReviewTooLarge'
  }
}

/** The share of the diff budget a retry keeps after the server refused a review as too long. */
const RETRY_SHARE = 0.7

/**
 * One review. The system prompt and the prefix carry cache breakpoints: where they reach
 * the model's minimum cacheable size (512 tokens on Opus 5.5) the first review writes them
 * and every re-review reads them at the cache price; below it the provider caches nothing
 * and bills nothing extra. The round's own part (mostly the diff) is not marked: it changes.
 * The diff is fitted to the reviewer's window first (src/conversation/review-fit.ts); a
 * refusal for length (the server counts its own way) is retried once with less of it.
 */
export async function reviewDiff(caller: BudgetedCaller, ref: ModelRef, model: ChatModel, prompt: ReviewPrompt, effort?: Effort): Promise<Review> {
  const answerSchema = { name: 'review_verdict', schema: VERDICT_JSON_SCHEMA }
  const request = { system: REVIEWER_SYSTEM, answerSchema, effort, cacheHistory: false }
  const messagesFor = (round: string): ChatMessage[] => [
    { role: 'user', text: prompt.prefix, cacheBreakpoint: true },
    { role: 'user', text: round }
  ]
  let share = 1
  for (let attempt = 0; ; attempt++) {
    const fitted = fitForReview(caller, ref, prompt, (round) => ({ ...request, messages: messagesFor(round) }), share)
    const messages = messagesFor(prompt.round(fitted.diff, fitted.cut, fitted.testTail))
    let first: Awaited<ReturnType<BudgetedCaller['call']>>
    try {
      first = await caller.call('reviewer', ref, model, { ...request, messages }, REVIEW_MAX_TOKENS)
    } catch (e) {
      if (attempt === 0 && (e instanceof ContextTooLong || e instanceof ContextOverflow)) {
        // The caller learned the server's window and count from the refusal; fit again, tighter.
        share = RETRY_SHARE
        continue
      }
      if (attempt === 0 && e instanceof ModelStopped && e.kind === 'context_full' && e.usage) {
        // The answer ran into the window (paid, unusable): it tells the window the server has.
        caller.limits.learnFromFullAnswer(ref.id, e.usage)
        share = RETRY_SHARE
        continue
      }
      throw e
    }
    return withCut(await readVerdict(caller, ref, model, { ...request, messages }, first.text), fitted.cut)
  }
}

/** The verdict in the answer, or one repair request; an answer that never fits counts as a rejection. */
async function readVerdict(
  caller: BudgetedCaller,
  ref: ModelRef,
  model: ChatModel,
  req: Omit<ModelRequest, 'maxTokens'>,
  text: string
): Promise<Review> {
  const parsed = parseVerdict(text)
  if (parsed.ok) return { verdict: parsed.verdict }
  const messages: ChatMessage[] = [...req.messages, { role: 'assistant', text, toolCalls: [] }, { role: 'user', text: VERDICT_REPAIR }]
  let repaired: ReturnType<typeof parseVerdict> = parsed
  try {
    const second = await caller.call('reviewer', ref, model, { ...req, messages }, REVIEW_MAX_TOKENS)
    repaired = parseVerdict(second.text)
  } catch (e) {
    // The repair carries the first answer too: where that no longer fits the window, the answer stays unreadable.
    if (!(e instanceof ContextTooLong || e instanceof ContextOverflow)) throw e
  }
  if (repaired.ok) return { verdict: repaired.verdict }
  return {
    invalidAnswer: repaired.error,
    verdict: {
      verdict: 'reject',
      summary: `The reviewer's answer could not be read (${repaired.error}); counted as a rejection.`,
      findings: []
    }
  }
}

interface Fitted extends FittedDiff {
  testTail: boolean
}

/**
 * The request cut to what fits: `share` of the window less a whole answer, estimated as the
 * caller estimates (with what the server taught it). The test output's tail goes first, then
 * whole files of the diff.
 */
function fitForReview(
  caller: BudgetedCaller,
  ref: ModelRef,
  prompt: ReviewPrompt,
  requestFor: (round: string) => Omit<ModelRequest, 'maxTokens'>,
  share: number
): Fitted {
  const { window, maxOutput } = caller.budgetOf(ref)
  const ceiling = Math.floor((window - Math.min(REVIEW_MAX_TOKENS, maxOutput)) * share)
  const estimate = (f: Fitted): number => caller.limits.estimate(ref.id, requestFor(prompt.round(f.diff, f.cut, f.testTail)))
  for (const testTail of [true, false]) {
    const whole: Fitted = { diff: prompt.diff, cut: [], testTail }
    if (estimate(whole) <= ceiling) return whole
  }
  // The diff's own budget, in the plain estimate fitDiff counts in: the ceiling less the rest,
  // undone of the scale the server taught the caller.
  const bare = requestFor(prompt.round('', [], false))
  const rest = caller.limits.estimate(ref.id, bare)
  const scale = rest / Math.max(1, estimateRequestTokens(bare))
  let budget = Math.floor((ceiling - rest) / scale)
  // Estimates of parts add up to about the whole: check the request itself, and cut more if it is over.
  for (let i = 0; i < 8 && budget > 0; i++) {
    const fitted: Fitted = { ...fitDiff(prompt.diff, budget), testTail: false }
    if (!fitted.diff.trim()) break
    if (estimate(fitted) <= ceiling) return fitted
    budget = Math.floor(budget * 0.9)
  }
  throw new ReviewTooLarge(ref.id, window)
}

/** The verdict says what the reviewer did not see, for the person who reads the summary. */
function withCut(review: Review, cut: CutFile[]): Review {
  if (cut.length === 0) return review
  const names = cut.map((c) => `\`${c.path}\``).join(', ')
  const note = `(Reviewed without ${cut.length} file${cut.length === 1 ? '' : 's'} left out of the diff to fit the reviewer's context window: ${names}.)`
  return { ...review, cut, verdict: { ...review.verdict, summary: `${review.verdict.summary} ${note}`.trim() } }
}
