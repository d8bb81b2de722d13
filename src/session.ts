// One draft-and-review session in a workspace: the drafter, the test gate, the reviewer
// and the ladder wired into the loop. It knows nothing of GitHub: the action and the
// local CLI both run it, each with its own progress sink.
import { BudgetedCaller, type CallEvent } from './calls'
import { Drafter } from './drafter'
import type { Git } from './git'
import type { Route } from './history'
import type { RouteDecision } from './routing/route'
import { triage, triageAffordable, triageRequest, TRIAGE_MAX_TOKENS, TRIAGE_RETRIES, TRIAGE_TIMEOUT_MS, worstCaseUsd, type TriageOutcome } from './routing/triage'
import { DRAFTER_FLOOR_TOKENS } from './conversation/budget'
import { runLoop, type LoopEvent, type LoopResult } from './loop'
import type { CostMeter } from './meter'
import { describeEvent, isSetback } from './narrate'
import { drafterFirstMessage, drafterSystem, outputTail, reviewerPrefix, reviewerRound, roundFirstMessage, type IssueText } from './prompts'
import { createModel, preloadProviders } from './providers'
import { reviewDiff } from './reviewer'
import { withTrailer } from './rounds/branch'
import { runTestCommand } from './sandbox/testrun'
import { scrubEnv } from './secrets'
import { secretsOf, type Settings } from './settings'
import { neutralizeModelText } from './untrusted/neutralize'
import type { Mode } from './workspace/paths'
import { buildRepoMap } from './workspace/repo-map'
import type { WorkspaceTools } from './workspace/tools'

/**
 * Starts loading the SDKs of every model the run may call (import() loads and compiles on
 * this thread, ~50 ms), without waiting: call it once the run is certain, while it waits on
 * GitHub and git.
 */
export function preloadModels(settings: Settings): void {
  preloadProviders([...settings.drafters, settings.reviewer, ...(settings.triage ? [settings.triageModel] : [])])
}

export const DRAFTER_MAX_TURNS = 40
export const DRAFTER_MAX_TOKENS = 8192
const MODEL_RETRIES = 3

export class RunTimedOut extends Error {
  constructor(minutes: number) {
    super(`the run reached run-timeout-minutes (${minutes}) and stopped`)
    this.name = 'RunTimedOut'
  }
}

/** The whole run's deadline: its signal aborts model calls and the test command. */
export function runDeadline(minutes: number): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(new RunTimedOut(minutes)), minutes * 60_000)
  timer.unref()
  return { signal: controller.signal, clear: () => clearTimeout(timer) }
}

/** Where a session reports its phases: the progress comment, or the terminal. */
export interface ProgressSink {
  working(text: string): void
  settle(icon: 'done' | 'failed' | 'rejected', text: string): void
}

export interface Session {
  workspace: string
  issue: IssueText
  mode: Mode
  git: Git
  baseSha: string
  meter: CostMeter
  tools: WorkspaceTools
  progress: ProgressSink
  route: Route
  /** Decides the start from the triage's outcome (undefined when triage is off); without it, `route` stands. */
  routeFor?: (triage: TriageOutcome | undefined) => RouteDecision
  /** Why the triage call would change nothing (a category label, a one-tier ladder): it is not made. */
  triageNeedless?: string
  signal: AbortSignal
  log: (line: string) => void
  redact: (text: string) => string
  env: NodeJS.ProcessEnv
  /** Goes into every commit's Draft-Review-Run trailer. */
  runId: string
  /** A new round on a branch that already has work: how the fresh conversation opens. */
  round?: SessionRound
  /** The fenced words of the person who asked for this run, for the drafter and the reviewer. */
  feedback?: string
}

export interface SessionRound {
  /** HEAD when the round began: a round that commits nothing on top of it changed nothing. */
  startSha: string
  account: string
  diff: string
}

export async function runSession(settings: Settings, run: Session): Promise<LoopResult> {
  const { issue, mode, git, baseSha, meter, tools, progress, signal, redact } = run
  const limits = { maxRetries: MODEL_RETRIES, timeoutMs: settings.modelTimeoutSeconds * 1000 }
  const caller = new BudgetedCaller(meter, redact, (e: CallEvent) => run.log(describeCall(e, settings.maxCostUsd)), signal, {
    contextTokens: settings.contextTokens
  })
  // The issue's words (and a reviewer's feedback) steer the map toward the paths they name.
  const mapQuery = [issue.title, issue.body, run.feedback && redact(run.feedback)].filter(Boolean).join('\n')
  // The listing's git commands are started first; the SDKs then compile (if the run did not
  // start them earlier) while git lists, not on the way to the first call.
  const listing = tools.tracked.list()
  setImmediate(() => preloadModels(settings))
  await listing.catch(() => {})
  const repoMap = await buildRepoMap(run.workspace, undefined, tools.tracked, mapQuery)
  // The whole ladder up front: escalating mid-run then costs nothing but the switch.
  const ladder = await Promise.all(settings.drafters.map((ref) => createModel(ref, settings, limits)))
  const round = run.round
  const feedback = run.feedback && redact(run.feedback)
  const opening = round
    ? roundFirstMessage({ issue, repoMap, testCommand: settings.testCommand, account: redact(round.account), diff: redact(round.diff), feedback })
    : [drafterFirstMessage(issue, repoMap, settings.testCommand), feedback].filter(Boolean).join('\n\n')
  const system = drafterSystem(mode, settings.testPaths)
  // Where to start: the triage (a new run, not a round on a branch), then labels and history.
  let routing: RouteDecision | undefined
  if (run.routeFor) {
    let outcome: TriageOutcome | undefined
    if (settings.triage && !round) outcome = await runTriage(settings, run, caller, { repoMap, system, opening })
    routing = run.routeFor(outcome)
    if (outcome) {
      const start = `\`${settings.drafters[routing.tier]!.id}\` (chosen by ${routing.chosenBy})`
      if (outcome.ok) progress.settle('done', `Triage: ${outcome.answer.kind}, tier ${outcome.answer.tier + 1}; starting on ${start}`)
      else progress.settle(outcome.skipped ? 'done' : 'failed', `${outcome.note} Starting on ${start}.`)
    }
  }
  const route = routing ?? run.route
  let tier = route.tier
  const drafter = new Drafter({
    caller,
    ref: settings.drafters[tier]!,
    model: ladder[tier]!,
    tools,
    system,
    maxTurns: DRAFTER_MAX_TURNS,
    maxTokens: DRAFTER_MAX_TOKENS,
    shrinkable: { span: repoMap, stub: REPO_MAP_STUB },
    onCompact: (c) => run.log(`drafter context compacted: about ${c.beforeTokens} -> ${c.afterTokens} tokens (${c.stubs} older pieces replaced by stubs)`),
    onContextFull: () => run.log("drafter's answer stopped at the model's context window: compacting and asking again with the window the server has")
  })
  const reviewerModel = await createModel(settings.reviewer, settings, limits)
  const testEnv = scrubEnv(run.env, secretsOf(settings))
  const maxDrafts = settings.maxIterations * 3
  const narrate = { drafter: () => drafter.modelId, reviewer: settings.reviewer.id, maxDrafts, testCommand: settings.testCommand }
  const onEvent = (e: LoopEvent): void => {
    const line = describeEvent(e, narrate)
    if (e.kind === 'phase') return progress.working(line)
    run.log(line)
    progress.settle(isSetback(e) ?? 'done', line)
  }
  const result = await runLoop(
    opening,
    {
      draft: (message) => drafter.draft(message),
      commitDraft: async (n, summary) => {
        // The summary is a model's text: a `Closes #99` in a commit message would close #99 on merge.
        const made = await git.commitWrites(tools.writes(), withTrailer(`draft-review: draft ${n} for #${issue.number}\n\n${neutralizeModelText(redact(summary))}`.trim(), run.runId))
        for (const s of made.skipped) run.log(`Not committed: ${s.path} (${s.reason}).`)
        // A round adds to a branch that already differs from the base: nothing on top of where it began is no change.
        if (round && git.head === round.startSha) return ''
        return git.diff(baseSha)
      },
      runTests: settings.testCommand
        ? async () => {
            // Whatever the tests wrote (build output, snapshots, a file they created), the tools list anew.
            const result = await runTestCommand({
              command: settings.testCommand,
              cwd: run.workspace,
              timeoutSeconds: settings.testTimeoutSeconds,
              env: testEnv,
              redact,
              signal,
              sandbox: settings.testSandbox,
              jobEnv: run.env
            }).finally(() => tools.workspaceChanged())
            signal.throwIfAborted()
            return result
          }
        : undefined,
      review: (diff, tests, drafterSummary, round) =>
        reviewDiff(
          caller,
          settings.reviewer,
          reviewerModel,
          {
            prefix: reviewerPrefix({ issue, mode, request: feedback }),
            diff: redact(diff),
            round: (shown, cut, withTail) =>
              reviewerRound({
                diff: shown,
                tests: tests ? `\`${settings.testCommand}\` passed.` : 'no test command is configured.',
                testTail: withTail && tests?.output.trim() ? outputTail(tests.output) : undefined,
                drafterSummary,
                round,
                cutFiles: cut.length
              })
          },
          settings.reviewerEffort
        ),
      drafterModel: () => drafter.modelId,
      hasWork: () => tools.touched().length > 0,
      escalate: () => {
        const next = settings.drafters[tier + 1]
        if (!next) return undefined
        tier++
        drafter.switchModel(next, ladder[tier]!)
        return next.id
      },
      selfReviewed: () => drafter.modelId === settings.reviewer.id,
      onEvent
    },
    {
      maxReviews: settings.maxIterations,
      maxDrafts,
      testCommand: settings.testCommand,
      maxDiffLines: settings.maxDiffLines,
      escalateAfter: settings.escalateAfter
    }
  )
  if (routing) result.routing = routing
  return result
}

const REPO_MAP_STUB = '(The repository map was dropped here to fit the context window; use list_files to see the files.)'

/** Commits what the drafter wrote since the last commit; a failure becomes a warning and a note, never a lost run. */
export async function commitRest(
  git: Git,
  tools: WorkspaceTools,
  message: string,
  result: LoopResult,
  io: { warning(message: string): void; redact(text: string): string }
): Promise<void> {
  try {
    await git.commitWrites(tools.writes(), message)
  } catch (e) {
    const why = io.redact(e instanceof Error ? e.message : String(e))
    io.warning(`The last changes could not be committed (${why}); publishing what was committed before.`)
    result.note = [result.note, `The last changes could not be committed (${why}); what was committed before is published.`].filter(Boolean).join(' ')
  }
}

/**
 * The triage call on its own model client (a short timeout and one retry, so a hung
 * provider cannot hold the run), only when it can change the start and the budget has
 * room for it beside the first draft.
 */
async function runTriage(
  settings: Settings,
  run: Session,
  caller: BudgetedCaller,
  at: { repoMap: string; system: string; opening: string }
): Promise<TriageOutcome> {
  if (run.triageNeedless) return { ok: false, note: run.triageNeedless, skipped: true }
  const ladder = settings.drafters.map((d) => d.id)
  const ref = settings.triageModel
  const first = settings.drafters[0]!
  const triageWorst = worstCaseUsd(ref.price, caller.limits.estimate(ref.id, triageRequest(run.issue, at.repoMap, ladder)), TRIAGE_MAX_TOKENS)
  const draftInput = caller.limits.estimate(first.id, { system: at.system, messages: [{ role: 'user', text: at.opening }] })
  const tight = triageAffordable(run.meter.remainingUsd, triageWorst, worstCaseUsd(first.price, draftInput, DRAFTER_FLOOR_TOKENS))
  if (tight) return { ok: false, note: tight, skipped: true }
  run.progress.working(`Triage by \`${ref.id}\``)
  const timeoutMs = Math.min(TRIAGE_TIMEOUT_MS, settings.modelTimeoutSeconds * 1000)
  const model = await createModel(ref, settings, { maxRetries: TRIAGE_RETRIES, timeoutMs })
  return triage(caller, ref, model, run.issue, at.repoMap, ladder, run.signal)
}

function describeCall(e: CallEvent, cap: number): string {
  const u = e.reply.usage
  return (
    `${e.role} ${e.model}: ${u.input} in, ${u.cacheRead} cache read, ${u.cacheWrite} cache write, ${u.output} out${e.estimated ? ' (estimated: the server reported no usage)' : ''}, ` +
    `$${e.costUsd.toFixed(4)} (run total $${e.spentUsd.toFixed(4)} of $${cap})`
  )
}
