// The reviewer: the premium model reads the issue, the diff and the test result and
// returns a structured verdict. One repair request when the answer does not fit.
import type { ModelCaller } from './calls'
import type { ChatMessage } from './chat'
import { REVIEWER_SYSTEM, VERDICT_REPAIR } from './prompts'
import type { ChatModel } from './providers'
import type { Effort } from './providers/types'
import type { ModelRef } from './settings'
import { parseVerdict, VERDICT_JSON_SCHEMA, type Verdict } from './verdict'

export interface Review {
  verdict: Verdict
  /** Set when the answer never fitted the schema: the review counts as a reject. */
  invalidAnswer?: string
}

export const REVIEW_MAX_TOKENS = 4096

export interface ReviewPrompt {
  /** The same in every review of a run (the issue and the task): cached, read back by re-reviews. */
  prefix: string
  /** This round's part: the diff, the tests, the drafter's summary. */
  round: string
}

/**
 * One review. The system prompt and the prefix carry cache breakpoints: where they reach
 * the model's minimum cacheable size (512 tokens on Opus 5.5) the first review writes them
 * and every re-review reads them at the cache price; below it the provider caches nothing
 * and bills nothing extra. The round's own part (mostly the diff) is not marked: it changes.
 */
export async function reviewDiff(caller: ModelCaller, ref: ModelRef, model: ChatModel, prompt: ReviewPrompt, effort?: Effort): Promise<Review> {
  const answerSchema = { name: 'review_verdict', schema: VERDICT_JSON_SCHEMA }
  const messages: ChatMessage[] = [
    { role: 'user', text: prompt.prefix, cacheBreakpoint: true },
    { role: 'user', text: prompt.round }
  ]
  const request = { system: REVIEWER_SYSTEM, answerSchema, effort }
  const first = await caller.call('reviewer', ref, model, { ...request, messages, cacheHistory: false }, REVIEW_MAX_TOKENS)
  const parsed = parseVerdict(first.text)
  if (parsed.ok) return { verdict: parsed.verdict }
  messages.push({ role: 'assistant', text: first.text, toolCalls: [] }, { role: 'user', text: VERDICT_REPAIR })
  const second = await caller.call('reviewer', ref, model, { ...request, messages, cacheHistory: false }, REVIEW_MAX_TOKENS)
  const repaired = parseVerdict(second.text)
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
