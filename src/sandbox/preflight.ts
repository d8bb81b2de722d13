// Can this runner isolate the test command, and how? Asked once per process, before
// any model is called, by really building the sandbox around `true`: a runner where it
// cannot be built fails the step at once, with a message naming test-sandbox, instead
// of after the drafts are paid for.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../settings'
import { runIsolated } from './isolated'
import { LAUNCHER_WORDS, SYSTEM_PATH, type LauncherKind } from './launch'

export interface SandboxProbe {
  isRoot: boolean
  /** `sudo -n true` works (passwordless sudo). */
  sudoWorks(): Promise<boolean>
  /** Builds the sandbox with this launcher around `true`: undefined when it worked, else why not. */
  trySandbox(kind: LauncherKind): Promise<string | undefined>
}

export interface Attempt {
  kind: LauncherKind
  reason: string
}

export type LauncherChoice = { kind: LauncherKind; tried: Attempt[] } | { kind: undefined; tried: Attempt[] }

/** Root first, then passwordless sudo, then an unprivileged user namespace. */
export async function chooseLauncher(probe: SandboxProbe): Promise<LauncherChoice> {
  const tried: Attempt[] = []
  const order: LauncherKind[] = probe.isRoot ? ['root', 'userns'] : ['sudo', 'userns']
  for (const kind of order) {
    if (kind === 'sudo' && !(await probe.sudoWorks())) {
      tried.push({ kind, reason: 'no passwordless sudo' })
      continue
    }
    const reason = await probe.trySandbox(kind)
    if (reason === undefined) return { kind, tried }
    tried.push({ kind, reason })
  }
  return { kind: undefined, tried }
}

export function noSandboxMessage(tried: Attempt[]): string {
  const why = tried.map((a) => `${LAUNCHER_WORDS[a.kind]}: ${oneLine(a.reason)}`).join('; ')
  return (
    `this runner cannot isolate test-command (${why}). ` +
    'draft-review runs the test command in its own PID, mount and network namespaces, so code a model wrote cannot reach ' +
    "the job's secrets; that needs root, passwordless sudo, or unprivileged user namespaces, and util-linux (unshare, setpriv). " +
    "To run the tests unisolated instead, set 'test-sandbox: false' (the summary then says they ran unisolated), " +
    'or leave test-command empty. No model was called.'
  )
}

export interface SandboxReady {
  kind: LauncherKind
  /** What the check cost, wall time. */
  probeMs: number
}

let cached: Promise<SandboxReady> | undefined

/** The launcher to use, found once per process; rejects with an InputError naming test-sandbox. */
export function sandboxLauncher(probe: SandboxProbe = realProbe()): Promise<SandboxReady> {
  cached ??= (async () => {
    const started = performance.now()
    const choice = await chooseLauncher(probe)
    if (!choice.kind) throw new InputError('test-sandbox', noSandboxMessage(choice.tried))
    return { kind: choice.kind, probeMs: Math.round(performance.now() - started) }
  })()
  return cached
}

/** The run flow's check: call before the first model call when a test command is set. */
export async function preflightSandbox(log: (line: string) => void): Promise<void> {
  const ready = await sandboxLauncher()
  log(`test-command will run isolated (${LAUNCHER_WORDS[ready.kind]}; checked in ${ready.probeMs} ms).`)
}

function realProbe(): SandboxProbe {
  return {
    isRoot: process.getuid?.() === 0,
    sudoWorks: () =>
      new Promise((resolve) => execFile('sudo', ['-n', 'true'], { env: { PATH: SYSTEM_PATH }, timeout: 10_000 }, (err) => resolve(!err))),
    trySandbox: async (kind) => {
      const ws = await mkdtemp(join(tmpdir(), 'draft-review-probe-'))
      try {
        const run = await runIsolated({ kind, command: 'true', cwd: ws, env: { PATH: SYSTEM_PATH }, hide: [], timeoutMs: 15_000, onOutput: () => {} })
        if (run.setupError !== undefined) return run.setupError
        if (run.timedOut) return 'it did not start within 15 s'
        return run.exitCode === 0 ? undefined : `\`true\` exited ${run.exitCode ?? run.signal} inside it`
      } finally {
        await rm(ws, { recursive: true, force: true })
      }
    }
  }
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, 300)
}
