// One run for one issue: check who asked, branch, loop, publish. Whatever happens after
// the branch exists, the work is pushed, and the progress comment says how it ended.
import { BudgetedCaller, type CallEvent } from './calls'
import { Drafter } from './drafter'
import { Git, type PushAuth } from './git'
import { createOctokit, GitHubClient, type IssueInfo } from './github'
import { runLoop, type LoopEvent, type LoopResult, type StopReason } from './loop'
import { CostMeter } from './meter'
import { ProgressComment, RunProgress } from './progress'
import { drafterFirstMessage, drafterSystem, reviewerMessage } from './prompts'
import { createModel } from './providers'
import { publish, PublishError } from './publish'
import type { RunReport } from './report'
import { reviewDiff } from './reviewer'
import { scrubEnv, type Redactor } from './secrets'
import { secretsOf, type Settings } from './settings'
import { runTestCommand } from './testrun'
import { decideTrigger, modeFromLabels, WRITE_PERMISSIONS, type RunContext } from './trigger'
import type { Mode } from './workspace/paths'
import { buildRepoMap } from './workspace/repo-map'
import { WorkspaceTools } from './workspace/tools'

export interface RunIO {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  setOutput(name: string, value: string): void
  jobSummary(markdown: string): Promise<void>
  redact: Redactor
  env: NodeJS.ProcessEnv
}

export const DRAFTER_MAX_TURNS = 40
export const DRAFTER_MAX_TOKENS = 8192
const MODEL_RETRIES = 3

export function branchFor(issue: number): string {
  return `draft-review/issue-${issue}`
}

export class RunTimedOut extends Error {
  constructor(minutes: number) {
    super(`the run reached run-timeout-minutes (${minutes}) and stopped`)
    this.name = 'RunTimedOut'
  }
}

export async function runIssue(settings: Settings, ctx: RunContext, io: RunIO): Promise<RunReport | undefined> {
  const decision = decideTrigger(ctx, settings, settings.issueNumber)
  if (decision.kind === 'ignore') return skip(io, decision.reason)
  if (decision.senderType === 'Bot') return skip(io, `the sender ${decision.sender} is a bot; draft-review never starts itself`)
  const gh = new GitHubClient(createOctokit(settings.githubToken, ctx.apiUrl, io.info), ctx.owner, ctx.repo)
  if (decision.sender) {
    const permission = await gh.permission(decision.sender)
    if (!WRITE_PERMISSIONS.includes(permission)) {
      return skip(io, `${decision.sender} has '${permission}' permission; a run needs write, maintain or admin`)
    }
  }
  const issue = await gh.issue(decision.issueNumber)
  if (issue.isPullRequest) return skip(io, `#${issue.number} is a pull request, not an issue`)
  const mode = decision.mode ?? modeFromLabels(issue.labels, settings.testsLabel)
  const base = settings.baseBranch ?? (await gh.defaultBranch())
  const branch = branchFor(issue.number)
  const auth: PushAuth = { serverUrl: ctx.serverUrl, token: settings.githubToken }
  const git = new Git(ctx.workspace, io.redact)
  const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
  const progress = new RunProgress(new ProgressComment(gh, issue.number, io.warning, io.redact), () => meter.spentUsd, {
    title: `draft-review is ${mode === 'tests' ? 'writing tests for' : 'working on'} this issue`,
    capUsd: settings.maxCostUsd,
    runUrl: ctx.runUrl
  })
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(new RunTimedOut(settings.runTimeoutMinutes)), settings.runTimeoutMinutes * 60_000)
  timer.unref()

  progress.working(`Preparing \`${branch}\` from \`${base}\``)
  let start: { baseSha: string; remoteSha: string }
  try {
    start = await git.startBranch(base, branch, auth)
  } catch (e) {
    clearTimeout(timer)
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
  const result = await draftAndReview(settings, ctx, io, { issue, mode, git, baseSha: start.baseSha, meter, tools, progress, signal: deadline.signal })
  clearTimeout(timer)
  result.note = io.redact(result.note)
  let report: RunReport
  try {
    // A draft cut short (budget, fault, timeout) still holds paid-for work: commit it so it is pushed.
    await git.commitPaths(tools.touched(), `draft-review: unfinished draft for #${issue.number}`)
    report = await publish(settings, ctx, io, { gh, git, issue, mode, base, branch, baseSha: start.baseSha, lease: start.remoteSha, auth, meter, result })
  } catch (e) {
    await progress.end(failureLine(e instanceof PublishError ? e.step : 'saving the draft', e, io.redact))
    throw e
  }
  await progress.end(outcomeLine(report, result))
  if (result.error !== undefined) throw result.error
  return report
}

interface LoopContext {
  issue: IssueInfo
  mode: Mode
  git: Git
  baseSha: string
  meter: CostMeter
  tools: WorkspaceTools
  progress: RunProgress
  signal: AbortSignal
}

async function draftAndReview(settings: Settings, ctx: RunContext, io: RunIO, run: LoopContext): Promise<LoopResult> {
  const { issue, mode, git, baseSha, meter, tools, progress, signal } = run
  const drafterRef = settings.drafters[0]!
  const limits = { maxRetries: MODEL_RETRIES, timeoutMs: settings.modelTimeoutSeconds * 1000 }
  const caller = new BudgetedCaller(meter, io.redact, (e: CallEvent) => io.info(describeCall(e, settings.maxCostUsd)), signal)
  const drafter = new Drafter({
    caller,
    ref: drafterRef,
    model: createModel(drafterRef, settings, limits),
    tools,
    system: drafterSystem(mode, settings.testPaths),
    maxTurns: DRAFTER_MAX_TURNS,
    maxTokens: DRAFTER_MAX_TOKENS
  })
  const reviewerModel = createModel(settings.reviewer, settings, limits)
  const testEnv = scrubEnv(io.env, secretsOf(settings))
  const maxDrafts = settings.maxIterations * 3
  const onEvent = (e: LoopEvent): void => {
    const line = describeEvent(e, { drafter: drafterRef.id, reviewer: settings.reviewer.id, maxDrafts, testCommand: settings.testCommand })
    if (e.kind === 'phase') progress.working(line)
    else {
      io.info(line)
      const failed = (e.kind === 'tests' && !e.run.passed) || (e.kind === 'review' && e.review.verdict.verdict === 'reject')
      progress.settle(failed ? (e.kind === 'review' ? 'rejected' : 'failed') : 'done', line)
    }
  }
  const repoMap = await buildRepoMap(ctx.workspace)
  return runLoop(
    drafterFirstMessage(issue, repoMap, settings.testCommand),
    {
      draft: (message) => drafter.draft(message),
      commitDraft: async (n, summary) => {
        await git.commitPaths(tools.touched(), `draft-review: draft ${n} for #${issue.number}\n\n${io.redact(summary)}`.trim())
        return git.diff(baseSha)
      },
      runTests: settings.testCommand
        ? () =>
            runTestCommand({
              command: settings.testCommand,
              cwd: ctx.workspace,
              timeoutSeconds: settings.testTimeoutSeconds,
              env: testEnv,
              redact: io.redact,
              signal
            }).then((r) => {
              signal.throwIfAborted()
              return r
            })
        : undefined,
      review: (diff, tests, drafterSummary, round) =>
        reviewDiff(
          caller,
          settings.reviewer,
          reviewerModel,
          reviewerMessage({
            issue,
            mode,
            diff: io.redact(diff),
            tests: tests ? `\`${settings.testCommand}\` passed.` : 'no test command is configured.',
            drafterSummary,
            round
          })
        ),
      onEvent
    },
    { maxReviews: settings.maxIterations, maxDrafts, testCommand: settings.testCommand, maxDiffLines: settings.maxDiffLines }
  )
}

function describeCall(e: CallEvent, cap: number): string {
  const u = e.reply.usage
  return (
    `${e.role} ${e.model}: ${u.input} in, ${u.cacheRead} cache read, ${u.cacheWrite} cache write, ${u.output} out, ` +
    `$${e.costUsd.toFixed(4)} (run total $${e.spentUsd.toFixed(4)} of $${cap})`
  )
}

function describeEvent(e: LoopEvent, m: { drafter: string; reviewer: string; maxDrafts: number; testCommand: string }): string {
  switch (e.kind) {
    case 'phase':
      if (e.phase === 'drafting') return `Drafting ${e.n} of up to ${m.maxDrafts} with \`${m.drafter}\``
      if (e.phase === 'testing') return `Running \`${m.testCommand}\` on draft ${e.n}`
      return `Review ${e.n} by \`${m.reviewer}\``
    case 'draft':
      return `Draft ${e.n} by \`${m.drafter}\`: ${e.result.finished ? 'finished' : 'stopped'} after ${e.result.turns} turns`
    case 'tests':
      return `Tests on draft ${e.n}: ${e.run.passed ? 'passed' : e.run.timedOut ? 'timed out' : `failed (exit ${e.run.exitCode})`}`
    case 'review':
      return `Review ${e.round}: ${e.review.verdict.verdict === 'approve' ? 'approved' : 'rejected'} — ${oneLine(e.review.verdict.summary)}`
  }
}

function outcomeLine(report: RunReport, result: LoopResult): string {
  const pr = report.prUrl ? `pull request #${report.prNumber}: ${report.prUrl}` : undefined
  if (report.approved) return `**Done: the reviewer approved.** Ready for a person to review: ${pr}`
  if (result.stopReason === 'error') {
    const where = result.phase ? `${result.phase.phase} (${result.phase.n})` : 'the run'
    return `**Failed while ${where}:** ${oneLine(result.note.replace(/^The run failed: /, ''))}.` + (pr ? ` The work so far is on draft ${pr}` : '')
  }
  const why: Record<StopReason, string> = {
    approved: '',
    'max-iterations': 'the review cap (max-iterations) was reached',
    'max-cost': 'the next call could have passed the budget (max-cost-usd)',
    'no-changes': 'the drafter changed nothing',
    skipped: 'skipped',
    error: ''
  }
  return `**Stopped: ${why[result.stopReason]}.** ` + (pr ? `The draft is on ${pr}` : 'No pull request was opened.')
}

function failureLine(where: string, e: unknown, redact: Redactor): string {
  const message = e instanceof Error ? e.message : String(e)
  return `**Failed while ${where}:** ${oneLine(redact(message))}. See the workflow run's log.`
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

function skip(io: RunIO, reason: string): undefined {
  io.notice(`draft-review skipped: ${reason}.`)
  const outputs: Record<string, string> = {
    approved: 'false',
    'stop-reason': 'skipped' satisfies StopReason,
    drafts: '0',
    reviews: '0',
    rejections: '0',
    'reject-rate': '0',
    'cost-usd': '0',
    'premium-only-cost-usd': '0',
    'savings-pct': '0',
    'pr-number': '',
    'pr-url': '',
    branch: ''
  }
  for (const [k, v] of Object.entries(outputs)) io.setOutput(k, v)
  return undefined
}
