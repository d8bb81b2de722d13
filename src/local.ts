// Local mode: the same session on a developer's checkout, progress in the terminal, the
// summary printed; a pull request only when asked.
import { readFile } from 'node:fs/promises'
import { Git } from './git'
import { createOctokit, GitHubClient, type IssueInfo } from './github'
import { Ledger } from './ledger'
import { renderLedgerReport } from './ledger-report'
import { CostMeter } from './meter'
import { outcomeLine } from './narrate'
import { buildReport, publish } from './publish'
import { renderSummary, SUMMARY_MARKER } from './report'
import { branchFor } from './run-issue'
import { feedbackMessage } from './prompts'
import { boundedDiff, earlierRounds, roundsIn } from './rounds/account'
import { commitsSince, continueLocalBranch, withTrailer } from './rounds/branch'
import { markerIn } from './rounds/totals'
import { preflightSandbox } from './sandbox/preflight'
import { makeRedactor, secretsOfEnv } from './secrets'
import { commitRest, runDeadline, runSession, type ProgressSink, type SessionRound } from './session'
import { readSettings, secretsOf, type InputReader } from './settings'
import { modeFromLabels, type RunContext } from './triggers'
import { cleanUntrusted } from './triggers/feedback'
import { WorkspaceTools } from './workspace/tools'

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

/** Terminal lines instead of a comment: one per phase and per result. */
export class TerminalProgress implements ProgressSink {
  constructor(private readonly write: (line: string) => void) {}
  working(text: string): void {
    this.write(`⏳ ${strip(text)}`)
  }
  settle(icon: 'done' | 'failed' | 'rejected', text: string): void {
    this.write(`${icon === 'done' ? '✅' : icon === 'failed' ? '❌' : '🔁'} ${strip(text)}`)
  }
}

const strip = (s: string): string => s.replace(/`/g, '')

export async function localRun(a: LocalRunArgs): Promise<number> {
  const token = a.env.GITHUB_TOKEN || a.env.GH_TOKEN || ''
  const fromEnv: Record<string, string | undefined> = {
    'anthropic-api-key': a.env.ANTHROPIC_API_KEY,
    'anthropic-base-url': a.env.ANTHROPIC_BASE_URL,
    'openai-api-key': a.env.OPENAI_API_KEY,
    'openai-base-url': a.env.OPENAI_BASE_URL,
    'github-token': token,
    ledger: 'false'
  }
  const read: InputReader = (name) => a.inputs[name] ?? fromEnv[name] ?? ''
  const settings = readSettings(read)
  const redact = makeRedactor([...secretsOf(settings), ...secretsOfEnv(a.env)])
  const say = (line: string): void => void process.stderr.write(`${redact(line)}\n`)
  if (settings.testCommand && settings.testSandbox) await preflightSandbox(say)
  const git = new Git(a.dir, redact, { userConfig: true })
  const needsGitHub = a.issueNumber !== undefined || a.openPr
  if (needsGitHub && !token) throw new Error('--issue and --open-pr need GITHUB_TOKEN (or GH_TOKEN) in the environment')
  const [owner, repo] = (a.repo ?? (needsGitHub ? await repoFromOrigin(git) : 'local/local')).split('/')
  if (!owner || !repo) throw new Error(`--repo must be OWNER/NAME, not '${a.repo}'`)
  const apiUrl = (a.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const gh = needsGitHub ? new GitHubClient(createOctokit(token, apiUrl, say), owner, repo) : undefined
  const issue: IssueInfo = gh && a.issueNumber !== undefined ? await gh.issue(a.issueNumber) : parseIssueFile(await readFile(a.issueFile!, 'utf8'))
  const mode = a.tests ? 'tests' : modeFromLabels(issue.labels, 'draft-review:tests')
  const wanted = issue.number > 0 ? branchFor(issue.number) : `draft-review/local-${slug(issue.title)}`
  const start: LocalStart = a.feedback === undefined ? { ...(await git.startLocalBranch(wanted)), branch: wanted } : await startLocalRound(git, wanted, a.feedback, a.base)
  const { baseSha, previous, branch } = start
  say(`draft-review: ${issue.number > 0 ? `#${issue.number} ` : ''}"${issue.title}" (${mode}) ${start.round ? 'continuing' : 'on'} ${branch}, from ${previous} at ${baseSha.slice(0, 12)}`)

  const meter = new CostMeter(settings.maxCostUsd, settings.reviewer.price)
  const tools = new WorkspaceTools({
    root: a.dir,
    rules: { mode, protectedGlobs: settings.protectedPaths, testGlobs: settings.testPaths },
    redact,
    indexFile: () => git.indexFile()
  })
  const deadline = runDeadline(settings.runTimeoutMinutes)
  const result = await runSession(settings, {
    workspace: a.dir,
    issue,
    mode,
    git,
    baseSha,
    meter,
    tools,
    progress: new TerminalProgress(say),
    route: { tier: 0, reason: '' },
    signal: deadline.signal,
    log: () => {},
    redact,
    env: a.env,
    runId: 'local',
    round: start.round,
    feedback: start.feedback
  })
  deadline.clear()
  await commitRest(git, tools, withTrailer(`draft-review: unfinished draft for "${issue.title}"`, 'local'), result, { warning: say, redact })
  let report = buildReport(settings, { issue, mode, meter, result })
  if (a.openPr && gh) {
    const serverUrl = a.env.GITHUB_SERVER_URL || 'https://github.com'
    const ctx: RunContext = { eventName: 'local', payload: {}, owner, repo, apiUrl, serverUrl, workspace: a.dir }
    const io = { info: say, warning: say, setOutput: () => {}, jobSummary: async () => {}, redact }
    const lease = await git.remoteSha(branch)
    // The same pull request and summary as the action's rounds: the totals go on.
    const pr = await gh.findOpenPull(branch, previous)
    const summary = pr && (await gh.findComment(pr.number, SUMMARY_MARKER))
    const round = { previousMarker: markerIn(summary?.body), previousRounds: roundsIn(pr?.body), how: start.round ? 'Local run with feedback' : 'Local run', runId: 'local' }
    report = await publish(settings, ctx, io, { gh, git, issue, mode, base: previous, branch, baseSha, lease, auth: { serverUrl, token }, meter, result, round })
  }
  process.stdout.write(`${redact(renderSummary(report))}\n`)
  say(outcomeLine(report, result).replace(/\*\*/g, ''))
  say(`The change is on the local branch ${branch}: \`git diff ${previous}...${branch}\`; back with \`git switch ${previous}\`.`)
  if (result.error !== undefined) {
    say(`draft-review: ${redact(result.error instanceof Error ? result.error.message : String(result.error))}`)
    return 1
  }
  return 0
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
  const { records } = await new Ledger(new Git(dir, undefined, { userConfig: true })).read()
  process.stdout.write(`${renderLedgerReport(records)}\n`)
  return 0
}

/** `# Title` (or the first line) is the title; the rest is the body. */
export function parseIssueFile(text: string): IssueInfo {
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  const first = lines.findIndex((l) => l.trim() !== '')
  if (first < 0) throw new Error('the issue file is empty')
  const title = lines[first]!.replace(/^#+\s*/, '').trim()
  const body = lines.slice(first + 1).join('\n').trim()
  return { number: 0, title, body, labels: [], isPullRequest: false }
}

async function repoFromOrigin(git: Git): Promise<string> {
  const url = (await git.exec(['remote', 'get-url', 'origin']).catch(() => '')).trim()
  const m = /[/:]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url)
  if (!m) throw new Error(`could not tell the GitHub repository from the origin remote ('${url}'); pass --repo OWNER/NAME`)
  return `${m[1]}/${m[2]}`
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'issue'
}
