// What every section of the bench shares: where the built action is, how many runs,
// the targets of the issue, the log, and the arithmetic of medians.
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..')
export const ACTION = join(ROOT, 'dist', 'index.js')
export const PROBE = join(ROOT, 'bench', 'probe.cjs')
export const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3))
export const TARGETS = { startupMs: 150, overheadMs: 2000, peakRssMb: 150 }
// The bench's clock, restarted by main() once every module is loaded: the log and
// benchSeconds count the bench's work, not the loading of its modules.
export let benchStart = performance.now()
export const startBenchClock = (): void => void (benchStart = performance.now())
export const log = (m: string): void => void process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${m}\n`)
export const abs = (): number => performance.timeOrigin + performance.now()
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2
}
export const r1 = (x: number): number => Math.round(x * 10) / 10

// The action always runs with the machine's own PATH (and so its own git).
export const REAL_PATH = process.env.PATH ?? '/usr/bin:/bin'
