// The words that ask for another round, as the drafter gets them: the comment after the
// command, or the review's body and each line comment with its path and line. Only text
// by people with write permission is kept; each author's own permission decides.
import type { LineComment, RoundsApi } from './api'
import type { RoundRequest } from './decision'
import { sanitizeUntrusted } from '../untrusted/sanitize'

export interface Feedback {
  source: 'comment' | 'review'
  author: string
  text: string
  lineComments: LineComment[]
  /** Line comments left out because their author cannot write to the repository. */
  withheld: number
}

export async function gatherFeedback(
  api: RoundsApi,
  request: RoundRequest,
  pullNumber: number | undefined,
  canWrite: (login: string) => Promise<boolean>
): Promise<Feedback> {
  const feedback: Feedback = { source: request.source, author: request.author, text: request.text, lineComments: [], withheld: 0 }
  if (request.source !== 'review' || pullNumber === undefined) return feedback
  for (const c of await api.reviewComments(pullNumber, request.id)) {
    if (await canWrite(c.author)) feedback.lineComments.push(c)
    else feedback.withheld++
  }
  return feedback
}

/** Caches one permission look-up per login for the run; an empty login has none. */
export function permissionCache(lookup: (login: string) => Promise<string>): (login: string) => Promise<string> {
  const seen = new Map<string, Promise<string>>()
  return (login) => {
    const key = login.toLowerCase()
    let p = seen.get(key)
    if (!p) seen.set(key, (p = login ? lookup(login) : Promise.resolve('none')))
    return p
  }
}

/**
 * Strips what a reader of the comment on GitHub does not see but a model would: HTML
 * comments, invisible and bidi control characters, hidden markdown (the shared sanitizer).
 */
export function cleanUntrusted(text: string): string {
  // One sanitizer for every text anyone can write (src/untrusted/sanitize.ts).
  return sanitizeUntrusted(text.replace(/\r\n?/g, '\n'))
}
