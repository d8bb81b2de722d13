// What a run needs from its surroundings (the runner's log, outputs and job summary),
// and the outputs of a run that does not start. Light on purpose: loaded at start-up.
import type { StopReason } from './loop'
import type { Redactor } from './secrets'

export interface RunIO {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  setOutput(name: string, value: string): void
  jobSummary(markdown: string): Promise<void>
  redact: Redactor
  env: NodeJS.ProcessEnv
}

/** Every contract output of a run that spent nothing: counts and costs 0, no pull request. */
export function nothingSpentOutputs(stopReason: StopReason): Record<string, string> {
  return {
    approved: 'false',
    'stop-reason': stopReason,
    drafts: '0',
    reviews: '0',
    rejections: '0',
    'reject-rate': '0',
    'cost-usd': '0',
    'premium-only-cost-usd': '0',
    'savings-pct': '0',
    'premium-alone-cost-usd': '0',
    'savings-vs-alone-pct': '0',
    'pr-number': '',
    'pr-url': '',
    branch: ''
  }
}

/** A run that does not start: a notice, the contract's outputs with `skipped`, nothing else. */
export function skip(io: RunIO, reason: string): undefined {
  io.notice(`draft-review skipped: ${reason}.`)
  setSkippedOutputs(io)
  return undefined
}

/** The outputs of a run that calls no model (a skipped trigger, `command: report`). */
export function setSkippedOutputs(io: Pick<RunIO, 'setOutput'>): void {
  for (const [k, v] of Object.entries(nothingSpentOutputs('skipped'))) io.setOutput(k, v)
}
