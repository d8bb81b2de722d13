// The reviewer: the premium model reads the issue, the diff and the test result and
// returns a structured verdict. One repair request when the answer does not fit.
import type { ModelCaller } from './calls'
import type { ChatMessage } from './chat'
import { REVIEWER_SYSTEM, VERDICT_REPAIR } from './prompts'
import type { ChatModel } from './providers'
import type { ModelRef } from './settings'
import { parseVerdict, VERDICT_JSON_SCHEMA, type Verdict } from './verdict'

export interface Review {
  verdict: Verdict
  /** Set when the answer never fitted the schema: the review counts as a reject. */
  invalidAnswer?: string
}

export const REVIEW_MAX_TOKENS = 4096

export async function reviewDiff(caller: ModelCaller, ref: ModelRef, model: ChatModel, prompt: string): Promise<Review> {
  const answerSchema = { name: 'review_verdict', schema: VERDICT_JSON_SCHEMA }
  const messages: ChatMessage[] = [{ role: 'user', text: prompt }]
  // A review is one-shot: marking its prompt for the cache would only pay the 1.25x write.
  const first = await caller.call('reviewer', ref, model, { system: REVIEWER_SYSTEM, messages, answerSchema, cacheHistory: false }, REVIEW_MAX_TOKENS)
  const parsed = parseVerdict(first.text)
  if (parsed.ok) return { verdict: parsed.verdict }
  messages.push({ role: 'assistant', text: first.text, toolCalls: [] }, { role: 'user', text: VERDICT_REPAIR })
  const second = await caller.call('reviewer', ref, model, { system: REVIEWER_SYSTEM, messages, answerSchema }, REVIEW_MAX_TOKENS)
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
