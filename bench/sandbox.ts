// 6. The test sandbox's cost: one test run of `true` in the sandbox against the same run
// unisolated (median of several), the once-per-run check (preflight), and 10,000 lines of
// output through the collector, each mode. It measures; it asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPS, log, median } from './common'
import { sandboxLauncher } from '../src/sandbox/preflight'
import { OutputCollector } from '../src/sandbox/output'
import { runTestCommand } from '../src/sandbox/testrun'

export interface SandboxFigures {
  launcher: string | null
  preflightMs: number | null
  runs: number
  sandboxedMs: number[]
  unisolatedMs: number[]
  startupMedianMs: number | null
  tenThousandLines: { mode: string; wallMs: number; cpuMs: number; outputChars: number }[]
  /** 10,000 lines arriving as 10,000 chunks (a suite that prints as it goes), collected in-process. */
  collector: { before: { ms: number; copiedMb: number }; after: { ms: number; copiedMb: number } }
  error?: string
}

const LINES = 'for i in $(seq 1 10000); do echo "line $i of the test output, as a verbose suite prints it"; done'

export async function sandboxFigures(): Promise<SandboxFigures> {
  const runs = Math.max(5, REPS * 3)
  const ws = await mkdtemp(join(tmpdir(), 'draft-review-bench-sandbox-'))
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  const once = async (command: string, sandbox: boolean) => {
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = await runTestCommand({ command, cwd: ws, timeoutSeconds: 60, env, redact: (t) => t, sandbox })
    const cpu = process.cpuUsage(cpu0)
    return { r, wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
  }
  const out: SandboxFigures = { launcher: null, preflightMs: null, runs, sandboxedMs: [], unisolatedMs: [], startupMedianMs: null, tenThousandLines: [], collector: collectorFigures() }
  try {
    try {
      const ready = await sandboxLauncher()
      out.launcher = ready.kind
      out.preflightMs = ready.probeMs
    } catch (e) {
      out.error = e instanceof Error ? e.message : String(e)
    }
    for (let i = 0; i < runs; i++) {
      out.unisolatedMs.push(Math.round((await once('true', false)).wallMs))
      if (out.launcher) out.sandboxedMs.push(Math.round((await once('true', true)).wallMs))
    }
    if (out.launcher) out.startupMedianMs = Math.round(median(out.sandboxedMs) - median(out.unisolatedMs))
    for (const sandbox of out.launcher ? [false, true] : [false]) {
      const m = await once(LINES, sandbox)
      out.tenThousandLines.push({ mode: sandbox ? 'sandboxed' : 'unisolated', wallMs: Math.round(m.wallMs), cpuMs: Math.round(m.cpuMs), outputChars: m.r.output.length })
    }
    log(`sandbox: ${out.launcher ?? 'unavailable'}, preflight ${out.preflightMs} ms, true: sandboxed median ${median(out.sandboxedMs)} ms vs unisolated ${median(out.unisolatedMs)} ms`)
  } finally {
    await rm(ws, { recursive: true, force: true })
  }
  return out
}

/** The collector before (a Buffer.concat of everything kept, per chunk, as src/testrun.ts did) and after. */
function collectorFigures(): SandboxFigures['collector'] {
  const chunks = Array.from({ length: 10_000 }, (_, i) => Buffer.from(`line ${i} ${'x'.repeat(100)}\n`))
  const KEEP = 256 * 1024
  let copied = 0
  let t0 = performance.now()
  let buffer = Buffer.alloc(0)
  for (const c of chunks) {
    buffer = Buffer.concat([buffer, c])
    copied += buffer.length
    if (buffer.length > 2 * KEEP) buffer = buffer.subarray(buffer.length - KEEP)
  }
  const before = { ms: Math.round(performance.now() - t0), copiedMb: Math.round(copied / 1e6) }
  t0 = performance.now()
  const collector = new OutputCollector(3000, 9000)
  for (const c of chunks) collector.push(c)
  const kept = collector.kept()
  const after = { ms: Math.round((performance.now() - t0) * 10) / 10, copiedMb: Math.round((kept.head.length + kept.tail.length) / 1e4) / 100 }
  return { before, after }
}
