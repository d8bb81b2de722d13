// `command: report`: reads the ledger from origin and writes the report to the job
// summary and the log. No model call, no trigger check: it runs on any event.
import { Git } from './git'
import { Ledger } from './ledger'
import { renderLedgerReport } from './ledger-report'
import { setSkippedOutputs, type RunIO } from './io'
import type { Settings } from './settings'
import type { RunContext } from './triggers'

export async function runReport(settings: Settings, ctx: RunContext, io: RunIO): Promise<void> {
  const ledger = new Ledger(new Git(ctx.workspace, io.redact), { serverUrl: ctx.serverUrl, token: settings.githubToken })
  const { records } = await ledger.read()
  const markdown = renderLedgerReport(records, `draft-review: ${ctx.owner}/${ctx.repo}`)
  io.info(markdown)
  await io.jobSummary(markdown)
  setSkippedOutputs(io)
}
