// The local-mode tests' world: the emulators, a sample repository checked out, a scratch
// HOME for each test, and `draft-review` (the built dist/cli.js) run in the workspace as a
// developer runs it, with the emulated Anthropic key and URL in its environment.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SECRETS, startWorld, type World } from '../../emulators/harness'
import { ISSUE, SAMPLE_FILES } from '../fixtures/sample-repo'

const CLI = resolve(import.meta.dirname, '../../dist/cli.js')

/** The models the scripted conversations name. */
export const CLI_MODELS = ['--drafter-model', 'anthropic:claude-sonnet-4-6', '--reviewer-model', 'anthropic:claude-opus-4-8']

export interface CliWorld {
  world: World
  /** The developer's HOME, and a place for issue files. */
  scratch: string
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export async function startCliWorld(): Promise<CliWorld> {
  const world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  return { world, scratch: await mkdtemp(join(tmpdir(), 'draft-review-cli-')) }
}

export async function closeCliWorld(w: CliWorld): Promise<void> {
  await w.world.close()
  await rm(w.scratch, { recursive: true, force: true })
}

/** `draft-review ...args` in the workspace; `env` adds to (or blanks) the developer's environment. */
export function runCli(w: CliWorld, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: w.world.workspace,
      env: { PATH: process.env.PATH!, HOME: w.scratch, ANTHROPIC_API_KEY: SECRETS.anthropicKey, ANTHROPIC_BASE_URL: w.world.anthropic.url, ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }))
  })
}
