// The end of every run that got as far as a branch: push, pull request, summary
// comment, outputs and job summary. Runs after faults too, so paid-for work is kept.
import { Git, LeaseLost, type PushAuth } from './git'
import type { GitHubClient, IssueInfo, PullInfo } from './github'
import type { CategoryStats } from './history'
import type { LoopResult } from './loop'
import type { CostMeter } from './meter'
import { outputsOf, rejectionsOf, renderSummary, SUMMARY_MARKER, type RunReport } from './report'
import { roundLine } from './rounds/account'
import { addRound, totalsSoFar } from './rounds/totals'
import type { Settings } from './settings'
import type { RunContext } from './triggers'
import { pushViolations, type Mode } from './workspace/paths'

export interface PublishIO {
  info(message: string): void
  warning(message: string): void
  setOutput(name: string, value: string): void
  jobSummary(markdown: string): Promise<void>
  redact(text: string): string
}

export interface PublishArgs {
  gh: GitHubClient
  git: Git
  issue: IssueInfo
  mode: Mode
  base: string
  branch: string
  baseSha: string
  lease: string
  auth: PushAuth
  meter: CostMeter
  result: LoopResult
  history?: RunHistory
  round?: PublishRound
}

/** What the pull request's list of rounds and the summary's totals are built from. */
export interface PublishRound {
  /** The marker of the summary comment earlier rounds left; undefined on the first. */
  previousMarker?: Record<string, unknown>
  /** The earlier rounds' lines from the pull request body. */
  previousRounds: string[]
  /** How this round was asked for, in words. */
  how: string
  runId: string
}

/** The category's history, this run included when it was recorded. */
export interface RunHistory {
  category: string
  stats: CategoryStats
  recorded: boolean
}

/** Names the part of publishing that failed, for the progress comment. */
export class PublishError extends Error {
  constructor(readonly step: string, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause))
    this.name = 'PublishError'
  }
}

/** The run's report, before any pull request: what the summary and the outputs are made of. */
export function buildReport(
  settings: Settings,
  a: { issue: IssueInfo | { number: number }; mode: Mode; meter: CostMeter; result: LoopResult; history?: RunHistory },
  runUrl?: string
): RunReport {
  return {
    issue: a.issue.number,
    mode: a.mode,
    approved: a.result.approved,
    stopReason: a.result.stopReason,
    drafts: a.result.drafts,
    reviews: a.result.reviews,
    usage: a.meter.usage(),
    calls: a.meter.history(),
    ...a.meter.totals(),
    reviewerModel: settings.reviewer.id,
    drafterModels: a.result.drafterModels,
    category: a.history?.category ?? 'uncategorized',
    history: a.history,
    testCommand: settings.testCommand,
    testRuns: a.result.testRuns,
    testsUnisolated: Boolean(settings.testCommand) && !settings.testSandbox,
    toolErrors: a.result.toolErrors,
    cutOffs: a.result.cutOffs,
    context: {
      estimated: a.meter.estimated,
      repeatNudges: a.result.repeatNudges ?? 0,
      endedForRepeats: a.result.endedForRepeats ?? 0,
      compactions: a.result.compactions ?? 0,
      bands: a.meter.bandLines()
    },
    note: a.result.note,
    routing: a.result.routing,
    runUrl
  }
}

export async function publish(settings: Settings, ctx: RunContext, io: PublishIO, a: PublishArgs): Promise<RunReport> {
  const report = buildReport(settings, a, ctx.runUrl)
  if (a.round) report.totals = addRound(totalsSoFar(a.round.previousMarker), { ...report, reviews: report.reviews.length, rejections: rejectionsOf(report) })
  // The outputs first (again below, with the pull request): a run whose push or comment
  // fails still reports what it spent.
  for (const [k, v] of Object.entries(outputsOf(report))) io.setOutput(k, v)
  let pr: PullInfo | undefined
  const hasChanges = (await a.git.changedFiles(a.baseSha)).length > 0
  const refused = hasChanges ? await refusedPaths(settings, a) : []
  if (refused.length > 0) {
    Object.assign(report, { approved: false, stopReason: 'error' })
    report.note = [report.note, refusalNote(refused)].filter(Boolean).join(' ')
  } else if (hasChanges) {
    const pushed = await step('pushing the branch', () => pushKeepingWork(a, ctx, io))
    if (pushed !== a.branch) report.note = [report.note, `Another run changed ${a.branch} meanwhile: this run's work is on ${pushed} instead.`].filter(Boolean).join(' ')
    pr = await step('opening the pull request', () =>
      a.gh.upsertPull({
        branch: pushed,
        base: a.base,
        title: a.mode === 'tests' ? `Tests for #${a.issue.number}: ${a.issue.title}` : a.issue.title,
        body: io.redact(pullBody(a.issue.number, a.mode, a.result, a.round && roundsList(a.round, report), settings.commentCommand)),
        draft: !a.result.approved
      })
    )
    Object.assign(report, { prNumber: pr.number, prUrl: pr.url, branch: pushed })
    io.info(`Pull request ${pr.url} (${pr.draft ? 'draft' : 'ready for review'})`)
  }
  for (const [k, v] of Object.entries(outputsOf(report))) io.setOutput(k, v)
  const summary = io.redact(renderSummary(report))
  await step('posting the summary', async () => {
    await a.gh.upsertComment(pr?.number ?? a.issue.number, SUMMARY_MARKER, summary)
    // One summary in all: an earlier run's summary on the issue gives way to the pull request's.
    if (pr) {
      const stale = await a.gh.findComment(a.issue.number, SUMMARY_MARKER)
      if (stale) await a.gh.deleteComment(stale.id)
    }
  })
  await io.jobSummary(summary)
  if (refused.length > 0) throw new PublishError('checking the branch before pushing', new PushRefused(refused))
  return report
}

/** The branch would carry a path the run may not write: nothing was pushed. */
export class PushRefused extends Error {
  constructor(readonly reasons: string[]) {
    super(refusalNote(reasons))
    this.name = 'PushRefused'
  }
}

/**
 * The pre-push check: the paths this run's commits change (from where they start: the base,
 * or the tip of a continued branch) against .git, protected-paths and, in a tests run, test-paths.
 */
export async function refusedPaths(settings: Settings, a: Pick<PublishArgs, 'git' | 'mode' | 'baseSha'>): Promise<string[]> {
  const changed = await a.git.changedFiles(a.git.draftStart ?? a.baseSha)
  return pushViolations(changed, { mode: a.mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths })
}

function refusalNote(reasons: string[]): string {
  const shown = reasons.slice(0, 5).join('; ')
  const more = reasons.length > 5 ? `; and ${reasons.length - 5} more` : ''
  return `Nothing was pushed: the branch would change paths this run may not write (${shown}${more}).`
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw new PublishError(name, e)
  }
}

/** Pushes the branch; if another run moved it meanwhile, keeps this run's work on a branch of its own. */
async function pushKeepingWork(a: PublishArgs, ctx: RunContext, io: PublishIO): Promise<string> {
  try {
    await a.git.push(a.branch, a.lease, a.auth)
    return a.branch
  } catch (e) {
    if (!(e instanceof LeaseLost)) throw e
    const fallback = `${a.branch}-run-${ctx.runId ?? Date.now()}`
    io.warning(`${e.message}; pushing this run's work to ${fallback} instead.`)
    await a.git.push(fallback, '', a.auth)
    return fallback
  }
}

function pullBody(issue: number, mode: Mode, result: LoopResult, rounds?: string[], command = '/draft-review'): string {
  const link = mode === 'tests' ? `Refs #${issue}` : `Closes #${issue}`
  const state = result.approved
    ? 'The premium reviewer approved this change. A person still reviews and merges it.'
    : `Not approved (${result.stopReason}): this is a draft for a person to finish or close.`
  const body = [link, '', state, '', '### What the drafter says it did', '', result.drafterSummary || '(no summary)']
  if (rounds?.length) body.push('', '### Rounds', '', ...rounds, '', `For another round, comment \`${command}\` followed by what to change, or request changes in a review.`)
  return body.join('\n')
}

/** The earlier rounds' lines and this one's, numbered on. */
function roundsList(round: PublishRound, report: RunReport): string[] {
  const before = round.previousRounds
  const n = report.totals?.rounds ?? before.length + 1
  return [...before, roundLine({ n, how: round.how, runId: round.runId, approved: report.approved, stopReason: report.stopReason, reviews: report.reviews.length, rejections: rejectionsOf(report) })]
}
