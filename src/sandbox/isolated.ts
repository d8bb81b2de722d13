// The test command inside the sandbox: the launcher's unshare, the setup script as the
// namespace's PID 1, and the test as its child. See setup-script.ts for what is inside.
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launcherArgv, setupArgv, SYSTEM_PATH, testUser, type LauncherKind } from './launch'
import { READY_LINE, SETUP_SCRIPT } from './setup-script'
import { supervise, type Supervised } from './supervise'

export interface IsolatedOptions {
  kind: LauncherKind
  command: string
  cwd: string
  env: Record<string, string>
  hide: string[]
  timeoutMs: number
  signal?: AbortSignal
  onOutput(chunk: Buffer): void
}

export interface IsolatedRun extends Supervised {
  /** Set when the sandbox itself could not be built: why (the test never started). */
  setupError?: string
}

const READY = Buffer.from(`${READY_LINE}\n`)
/** Setup messages kept when the sandbox fails to start. */
const SETUP_STDERR_CAP = 4096

export async function runIsolated(o: IsolatedOptions): Promise<IsolatedRun> {
  const stage = await mkdtemp(join(tmpdir(), 'draft-review-sandbox-'))
  try {
    const args = setupArgv({
      workspace: o.cwd,
      stage,
      user: testUser(o.kind, process.getuid?.() ?? 0, process.getgid?.() ?? 0),
      hide: o.hide,
      env: o.env,
      command: o.command
    })
    const [cmd, ...pre] = launcherArgv(o.kind)
    const child = spawn(cmd!, [...pre, '--', '/bin/bash', '-c', SETUP_SCRIPT, 'draft-review-sandbox', ...args], {
      cwd: o.cwd,
      env: { PATH: SYSTEM_PATH },
      // stdin is the lifeline: closing it (or the action dying) ends the test at once.
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
    child.stdin!.on('error', () => {})
    // Until the setup says it is ready, everything is the setup's own (the test has not started).
    let ready = false
    let pending = Buffer.alloc(0)
    let setupStderr = ''
    const onStdout = (chunk: Buffer): void => {
      if (ready) return o.onOutput(chunk)
      pending = Buffer.concat([pending, chunk])
      if (pending.length < READY.length) return
      if (pending.subarray(0, READY.length).equals(READY)) {
        ready = true
        if (pending.length > READY.length) o.onOutput(pending.subarray(READY.length))
      } else {
        setupStderr += pending.toString('utf8')
        pending = Buffer.alloc(0)
      }
    }
    const onStderr = (chunk: Buffer): void => {
      if (ready) return o.onOutput(chunk)
      if (setupStderr.length < SETUP_STDERR_CAP) setupStderr += chunk.toString('utf8')
    }
    const stop = (): void => {
      child.stdin!.end()
      signalGroup(child.pid, 'SIGTERM')
      // sudo relays SIGTERM to unshare, whose --kill-child ends the namespace; where the
      // group is ours (root, user namespace) SIGKILL makes sure.
      setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 300).unref()
    }
    const result: IsolatedRun = await supervise(child, {
      timeoutMs: o.timeoutMs,
      signal: o.signal,
      onStdout,
      onStderr,
      stop,
      // PID 1 has exited, so the kernel has ended everything in the namespace.
      afterExit: async () => void child.stdin!.end()
    })
    // A stop before the setup finished (deadline during setup) is not a setup failure.
    if (!ready && !result.timedOut && !result.aborted) {
      result.setupError = (result.startError?.message ?? setupStderr.trim()) || `exit ${result.exitCode ?? result.signal}`
    }
    return result
  } finally {
    await rm(stage, { recursive: true, force: true })
  }
}

function signalGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return
  try {
    process.kill(-pid, sig)
  } catch {
    // gone, or (sudo) not ours to signal
  }
}
