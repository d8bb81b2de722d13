// Runs the project's test command after a draft: bash -c in the workspace, a scrubbed
// environment, a time limit for the whole process group, and the tail of its output.
import { spawn } from 'node:child_process'

export interface TestRun {
  passed: boolean
  exitCode: number | null
  timedOut: boolean
  /** The tail of stdout and stderr interleaved, redacted. */
  output: string
  durationMs: number
}

export interface TestRunOptions {
  command: string
  cwd: string
  timeoutSeconds: number
  env: Record<string, string>
  redact: (text: string) => string
  /** Characters of output kept, from the end. */
  tailChars?: number
  /** The run's deadline: stops the command and everything it started. */
  signal?: AbortSignal
}

const KEEP_BYTES = 256 * 1024

export function runTestCommand(opts: TestRunOptions): Promise<TestRun> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', opts.command], {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout can stop everything it started.
      detached: true
    })
    let buffer = Buffer.alloc(0)
    const collect = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk])
      if (buffer.length > 2 * KEEP_BYTES) buffer = buffer.subarray(buffer.length - KEEP_BYTES)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, opts.timeoutSeconds * 1000)
    const onAbort = (): void => killGroup(child.pid)
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    const finish = (exitCode: number | null, extra = ''): void => {
      clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
      const text = opts.redact(buffer.toString('utf8') + extra)
      resolve({
        passed: !timedOut && exitCode === 0,
        exitCode,
        timedOut,
        output: tail(text, opts.tailChars ?? 12_000),
        durationMs: Date.now() - started
      })
    }
    child.on('error', (e) => finish(null, `\n[could not start bash: ${e.message}]`))
    child.on('close', (code) => {
      // Anything it left running in the background goes too.
      killGroup(child.pid)
      finish(code)
    })
  })
}

function killGroup(pid: number | undefined): void {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

export function tail(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const cut = text.slice(text.length - maxChars)
  const nl = cut.indexOf('\n')
  const body = nl >= 0 && nl < 200 ? cut.slice(nl + 1) : cut
  return `[… ${text.length - body.length} earlier characters cut]\n${body}`
}
