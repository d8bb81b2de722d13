// One run for one issue: check who asked, branch (afresh, or continuing the one that is
// there), loop, publish. Whatever happens after the branch exists, the work is pushed,
// and the progress comment says how it ended.
import { Git, type PushAuth } from './git'
import { createOctokit, GitHubClient, type GitHubDeadline, type IssueInfo, type PullInfo } from './github'
import { categoryOf, chooseStartTier, sameKind, statsOf, type LedgerRecord } from './history'
import { decideRoute, kindOf, type RouteDecision } from './routing/route'
import { triageNeedless, type TriageOutcome } from './routing/triage'
import { skip, type RunIO } from './io'
import { Ledger } from './ledger'
import type { LoopResult } from './loop'
import { CostMeter } from './meter'
import { failureLine, outcomeLine, publishFailureLine } from './narrate'
import { PROGRESS_MARKER, ProgressComment, RunProgress } from './progress'
import { feedbackMessage } from './prompts'
import { buildReport, publish, PublishError, type RunHistory } from './publish'
import { firstReviewApproved, outputsOf, rejectionsOf, reviewsByDrafter, SUMMARY_MARKER, type RunReport } from './report'
import { boundedDiff, earlierRounds, roundsIn } from './rounds/account'
import { checkoutBranch, commitsSince, fetchBranch, withTrailer, type BranchCommit } from './rounds/branch'
import { markerIn } from './rounds/totals'
import { preflightSandbox } from './sandbox/preflight'
import { commitRest, preloadModels, runDeadline, runSession, type SessionRound } from './session'
import { InputError, requireProviderKeys, type Settings } from './settings'
import { branchFor, defaultBranchOf, issueOfBranch, modeFromLabels, WRITE_PERMISSIONS, type RunContext, type RunDecision } from './triggers'
import { RoundsApi } from './triggers/api'
import { cleanUntrusted, gatherFeedback, permissionCache } from './triggers/feedback'
import { issueTextForModels, provenanceLine } from './untrusted/issue-text'
import type { Mode } from './workspace/paths'
import { WorkspaceTools } from './workspace/tools'

export { branchFor } from './triggers'

/**
 * How long publishing (push, pull request) may take after the loop: the run's own timeout
 * again, between 10 s and a minute; the summary comment then gets up to 15 s more. A
 * GitHub wait longer than that is given up, not slept.
 */
export function publishWindowMs(runTimeoutMinutes: number): number {
  return Math.min(60_000, Math.max(10_000, runTimeoutMinutes * 60_000))
}

/** `decision` is the trigger's verdict to run (main decides it before loading this module). */
export async function runIssue(settings: Settings, ctx: RunContext, io: RunIO, decision: RunDecision): Promise<RunReport | undefined> {
  // git reads the workspace (and only reads it) while GitHub answers who asked.
  const git = new Git(ctx.workspace, io.redact)
  void git.prepare()
  try {
    return await checkAndRun(settings, ctx, io, decision, git)
  } finally {
    git.abandon() // a skipped run: what prepare() started is stopped
  }
}

async function checkAndRun(settings: Settings, ctx: RunContext, io: RunIO, decision: RunDecision, git: Git): Promise<RunReport | undefined> {
  // Every GitHub wait (retries, rate limits) ends by the run's deadline; publishing then gets a short window of its own.
  const ghDeadline: GitHubDeadline = { until: Date.now() + settings.runTimeoutMinutes * 60_000 }
  const octokit = createOctokit(settings.githubToken, ctx.apiUrl, io.info, ghDeadline)
  const gh = new GitHubClient(octokit, ctx.owner, ctx.repo)
  const api = new RoundsApi(octokit, ctx.owner, ctx.repo)
  const permissionOf = permissionCache(async (login) => gh.permission(login))
  const canWrite = async (login: string): Promise<boolean> => WRITE_PERMISSIONS.includes(await permissionOf(login))

  let issueNumber = decision.issueNumber
  if (issueNumber === undefined) {
    // A comment on a pull request: only draft-review's own pull request for an issue counts.
    const pull = await api.pull(decision.pullNumber!)
    issueNumber = issueOfBranch(pull.headRef)
    if (issueNumber === undefined || pull.headRepo.toLowerCase() !== `${ctx.owner}/${ctx.repo}`.toLowerCase()) {
      return skip(io, `pull request #${pull.number} (head ${pull.headRepo}:${pull.headRef}) is not one draft-review opened for an issue`)
    }
  }
  // Independent reads at once: on github.com each is a round trip.
  const author = decision.request?.author
  const [permission, authorPermission, issue, base] = await Promise.all([
    decision.sender ? permissionOf(decision.sender) : 'admin',
    author ? permissionOf(author) : 'admin',
    gh.issue(issueNumber),
    // The event names the default branch: one round trip fewer.
    settings.baseBranch ?? defaultBranchOf(ctx) ?? gh.defaultBranch()
  ])
  if (!WRITE_PERMISSIONS.includes(permission)) {
    return skip(io, `${decision.sender} has '${permission}' permission; a run needs write, maintain or admin`)
  }
  // The words that reach the model are the author's: their own permission decides.
  if (author && !WRITE_PERMISSIONS.includes(authorPermission)) {
    return skip(io, `${author} has '${authorPermission}' permission; a round needs write, maintain or admin`)
  }
  if (issue.isPullRequest) return skip(io, `#${issue.number} is a pull request, not an issue`)
  // The run will call a model from here on: now, and not before, it needs its keys.
  requireProviderKeys(settings)
  // The run is certain (a skipped one writes nothing in the workspace): the refreshed index takes its place.
  void git.claim()
  preloadModels(settings)
  if (settings.baseBranch && !(await git.remoteSha(settings.baseBranch, { serverUrl: ctx.serverUrl, token: settings.githubToken }))) {
    throw new InputError('base-branch', `'${settings.baseBranch}' is not a branch of origin (${ctx.owner}/${ctx.repo}): name an existing branch, or leave it empty for the default branch.`)
  }
  // Before any model call or comment: a runner that cannot isolate the tests fails here.
  if (settings.testCommand && settings.testSandbox) await preflightSandbox(io.info)
  if (decision.request) {
    // Seen: before any slow work, so the person knows the request was heard.
    await api.acknowledge(decision.request).catch((e) => io.warning(`Could not react to the ${decision.request!.source}: ${messageOf(e)}`))
  }
  try {
    return await work(settings, ctx, io, decision, { gh, api, git, canWrite, issue, base, ghDeadline })
  } finally {
    if (decision.trigger === 'label' && decision.label && settings.removeLabel) {
      // Adding the label again then means "run again".
      await api.removeLabel(issue.number, decision.label).catch((e) => io.warning(`Could not remove the label '${decision.label}': ${messageOf(e)}`))
    }
  }
}

interface Parts {
  gh: GitHubClient
  api: RoundsApi
  git: Git
  canWrite: (login: string) => Promise<boolean>
  issue: IssueInfo
  base: string
  ghDeadline: GitHubDeadline
}

async function work(settings: Settings, ctx: RunContext, io: RunIO, decision: RunDecision, p: Parts): Promise<RunReport> {
  const { gh, issue, base } = p
  const branch = branchFor(issue.number)
  const runId = ctx.runId ?? 'local'
  const auth: PushAuth = { serverUrl: ctx.serverUrl, token: settings.githubToken }
  const { git } = p
  // The branch (is there an earlier round?) and base (is the checkout's copy current?) at once.
  const remote = await git.remoteRefs([branch, base], auth)
  const remoteSha = remote.get(branch) ?? ''
  const ledger = new Ledger(git, auth)
  // The ledger is fetched while GitHub answers the reads below (each a round trip on github.com).
  const recordsRead = settings.ledger || settings.routeByHistory ? readLedger(ledger, io) : Promise.resolve([])
  // What earlier rounds left: the pull request, its body, and the summary comment's marker.
  // The issue's comments are read once: our summary there, and our progress comment to edit.
  const [pr, onIssue] = await Promise.all([remoteSha ? gh.findOpenPull(branch, base) : undefined, gh.findComments(issue.number, [SUMMARY_MARKER, PROGRESS_MARKER])])
  const summary = (pr && (await gh.findComment(pr.number, SUMMARY_MARKER))) || onIssue.get(SUMMARY_MARKER)
  const previousMarker = markerIn(summary?.body)
  const mode = decision.mode ?? modeOf(previousMarker, pr, issue, settings.testsLabel)
  // The models read the issue as it was when it was labelled, cleaned of what GitHub does not show.
  const text = issueTextForModels(ctx.payload, issue)
  const provenance = text.from === 'fetched' ? provenanceLine({ author: issue.author, updatedAt: issue.updatedAt, edit: await gh.issueEditor(issue.number) }) : undefined
  const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
  const progress = new RunProgress(new ProgressComment(gh, issue.number, io.warning, io.redact, onIssue.get(PROGRESS_MARKER) ?? null), () => meter.spentUsd, {
    title: `draft-review is ${mode === 'tests' ? 'writing tests for' : 'working on'} this issue`,
    endedTitle: `draft-review ${mode === 'tests' ? 'wrote tests for' : 'worked on'} this issue`,
    capUsd: settings.maxCostUsd,
    runUrl: ctx.runUrl
  })
  const category = categoryOf(issue.labels, settings.categoryLabels)
  const records = await recordsRead
  const ofMode = records.filter((r) => r.mode === mode)
  const routeFor = (outcome: TriageOutcome | undefined): RouteDecision =>
    decideRoute({
      ladder: settings.drafters.map((d) => d.id),
      category,
      triage: outcome,
      records: ofMode,
      history: { enabled: settings.routeByHistory, threshold: settings.routeRejectThreshold, window: settings.routeWindow }
    })
  // A round on an existing branch has no triage: it routes as before, by the label's history.
  const route = chooseStartTier(settings.drafters.map((d) => d.id), ofMode.filter((r) => sameKind(r, category, mode)), {
    enabled: settings.routeByHistory,
    threshold: settings.routeRejectThreshold,
    window: settings.routeWindow
  })
  if (route.reason) io.info(route.reason)
  const deadline = runDeadline(settings.runTimeoutMinutes)

  progress.working(remoteSha ? `Reading \`${branch}\`` : `Preparing \`${branch}\` from \`${base}\``)
  let start: { baseSha: string; remoteSha: string }
  let round: SessionRound | undefined
  let feedback: string | undefined
  let commits: BranchCommit[] = []
  let withheld = 0
  try {
    if (remoteSha) {
      const fetched = await fetchBranch(git, base, branch, auth)
      commits = await commitsSince(git, fetched.baseSha, fetched.headSha)
      // A round continues the branch; so does a re-label when people have committed to it.
      if (decision.request || commits.some((c) => !c.ours)) {
        await checkoutBranch(git, branch, fetched.headSha)
        const [diff, stat] = await Promise.all([git.diff(fetched.baseSha), git.exec(['diff', '--stat', fetched.baseSha, 'HEAD', '--'])])
        const account = earlierRounds({ prBody: cleanUntrusted(pr?.body ?? ''), ledger: records.filter((r) => r.issue === issue.number), commits })
        round = { startSha: fetched.headSha, account, diff: boundedDiff(diff, stat) }
        start = { baseSha: fetched.baseSha, remoteSha: fetched.headSha }
      }
    }
    start ??= await git.startBranch(base, branch, auth, { remoteSha, baseTip: remote.get(base) })
    if (decision.request) {
      const f = await gatherFeedback(p.api, decision.request, decision.pullNumber ?? pr?.number, p.canWrite)
      withheld = f.withheld
      feedback = feedbackMessage(f, cleanUntrusted)
    }
  } catch (e) {
    deadline.clear()
    await progress.end(failureLine('preparing the branch', e, io.redact))
    throw e
  }
  const people = commits.filter((c) => !c.ours).length
  progress.settle('done', round ? `Continuing \`${branch}\` at ${start.remoteSha.slice(0, 7)}${people ? ` (${people} commit${people === 1 ? '' : 's'} by people kept)` : ''}` : `Branch \`${branch}\` from \`${base}\``)
  io.info(`Issue #${issue.number} (${mode}): ${round ? 'continuing' : 'working on'} ${branch} from ${base} at ${start.baseSha.slice(0, 12)}`)

  const tools = new WorkspaceTools({
    root: ctx.workspace,
    rules: { mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths },
    redact: io.redact,
    indexFile: () => git.indexFile(),
    startsWhole: () => git.startsClean(),
    prefetched: () => git.earlyListing()
  })
  const result = await runSession(settings, {
    workspace: ctx.workspace,
    issue: { ...issue, title: text.title, body: text.body },
    mode,
    git,
    baseSha: start.baseSha,
    meter,
    tools,
    progress,
    route,
    routeFor: round ? undefined : routeFor,
    triageNeedless: triageNeedless(settings.drafters.map((d) => d.id), category),
    signal: deadline.signal,
    log: io.info,
    redact: io.redact,
    env: io.env,
    runId,
    round,
    feedback
  })
  deadline.clear()
  p.ghDeadline.until = Math.max(p.ghDeadline.until!, Date.now() + publishWindowMs(settings.runTimeoutMinutes))
  const withheldNote = withheld ? `${withheld} line comment${withheld === 1 ? '' : 's'} by people without write permission ${withheld === 1 ? 'was' : 'were'} left out.` : ''
  const routing = result.routing
  const routeNote = routing ? routing.triageNote ?? '' : route.reason
  result.note = io.redact([routeNote, result.note, withheldNote].filter(Boolean).join(' '))
  // The kind the run counts under: the label, else the triage's kind.
  const kind = routing?.kind ?? category
  const past = ofMode.filter((r) => (routing ? kindOf(r) === kind : sameKind(r, category, mode)))
  // What was spent is in the outputs from here on, whatever fails while saving the work.
  for (const [k, v] of Object.entries(outputsOf(buildReport(settings, { issue, mode, meter, result })))) io.setOutput(k, v)
  // The ledger is written while the branch is pushed and the pull request opened (its own
  // ref, in the action's own repository); the summary waits for it. It never rejects.
  const history = recordRun(settings, ctx, io, ledger, past, { issue, category, kind, mode, meter, result })
  // A draft cut short (budget, fault, timeout) still holds paid-for work: commit it so it is pushed.
  // A commit that fails loses nothing already committed: that is published, and the user told.
  await commitRest(git, tools, withTrailer(`draft-review: unfinished draft for #${issue.number}`, runId), result, io)
  let report: RunReport
  try {
    report = await publish(settings, ctx, io, {
      gh, git, issue, mode, base, branch, baseSha: start.baseSha, lease: start.remoteSha, auth, meter, result, history,
      round: { previousMarker, previousRounds: roundsIn(pr?.body), how: howAsked(decision, people), runId },
      provenance,
      start: { pullOpen: pr !== undefined, issueSummary: onIssue.get(SUMMARY_MARKER) ?? null },
      deadline: p.ghDeadline,
      summaryGraceMs: Math.min(15_000, publishWindowMs(settings.runTimeoutMinutes))
    })
  } catch (e) {
    await history
    await progress.end(e instanceof PublishError ? publishFailureLine(e, io.redact) : failureLine('saving the draft', e, io.redact))
    throw e
  }
  await progress.end(outcomeLine(report, result))
  if (result.error !== undefined) throw result.error
  return report
}

/** A round keeps the mode earlier rounds had: the label that set it may have been removed since. */
function modeOf(marker: Record<string, unknown> | undefined, pr: PullInfo | undefined, issue: IssueInfo, testsLabel: string): Mode {
  if (marker?.mode === 'tests' || marker?.mode === 'changes') return marker.mode
  if (pr?.body?.startsWith('Refs #')) return 'tests'
  return modeFromLabels(issue.labels, testsLabel)
}

function howAsked(d: RunDecision, people: number): string {
  const building = people ? `, building on ${people} commit${people === 1 ? '' : 's'} by people` : ''
  switch (d.trigger) {
    case 'label':
      return `Label \`${d.label}\`${building}`
    case 'dispatch':
      return `Run by hand${building}`
    case 'comment':
      return `Comment by \`${d.request?.author}\``
    case 'review':
      return `Review by \`${d.request?.author}\` requesting changes`
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export async function readLedger(ledger: Ledger, io: Pick<RunIO, 'warning'>): Promise<LedgerRecord[]> {
  try {
    return (await ledger.read()).records
  } catch (e) {
    io.warning(`Could not read the ledger (${e instanceof Error ? e.message : String(e)}); going on without history.`)
    return []
  }
}

/** Appends this run's record to the ledger (when enabled) and returns the history to report. */
export async function recordRun(
  settings: Settings,
  ctx: Pick<RunContext, 'runId'>,
  io: Pick<RunIO, 'warning'>,
  ledger: Ledger,
  past: LedgerRecord[],
  run: { issue: IssueInfo; category: string; kind: string; mode: Mode; meter: CostMeter; result: LoopResult }
): Promise<RunHistory> {
  const { costUsd, premiumOnlyCostUsd, premiumAloneCostUsd } = run.meter.totals()
  const record: LedgerRecord = {
    version: 1,
    issue: run.issue.number,
    // The label's category (or uncategorized); the triage's kind is kept beside it.
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
    ...(run.result.routing && settings.triage ? { triage: triageRecord(run.result.routing, settings.drafters.map((d) => d.id)) } : {}),
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
  return { category: run.kind, stats: statsOf(recorded ? [...past, record] : past), recorded }
}

function triageRecord(r: RouteDecision, ladder: string[]): NonNullable<LedgerRecord['triage']> {
  return { kind: r.kind, proposed: r.proposedTier === undefined ? null : ladder[r.proposedTier] ?? null, used: ladder[r.tier]!, chosenBy: r.chosenBy }
}
