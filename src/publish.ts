// The end of every run that got as far as a branch: push, pull request, summary
// comment, outputs and job summary. Runs after faults too, so paid-for work is kept.
import { Git, LeaseLost, type PushAuth } from './git'
import type { CommentInfo, GitHubClient, GitHubDeadline, IssueInfo, PullInfo } from './github'
import type { CategoryStats } from './history'
import type { LoopResult } from './loop'
import type { CostMeter } from './meter'
import { cutText, fitSummary, GITHUB_BODY_LIMIT } from './posting/fit'
import { pullFault, pushFault, summaryFault, type PublishFault } from './posting/faults'
import { outputsOf, rejectionsOf, renderSummary, SUMMARY_MARKER, type RunReport } from './report'
import { roundLine } from './rounds/account'
import { addRound, totalsSoFar } from './rounds/totals'
import type { Settings } from './settings'
import type { RunContext } from './triggers'
import { neutralizeModelText } from './untrusted/neutralize'
import type { Verdict } from './verdict'
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
  /** A promise while the ledger is still being written: the summary waits for it, the push does not. */
  history?: RunHistory | Promise<RunHistory>
  round?: PublishRound
  /** Where the issue text came from, when it was not the event's copy (said in the summary). */
  provenance?: string
  /** The GitHub client's deadline, and how far posting the summary may move it. */
  deadline?: GitHubDeadline
  summaryGraceMs?: number
  /**
   * What the run read at its start, so it is not asked again: whether a pull request was open
   * for the branch (none is when the branch was not on origin), and our summary comment on
   * the issue (null: there was none). A run that opened one meanwhile is met by the 422.
   */
  start?: { pullOpen: boolean; issueSummary: CommentInfo | null }
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

/** Names the part of publishing that failed, for the progress comment; its message is said to the user. */
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
  const pendingHistory = a.history instanceof Promise ? a.history : undefined
  const report = buildReport(settings, { ...a, history: pendingHistory ? undefined : (a.history as RunHistory | undefined) }, ctx.runUrl)
  if (a.round) report.totals = addRound(totalsSoFar(a.round.previousMarker), { ...report, reviews: report.reviews.length, rejections: rejectionsOf(report) })
  // The outputs first (again below, with the pull request): a run whose push or comment
  // fails still reports what it spent.
  for (const [k, v] of Object.entries(outputsOf(report))) io.setOutput(k, v)
  // What the models wrote goes to GitHub with its mentions and issue references broken.
  report.reviews = report.reviews.map((rec) => ({ ...rec, review: { ...rec.review, verdict: neutralVerdict(rec.review.verdict) } }))
  if (a.provenance) report.note = [report.note, a.provenance].filter(Boolean).join(' ')
  const faults: PublishFault[] = []
  let pr: (PullInfo & { created?: boolean }) | undefined
  let pushed: string | undefined
  let patch = ''
  const hasChanges = (await a.git.changedFiles(a.baseSha)).length > 0
  // The pre-push check: a branch that would carry a path this run may not write is not pushed.
  const refused = hasChanges ? await refusedPaths(settings, a) : []
  if (refused.length > 0) {
    Object.assign(report, { approved: false, stopReason: 'error' })
    report.note = [report.note, refusalNote(refused)].filter(Boolean).join(' ')
  } else if (hasChanges) {
    try {
      pushed = await pushKeepingWork(a, ctx, io)
      if (pushed !== a.branch) report.note = [report.note, `Another run changed ${a.branch} meanwhile: this run's work is on ${pushed} instead.`].filter(Boolean).join(' ')
      report.branch = pushed
    } catch (e) {
      faults.push(pushFault(e, a.branch))
      patch = await a.git.diff(a.baseSha, 3).catch(() => '')
    }
  }
  if (pushed) {
    const title = a.mode === 'tests' ? `Tests for #${a.issue.number}: ${a.issue.title}` : a.issue.title
    try {
      pr = await a.gh.upsertPull({
        branch: pushed,
        base: a.base,
        title,
        body: io.redact(pullBody(a.issue.number, a.mode, a.result, a.round && roundsList(a.round, report), settings.commentCommand)),
        draft: !a.result.approved,
        noneOpen: a.start ? !a.start.pullOpen : false,
        notDraft: (t, body) => ({ title: `[not approved] ${t}`.slice(0, 256), body: `${NOT_APPROVED_READY}\n\n${body}` })
      })
      Object.assign(report, { prNumber: pr.number, prUrl: pr.url })
      io.info(`Pull request ${pr.url} (${pr.draft ? 'draft' : 'ready for review'}${!pr.draft && !a.result.approved ? ', marked [not approved]: the repository cannot have draft pull requests' : ''})`)
    } catch (e) {
      faults.push(pullFault(e, { branch: pushed, compareUrl: compareUrl(ctx, a.base, pushed) }))
    }
  }
  if (faults.length) {
    // The run did not land where it should: say so first, and let a later step see it.
    report.stopReason = 'error'
    report.note = [...faults.map((f) => f.words), report.note].filter(Boolean).join(' ')
  }
  for (const [k, v] of Object.entries(outputsOf(report))) io.setOutput(k, v)
  if (pendingHistory) {
    const history = await pendingHistory
    Object.assign(report, { history, category: history.category })
  }
  const fitted = fitSummary(report, (r) => io.redact(renderSummary(r)))
  // The summary is how the user hears of all this: it gets a short window of its own even
  // when a hung or rate-limited call above used up the publishing one.
  if (a.deadline?.until !== undefined) a.deadline.until = Math.max(a.deadline.until, Date.now() + (a.summaryGraceMs ?? 15_000))
  try {
    // A pull request this run opened has no comment of ours yet.
    await a.gh.upsertComment(pr?.number ?? a.issue.number, SUMMARY_MARKER, fitted.body, pr?.created ? null : undefined)
    // One summary in all: an earlier run's summary on the issue gives way to the pull request's.
    if (pr) {
      const stale = a.start ? a.start.issueSummary : await a.gh.findComment(a.issue.number, SUMMARY_MARKER)
      if (stale) await a.gh.deleteComment(stale.id)
    }
  } catch (e) {
    faults.push(summaryFault(e))
    io.setOutput('stop-reason', 'error')
  }
  const full = io.redact(renderSummary(report))
  await io.jobSummary(patch ? `${full}\n\n${patchSection(io.redact(patch))}` : full).catch((e: unknown) => io.warning(`Could not write the job summary: ${String(e)}`))
  if (refused.length > 0) throw new PublishError('checking the branch before pushing', new PushRefused(refused))
  if (faults.length) throw new PublishError(faults[0]!.step, new Error(faults.map((f) => f.words).join(' ')))
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

/** Said at the top of a ready pull request that stands in for a draft. */
export const NOT_APPROVED_READY =
  '> [!WARNING]\n> **Not approved.** This repository cannot have draft pull requests, so this one is open as ready for review: it is a draft for a person to finish or close. Do not merge it as it is.'

function compareUrl(ctx: RunContext, base: string, branch: string): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/compare/${base}...${branch}?expand=1`
}

/** The change that could not be pushed, so the work paid for is not lost (job summaries hold 1 MiB). */
function patchSection(patch: string): string {
  const fence = '`'.repeat(Math.max(3, (patch.match(/`+/g) ?? []).reduce((m, x) => Math.max(m, x.length + 1), 0)))
  return ['### The change that was not pushed', '', 'Apply it with `git apply`:', '', `${fence}diff`, cutText(patch, 600_000), fence].join('\n')
}

function neutralVerdict(v: Verdict): Verdict {
  return { ...v, summary: neutralizeModelText(v.summary), findings: v.findings.map((f) => ({ ...f, message: neutralizeModelText(f.message) })) }
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

/**
 * The pull request body. The drafter's summary is a model's text, steered by an issue
 * anyone can write: neutralised, so that it closes and pings nothing; the one link that
 * counts is this action's own `Closes #<N>`. Cut to fit GitHub's body limit.
 */
export function pullBody(
  issue: number,
  mode: Mode,
  result: Pick<LoopResult, 'approved' | 'stopReason' | 'drafterSummary'>,
  rounds?: string[],
  command = '/draft-review'
): string {
  const link = mode === 'tests' ? `Refs #${issue}` : `Closes #${issue}`
  const state = result.approved
    ? 'The premium reviewer approved this change. A person still reviews and merges it.'
    : `Not approved (${result.stopReason}): this is a draft for a person to finish or close.`
  const head = [link, '', state, '', '### What the drafter says it did', ''].join('\n')
  const after = rounds?.length ? ['', '', '### Rounds', '', ...rounds, '', `For another round, comment \`${command}\` followed by what to change, or request changes in a review.`].join('\n') : ''
  const room = GITHUB_BODY_LIMIT - head.length - after.length - NOT_APPROVED_READY.length - 1024
  return head + cutText(neutralizeModelText(result.drafterSummary || '(no summary)'), room) + after
}

/** The earlier rounds' lines and this one's, numbered on. */
function roundsList(round: PublishRound, report: RunReport): string[] {
  const before = round.previousRounds
  const n = report.totals?.rounds ?? before.length + 1
  return [...before, roundLine({ n, how: round.how, runId: round.runId, approved: report.approved, stopReason: report.stopReason, reviews: report.reviews.length, rejections: rejectionsOf(report) })]
}
