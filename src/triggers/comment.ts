// `issue_comment: created` whose first word is the comment command: another round, on
// the issue or on the pull request draft-review opened for it. Pure.
import { commandText } from './command'
import type { EventInput, TriggerDecision } from './decision'

export function decideComment({ payload, settings, sender, senderType }: EventInput): TriggerDecision {
  if (payload.action !== 'created') return { kind: 'ignore', reason: `issue_comment event '${payload.action}' is not 'created' (an edited comment asks for nothing)` }
  const comment = payload.comment ?? {}
  const author = String(comment.user?.login ?? '')
  if (comment.user?.type === 'Bot') return { kind: 'ignore', reason: `the comment is by the bot ${author}; draft-review never answers a bot` }
  const text = commandText(String(comment.body ?? ''), settings.commentCommand)
  if (text === undefined) return { kind: 'ignore', reason: `the comment does not start with ${settings.commentCommand}` }
  const number = Number(payload.issue?.number)
  if (!Number.isInteger(number) || number < 1) return { kind: 'ignore', reason: 'the event names no issue' }
  const request = { source: 'comment' as const, id: Number(comment.id), nodeId: String(comment.node_id ?? ''), author, text, url: comment.html_url }
  // On a pull request the issue is known only from its head branch, which the run reads.
  if (payload.issue?.pull_request) return { kind: 'run', trigger: 'comment', pullNumber: number, sender, senderType, request }
  return { kind: 'run', trigger: 'comment', issueNumber: number, sender, senderType, request }
}
