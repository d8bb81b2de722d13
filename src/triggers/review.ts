// `pull_request_review: submitted` with changes requested, on draft-review's own pull
// request: another round, with the review's body and line comments as feedback. Pure.
import type { EventInput, TriggerDecision } from './decision'
import { issueOfBranch } from './decision'

export function decideReview({ payload, sender, senderType, repository }: EventInput): TriggerDecision {
  if (payload.action !== 'submitted') return { kind: 'ignore', reason: `pull_request_review event '${payload.action}' is not 'submitted'` }
  const review = payload.review ?? {}
  // Webhooks spell the state in lower case, the REST API in upper case.
  const state = String(review.state ?? '').toLowerCase()
  if (state !== 'changes_requested') return { kind: 'ignore', reason: `the review's state is '${state}', not 'changes_requested'` }
  const author = String(review.user?.login ?? '')
  if (review.user?.type === 'Bot') return { kind: 'ignore', reason: `the review is by the bot ${author}; draft-review never answers a bot` }
  const pr = payload.pull_request ?? {}
  const head = String(pr.head?.ref ?? '')
  const issueNumber = issueOfBranch(head)
  const headRepo = String(pr.head?.repo?.full_name ?? '')
  if (issueNumber === undefined || headRepo.toLowerCase() !== repository.toLowerCase()) {
    return { kind: 'ignore', reason: `pull request #${pr.number} (head ${headRepo}:${head}) is not one draft-review opened` }
  }
  const request = { source: 'review' as const, id: Number(review.id), nodeId: String(review.node_id ?? ''), author, text: String(review.body ?? ''), url: review.html_url }
  return { kind: 'run', trigger: 'review', issueNumber, pullNumber: Number(pr.number), sender, senderType, request }
}
