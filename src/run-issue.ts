// One run for one issue: check who asked, branch, loop, push, pull request, summary.
// Whatever happens after the first draft, the work is pushed and the user is told.
import { BudgetedCaller, type CallEvent } from './calls'
import { Drafter } from './drafter'
import { Git, type PushAuth } from './git'
import { createOctokit, GitHubClient, type IssueInfo } from './github'
import { runLoop, type LoopResult, type LoopSteps, type StopReason } from './loop'
import { CostMeter } from './meter'
import { drafterFirstMessage, drafterSystem, reviewerMessage } from './prompts'
import { createModel } from './providers'
import { outputsOf, renderSummary, SUMMARY_MARKER, type RunReport } from './report'
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
const CALL_LIMITS = { maxRetries: 3, timeoutMs: 300_000 }

export function branchFor(issue: number): string {
  return `draft-review/issue-${issue}`
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
  const baseSha = await git.startBranch(base, branch, auth)
  io.info(`Issue #${issue.number} (${mode}): working on ${branch} from ${base} at ${baseSha.slice(0, 12)}`)

  const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
  const tools = new WorkspaceTools({
    root: ctx.workspace,
    rules: { mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths },
    redact: io.redact
  })
  const result = await draftAndReview(settings, ctx, io, { issue, mode, git, baseSha, meter, tools })
  result.note = io.redact(result.note)
  // A draft cut short (budget, fault) still holds paid-for work: commit it so it is pushed.
  await git.commitPaths(tools.touched(), `draft-review: unfinished draft for #${issue.number}`)
  const report = await publish(settings, ctx, io, { gh, git, issue, mode, base, branch, baseSha, auth, meter, result })
  if (result.error !== undefined) throw result.error
  return report
}

async function draftAndReview(
  settings: Settings,
  ctx: RunContext,
  io: RunIO,
  run: { issue: IssueInfo; mode: Mode; git: Git; baseSha: string; meter: CostMeter; tools: WorkspaceTools }
): Promise<LoopResult> {
  const { issue, mode, git, baseSha, meter, tools } = run
  const drafterRef = settings.drafters[0]!
  const caller = new BudgetedCaller(meter, io.redact, (e: CallEvent) =>
    io.info(
      `${e.role} ${e.model}: ${e.reply.usage.input} in, ${e.reply.usage.cacheRead} cache read, ${e.reply.usage.cacheWrite} cache write, ${e.reply.usage.output} out, ` +
        `$${e.costUsd.toFixed(4)} (run total $${e.spentUsd.toFixed(4)} of $${settings.maxCostUsd})`
    )
  )
  const drafter = new Drafter({
    caller,
    ref: drafterRef,
    model: createModel(drafterRef, settings, CALL_LIMITS),
    tools,
    system: drafterSystem(mode, settings.testPaths),
    maxTurns: DRAFTER_MAX_TURNS,
    maxTokens: DRAFTER_MAX_TOKENS
  })
  const reviewerModel = createModel(settings.reviewer, settings, CALL_LIMITS)
  const testEnv = scrubEnv(io.env, secretsOf(settings))
  const steps: LoopSteps = {
    draft: (message) => drafter.draft(message),
    commitDraft: async (n, summary) => {
      const title = `draft-review: draft ${n} for #${issue.number}`
      await git.commitPaths(tools.touched(), `${title}\n\n${io.redact(summary)}`.trim())
      return git.diff(baseSha)
    },
    runTests: settings.testCommand
      ? () =>
          runTestCommand({
            command: settings.testCommand,
            cwd: ctx.workspace,
            timeoutSeconds: settings.testTimeoutSeconds,
            env: testEnv,
            redact: io.redact
          })
      : undefined,
    review: async (diff, tests, drafterSummary, round) =>
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
    onEvent: (e) => {
      if (e.kind === 'draft') io.info(`Draft ${e.n}: ${e.result.finished ? 'finished' : 'stopped'} after ${e.result.turns} turns`)
      if (e.kind === 'tests') io.info(`Tests after draft ${e.n}: ${e.run.passed ? 'passed' : e.run.timedOut ? 'timed out' : `failed (exit ${e.run.exitCode})`}`)
      if (e.kind === 'review') io.info(`Review ${e.round}: ${e.review.verdict.verdict} — ${e.review.verdict.summary}`)
    }
  }
  const repoMap = await buildRepoMap(ctx.workspace)
  return runLoop(drafterFirstMessage(issue, repoMap, settings.testCommand), steps, {
    maxReviews: settings.maxIterations,
    maxDrafts: settings.maxIterations * 3,
    testCommand: settings.testCommand,
    maxDiffLines: settings.maxDiffLines
  })
}

async function publish(
  settings: Settings,
  ctx: RunContext,
  io: RunIO,
  run: {
    gh: GitHubClient
    git: Git
    issue: IssueInfo
    mode: Mode
    base: string
    branch: string
    baseSha: string
    auth: PushAuth
    meter: CostMeter
    result: LoopResult
  }
): Promise<RunReport> {
  const { gh, git, issue, mode, base, branch, baseSha, auth, meter, result } = run
  const report: RunReport = {
    issue: issue.number,
    mode,
    approved: result.approved,
    stopReason: result.stopReason,
    drafts: result.drafts,
    reviews: result.reviews,
    usage: meter.usage(),
    ...meter.totals(),
    reviewerModel: settings.reviewer.id,
    drafterModel: settings.drafters[0]!.id,
    testCommand: settings.testCommand,
    testRuns: result.testRuns,
    note: result.note,
    runUrl: ctx.runUrl
  }
  const changed = (await git.changedFiles(baseSha)).length > 0
  if (changed) {
    await git.push(branch, auth)
    const pr = await gh.upsertPull({
      branch,
      base,
      title: mode === 'tests' ? `Tests for #${issue.number}: ${issue.title}` : issue.title,
      body: io.redact(pullBody(issue.number, mode, result)),
      draft: !result.approved
    })
    Object.assign(report, { prNumber: pr.number, prUrl: pr.url, branch })
    io.info(`Pull request ${pr.url} (${pr.draft ? 'draft' : 'ready for review'})`)
  }
  const summary = io.redact(renderSummary(report))
  await gh.upsertComment(report.prNumber ?? issue.number, SUMMARY_MARKER, summary)
  for (const [k, v] of Object.entries(outputsOf(report))) io.setOutput(k, v)
  await io.jobSummary(summary)
  return report
}

function pullBody(issue: number, mode: Mode, result: LoopResult): string {
  const link = mode === 'tests' ? `Refs #${issue}` : `Closes #${issue}`
  const state = result.approved
    ? 'The premium reviewer approved this change. A person still reviews and merges it.'
    : `Not approved (${result.stopReason}): this is a draft for a person to finish or close.`
  return [link, '', state, '', '### What the drafter says it did', '', result.drafterSummary || '(no summary)'].join('\n')
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
