// Watches one started process: its output into a collector, the end when the process
// itself exits (not when its pipes close: a background process it left holds them), and
// the deadline, which always wins. What "end everything it started" means differs by
// mode, so the caller passes it in.
import type { ChildProcess } from 'node:child_process'

export interface Supervised {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  aborted: boolean
  startError?: Error
}

export interface SuperviseOptions {
  timeoutMs: number
  signal?: AbortSignal
  onStdout(chunk: Buffer): void
  onStderr(chunk: Buffer): void
  /** Ends the process and everything it started, now. */
  stop(): void
  /** After the process exited: ends whatever it left behind. */
  afterExit(): Promise<void>
}

/** How long output may still arrive after the end before the pipes are dropped. */
const DRAIN_MS = 1000

export function supervise(child: ChildProcess, o: SuperviseOptions): Promise<Supervised> {
  return new Promise((resolve) => {
    const state: Supervised = { exitCode: null, signal: null, timedOut: false, aborted: false }
    let done = false
    child.stdout?.on('data', o.onStdout)
    child.stderr?.on('data', o.onStderr)
    const finish = (): void => {
      if (done) return
      done = true
      clearTimeout(timer)
      o.signal?.removeEventListener('abort', onAbort)
      child.stdout?.destroy()
      child.stderr?.destroy()
      child.stdin?.destroy()
      resolve(state)
    }
    const closed = new Promise<void>((r) => child.once('close', () => r()))
    const drainThenFinish = (): void => {
      const grace = setTimeout(finish, DRAIN_MS)
      void closed.then(() => {
        clearTimeout(grace)
        finish()
      })
    }
    const deadline = (why: 'timedOut' | 'aborted'): void => {
      if (done) return
      state[why] = true
      o.stop()
      // The deadline wins even over a process that will not die.
      drainThenFinish()
    }
    const timer = setTimeout(() => deadline('timedOut'), o.timeoutMs)
    const onAbort = (): void => deadline('aborted')
    if (o.signal?.aborted) queueMicrotask(onAbort)
    else o.signal?.addEventListener('abort', onAbort, { once: true })
    child.once('error', (e) => {
      state.startError = e
      finish()
    })
    child.once('exit', (code, signal) => {
      state.exitCode = code
      state.signal = signal
      void o.afterExit().finally(drainThenFinish)
    })
  })
}
