// The test command without the sandbox (`test-sandbox: false`): bash -c in its own
// process group, in the job's own namespaces. When bash exits, its group is killed, and
// so is every process that still carries this run's marker variable in its environment:
// that finds what left the group (`setsid`, a daemonised dev server). The limit: a
// process that also cleared its environment (`env -i`, `setsid`) is not found; only the
// sandbox's PID namespace ends everything.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { supervise, type Supervised } from './supervise'

export const MARKER_VARIABLE = 'DRAFT_REVIEW_TEST_RUN'

export interface UnisolatedOptions {
  command: string
  cwd: string
  env: Record<string, string>
  timeoutMs: number
  signal?: AbortSignal
  onOutput(chunk: Buffer): void
}

export async function runUnisolated(o: UnisolatedOptions): Promise<Supervised> {
  const marker = randomUUID()
  const child = spawn('bash', ['-c', o.command], {
    cwd: o.cwd,
    env: { ...o.env, [MARKER_VARIABLE]: marker },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  const endAll = async (): Promise<void> => {
    killGroup(child.pid)
    // Again while it finds any: a process can fork while the sweep kills its parent.
    for (let i = 0; i < 4; i++) {
      const left = await pidsWithMarker(marker)
      if (left.length === 0) break
      for (const pid of left) kill(pid)
    }
  }
  return supervise(child, {
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    onStdout: o.onOutput,
    onStderr: o.onOutput,
    stop: () => void endAll(),
    afterExit: endAll
  })
}

function killGroup(pid: number | undefined): void {
  if (pid) kill(-pid)
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL')
  } catch {
    // already gone, or not ours
  }
}

/** Processes whose environment holds MARKER_VARIABLE=marker (Linux /proc; elsewhere none). */
async function pidsWithMarker(marker: string): Promise<number[]> {
  const needle = Buffer.from(`${MARKER_VARIABLE}=${marker}\0`)
  const names = await readdir('/proc').catch(() => [] as string[])
  const found: number[] = []
  await Promise.all(
    names
      .filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid)
      .map(async (n) => {
        const environ = await readFile(`/proc/${n}/environ`).catch(() => undefined)
        if (environ?.includes(needle)) found.push(Number(n))
      })
  )
  return found
}
