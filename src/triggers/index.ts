// Which event starts what: one module per kind of trigger, this one picks among them.
// All pure: the run checks permissions and reads what the payload does not carry.
import type { Mode } from '../workspace/paths'
import { decideComment } from './comment'
import type { EventInput, TriggerDecision } from './decision'
import { decideDispatch, decideLabel } from './label'
import { decideReview } from './review'

export { defaultBranchOf, readRunContext, type RunContext } from './context'
export { commandText } from './command'
export { branchFor, issueOfBranch, WRITE_PERMISSIONS, type RoundRequest, type RunDecision, type TriggerDecision, type TriggerKind } from './decision'

export function decideTrigger(
  ctx: { eventName: string; payload: Record<string, any>; owner?: string; repo?: string },
  settings: { label: string; testsLabel: string; commentCommand?: string },
  issueInput?: number
): TriggerDecision {
  const input: EventInput = {
    payload: ctx.payload,
    settings: { ...settings, commentCommand: settings.commentCommand ?? '/draft-review' },
    sender: String(ctx.payload.sender?.login ?? ''),
    senderType: String(ctx.payload.sender?.type ?? 'User'),
    repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : String(ctx.payload.repository?.full_name ?? '')
  }
  switch (ctx.eventName) {
    case 'issues':
      return decideLabel(input)
    case 'workflow_dispatch':
      return decideDispatch(input, issueInput)
    case 'issue_comment':
      return decideComment(input)
    case 'pull_request_review':
      return decideReview(input)
  }
  if (issueInput) return { kind: 'run', trigger: 'dispatch', issueNumber: issueInput, sender: input.sender, senderType: input.senderType }
  return { kind: 'ignore', reason: `event '${ctx.eventName}' does not start a run (use issues: labeled, issue_comment, pull_request_review or workflow_dispatch)` }
}

export function modeFromLabels(labels: string[], testsLabel: string): Mode {
  return labels.includes(testsLabel) ? 'tests' : 'changes'
}
