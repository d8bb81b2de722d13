// Webhook payloads as GitHub sends them for the events that start a round, built from the
// emulator's state so that ids, node ids and URLs agree with what the API then serves.
import { commentJson, issueJson, pullJson, repoJson, userJson } from './json'
import { reviewJson } from './routes-rounds'
import type { State } from './state'

/** `issue_comment`: on a pull request, `issue` carries a `pull_request` key. */
export function commentEvent(s: State, ownerName: string, commentId: number, action: 'created' | 'edited' | 'deleted' = 'created') {
  const r = s.repoOf(ownerName)
  const c = r.comments.find(x => x.id === commentId)
  if (!c) throw new Error(`emulator: no comment ${commentId} in ${ownerName}`)
  const it = r.items.get(c.issue)!
  return {
    action,
    ...(action === 'edited' ? { changes: { body: { from: c.body } } } : {}),
    issue: issueJson(s, r, it),
    comment: commentJson(s, r, c),
    repository: repoJson(s, r),
    sender: userJson(s, c.user)
  }
}

/** `pull_request_review`: `review.state` in lower case, as webhooks spell it. */
export async function reviewEvent(s: State, ownerName: string, reviewId: number) {
  const r = s.repoOf(ownerName)
  const rv = r.reviews.find(x => x.id === reviewId)
  if (!rv) throw new Error(`emulator: no review ${reviewId} in ${ownerName}`)
  const review = reviewJson(s, r, rv)
  return {
    action: 'submitted',
    review: { ...review, state: rv.state.toLowerCase() },
    pull_request: await pullJson(s, r, r.items.get(rv.pull)!),
    repository: repoJson(s, r),
    sender: userJson(s, rv.user)
  }
}
