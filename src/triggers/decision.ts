// What a trigger decides: a run (on which issue, started how, with whose words) or
// nothing, with the reason. Shared by the per-event modules.
import type { Mode } from '../workspace/paths'

export type TriggerKind = 'label' | 'dispatch' | 'comment' | 'review'

/** The comment or review that asks for another round. */
export interface RoundRequest {
  source: 'comment' | 'review'
  /** The comment's or review's REST id, and its GraphQL node id (for the 👀 reaction). */
  id: number
  nodeId: string
  author: string
  /** The comment after the command word, or the review's body. */
  text: string
  url?: string
}

export interface RunDecision {
  kind: 'run'
  trigger: TriggerKind
  /** Undefined for a comment on a pull request: the run reads the issue from its head branch. */
  issueNumber?: number
  /** The pull request the event came from, for comments on one and reviews. */
  pullNumber?: number
  sender: string
  senderType: string
  /** Known from the label on `issues` events; otherwise decided once the issue is read. */
  mode?: Mode
  /** The label that started the run: removed at its end when `remove-label` is on. */
  label?: string
  request?: RoundRequest
}

export type TriggerDecision = RunDecision | { kind: 'ignore'; reason: string }

export interface EventInput {
  payload: Record<string, any>
  settings: { label: string; testsLabel: string; commentCommand: string }
  sender: string
  senderType: string
  /** owner/name of the repository the run is in. */
  repository: string
}

export const WRITE_PERMISSIONS = ['admin', 'maintain', 'write']

export function branchFor(issue: number): string {
  return `draft-review/issue-${issue}`
}

/** The issue of a `draft-review/issue-<N>` branch; undefined for any other branch. */
export function issueOfBranch(ref: string): number | undefined {
  const m = /^draft-review\/issue-([1-9]\d*)$/.exec(ref)
  return m ? Number(m[1]) : undefined
}
