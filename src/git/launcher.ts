// git commands started from a small helper process. Starting a process from the action
// costs its main thread about 5 ms (fork copies the page tables of a 150 MB heap, and every
// page the heap then writes faults once), 30 times a run; from a 40 MB process that holds
// nothing it costs a fraction. The helper is given no environment of the job's: each command
// brings its own (runGit's gitEnv), and it runs exactly what it is sent, as execFile would.
// Until it is up, and after it stops, commands are started directly.
import { spawn, type ChildProcess } from 'node:child_process'
import { channel } from 'node:diagnostics_channel'

export interface Launched {
  /** The exit code; -1 when the process could not start, was stopped, or overflowed its buffer. */
  code: number
  stdout: Buffer
  stderr: Buffer
  /** Why it failed, when it did (execFile's error message). */
  message: string
}

export interface LaunchRequest {
  file: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  input?: string | Buffer
  maxBuffer: number
  signal?: AbortSignal
}

/** The helper's whole program (CommonJS, run with `node -e`): one execFile per message. */
export const LAUNCHER_SOURCE = `'use strict'
const { execFile } = require('node:child_process')
const running = new Map()
const reply = (id, code, message, stdout, stderr) => process.send({ id, code, message, stdout, stderr })
process.on('message', (m) => {
  if (m.abort) return running.get(m.id)?.abort()
  const controller = new AbortController()
  running.set(m.id, controller)
  const done = (err, stdout, stderr) => {
    running.delete(m.id)
    const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
    reply(m.id, code, err ? String(err.message) : '', stdout ?? Buffer.alloc(0), stderr ?? Buffer.alloc(0))
  }
  try {
    const child = execFile(m.file, m.args, { cwd: m.cwd, env: m.env, maxBuffer: m.maxBuffer, encoding: 'buffer', signal: controller.signal }, done)
    child.stdin?.on('error', () => {})
    child.stdin?.end(m.input ?? '')
  } catch (err) {
    done(err)
  }
})
process.on('disconnect', () => process.exit(0))
process.send({ ready: true })
`

/** Each command run through the helper: the bench's probe times them (they are not this process's children). */
const launches = channel('draft-review:git-launch')

class Launcher {
  private ready = false
  private next = 0
  private readonly pending = new Map<number, { resolve: (r: Launched) => void; reject: (e: Error) => void }>()
  /** Settles true once the helper is up, false if it stopped first. */
  readonly up: Promise<boolean>
  private settleUp: (up: boolean) => void = () => {}

  constructor(readonly child: ChildProcess) {
    this.up = new Promise((resolve) => (this.settleUp = resolve))
    child.on('message', (m: { ready?: boolean; id?: number } & Partial<Launched>) => {
      if (m.ready) {
        this.ready = true
        this.settleUp(true)
        return
      }
      const p = this.pending.get(m.id!)
      if (!p) return
      this.settled(m.id!)
      p.resolve({ code: m.code!, message: m.message ?? '', stdout: asBuffer(m.stdout), stderr: asBuffer(m.stderr) })
    })
    const stop = (): void => {
      this.ready = false
      this.settleUp(false)
      for (const [id, p] of this.pending) {
        this.pending.delete(id)
        p.reject(new Error('the git launcher stopped'))
      }
    }
    child.on('exit', stop)
    child.on('error', stop)
    // An idle helper keeps nothing alive: the action exits when its work is done.
    child.unref()
    child.channel?.unref()
  }

  /** undefined while the helper is not up (or has stopped): the caller starts the process itself. */
  run(req: LaunchRequest): Promise<Launched> | undefined {
    if (!this.ready || !this.child.connected) return undefined
    const id = ++this.next
    const started = performance.now()
    const result = new Promise<Launched>((resolve, reject) => {
      if (this.pending.size === 0) this.child.channel?.ref()
      this.pending.set(id, { resolve, reject })
    })
    const { signal, ...rest } = req
    this.child.send({ id, ...rest })
    if (signal) {
      const abort = (): void => void (this.pending.has(id) && this.child.connected && this.child.send({ id, abort: true }))
      if (signal.aborted) abort()
      else signal.addEventListener('abort', abort, { once: true })
      void result.finally(() => signal.removeEventListener('abort', abort)).catch(() => {})
    }
    if (launches.hasSubscribers) void result.finally(() => launches.publish({ args: [req.file, ...req.args], start: started, end: performance.now() })).catch(() => {})
    return result
  }

  private settled(id: number): void {
    this.pending.delete(id)
    if (this.pending.size === 0) this.child.channel?.unref()
  }

  close(): void {
    if (this.child.connected) this.child.disconnect()
  }
}

function asBuffer(b: unknown): Buffer {
  if (Buffer.isBuffer(b)) return b
  if (b instanceof Uint8Array) return Buffer.from(b.buffer, b.byteOffset, b.byteLength)
  return Buffer.alloc(0)
}

let launcher: Launcher | undefined

/**
 * Starts the helper (once per process), while this process is still small. Its environment
 * is PATH alone: no token, key or GITHUB_* variable of the job's.
 */
export function startGitLauncher(): void {
  if (launcher) return
  try {
    const child = spawn(process.execPath, ['-e', LAUNCHER_SOURCE], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced'
    })
    launcher = new Launcher(child)
  } catch {
    launcher = undefined // commands start directly
  }
}

/** Runs the command through the helper when it is up; undefined when the caller must start it itself. */
export function launch(req: LaunchRequest): Promise<Launched> | undefined {
  return launcher?.run(req)
}

/** Whether the helper came up (tests). */
export function gitLauncherReady(): Promise<boolean> {
  return launcher?.up ?? Promise.resolve(false)
}

export function gitLauncherPid(): number | undefined {
  return launcher?.child.pid
}

/** Stops the helper (tests; a process that exits stops it anyway). */
export function stopGitLauncher(): void {
  launcher?.close()
  launcher = undefined
}
