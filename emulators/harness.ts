// A whole world for one action run, all on this machine: a bare `origin`, a workspace
// checked out from it the way actions/checkout does, the GitHub and model emulators,
// and `node dist/index.js` started exactly as the runner starts it.
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkoutWorkspace, makeOrigin } from './git'
import { startGitHubEmulator, type GitHubEmulator, type RoleName } from './github'
import { startAnthropicEmulator, startOpenAIEmulator, type ModelEmulator } from './models'

export const OWNER = 'acme'
export const REPO = 'widgets'
export const SECRETS = {
  githubToken: 'ghs_emulatedGitHubToken0001',
  anthropicKey: 'sk-ant-emulated-key-0001',
  openaiKey: 'sk-openai-emulated-key-0001'
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  stepSummary: string
  /** GITHUB_ENV, GITHUB_PATH and GITHUB_STATE after the run, as the runner would read them. */
  commandFiles: { env: string; path: string; state: string }
  wallMs: number
  /** From the last byte the action wrote (stdout or stderr) to its exit: what held the process open. */
  quietMs: number
}

export interface WorldOptions {
  files: Record<string, string | Buffer>
  executable?: string[]
  issue: { number: number; title: string; body?: string; labels?: string[] }
  permissions?: Record<string, RoleName>
  openaiFlavor?: 'openai' | 'ollama' | 'deepseek' | 'bare'
  /** the OpenAI-compatible server refuses `stream: true` */
  openaiNoStreaming?: boolean
  apiPathPrefix?: string
  /** Context windows per model the emulators enforce (with their strict tokenizer). */
  contextWindows?: Record<string, number>
  /** The OpenAI-compatible server reports no usage. */
  openaiNoUsage?: boolean
}

export interface RunOptions {
  inputs?: Record<string, string>
  eventName?: string
  payload?: Record<string, unknown>
  /** Extra environment for the action process (e.g. canaries). */
  env?: Record<string, string>
  /** The label the `issues: labeled` event carries (default `draft-review`). */
  label?: string
  sender?: { login: string; type?: string }
  /**
   * The INPUT_* variables are exactly `inputs` (as a runner builds them from a workflow
   * step's `with:` and action.yml's defaults): none of the harness's keys, URLs and models.
   */
  onlyInputs?: boolean
}

export interface World {
  anthropic: ModelEmulator
  openai: ModelEmulator
  github: GitHubEmulator
  bareDir: string
  workspace: string
  /** RUNNER_TEMP: where the runner keeps its command files and checkout its credentials. */
  runnerTemp: string
  /** HOME of the action's process. */
  home: string
  run(opts?: RunOptions): Promise<ActionRun>
  close(): Promise<void>
}

// BENCH_ACTION: the bench's long-session section runs an older bundle for its "before" figures.
const ACTION = process.env.BENCH_ACTION ?? resolve(import.meta.dirname, '..', 'dist', 'index.js')

export async function startWorld(opts: WorldOptions): Promise<World> {
  const origin = await makeOrigin(opts.files, { executable: opts.executable })
  const workspace = await checkoutWorkspace(origin.bareDir)
  const github = await startGitHubEmulator({ token: SECRETS.githubToken, pathPrefix: opts.apiPathPrefix })
  const anthropic = await startAnthropicEmulator({ apiKey: SECRETS.anthropicKey, contextWindows: opts.contextWindows })
  const openai = await startOpenAIEmulator({
    apiKey: SECRETS.openaiKey,
    flavor: opts.openaiFlavor ?? 'openai',
    contextWindows: opts.contextWindows,
    noUsage: opts.openaiNoUsage,
    noStreaming: opts.openaiNoStreaming
  })
  github.addRepo({
    owner: OWNER,
    name: REPO,
    defaultBranch: 'main',
    bareDir: origin.bareDir,
    permissions: { maria: 'write', admin: 'admin', visitor: 'read', ...opts.permissions }
  })
  github.addIssue(`${OWNER}/${REPO}`, { user: 'maria', ...opts.issue })
  const scratch = await mkdtemp(join(tmpdir(), 'draft-review-runner-'))
  const home = join(scratch, 'home')
  await mkdir(home)
  // The runner's layout: RUNNER_TEMP, and the command files in a folder of it.
  const runnerTemp = join(scratch, 'temp')
  const commandDir = join(runnerTemp, '_runner_file_commands')
  await mkdir(commandDir, { recursive: true })
  let runs = 0

  return {
    anthropic,
    openai,
    github,
    bareDir: origin.bareDir,
    workspace,
    runnerTemp,
    home,
    async run(r: RunOptions = {}): Promise<ActionRun> {
      runs++
      const eventName = r.eventName ?? 'issues'
      const sender = { login: 'maria', type: 'User', ...r.sender }
      const payload = r.payload ?? {
        action: 'labeled',
        label: { name: r.label ?? 'draft-review' },
        // The issue as it stands when the label is added: GitHub's payload carries its text.
        issue: issueAtLabelling(github, opts.issue.number),
        repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
        sender
      }
      const eventPath = join(scratch, `event-${runs}.json`)
      const outputPath = join(commandDir, `set_output_${runs}`)
      const summaryPath = join(commandDir, `step_summary_${runs}`)
      const envPath = join(commandDir, `set_env_${runs}`)
      const pathPath = join(commandDir, `add_path_${runs}`)
      const statePath = join(commandDir, `save_state_${runs}`)
      await writeFile(eventPath, JSON.stringify(payload))
      for (const p of [outputPath, summaryPath, envPath, pathPath, statePath]) await writeFile(p, '')
      const inputs: Record<string, string> = r.onlyInputs ? { ...r.inputs } : {
        'github-token': SECRETS.githubToken,
        'anthropic-api-key': SECRETS.anthropicKey,
        'anthropic-base-url': anthropic.url,
        'openai-api-key': SECRETS.openaiKey,
        'openai-base-url': openai.url,
        // The scripted conversations name these models; a test of the action's own
        // defaults (the Haiku 5.5 -> Sonnet 5.5 ladder, Opus 5.5) sets them explicitly.
        'drafter-model': 'anthropic:claude-sonnet-4-6',
        'reviewer-model': 'anthropic:claude-opus-4-8',
        // Scripted conversations start with the drafter's first turn: a test of the triage step turns it on.
        triage: 'false',
        ...r.inputs
      }
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        // A fresh HOME, as on a runner: no git identity, hooks or signing from this machine.
        HOME: home,
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
        GITHUB_REPOSITORY_OWNER: OWNER,
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_ENV: envPath,
        GITHUB_PATH: pathPath,
        GITHUB_STATE: statePath,
        RUNNER_TEMP: runnerTemp,
        GITHUB_RUN_ID: String(1000 + runs),
        GITHUB_ACTOR: sender.login,
        GIT_CONFIG_NOSYSTEM: '1',
        ...r.env
      }
      // The runner's naming: INPUT_ + the name upper-cased, hyphens kept.
      for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
      const started = Date.now()
      const { code, stdout, stderr, quietMs } = await exec(process.execPath, [ACTION], { cwd: workspace, env })
      return {
        exitCode: code,
        stdout,
        stderr,
        outputs: parseOutputFile(await readFile(outputPath, 'utf8')),
        stepSummary: await readFile(summaryPath, 'utf8'),
        commandFiles: {
          env: await readFile(envPath, 'utf8'),
          path: await readFile(pathPath, 'utf8'),
          state: await readFile(statePath, 'utf8')
        },
        wallMs: Date.now() - started,
        quietMs
      }
    },
    async close() {
      await Promise.all([github.close(), anthropic.close(), openai.close()])
      await origin.cleanup()
      await rm(scratch, { recursive: true, force: true })
    }
  }
}

function exec(cmd: string, args: string[], opts: { cwd: string; env: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string; quietMs: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let lastOutput = Date.now()
    let exitedAt: number | undefined
    child.stdout.on('data', (d) => ((stdout += d), (lastOutput = Date.now())))
    child.stderr.on('data', (d) => ((stderr += d), (lastOutput = Date.now())))
    child.on('exit', () => (exitedAt = Date.now()))
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr, quietMs: Math.max(0, (exitedAt ?? Date.now()) - lastOutput) }))
  })
}

function issueAtLabelling(github: GitHubEmulator, number: number): Record<string, unknown> {
  const it = github.issues(`${OWNER}/${REPO}`).find((i) => i.number === number)
  if (!it) return { number }
  return { number, title: it.title, body: it.body, state: it.state, user: { login: it.user, type: 'User' }, labels: it.labels.map((name) => ({ name })) }
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const [, name, delimiter] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!)
    out[name!] = value.join('\n')
  }
  return out
}

/** The marker JSON of a comment body, or undefined. */
export function markerOf(body: string): Record<string, any> | undefined {
  const line = body.split('\n').find((l) => l.startsWith('<!-- draft-review:summary '))
  if (!line) return undefined
  return JSON.parse(line.slice('<!-- draft-review:summary '.length, -' -->'.length))
}
