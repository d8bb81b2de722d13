// `issues: labeled` and `workflow_dispatch`: a run on the issue, in the label's mode.
import { InputError } from '../settings'
import type { Mode } from '../workspace/paths'
import type { EventInput, TriggerDecision } from './decision'

export function decideLabel({ payload, settings, sender, senderType }: EventInput): TriggerDecision {
  if (payload.action !== 'labeled') return { kind: 'ignore', reason: `issues event '${payload.action}' is not 'labeled'` }
  const added = String(payload.label?.name ?? '')
  const mode: Mode | undefined = added === settings.label ? 'changes' : added === settings.testsLabel ? 'tests' : undefined
  if (!mode) return { kind: 'ignore', reason: `label '${added}' is neither '${settings.label}' nor '${settings.testsLabel}'` }
  const number = Number(payload.issue?.number)
  if (!Number.isInteger(number) || number < 1) return { kind: 'ignore', reason: 'the event names no issue' }
  if (payload.issue?.pull_request) return { kind: 'ignore', reason: `#${number} is a pull request, not an issue` }
  return { kind: 'run', trigger: 'label', issueNumber: number, sender, senderType, mode, label: added }
}

export function decideDispatch({ payload, sender, senderType }: EventInput, issueInput?: number): TriggerDecision {
  const fromInputs = Number(payload.inputs?.['issue-number'] ?? payload.inputs?.issue_number ?? NaN)
  const number = issueInput ?? (Number.isInteger(fromInputs) && fromInputs > 0 ? fromInputs : undefined)
  if (!number) throw new InputError('issue-number', 'is required for workflow_dispatch runs: name the issue to work on.')
  return { kind: 'run', trigger: 'dispatch', issueNumber: number, sender, senderType }
}
