// Which issue, in which mode, started by whom: from the event the runner hands us.
// `decideTrigger` is pure; `readRunContext` reads the runner's variables and event file.
import { readFileSync } from 'node:fs'
import { InputError } from './settings'
import type { Mode } from './workspace/paths'

export interface RunContext {
  eventName: string
  payload: Record<string, any>
  owner: string
  repo: string
  apiUrl: string
  serverUrl: string
  workspace: string
  runId?: string
  runUrl?: string
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set to owner/name: is this running in GitHub Actions?')
  const eventPath = env.GITHUB_EVENT_PATH
  let payload: Record<string, any> = {}
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8'))
    } catch (e) {
      throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH (${(e as Error).message}).`)
    }
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runId: env.GITHUB_RUN_ID,
    runUrl
  }
}

export type RunDecision = { kind: 'run'; issueNumber: number; sender: string; senderType: string; mode?: Mode }
export type TriggerDecision = RunDecision | { kind: 'ignore'; reason: string }

/**
 * `mode` is known from the label on `issues` events; on workflow_dispatch it is left
 * undefined and decided from the issue's labels once fetched (`modeFromLabels`).
 */
export function decideTrigger(
  ctx: Pick<RunContext, 'eventName' | 'payload'>,
  labels: { label: string; testsLabel: string },
  issueInput?: number
): TriggerDecision {
  const sender = String(ctx.payload.sender?.login ?? '')
  const senderType = String(ctx.payload.sender?.type ?? 'User')
  if (ctx.eventName === 'issues') {
    if (ctx.payload.action !== 'labeled') return { kind: 'ignore', reason: `issues event '${ctx.payload.action}' is not 'labeled'` }
    const added = String(ctx.payload.label?.name ?? '')
    const mode: Mode | undefined = added === labels.label ? 'changes' : added === labels.testsLabel ? 'tests' : undefined
    if (!mode) return { kind: 'ignore', reason: `label '${added}' is neither '${labels.label}' nor '${labels.testsLabel}'` }
    const number = Number(ctx.payload.issue?.number)
    if (!Number.isInteger(number) || number < 1) return { kind: 'ignore', reason: 'the event names no issue' }
    if (ctx.payload.issue?.pull_request) return { kind: 'ignore', reason: `#${number} is a pull request, not an issue` }
    return { kind: 'run', issueNumber: number, sender, senderType, mode }
  }
  if (ctx.eventName === 'workflow_dispatch') {
    const fromInputs = Number(ctx.payload.inputs?.['issue-number'] ?? ctx.payload.inputs?.issue_number ?? NaN)
    const number = issueInput ?? (Number.isInteger(fromInputs) && fromInputs > 0 ? fromInputs : undefined)
    if (!number) throw new InputError('issue-number', 'is required for workflow_dispatch runs: name the issue to work on.')
    return { kind: 'run', issueNumber: number, sender, senderType }
  }
  if (issueInput) return { kind: 'run', issueNumber: issueInput, sender, senderType }
  return { kind: 'ignore', reason: `event '${ctx.eventName}' does not start a run (use issues: labeled, or workflow_dispatch)` }
}

export function modeFromLabels(labels: string[], testsLabel: string): Mode {
  return labels.includes(testsLabel) ? 'tests' : 'changes'
}

export const WRITE_PERMISSIONS = ['admin', 'maintain', 'write']
