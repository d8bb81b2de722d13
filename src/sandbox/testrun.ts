// Runs the project's test command after a draft: bash -c in the workspace, with a
// scrubbed environment, isolated by default (see isolated.ts), and ended when bash
// exits or at the deadline, whichever comes first, with everything it started.
import { hideGitCredentials, restoreGitCredentials } from './git-credentials'
import { pathsToHide } from './hidden-paths'
import { runIsolated } from './isolated'
import { OutputCollector, renderOutput } from './output'
import { sandboxLauncher } from './preflight'
import { findRunnerRoot } from './runner-root'
import type { Supervised } from './supervise'
import { runUnisolated } from './unisolated'

export interface TestRun {
  passed: boolean
  exitCode: number | null
  timedOut: boolean
  /** The head and tail of stdout and stderr interleaved, redacted. */
  output: string
  durationMs: number
  /** It ran in the sandbox (false: `test-sandbox: false`). */
  isolated?: boolean
}

export interface TestRunOptions {
  command: string
  cwd: string
  timeoutSeconds: number
  /** The scrubbed environment the test gets. */
  env: Record<string, string>
  redact: (text: string) => string
  /** Characters of output kept: a quarter from the start, the rest from the end. */
  tailChars?: number
  /** The run's deadline: stops the command and everything it started. */
  signal?: AbortSignal
  /** Isolate it (test-sandbox). */
  sandbox: boolean
  /** The job's own environment: where its credentials and command files are. */
  jobEnv?: NodeJS.ProcessEnv
}

const DEFAULT_CHARS = 12_000

export async function runTestCommand(opts: TestRunOptions): Promise<TestRun> {
  const started = Date.now()
  const chars = opts.tailChars ?? DEFAULT_CHARS
  const collector = new OutputCollector(Math.floor(chars / 4), chars - Math.floor(chars / 4))
  const onOutput = (chunk: Buffer): void => collector.push(chunk)
  const timeoutMs = opts.timeoutSeconds * 1000
  let run: Supervised
  if (opts.sandbox) {
    const { kind } = await sandboxLauncher()
    const hide = pathsToHide(opts.jobEnv ?? process.env, await findRunnerRoot())
    const saved = await hideGitCredentials(opts.cwd, (t) => opts.redact(t) !== t)
    try {
      const isolated = await runIsolated({ kind, command: opts.command, cwd: opts.cwd, env: sandboxEnv(opts.env, opts.cwd), hide, timeoutMs, signal: opts.signal, onOutput })
      if (isolated.setupError !== undefined) throw new Error(`the test sandbox did not start: ${opts.redact(isolated.setupError)}`)
      run = isolated
    } finally {
      await restoreGitCredentials(opts.cwd, saved)
    }
  } else {
    run = await runUnisolated({ command: opts.command, cwd: opts.cwd, env: opts.env, timeoutMs, signal: opts.signal, onOutput })
  }
  const note = run.startError
    ? `\n[could not start the test command: ${run.startError.message}]`
    : run.timedOut
      ? `\n[stopped at test-timeout-seconds (${opts.timeoutSeconds} s), with everything it started]`
      : ''
  return {
    passed: !run.timedOut && !run.aborted && run.exitCode === 0,
    exitCode: run.exitCode,
    timedOut: run.timedOut,
    output: renderOutput(collector.kept(), opts.redact, note),
    durationMs: Date.now() - started,
    isolated: opts.sandbox
  }
}

/**
 * HOME's git config is hidden, and with it a `safe.directory` the job may rely on (a
 * container job as root over a workspace the runner's user owns): git inside gets the
 * workspace as safe through its command scope instead.
 */
function sandboxEnv(env: Record<string, string>, workspace: string): Record<string, string> {
  return { ...env, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: workspace }
}
