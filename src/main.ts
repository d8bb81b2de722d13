// The action's entry: read the inputs once, decide whether to run, run, report. One
// try/catch ends in setFailed. The heavy parts (octokit, the model SDKs) load only once
// a run is certain, so a run that does not start costs almost nothing.
import * as core from '@actions/core'
import { nothingSpentOutputs, skip, type RunIO } from './io'
import { makeRedactor, secretsOfEnv } from './secrets'
import { readSettings, secretsOf } from './settings'
import { decideTrigger, readRunContext } from './triggers'

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let redact = (t: string): string => t
  const written = new Set<string>()
  const setOutput = (name: string, value: string): void => {
    written.add(name)
    core.setOutput(name, value)
  }
  let validated = false
  try {
    const settings = readSettings((name) => core.getInput(name))
    validated = true
    const secrets = [...secretsOf(settings), ...secretsOfEnv(env)]
    for (const s of secrets) core.setSecret(s)
    redact = makeRedactor(secrets)
    const io: RunIO = {
      info: (m) => core.info(redact(m)),
      notice: (m) => core.notice(redact(m)),
      warning: (m) => core.warning(redact(m)),
      setOutput,
      jobSummary: async (md) => {
        if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(md), true).write()
      },
      redact,
      env
    }
    const ctx = readRunContext(env)
    if (settings.command === 'report') {
      const { runReport } = await import('./report-command')
      return await runReport(settings, ctx, io)
    }
    const decision = decideTrigger(ctx, settings, settings.issueNumber)
    if (decision.kind === 'ignore') return void skip(io, decision.reason)
    if (decision.senderType === 'Bot') return void skip(io, `the sender ${decision.sender} is a bot; draft-review never starts itself`)
    const { runIssue } = await import('./run-issue')
    await runIssue(settings, ctx, io, decision)
  } catch (e) {
    // Whatever failed, the outputs say so: a later step can branch on stop-reason. Past
    // input validation every output is set: a run sets them as soon as its session ends,
    // so one that fails before that has spent nothing, and 0 and empty are the truth.
    if (!written.has('stop-reason')) {
      if (validated) for (const [k, v] of Object.entries(nothingSpentOutputs('error'))) setOutput(k, v)
      else {
        setOutput('approved', 'false')
        setOutput('stop-reason', 'error')
      }
    }
    core.setFailed(redact(e instanceof Error ? e.message : String(e)))
  }
}
