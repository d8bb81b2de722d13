// Splits one action run's wall time into where it went, from what bench/probe.cjs
// recorded inside the action process. Pure: no I/O.
//
// Every instant of the process's life is given to exactly one bucket, the first of
// these that is busy at that instant:
//   start-up   from the process's start to its first line of output (node boots, loads
//              dist/index.js, reads its inputs)
//   git        a git child process is running (spawn to close)
//   other-proc another child process is running (the test command)
//   model      an HTTP request to a model API is in flight
//   github     an HTTP request to the GitHub API is in flight
//   throttle   octokit's throttling plugin holds a GitHub request back (Bottleneck timer)
//   own        none of the above: the action's own JavaScript, file I/O and event-loop gaps
// so the buckets add up to the process's lifetime, and a throttle wait that overlaps
// other work (the progress comment is written in the background) is counted only for
// the part of it that nothing else covers.

export interface ProbeHttp {
  method: string
  origin: string
  path: string
  start: number
  headers: number | null
  end: number | null
  status: number | null
  error?: string
}
export interface ProbeProc {
  args: string[] | null
  start: number
  end: number | null
}
export interface ProbeTimer {
  delay: number
  set: number
  fired: number | null
}
export interface Probe {
  timeOrigin: number
  preload: number
  exit: number
  code: number
  maxRssKb: number
  vmHwmKb: number | null
  cpuUserMs: number
  cpuSystemMs: number
  http: ProbeHttp[]
  procs: ProbeProc[]
  timers: ProbeTimer[]
  lines: { t: number; text: string }[]
}

export const BUCKETS = ['startup', 'git', 'otherProc', 'model', 'github', 'throttle', 'own'] as const
export type Bucket = (typeof BUCKETS)[number]

export interface Split {
  /** exclusive ms per bucket; they add up to lifetimeMs */
  exclusiveMs: Record<Bucket, number>
  /** union of each bucket's own intervals, ignoring the others (overlaps counted in each) */
  unionMs: Record<Exclude<Bucket, 'startup' | 'own'>, number>
  lifetimeMs: number
  firstOutputMs: number
  counts: { git: number; otherProc: number; model: number; github: number; githubWrites: number; throttleWaits: number }
  /** throttle waits one by one: which request each one held back */
  throttleWaits: { atMs: number; waitMs: number; request: string }[]
  /** time from the last line of output to the exit event */
  tailMs: number
  /** exclusive throttle time after the last model response: what slow models cannot hide */
  throttleAfterModelsMs: number
  /** the action's own work by phase: each instant goes to the last line of output before it */
  ownByPhase: { phase: string; ms: number }[]
}

type Interval = [number, number]

export function splitTimeline(p: Probe, origins: { github: string; models: string[] }): Split {
  const end = p.exit
  const firstOutput = Math.min(
    p.lines[0]?.t ?? end,
    ...p.http.map((h) => h.start),
    ...p.procs.map((x) => x.start)
  )
  const intervals: Record<Exclude<Bucket, 'startup' | 'own'>, Interval[]> = { git: [], otherProc: [], model: [], github: [], throttle: [] }
  for (const pr of p.procs) {
    const iv: Interval = [pr.start, pr.end ?? end]
    if (pr.args?.[0] === 'git' || pr.args?.[0]?.endsWith('/git')) intervals.git.push(iv)
    else intervals.otherProc.push(iv)
  }
  let githubWrites = 0
  for (const h of p.http) {
    const iv: Interval = [h.start, h.end ?? end]
    if (h.origin === origins.github) {
      intervals.github.push(iv)
      if (h.method !== 'GET' && h.method !== 'HEAD') githubWrites++
    } else if (origins.models.includes(h.origin)) intervals.model.push(iv)
    else intervals.model.push(iv) // any other HTTP is a model API in these runs
  }
  for (const t of p.timers) intervals.throttle.push([t.set, t.fired ?? end])

  // Sweep the elementary segments between all interval edges.
  const order: Exclude<Bucket, 'startup' | 'own'>[] = ['git', 'otherProc', 'model', 'github', 'throttle']
  const edges = new Set<number>([0, firstOutput, end])
  for (const k of order) for (const [a, b] of intervals[k]) edges.add(clamp(a, 0, end)).add(clamp(b, 0, end))
  const sorted = [...edges].sort((a, b) => a - b)
  const exclusive: Record<Bucket, number> = { startup: 0, git: 0, otherProc: 0, model: 0, github: 0, throttle: 0, own: 0 }
  const union: Record<Exclude<Bucket, 'startup' | 'own'>, number> = { git: 0, otherProc: 0, model: 0, github: 0, throttle: 0 }
  const lastModelEnd = Math.max(0, ...intervals.model.map(([, e]) => e))
  let throttleAfterModels = 0
  const ownByPhase = new Map<string, number>()
  const lines = p.lines.filter((l) => !l.text.startsWith('::add-mask::'))
  const phaseAt = (t: number): string => {
    let label = '(start → first log line: inputs, octokit, 3 GETs, progress comment, branch)'
    for (const l of lines) {
      if (l.t > t) break
      label = l.text.replace(/^::\w+::/, '').slice(0, 60)
    }
    return label
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!
    const b = sorted[i + 1]!
    if (b <= a) continue
    const mid = (a + b) / 2
    const len = b - a
    if (mid < firstOutput) {
      exclusive.startup += len
      continue
    }
    let owner: Bucket = 'own'
    for (const k of order) {
      if (intervals[k].some(([s, e]) => s <= mid && mid < e)) {
        union[k] += len
        if (owner === 'own') owner = k
      }
    }
    exclusive[owner] += len
    if (owner === 'throttle' && mid > lastModelEnd) throttleAfterModels += len
    if (owner === 'own') {
      const phase = phaseAt(mid)
      ownByPhase.set(phase, (ownByPhase.get(phase) ?? 0) + len)
    }
  }

  const throttleWaits = p.timers
    .filter((t) => t.fired !== null)
    .map((t) => {
      const next = p.http.filter((h) => h.origin === origins.github && h.start >= (t.fired as number) - 0.5).sort((x, y) => x.start - y.start)[0]
      return { atMs: round(t.set), waitMs: round((t.fired as number) - t.set), request: next ? `${next.method} ${next.path.split('?')[0]}` : '?' }
    })

  return {
    exclusiveMs: mapValues(exclusive, round),
    unionMs: mapValues(union, round),
    lifetimeMs: round(end),
    firstOutputMs: round(firstOutput),
    counts: {
      git: intervals.git.length,
      otherProc: intervals.otherProc.length,
      model: intervals.model.length,
      github: intervals.github.length,
      githubWrites,
      throttleWaits: p.timers.length
    },
    throttleWaits,
    tailMs: round(end - (p.lines[p.lines.length - 1]?.t ?? end)),
    throttleAfterModelsMs: round(throttleAfterModels),
    ownByPhase: [...ownByPhase].map(([phase, ms]) => ({ phase, ms: round(ms) })).sort((a, b) => b.ms - a.ms)
  }
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))
const round = (x: number): number => Math.round(x * 10) / 10
function mapValues<K extends string>(o: Record<K, number>, f: (v: number) => number): Record<K, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as number)])) as Record<K, number>
}

/** The git commands of a run with their durations, longest first. */
export function gitCommands(p: Probe): { args: string; ms: number }[] {
  return p.procs
    .filter((x) => x.args?.[0] === 'git')
    .map((x) => ({ args: withoutConfig((x.args ?? []).slice(1)).join(' ').split('\n')[0]!.slice(0, 70), ms: round((x.end ?? p.exit) - x.start) }))
    .sort((a, b) => b.ms - a.ms)
}

/** git's arguments without the `-c key=value` pairs. */
function withoutConfig(args: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') i++
    else out.push(args[i]!)
  }
  return out
}
