// 1. Overhead: the short run, REPS times probed and once not, on one repository, and the
// medians of where its wall time went; and the same run with every model answer late.
import type { GeneratedRepo } from './gen-repo'
import { newWorld, runAction, type RunRecord } from './action-run'
import { REPS, log, median, r1 } from './common'
import { APPROVE, EDIT, FINISH, scriptShortRun } from './model-scripts'

export interface OverheadResult {
  label: string
  repo: { files: number; bytes: number; dirs: number }
  worldSetupMs: number[]
  runs: RunRecord[]
  plain: RunRecord
}

export async function overhead(label: string, repo: GeneratedRepo): Promise<OverheadResult> {
  const runs: RunRecord[] = []
  const setup: number[] = []
  let plain: RunRecord | undefined
  for (let i = 0; i <= REPS; i++) {
    const t0 = performance.now()
    const world = await newWorld(repo.files)
    setup.push(Math.round(performance.now() - t0))
    try {
      scriptShortRun(world)
      // The last run goes without the probe: its wall time shows what the probe costs.
      const probe = i < REPS
      const rec = await runAction(world, { probe })
      log(`${label}: run ${i + 1}/${REPS + 1}${probe ? '' : ' (no probe)'}: exit ${rec.exitCode}, wall ${rec.wallMs} ms`)
      if (probe) runs.push(rec)
      else plain = rec
    } finally {
      await world.close()
    }
  }
  return { label, repo: { files: repo.fileCount, bytes: repo.totalBytes, dirs: repo.dirCount }, worldSetupMs: setup, runs, plain: plain! }
}

export interface OverheadSummary {
  wallMs: number
  plainWallMs: number
  startupMs: number
  gitMs: number
  otherProcMs: number
  githubMs: number
  throttleMs: number
  throttleTotalMs: number
  modelMs: number
  ownMs: number
  exitMs: number
  overheadWithoutThrottleMs: number
  peakRssMb: number
  cpuMs: number
  gitCount: number
  githubCount: number
  githubWrites: number
  modelCount: number
  tailMs: number
  wallRangeMs: [number, number]
}

/** Medians over the probed runs. start-up includes the spawn; exit is after the exit event. */
export function summarize(o: OverheadResult): OverheadSummary {
  const runs = o.runs.filter((r) => r.split && r.probe)
  const m = (f: (r: RunRecord) => number): number => r1(median(runs.map(f)))
  const s = (r: RunRecord) => r.split!
  const wall = runs.map((r) => r.wallMs)
  return {
    wallMs: m((r) => r.wallMs),
    plainWallMs: o.plain.wallMs,
    startupMs: m((r) => s(r).exclusiveMs.startup + (r.spawnGapMs ?? 0)),
    gitMs: m((r) => s(r).exclusiveMs.git),
    otherProcMs: m((r) => s(r).exclusiveMs.otherProc),
    githubMs: m((r) => s(r).exclusiveMs.github),
    throttleMs: m((r) => s(r).exclusiveMs.throttle),
    throttleTotalMs: m((r) => r.probe!.timers.reduce((a, t) => a + ((t.fired ?? t.set) - t.set), 0)),
    modelMs: m((r) => s(r).exclusiveMs.model),
    ownMs: m((r) => s(r).exclusiveMs.own),
    exitMs: m((r) => r.afterExitMs ?? 0),
    overheadWithoutThrottleMs: m((r) => r.wallMs - s(r).exclusiveMs.throttle - s(r).exclusiveMs.model),
    peakRssMb: m((r) => r.probe!.maxRssKb / 1024),
    cpuMs: m((r) => r.probe!.cpuUserMs + r.probe!.cpuSystemMs),
    gitCount: m((r) => s(r).counts.git),
    githubCount: m((r) => s(r).counts.github),
    githubWrites: m((r) => s(r).counts.githubWrites),
    modelCount: m((r) => s(r).counts.model),
    tailMs: m((r) => s(r).tailMs),
    wallRangeMs: [Math.min(...wall), Math.max(...wall)]
  }
}

/** The same short run with every model answer 3 s late: which waits slow models hide and which they do not. */
export async function slowModels(repo: GeneratedRepo): Promise<RunRecord> {
  const world = await newWorld(repo.files)
  try {
    const delayMs = 3000
    world.anthropic.respond('claude-sonnet-4-6', [{ toolCalls: [EDIT], delayMs }, { toolCalls: [FINISH('sum() subtracted its arguments; it now adds them.')], delayMs }])
    world.anthropic.respond('claude-opus-4-8', [{ ...APPROVE, delayMs }])
    const rec = await runAction(world, { probe: true })
    log(`slow models: exit ${rec.exitCode}, wall ${rec.wallMs} ms`)
    return rec
  } finally {
    await world.close()
  }
}
