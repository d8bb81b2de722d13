// One run for one issue: check who asked, branch, loop, publish. Whatever happens after
// the branch exists, the work is pushed, and the progress comment says how it ended.
import { Git, type PushAuth } from './git'
import { createOctokit, GitHubClient, type IssueInfo } from './github'
import { categoryOf, chooseStartTier, sameKind, statsOf, type LedgerRecord } from './history'
import { skip, type RunIO } from './io'
import { Ledger } from './ledger'
import type { LoopResult } from './loop'
import { CostMeter } from './meter'
import { failureLine, outcomeLine } from './narrate'
import { ProgressComment, RunProgress } from './progress'
import { buildReport, publish, PublishError, type RunHistory } from './publish'
import { firstReviewApproved, outputsOf, rejectionsOf, reviewsByDrafter, type RunReport } from './report'
import { runDeadline, runSession } from './session'
import type { Settings } from './settings'
import { modeFromLabels, WRITE_PERMISSIONS, type RunContext, type RunDecision } from './trigger'
import type { Mode } from './workspace/paths'
import { WorkspaceTools } from './workspace/tools'

export function branchFor(issue: number): string {
  return `draft-review/issue-${issue}`
}

/** `decision` is the trigger's verdict to run (main decides it before loading this module). */
export async function runIssue(settings: Settings, ctx: RunContext, io: RunIO, decision: RunDecision): Promise<RunReport | undefined> {
  const gh = new GitHubClient(createOctokit(settings.githubToken, ctx.apiUrl, io.info), ctx.owner, ctx.repo)
  // Three independent reads at once: on github.com each is a round trip.
  const [permission, issue, base] = await Promise.all([
    decision.sender ? gh.permission(decision.sender) : 'admin',
    gh.issue(decision.issueNumber),
    settings.baseBranch ?? gh.defaultBranch()
  ])
  if (!WRITE_PERMISSIONS.includes(permission)) {
    return skip(io, `${decision.sender} has '${permission}' permission; a run needs write, maintain or admin`)
  }
  if (issue.isPullRequest) return skip(io, `#${issue.number} is a pull request, not an issue`)
  const mode = decision.mode ?? modeFromLabels(issue.labels, settings.testsLabel)
  const branch = branchFor(issue.number)
  const auth: PushAuth = { serverUrl: ctx.serverUrl, token: settings.githubToken }
  const git = new Git(ctx.workspace, io.redact)
  const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
  const progress = new RunProgress(new ProgressComment(gh, issue.number, io.warning, io.redact), () => meter.spentUsd, {
    title: `draft-review is ${mode === 'tests' ? 'writing tests for' : 'working on'} this issue`,
    endedTitle: `draft-review ${mode === 'tests' ? 'wrote tests for' : 'worked on'} this issue`,
    capUsd: settings.maxCostUsd,
    runUrl: ctx.runUrl
  })
  const category = categoryOf(issue.labels, settings.categoryLabels)
  const ledger = new Ledger(git, auth)
  const past = (settings.ledger || settings.routeByHistory ? await readLedger(ledger, io) : []).filter((r) => sameKind(r, category, mode))
  const route = chooseStartTier(settings.drafters.map((d) => d.id), past, {
    enabled: settings.routeByHistory,
    threshold: settings.routeRejectThreshold,
    window: settings.routeWindow
  })
  if (route.reason) io.info(route.reason)
  const deadline = runDeadline(settings.runTimeoutMinutes)

  progress.working(`Preparing \`${branch}\` from \`${base}\``)
  let start: { baseSha: string; remoteSha: string }
  try {
    start = await git.startBranch(base, branch, auth)
  } catch (e) {
    deadline.clear()
    await progress.end(failureLine('preparing the branch', e, io.redact))
    throw e
  }
  progress.settle('done', `Branch \`${branch}\` from \`${base}\``)
  io.info(`Issue #${issue.number} (${mode}): working on ${branch} from ${base} at ${start.baseSha.slice(0, 12)}`)

  const tools = new WorkspaceTools({
    root: ctx.workspace,
    rules: { mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths },
    redact: io.redact
  })
  const result = await runSession(settings, {
    workspace: ctx.workspace,
    issue,
    mode,
    git,
    baseSha: start.baseSha,
    meter,
    tools,
    progress,
    route,
    signal: deadline.signal,
    log: io.info,
    redact: io.redact,
    env: io.env
  })
  deadline.clear()
  result.note = io.redact([route.reason, result.note].filter(Boolean).join(' '))
  // What was spent is in the outputs from here on, whatever fails while saving the work.
  for (const [k, v] of Object.entries(outputsOf(buildReport(settings, { issue, mode, meter, result })))) io.setOutput(k, v)
  const history = await recordRun(settings, ctx, io, ledger, past, { issue, category, mode, meter, result })
  let report: RunReport
  try {
    // A draft cut short (budget, fault, timeout) still holds paid-for work: commit it so it is pushed.
    await git.commitPaths(tools.touched(), `draft-review: unfinished draft for #${issue.number}`)
    report = await publish(settings, ctx, io, { gh, git, issue, mode, base, branch, baseSha: start.baseSha, lease: start.remoteSha, auth, meter, result, history })
  } catch (e) {
    await progress.end(failureLine(e instanceof PublishError ? e.step : 'saving the draft', e, io.redact))
    throw e
  }
  await progress.end(outcomeLine(report, result))
  if (result.error !== undefined) throw result.error
  return report
}

async function readLedger(ledger: Ledger, io: RunIO): Promise<LedgerRecord[]> {
  try {
    return (await ledger.read()).records
  } catch (e) {
    io.warning(`Could not read the ledger (${e instanceof Error ? e.message : String(e)}); going on without history.`)
    return []
  }
}

/** Appends this run's record to the ledger (when enabled) and returns the history to report. */
async function recordRun(
  settings: Settings,
  ctx: RunContext,
  io: RunIO,
  ledger: Ledger,
  past: LedgerRecord[],
  run: { issue: IssueInfo; category: string; mode: Mode; meter: CostMeter; result: LoopResult }
): Promise<RunHistory> {
  const { costUsd, premiumOnlyCostUsd, premiumAloneCostUsd } = run.meter.totals()
  const record: LedgerRecord = {
    version: 1,
    issue: run.issue.number,
    category: run.category,
    mode: run.mode,
    drafterModels: run.result.drafterModels,
    reviewerModel: settings.reviewer.id,
    drafts: run.result.drafts,
    reviews: run.result.reviews.length,
    rejections: rejectionsOf(run.result),
    firstDraftApproved: firstReviewApproved(run.result),
    costUsd,
    premiumOnlyCostUsd,
    premiumAloneCostUsd,
    usage: run.meter.usage(),
    reviewsByDrafter: reviewsByDrafter(run.result),
    stopReason: run.result.stopReason,
    time: new Date().toISOString(),
    runId: ctx.runId ?? 'local'
  }
  let recorded = false
  if (settings.ledger) {
    try {
      await ledger.append(record)
      recorded = true
    } catch (e) {
      io.warning(`Could not append to the ledger (${e instanceof Error ? e.message : String(e)}); this run is not in the history.`)
    }
  }
  return { category: run.category, stats: statsOf(recorded ? [...past, record] : past), recorded }
}
