// The action's entry: read the inputs once, run, report. One try/catch ends in setFailed.
import * as core from '@actions/core'
import { runReport } from './report-command'
import { runIssue, type RunIO } from './run-issue'
import { makeRedactor } from './secrets'
import { readSettings, secretsOf } from './settings'
import { readRunContext } from './trigger'

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let redact = (t: string): string => t
  try {
    const settings = readSettings((name) => core.getInput(name))
    const secrets = secretsOf(settings)
    for (const s of secrets) core.setSecret(s)
    redact = makeRedactor(secrets)
    const io: RunIO = {
      info: (m) => core.info(redact(m)),
      notice: (m) => core.notice(redact(m)),
      warning: (m) => core.warning(redact(m)),
      setOutput: (k, v) => core.setOutput(k, v),
      jobSummary: async (md) => {
        if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redact(md), true).write()
      },
      redact,
      env
    }
    const ctx = readRunContext(env)
    if (settings.command === 'report') await runReport(settings, ctx, io)
    else await runIssue(settings, ctx, io)
  } catch (e) {
    core.setFailed(redact(e instanceof Error ? e.message : String(e)))
  }
}
