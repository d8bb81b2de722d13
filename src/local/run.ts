// Local mode: the same session on a developer's checkout, progress in the terminal, the
// summary printed for a terminal; a pull request only when asked. Everything the user can
// get wrong (the directory, the issue file, the base branch) is checked before any call.
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { Git } from '../git'
import { createOctokit, GitHubClient, type IssueInfo } from '../github'
import { categoryOf, chooseStartTier, sameKind, type LedgerRecord } from '../history'
import { Ledger } from '../ledger'
import { renderLedgerReport } from '../ledger-report'
import { CostMeter } from '../meter'
import { buildReport, publish, type RunHistory } from '../publish'
import { feedbackMessage } from '../prompts'
import { SUMMARY_MARKER } from '../report'
import { boundedDiff, earlierRounds, roundsIn } from '../rounds/account'
import { commitsSince, continueLocalBranch, withTrailer } from '../rounds/branch'
import { markerIn } from '../rounds/totals'
import { branchFor, readLedger, recordRun } from '../run-issue'
import { preflightSandbox } from '../sandbox/preflight'
import { makeRedactor, secretsOfEnv } from '../secrets'
import { commitRest, runDeadline, runSession, type SessionRound } from '../session'
import { readSettings, requireProviderKeys, secretsOf, type InputReader } from '../settings'
import { modeFromLabels, type RunContext } from '../triggers'
import { cleanUntrusted } from '../triggers/feedback'
import { issueTextForModels } from '../untrusted/issue-text'
import { sanitizeUntrusted } from '../untrusted/sanitize'
import { WorkspaceTools } from '../workspace/tools'
import { LOCAL_DEFAULTS, UsageError } from './flags'
import { plain, renderTerminalSummary, TerminalProgress } from './terminal'

export interface LocalRunArgs {
  dir: string
  env: NodeJS.ProcessEnv
  /** Values for the action's inputs, by input name. */
  inputs: Record<string, string>
  issueFile?: string
  issueNumber?: number
  repo?: string
  tests: boolean
  openPr: boolean
  /** Another round on the current draft-review branch, with these words as the feedback. */
  feedback?: string
  /** Where that branch started from, for the diff (default: origin's default branch, main, master). */
  base?: string
}

export async function localRun(a: LocalRunArgs): Promise<number> {
  const token = a.env.GITHUB_TOKEN || a.env.GH_TOKEN || ''
  const fromEnv: Record<string, string | undefined> = {
    'anthropic-api-key': a.env.ANTHROPIC_API_KEY,
    'anthropic-base-url': a.env.ANTHROPIC_BASE_URL,
    'openai-api-key': a.env.OPENAI_API_KEY,
    'openai-base-url': a.env.OPENAI_BASE_URL,
    'github-token': token,
    ...LOCAL_DEFAULTS
  }
  const read: InputReader = (name) => a.inputs[name] ?? fromEnv[name] ?? ''
  // What the user named on the command line first, then the settings: all before any call.
  const root = await repositoryRoot(a.dir)
  const issueFromFile = a.issueFile !== undefined ? parseIssueFile(await readIssueFile(a.issueFile)) : undefined
  const settings = readSettings(read)
  // A local run always calls a model.
  requireProviderKeys(settings)
  const redact = makeRedactor([...secretsOf(settings), ...secretsOfEnv(a.env)])
  const say = (line: string): void => void process.stderr.write(`${redact(line)}\n`)
  if (settings.testCommand && settings.testSandbox) await preflightSandbox(say)
  const git = new Git(root, redact, { userConfig: true })
  const needsGitHub = a.issueNumber !== undefined || a.openPr
  if (needsGitHub && !token) throw new UsageError(`${a.issueNumber !== undefined ? '--issue' : '--open-pr'} needs GITHUB_TOKEN (or GH_TOKEN) in the environment`)
  const start = settings.baseBranch ? await baseCommit(git, settings.baseBranch) : 'HEAD'
  const [owner, repo] = (a.repo ?? (needsGitHub ? await repoFromOrigin(git) : 'local/local')).split('/')
  if (!owner || !repo) throw new UsageError(`--repo must be OWNER/NAME, not '${a.repo}'`)
  const apiUrl = (a.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const gh = needsGitHub ? new GitHubClient(createOctokit(token, apiUrl, say), owner, repo) : undefined
  // Untrusted text either way (an issue file may be pasted from anywhere): the models read it
  // cleaned of what a reader does not see, as the action cleans the event's copy.
  const issue: IssueInfo = issueFromFile ?? cleanIssue(await gh!.issue(a.issueNumber!))
  const mode = a.tests ? 'tests' : modeFromLabels(issue.labels, settings.testsLabel)
  const wanted = issue.number > 0 ? branchFor(issue.number) : `draft-review/local-${slug(issue.title)}`

  // The developer's own git credentials reach origin for the ledger: no token is needed.
  const ledger = new Ledger(git)
  const category = categoryOf(issue.labels, settings.categoryLabels)
  const past: LedgerRecord[] = (settings.ledger || settings.routeByHistory ? await readLedger(ledger, { warning: say }) : []).filter((r) => sameKind(r, category, mode))
  const route = chooseStartTier(settings.drafters.map((d) => d.id), past, { enabled: settings.routeByHistory, threshold: settings.routeRejectThreshold, window: settings.routeWindow })
  if (route.reason) say(route.reason)

  const userRef = await currentRef(git)
  const begun: LocalStart =
    a.feedback === undefined ? { ...(await git.startLocalBranch(wanted, start)), branch: wanted } : await startLocalRound(git, wanted, a.feedback, a.base)
  const { baseSha, previous, branch } = begun
  const base = a.feedback === undefined ? (settings.baseBranch ?? previous) : previous
  say(`draft-review: ${issue.number > 0 ? `#${issue.number} ` : ''}"${issue.title}" (${mode}) ${begun.round ? 'continuing' : 'on'} ${branch}, from ${a.feedback === undefined ? (settings.baseBranch ?? previous) : previous} at ${baseSha.slice(0, 12)}`)
  let failed: unknown
  try {
    const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
    const tools = new WorkspaceTools({
      root,
      rules: { mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths },
      redact,
      indexFile: () => git.indexFile()
    })
    const deadline = runDeadline(settings.runTimeoutMinutes)
    const result = await runSession(settings, {
      workspace: root,
      issue,
      mode,
      git,
      baseSha,
      meter,
      tools,
      progress: new TerminalProgress(say),
      route,
      signal: deadline.signal,
      log: () => {},
      redact,
      env: a.env,
      runId: 'local',
      round: begun.round,
      feedback: begun.feedback
    }).finally(() => deadline.clear())
    // Paid-for work is kept: an unfinished draft is committed on the branch all the same.
    await commitRest(git, tools, withTrailer(`draft-review: unfinished draft for "${issue.title}"`, 'local'), result, { warning: say, redact })
    const history: RunHistory | undefined = settings.ledger
      ? await recordRun(settings, { runId: 'local' }, { warning: say }, ledger, past, { issue, category, kind: category, mode, meter, result })
      : undefined
    let report = buildReport(settings, { issue, mode, meter, result, history })
    if (a.openPr && gh) {
      const serverUrl = a.env.GITHUB_SERVER_URL || 'https://github.com'
      const ctx: RunContext = { eventName: 'local', payload: {}, owner, repo, apiUrl, serverUrl, workspace: root }
      const io = { info: say, warning: say, setOutput: () => {}, jobSummary: async () => {}, redact }
      const lease = await git.remoteSha(branch)
      // The same pull request and summary as the action's rounds: the totals go on.
      const pr = await gh.findOpenPull(branch, base)
      const summary = pr && (await gh.findComment(pr.number, SUMMARY_MARKER))
      const round = { previousMarker: markerIn(summary?.body), previousRounds: roundsIn(pr?.body), how: begun.round ? 'Local run with feedback' : 'Local run', runId: 'local' }
      report = await publish(settings, ctx, io, { gh, git, issue, mode, base, branch, baseSha, lease, auth: { serverUrl, token }, meter, result, history, round })
    }
    process.stdout.write(`${redact(renderTerminalSummary(report, { title: issue.title, branch }))}\n`)
    if (result.error !== undefined) failed = result.error
    else say(`See the change: git diff ${baseSha.slice(0, 12)}...${branch}; back to your branch: git switch ${previous === 'HEAD' ? '--detach ' + userRef : previous}`)
  } catch (e) {
    failed = e
  }
  if (failed === undefined) return 0
  // After a failure the user is put back where they were; the draft stays on its branch.
  await git.exec(['checkout', '--quiet', userRef]).then(
    () => say(`Back on ${previous === 'HEAD' ? userRef.slice(0, 12) : previous}; what was drafted is on ${branch}.`),
    (e: unknown) => say(`Could not switch back to ${previous} (${plain(e instanceof Error ? e.message : String(e))}); the draft is on ${branch}.`)
  )
  throw failed
}

interface LocalStart {
  branch: string
  baseSha: string
  /** The branch the work started from: the base of the diff and of a pull request. */
  previous: string
  round?: SessionRound
  feedback?: string
}

/** A round on the draft-review branch as it stands: the feedback, the commits on it, its diff. */
async function startLocalRound(git: Git, wanted: string, text: string, base?: string): Promise<LocalStart> {
  const b = await continueLocalBranch(git, wanted, base)
  const [commits, diff, stat] = await Promise.all([
    commitsSince(git, b.baseSha, b.headSha),
    git.diff(b.baseSha),
    git.exec(['diff', '--stat', b.baseSha, 'HEAD', '--'])
  ])
  const round: SessionRound = { startSha: b.headSha, account: earlierRounds({ ledger: [], commits }), diff: boundedDiff(diff, stat) }
  const feedback = feedbackMessage({ source: 'comment', author: 'The developer running draft-review locally', text, lineComments: [] }, cleanUntrusted)
  return { branch: b.branch, baseSha: b.baseSha, previous: b.base, round, feedback }
}

export async function localReport(dir: string): Promise<number> {
  // The developer's own git credentials reach origin: no token is needed here.
  const { records } = await new Ledger(new Git(await repositoryRoot(dir), undefined, { userConfig: true })).read()
  process.stdout.write(`${renderLedgerReport(records)}\n`)
  return 0
}

/** An issue read from GitHub, with its title and body as the models read them (src/untrusted/). */
function cleanIssue(issue: IssueInfo): IssueInfo {
  const { title, body } = issueTextForModels({}, issue)
  return { ...issue, title, body }
}

/**
 * `# Title` (or the first visible line) is the title; the rest is the body. The whole file is
 * cleaned first (src/untrusted/), so an HTML comment cannot hide in or across the title line.
 */
export function parseIssueFile(raw: string): IssueInfo {
  if (raw.trim() === '') throw new UsageError('--issue-file: the file is empty; write a first "# Title" line, then the body')
  const lines = sanitizeUntrusted(raw.replace(/\r\n?/g, '\n')).split('\n')
  const first = lines.findIndex((l) => l.trim() !== '')
  if (first < 0) {
    throw new UsageError('--issue-file: the file has no visible text (HTML comments, collapsed sections and invisible characters are removed before a model reads it)')
  }
  const title = lines[first]!.replace(/^#+\s*/, '').trim()
  const body = lines.slice(first + 1).join('\n').trim()
  return { number: 0, title, body, labels: [], isPullRequest: false }
}

async function readIssueFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`--issue-file ${file}: no such file`)
    if (code === 'EISDIR') throw new UsageError(`--issue-file ${file}: is a directory, not a file`)
    throw new UsageError(`--issue-file ${file}: cannot be read (${code ?? (e as Error).message})`)
  }
}

/** The top of the git work tree --dir is in, or a message that says what is wrong with --dir. */
export async function repositoryRoot(dir: string): Promise<string> {
  const abs = path.resolve(dir)
  const st = await stat(abs).catch(() => null)
  if (!st) throw new UsageError(`--dir ${dir}: no such directory`)
  if (!st.isDirectory()) throw new UsageError(`--dir ${dir}: not a directory`)
  try {
    return (await new Git(abs, undefined, { userConfig: true }).exec(['rev-parse', '--show-toplevel'])).trim()
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || /ENOENT/.test(String((e as Error).message))) {
      throw new Error('git is not installed, or not on PATH: draft-review needs it')
    }
    throw new UsageError(`--dir ${dir}: not inside a git repository (run it in a clone, or pass --dir)`)
  }
}

async function baseCommit(git: Git, branch: string): Promise<string> {
  for (const ref of [`refs/heads/${branch}`, `refs/remotes/origin/${branch}`]) {
    const ok = await git.exec(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then(
      () => true,
      () => false
    )
    if (ok) return ref
  }
  throw new UsageError(`Option '--base-branch': there is no branch '${branch}' here (nor origin/${branch}); git branch --all lists them`)
}

/** The branch checked out, or the commit when HEAD is detached: where to come back to. */
async function currentRef(git: Git): Promise<string> {
  const branch = (await git.exec(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim()
  return branch || (await git.exec(['rev-parse', 'HEAD'])).trim()
}

async function repoFromOrigin(git: Git): Promise<string> {
  const url = (await git.exec(['remote', 'get-url', 'origin']).catch(() => '')).trim()
  const m = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url)
  if (!m) throw new UsageError(`could not tell the GitHub repository from the origin remote ('${url}'); pass --repo OWNER/NAME`)
  return `${m[1]}/${m[2]}`
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'issue'
}
