// `npm run bench`: measures the built action (dist/index.js) as the runner starts it,
// against the local emulators. It measures and reports; it asserts nothing.
// Writes bench/results.json (every raw figure) and bench/RESULTS.md (the tables).
//
//   BENCH_REPS=3   runs per repository for the overhead figures (median reported)
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { startWorld, OWNER, REPO, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { BUILT_IN_PRICES, costOf } from '../src/pricing'
import { cacheBreakEvenRejectRate, NO_CACHE, SEED_PROFILE, simulateCosts, type CacheShares, type CostModelResult } from './cost-model'
import { generateRepo, ISSUE, sourceText, TARGET_NEW, TARGET_OLD, TARGET_PATH, type GeneratedRepo } from './gen-repo'
import { attributeProfile, moduleStarts, packageBytes } from './startup-profile'
import { gitCommands, splitTimeline, type Probe, type Split } from './timeline'

const ROOT = resolve(import.meta.dirname, '..')
const ACTION = join(ROOT, 'dist', 'index.js')
const PROBE = join(ROOT, 'bench', 'probe.cjs')
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3))
const TARGETS = { startupMs: 150, overheadMs: 2000, peakRssMb: 150 }
const PRICES = {
  sonnet: BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!,
  opus: BUILT_IN_PRICES['anthropic:claude-opus-4-8']!,
  terra: BUILT_IN_PRICES['openai:gpt-6.1-terra']!
}
const DRAFTER_CHOICES = [
  'anthropic:claude-sonnet-4-6',
  'anthropic:claude-sonnet-5-5',
  'anthropic:claude-haiku-4-5',
  'anthropic:claude-haiku-5-5',
  'openai:gpt-6.1-terra',
  'openai:gpt-6-luna'
]
const benchStart = performance.now()
const log = (m: string): void => void process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(1)}s] ${m}\n`)
const abs = (): number => performance.timeOrigin + performance.now()
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2
}
const r1 = (x: number): number => Math.round(x * 10) / 10

// ---------------------------------------------------------------------------------
// Fixtures. The action always runs with the machine's own PATH (and so its own git).
const REAL_PATH = process.env.PATH ?? '/usr/bin:/bin'

function newWorld(files: Record<string, string>): Promise<World> {
  return startWorld({ files, issue: ISSUE })
}

interface CallLine {
  role: 'drafter' | 'reviewer'
  model: string
  input: number
  cacheRead: number
  cacheWrite: number
  output: number
  costUsd: number
}

/** The action logs one line per model call with the usage the provider (here: the emulator) reported. */
function callLines(stdout: string): CallLine[] {
  const out: CallLine[] = []
  const re = /^(drafter|reviewer) (\S+): (\d+) in, (\d+) cache read, (\d+) cache write, (\d+) out, \$([\d.]+)/gm
  for (const m of stdout.matchAll(re)) {
    out.push({ role: m[1] as CallLine['role'], model: m[2]!, input: +m[3]!, cacheRead: +m[4]!, cacheWrite: +m[5]!, output: +m[6]!, costUsd: +m[7]! })
  }
  return out
}
const promptTokens = (c: CallLine): number => c.input + c.cacheRead + c.cacheWrite

interface RunRecord {
  exitCode: number
  outputs: Record<string, string>
  wallMs: number
  stderrTail: string
  calls: CallLine[]
  probe?: Probe
  split?: Split
  spawnGapMs?: number
  afterExitMs?: number
  gitCommands?: { args: string; ms: number }[]
  githubRequests: { atMs: number; method: string; path: string }[]
  firstDrafterRequestBytes: number
  firstMessageChars: number
  /** the repository map inside the first message (from 'Repository: ' to the next blank line) */
  mapChars: number
  reviewerRequestBytes: number
}

async function runAction(world: World, opts: { inputs?: Record<string, string>; probe: boolean }): Promise<RunRecord> {
  const stamps: { abs: number; method: string; path: string }[] = []
  const requests = world.github.requests
  const push = requests.push
  requests.push = function (...items) {
    for (const it of items) stamps.push({ abs: abs(), method: it.method, path: it.path })
    return push.apply(this, items)
  }
  const scratch = mkdtempSync(join(tmpdir(), 'draft-review-bench-probe-'))
  const probeOut = join(scratch, 'probe.json')
  const env: Record<string, string> = { PATH: REAL_PATH }
  if (opts.probe) Object.assign(env, { NODE_OPTIONS: `--require ${PROBE}`, BENCH_PROBE_OUT: probeOut, BENCH_PROBE_TARGET: ACTION })
  // Let the writes of the fixture (a 50 MB checkout) reach the disk first, so the run does
  // not compete with their write-back.
  spawnSync('sync')
  await new Promise((r) => setTimeout(r, 300))
  const before = abs()
  const run = await world.run({ inputs: opts.inputs, env })
  const after = abs()
  requests.push = push
  const rec: RunRecord = {
    exitCode: run.exitCode,
    outputs: run.outputs,
    wallMs: r1(after - before),
    stderrTail: run.stderr.slice(-2000),
    calls: callLines(run.stdout),
    githubRequests: stamps.map((s) => ({ atMs: r1(s.abs - before), method: s.method, path: s.path.split('?')[0]! })),
    firstDrafterRequestBytes: 0,
    firstMessageChars: 0,
    mapChars: 0,
    reviewerRequestBytes: 0
  }
  const drafterReq = [...world.anthropic.requests, ...world.openai.requests].find((r) => r.toolNames.includes('finish'))
  if (drafterReq) {
    rec.firstDrafterRequestBytes = Buffer.byteLength(JSON.stringify(drafterReq.body))
    const first = drafterReq.messages[0]?.text ?? ''
    rec.firstMessageChars = first.length
    const at = first.indexOf('Repository: ')
    rec.mapChars = at < 0 ? 0 : first.slice(at).split('\n\n')[0]!.length
  }
  const reviewerReq = [...world.anthropic.requests, ...world.openai.requests].find((r) => r.structured)
  if (reviewerReq) rec.reviewerRequestBytes = Buffer.byteLength(JSON.stringify(reviewerReq.body))
  if (opts.probe) {
    try {
      const probe = JSON.parse(readFileSync(probeOut, 'utf8')) as Probe
      const ghOrigin = new URL(world.github.url).origin
      rec.probe = probe
      rec.split = splitTimeline(probe, { github: ghOrigin, models: [new URL(world.anthropic.url).origin, new URL(world.openai.url).origin] })
      rec.spawnGapMs = r1(probe.timeOrigin - before)
      rec.afterExitMs = r1(after - (probe.timeOrigin + probe.exit))
      rec.gitCommands = gitCommands(probe)
      for (const g of rec.githubRequests) g.atMs = r1(g.atMs + before - probe.timeOrigin) // on the action's clock
    } catch (e) {
      log(`probe output missing: ${(e as Error).message}`)
    }
  }
  rmSync(scratch, { recursive: true, force: true })
  if (run.exitCode !== 0) log(`action exited ${run.exitCode}: ${run.stderr.slice(-500)}`)
  return rec
}

// ---------------------------------------------------------------------------------
// 1 + 2. Overhead and tokens: one edit + finish, one approve.
const EDIT = { name: 'edit_file', input: { path: TARGET_PATH, old_string: TARGET_OLD, new_string: TARGET_NEW, replace_all: false } }
const FINISH = (summary: string) => ({ name: 'finish', input: { summary } })
const APPROVE: EmulatorTurn = { json: { verdict: 'approve', summary: 'sum() now adds; total() follows.', findings: [] } }

function scriptShortRun(world: World): void {
  world.anthropic.respond('claude-sonnet-4-6', [{ toolCalls: [EDIT] }, { toolCalls: [FINISH('sum() subtracted its arguments; it now adds them.')] }])
  world.anthropic.respond('claude-opus-4-8', [APPROVE])
}

interface OverheadResult {
  label: string
  repo: { files: number; bytes: number; dirs: number }
  worldSetupMs: number[]
  runs: RunRecord[]
  plain: RunRecord
}

async function overhead(label: string, repo: GeneratedRepo): Promise<OverheadResult> {
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

interface OverheadSummary {
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
function summarize(o: OverheadResult): OverheadSummary {
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
async function slowModels(repo: GeneratedRepo): Promise<RunRecord> {
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

/** The repository map (src/workspace/repo-map.ts renderRepoMap, buildRepoMap's 6,000-char budget) for ever larger file lists. */
async function mapScaling(): Promise<{ files: number; chars: number; ms: number }[]> {
  try {
    const { renderRepoMap } = await import('../src/workspace/repo-map')
    const out: { files: number; chars: number; ms: number }[] = []
    for (const n of [50, 5_000, 50_000, 500_000]) {
      const files = Array.from({ length: n }, (_, i) => ({ path: `packages/p${i % 40}/src/area${i % 13}/sub${i % 7}/file-${i}.ts`, bytes: 100 + ((i * 7919) % 40_000) }))
      const t0 = performance.now()
      const map = renderRepoMap(files, 6000)
      out.push({ files: n, chars: map.length, ms: r1(performance.now() - t0) })
    }
    return out
  } catch (e) {
    log(`repository map scaling skipped: ${(e as Error).message}`)
    return []
  }
}

// ---------------------------------------------------------------------------------
// 3. Prompt caching: an 8-turn first draft, a rejection, a 2-turn re-draft, an approval.
const NEW_TEST_PATH = 'src/math/sum.test.ts'
const NEW_TEST_MARKER = '// TODO: cover negative numbers'
const NEW_TEST = sourceText(7, 24_000, true) + NEW_TEST_MARKER + '\n'

function cachingScript(repo: GeneratedRepo): { drafter: EmulatorTurn[]; reviewer: EmulatorTurn[] } {
  const paths = Object.keys(repo.files).filter((p) => p.endsWith('.ts') && p !== TARGET_PATH)
  // Three real source files of the repository, mid-sized, for the drafter to read.
  const bySize = paths.map((p) => [p, repo.files[p]!.length] as const).sort((a, b) => a[1] - b[1])
  const reads = [bySize[Math.floor(bySize.length * 0.5)]![0], bySize[Math.floor(bySize.length * 0.7)]![0], TARGET_PATH]
  const read = (path: string) => ({ name: 'read_file', input: { path, start_line: null, end_line: null } })
  const drafter: EmulatorTurn[] = [
    { toolCalls: [{ name: 'list_files', input: { path: 'src', pattern: null } }] },
    { toolCalls: [read(TARGET_PATH)] },
    { toolCalls: [{ name: 'search', input: { pattern: 'sum\\(', path: null, glob: null } }] },
    { toolCalls: [read(reads[0]!)] },
    { toolCalls: [read(reads[1]!)] },
    { toolCalls: [EDIT] },
    { toolCalls: [{ name: 'write_file', input: { path: NEW_TEST_PATH, content: NEW_TEST } }] },
    { toolCalls: [FINISH('sum() now adds; added src/math/sum.test.ts.')] },
    // re-draft after the rejection
    { toolCalls: [{ name: 'edit_file', input: { path: NEW_TEST_PATH, old_string: NEW_TEST_MARKER, new_string: "it('adds negative numbers', () => assert.strictEqual(sum(-2, -3), -5))", replace_all: false } }] },
    { toolCalls: [FINISH('Added the negative-number case the reviewer asked for.')] }
  ]
  const reviewer: EmulatorTurn[] = [
    { json: { verdict: 'reject', summary: 'The fix is right but negative numbers are not tested.', findings: [{ file: NEW_TEST_PATH, line: null, severity: 'major', message: 'Add a case for negative numbers.' }] } },
    { json: { verdict: 'approve', summary: 'Fixed, with tests for positive and negative numbers.', findings: [] } }
  ]
  return { drafter, reviewer }
}

interface CachingResult {
  provider: string
  drafterModel: string
  exitCode: number
  stopReason: string
  calls: CallLine[]
  drafter: ReturnType<typeof cacheFigures>
  firstDraft: ReturnType<typeof cacheFigures>
  reDraft: ReturnType<typeof cacheFigures>
  firstReview: ReturnType<typeof cacheFigures>
  reReview: ReturnType<typeof cacheFigures>
}

function cacheFigures(calls: CallLine[], price: { input: number; output: number; cacheRead: number; cacheWrite: number }) {
  let input = 0, read = 0, write = 0, output = 0, reported = 0, uncached = 0
  for (const c of calls) {
    input += c.input
    read += c.cacheRead
    write += c.cacheWrite
    output += c.output
    reported += costOf({ input: c.input, output: c.output, cacheRead: c.cacheRead, cacheWrite: c.cacheWrite }, price)
    uncached += costOf({ input: promptTokens(c), output: c.output, cacheRead: 0, cacheWrite: 0 }, price)
  }
  const prompt = input + read + write
  return {
    calls: calls.length,
    promptTokens: prompt,
    inputTokens: input,
    cacheReadTokens: read,
    cacheWriteTokens: write,
    outputTokens: output,
    cachedShare: prompt ? Math.round((read / prompt) * 1e4) / 1e4 : 0,
    writeShare: prompt ? Math.round((write / prompt) * 1e4) / 1e4 : 0,
    costUsd: Math.round(reported * 1e6) / 1e6,
    uncachedCostUsd: Math.round(uncached * 1e6) / 1e6,
    savedUsd: Math.round((uncached - reported) * 1e6) / 1e6,
    savedPct: uncached ? Math.round((1000 * (uncached - reported)) / uncached) / 10 : 0
  }
}

async function caching(repo: GeneratedRepo, provider: 'anthropic' | 'openai'): Promise<CachingResult> {
  const world = await newWorld(repo.files)
  try {
    const script = cachingScript(repo)
    const drafterModel = provider === 'anthropic' ? 'anthropic:claude-sonnet-4-6' : 'openai:gpt-6.1-terra'
    if (provider === 'anthropic') world.anthropic.respond('claude-sonnet-4-6', script.drafter)
    else world.openai.respond('gpt-6.1-terra', script.drafter)
    world.anthropic.respond('claude-opus-4-8', script.reviewer)
    const rec = await runAction(world, { probe: false, inputs: { 'drafter-model': drafterModel } })
    log(`caching ${provider}: exit ${rec.exitCode}, ${rec.calls.length} calls, stop ${rec.outputs['stop-reason']}`)
    const drafterCalls = rec.calls.filter((c) => c.role === 'drafter')
    const reviewerCalls = rec.calls.filter((c) => c.role === 'reviewer')
    const dPrice = provider === 'anthropic' ? PRICES.sonnet : PRICES.terra
    return {
      provider,
      drafterModel,
      exitCode: rec.exitCode,
      stopReason: rec.outputs['stop-reason'] ?? '',
      calls: rec.calls,
      drafter: cacheFigures(drafterCalls, dPrice),
      firstDraft: cacheFigures(drafterCalls.slice(0, 8), dPrice),
      reDraft: cacheFigures(drafterCalls.slice(8), dPrice),
      firstReview: cacheFigures(reviewerCalls.slice(0, 1), PRICES.opus),
      reReview: cacheFigures(reviewerCalls.slice(1), PRICES.opus)
    }
  } finally {
    await world.close()
  }
}

// ---------------------------------------------------------------------------------
// 5. Bundle: size, cold start, and what is in it.
function timeSpawn(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((res, rej) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: 'ignore', cwd: tmpdir() })
    child.on('error', rej)
    child.on('exit', () => res(performance.now() - t0))
  })
}

async function bundleFigures() {
  const env = { PATH: REAL_PATH, HOME: tmpdir() }
  const cold: number[] = []
  const bare: number[] = []
  const cached: number[] = []
  await timeSpawn([ACTION], env) // one warm-up so the file is in the page cache, as on a runner after checkout
  for (let i = 0; i < 10; i++) {
    bare.push(await timeSpawn(['-e', '0'], env))
    cold.push(await timeSpawn([ACTION], env))
  }
  // The same with V8's compile cache warm (NODE_COMPILE_CACHE): what parsing and compiling costs.
  const cacheDir = mkdtempSync(join(tmpdir(), 'draft-review-bench-ncc-'))
  const cacheEnv = { ...env, NODE_COMPILE_CACHE: cacheDir }
  await timeSpawn([ACTION], cacheEnv)
  for (let i = 0; i < 10; i++) cached.push(await timeSpawn([ACTION], cacheEnv))
  rmSync(cacheDir, { recursive: true, force: true })
  let coldRssKb: number | null = null
  let bareRssKb: number | null = null
  const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' })
  if (gnuTime.status === 0) {
    bareRssKb = Number(gnuTime.stderr.trim().split('\n').pop())
    const t = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ACTION], { encoding: 'utf8', env })
    coldRssKb = Number(t.stderr.trim().split('\n').pop())
  }
  const exit = spawnSync(process.execPath, [ACTION], { encoding: 'utf8', env })
  // The bundle is an entry plus chunks loaded on demand: count them all.
  const distDir = dirname(ACTION)
  const files = [ACTION, ...readdirSync(join(distDir, 'chunks')).map((f) => join(distDir, 'chunks', f))]
  const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]))
  const text = [...texts.values()].join('\n')
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0)
  const entryBytes = statSync(ACTION).size
  const gzip = gzipSync(text).length
  // Where the cold start goes: 5 CPU profiles (100 µs sampling), averaged.
  const profDir = mkdtempSync(join(tmpdir(), 'draft-review-bench-prof-'))
  const startsByFile = new Map([...texts].map(([f, t]) => [f, moduleStarts(t)]))
  const startsFor = (url: string) => [...startsByFile].find(([f]) => url.endsWith(f))?.[1]
  const profiles: Record<string, number>[] = []
  for (let i = 0; i < 5; i++) {
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `p${i}.cpuprofile`, '--cpu-prof-interval', '100', ACTION], { env })
    try {
      profiles.push(attributeProfile(JSON.parse(readFileSync(join(profDir, `p${i}.cpuprofile`), 'utf8')), startsFor))
    } catch (e) {
      log(`cpu profile ${i} unreadable: ${(e as Error).message}`)
    }
  }
  rmSync(profDir, { recursive: true, force: true })
  const keys = [...new Set(profiles.flatMap((p) => Object.keys(p)))]
  const profile = Object.fromEntries(
    keys.map((k) => [k, r1(profiles.reduce((a, p) => a + (p[k] ?? 0), 0) / Math.max(1, profiles.length))] as const).sort((a, b) => b[1] - a[1])
  )
  return {
    bytes,
    entryBytes,
    chunks: files.length - 1,
    gzipBytes: gzip,
    coldStartMs: cold.map(r1),
    coldStartMedianMs: r1(median(cold)),
    compileCachedMs: cached.map(r1),
    compileCachedMedianMs: r1(median(cached)),
    nodeBareMs: bare.map(r1),
    nodeBareMedianMs: r1(median(bare)),
    loadCostMedianMs: r1(median(cold) - median(bare)),
    coldRssMb: coldRssKb === null ? null : r1(coldRssKb / 1024),
    nodeBareRssMb: bareRssKb === null ? null : r1(bareRssKb / 1024),
    exitCode: exit.status,
    exitMessage: (exit.stdout + exit.stderr).trim().split('\n')[0] ?? '',
    byPackage: packageBytes(text).slice(0, 12),
    cpuProfileMs: profile
  }
}

// ---------------------------------------------------------------------------------
// 4. Cost model.
function costModel(measured: { anthropic?: CachingResult }) {
  const base = { ...SEED_PROFILE, drafterPrice: PRICES.sonnet, reviewerPrice: PRICES.opus }
  const a = measured.anthropic
  // (b) The stable prefix of a re-draft and of a re-review comes from the cache; the first
  // draft and the first review write it, at the cache-write price. A re-draft continues
  // the drafter's conversation, so its prefix is all of it: the share the emulated re-draft
  // of section 3 read from the cache. A re-review could share the system prompt, the issue
  // and the diff up to the first hunk the re-draft changed: half its input, assumed.
  const reDraftShare = a && a.reDraft.promptTokens > 0 ? Math.round(a.reDraft.cachedShare * 100) / 100 : 0.9
  const reReviewShare = 0.5
  const stablePrefix: CacheShares = {
    firstDraft: { read: 0, write: reDraftShare },
    reDraft: { read: reDraftShare, write: 0 },
    firstReview: { read: 0, write: reReviewShare },
    reReview: { read: reReviewShare, write: 0 }
  }
  // (c) The read and write shares the emulated Anthropic run of section 3 reported for each phase.
  const share = (f: ReturnType<typeof cacheFigures> | undefined) => ({ read: f?.cachedShare ?? 0, write: f?.writeShare ?? 0 })
  const asToday: CacheShares | undefined = a
    ? { firstDraft: share(a.firstDraft), reDraft: share(a.reDraft), firstReview: share(a.firstReview), reReview: share(a.reReview) }
    : undefined
  const rows: { rejectRate: number; none: CostModelResult; stablePrefix: CostModelResult; asToday?: CostModelResult }[] = []
  for (const rejectRate of [0, 0.1, 0.2, 0.4]) {
    rows.push({
      rejectRate,
      none: simulateCosts({ ...base, rejectRate, cache: NO_CACHE }),
      stablePrefix: simulateCosts({ ...base, rejectRate, cache: stablePrefix }),
      asToday: asToday && simulateCosts({ ...base, rejectRate, cache: asToday })
    })
  }
  const draftSonnet = costOf({ input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 }, PRICES.sonnet)
  const draftOpus = costOf({ input: 10_000, output: 5_000, cacheRead: 0, cacheWrite: 0 }, PRICES.opus)
  const reviewOpus = costOf({ input: 10_000, output: 1_000, cacheRead: 0, cacheWrite: 0 }, PRICES.opus)
  return {
    profile: { ...SEED_PROFILE, drafterPrice: PRICES.sonnet, reviewerPrice: PRICES.opus },
    oneRound: {
      draftSonnetUsd: draftSonnet, draftOpusUsd: draftOpus, reviewOpusUsd: reviewOpus,
      orchestratedUsd: draftSonnet + reviewOpus, premiumOnlyUsd: draftOpus + reviewOpus,
      ratio: Math.round(((draftSonnet + reviewOpus) / (draftOpus + reviewOpus)) * 1e4) / 1e4
    },
    shares: { stablePrefix, asToday, reDraftShare, reReviewShare },
    breakEven: {
      stablePrefix: cacheBreakEvenRejectRate({ ...base, cache: stablePrefix }),
      asToday: asToday ? cacheBreakEvenRejectRate({ ...base, cache: asToday }) : null
    },
    rows,
    // Which drafter reaches <= 0.5 at a 20% reject rate: under A the ratio is fixed by the
    // drafter's prices relative to the reviewer's, whatever the caching.
    drafterChoice: DRAFTER_CHOICES.map((id) => {
      const drafterPrice = BUILT_IN_PRICES[id]!
      const at20 = (cache: CacheShares) => simulateCosts({ ...base, drafterPrice, rejectRate: 0.2, cache })
      return { drafter: id, none: at20(NO_CACHE).ratio, asToday: asToday ? at20(asToday).ratio : null }
    })
  }
}

// ---------------------------------------------------------------------------------
// Report.
const fmtMs = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`
const fmtPct = (x: number): string => `${(x * 100).toFixed(1)}%`
const usd = (x: number): string => `${x < 0 ? '−' : ''}$${Math.abs(x).toFixed(4)}`
const vs = (x: number, target: number, unit = ''): string => `${x <= target ? 'within' : 'over'} (≤ ${target.toLocaleString('en-US')}${unit})`

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

function render(r: any): string {
  const L: OverheadSummary = r.overhead.large.summary
  const S: OverheadSummary = r.overhead.small.summary
  const lr = r.overhead.large.repo
  const sr = r.overhead.small.repo
  const out: string[] = []
  out.push('# draft-review bench', '')
  const src = r.source.changedInSrc.length ? ` plus uncommitted changes to ${r.source.changedInSrc.join(', ')}` : ''
  out.push(`${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memGb} GB, node ${r.machine.node}, git ${r.machine.git}, ${r.when}; dist/index.js built from ${r.source.commit}${src}. The bench took ${Math.round(r.benchSeconds)} s. Raw figures: bench/results.json.`, '')

  out.push(`## 1. Overhead (one edit + finish, one approval; emulators answer at once; median of ${r.reps} probed runs)`, '')
  const row = (name: string, f: (s: OverheadSummary) => string, target = ''): string[] => [name, f(L), f(S), target]
  out.push(table(['', `${lr.files.toLocaleString('en-US')} files, ${(lr.bytes / 1e6).toFixed(1)} MB, ${lr.dirs} dirs`, `${sr.files} files, ${(sr.bytes / 1e6).toFixed(2)} MB`, 'target (issue)'], [
    row('**wall time**, spawn → exit (range)', (s) => `**${fmtMs(s.wallMs)}** (${fmtMs(s.wallRangeMs[0])}–${fmtMs(s.wallRangeMs[1])})`),
    row('wall time, one run without the probe', (s) => fmtMs(s.plainWallMs)),
    row('start-up: spawn → first output', (s) => fmtMs(s.startupMs), vs(L.startupMs, TARGETS.startupMs, ' ms')),
    row('git', (s) => `${fmtMs(s.gitMs)} (${s.gitCount} commands)`),
    row('GitHub HTTP', (s) => `${fmtMs(s.githubMs)} (${s.githubCount} requests, ${s.githubWrites} writes)`),
    row('throttle wait, not overlapped', (s) => `${fmtMs(s.throttleMs)} = ${fmtPct(s.throttleMs / s.wallMs)} of wall (all waits ${fmtMs(s.throttleTotalMs)})`),
    row('model HTTP', (s) => `${fmtMs(s.modelMs)} (${s.modelCount} calls)`),
    row("the action's own work", (s) => fmtMs(s.ownMs)),
    row('process exit → parent sees close', (s) => fmtMs(s.exitMs)),
    row('**overhead** = wall − throttle − model', (s) => `**${fmtMs(s.overheadWithoutThrottleMs)}**`, vs(L.overheadWithoutThrottleMs, TARGETS.overheadMs, ' ms')),
    row('overhead counting throttle waits', (s) => fmtMs(s.wallMs - s.modelMs), vs(L.wallMs - L.modelMs, TARGETS.overheadMs, ' ms')),
    row('peak RSS, action process', (s) => `${s.peakRssMb.toFixed(1)} MB`, vs(L.peakRssMb, TARGETS.peakRssMb, ' MB')),
    row('CPU user + sys, action process', (s) => fmtMs(s.cpuMs))
  ]))
  out.push('')
  out.push('GitHub HTTP includes the emulator answering in the bench process (it runs git for pull requests); model HTTP is the emulators answering at once. The probe\'s own cost is the difference between the probed and the unprobed wall time.', '')
  const slow = r.slowModels?.split
  if (slow) {
    out.push(`Same run, ${sr.files} files, every model answer 3 s late: wall ${fmtMs(r.slowModels.wallMs)}, model ${fmtMs(slow.exclusiveMs.model)}, throttle wait not overlapped ${fmtMs(slow.exclusiveMs.throttle)} (after the last model answer: ${fmtMs(slow.throttleAfterModelsMs)}), git ${fmtMs(slow.exclusiveMs.git)}, own work ${fmtMs(slow.exclusiveMs.own)}.`, '')
  }
  const first = r.overhead.large.runs[0]
  const topGit = (first?.gitCommands ?? []).slice(0, 5).map((g: any) => `\`git ${g.args}\` ${fmtMs(g.ms)}`).join(', ')
  out.push(`Slowest git commands (${lr.files.toLocaleString('en-US')} files, run 1): ${topGit}.`, '')
  const own = (first?.split?.ownByPhase ?? []).slice(0, 4).map((o: any) => `${fmtMs(o.ms)} after "${o.phase.replace(/\|/g, '/')}"`).join('; ')
  out.push(`Own work by phase (${lr.files.toLocaleString('en-US')} files, run 1; a phase runs from one line of output to the next): ${own}.`, '')
  const waits = (first?.split?.throttleWaits ?? []).map((w: any) => `${fmtMs(w.waitMs)} → ${w.request}`).join('; ')
  out.push(`Throttle waits (run 1; each wait → the next GitHub request): ${waits || 'none'}.`, '')

  out.push('## 2. Tokens (the emulators\' estimate, ceil(chars / 4))', '')
  const T = r.tokens
  out.push(table(['', `${lr.files.toLocaleString('en-US')} files`, `${sr.files} files`, 'difference'], [
    ['reviewer input, same diff', T.large.reviewerInput, T.small.reviewerInput, fmtPct(T.reviewerDiff)],
    ["drafter's first request", T.large.firstDrafterRequest, T.small.firstDrafterRequest, fmtPct(T.firstRequestDiff)],
    ['  repository map in it, chars (budget 6,000)', T.large.mapChars, T.small.mapChars, ''],
    ['  request body, bytes', T.large.firstDrafterRequestBytes, T.small.firstDrafterRequestBytes, '']
  ]))
  out.push('')
  if (r.mapScaling?.length) {
    out.push(`renderRepoMap with the 6,000-char budget: ${r.mapScaling.map((m: any) => `${m.files.toLocaleString('en-US')} files → ${m.chars} chars in ${m.ms} ms`).join('; ')}.`, '')
  }

  out.push('## 3. Prompt caching (50 files: 8-turn first draft, rejection, 2-turn re-draft, approval)', '')
  const C = r.caching as CachingResult[]
  const cRow = (name: string, f: ReturnType<typeof cacheFigures>): (string | number)[] =>
    [name, f.calls, f.promptTokens, f.cacheReadTokens, f.cacheWriteTokens, fmtPct(f.cachedShare), usd(f.costUsd), usd(f.uncachedCostUsd), `${usd(f.savedUsd)} (${String(f.savedPct).replace('-', '−')}%)`]
  const rowsC: (string | number)[][] = []
  for (const c of C) {
    rowsC.push(cRow(`**${c.drafterModel}** drafter, all`, c.drafter), cRow('  first draft', c.firstDraft), cRow('  re-draft', c.reDraft))
  }
  if (C[0]) rowsC.push(cRow('anthropic:claude-opus-4-8 review 1', C[0].firstReview), cRow('anthropic:claude-opus-4-8 review 2', C[0].reReview))
  out.push(table(['model calls', 'n', 'prompt tokens', 'cache read', 'cache write', 'cached share', 'cost as reported', 'all as uncached input', 'saved'], rowsC))
  out.push('')

  const M = r.costModel
  out.push(`## 4. Cost model (${M.profile.tasks} tasks, seed profile, at most ${M.profile.maxReviews} reviews per task, PRNG seed ${M.profile.seed})`, '')
  out.push(`One round, no caching: Sonnet draft ${usd(M.oneRound.draftSonnetUsd)} + Opus review ${usd(M.oneRound.reviewOpusUsd)} = ${usd(M.oneRound.orchestratedUsd)}; the same tokens at Opus prices ${usd(M.oneRound.draftOpusUsd)} + ${usd(M.oneRound.reviewOpusUsd)} = ${usd(M.oneRound.premiumOnlyUsd)}; ratio **${M.oneRound.ratio}**.`, '')
  out.push(table(['reject rate (drawn)', 'drafts / task', 'orchestrated $/task: none / (b) / (c)', 'A none', 'A (b)', 'A (c)', 'B none', 'C none'],
    M.rows.map((x: any) => [
      `${x.rejectRate * 100}% (${fmtPct(x.none.realizedRejectRate)})`, x.none.draftsPerTask,
      `${usd(x.none.orchestratedPerTaskUsd)} / ${usd(x.stablePrefix.orchestratedPerTaskUsd)} / ${x.asToday ? usd(x.asToday.orchestratedPerTaskUsd) : 'n/a'}`,
      x.none.ratio, x.stablePrefix.ratio, x.asToday?.ratio ?? 'n/a', x.none.ratioVsOpusAlone, x.none.ratioVsOpusOneRound
    ])))
  out.push('')
  out.push('Ratios are orchestrated cost over: **A** every token of the orchestrated run (same counts, same cache split) at Opus 4.8 prices, which is the action\'s `premium-only-cost-usd`; **B** Opus drafting each task once with no review; **C** Opus drafting once and reviewing once. Each review rejects independently with the given rate; a task stops at approval or after 3 reviews.', '')
  out.push(`Caching: none = every input token uncached. (b) stable prefix: a re-draft reads ${fmtPct(M.shares.reDraftShare)} of its input from the cache (the share the emulated Anthropic re-draft read), a re-review ${fmtPct(M.shares.reReviewShare)} (assumed: system prompt, issue and the diff up to the first changed hunk); the first draft and first review write those prefixes at 1.25× input. (c) every phase with the read and write shares the emulated Anthropic run reported. Expected break-even reject rate where caching starts to cost less than none: (b) ${M.breakEven.stablePrefix === null ? 'never' : fmtPct(M.breakEven.stablePrefix)}, (c) ${M.breakEven.asToday === null ? 'never' : fmtPct(M.breakEven.asToday)}.`, '')

  out.push('Against A, the ratio cannot fall below the drafter\'s price relative to the reviewer\'s on the drafting share: every Sonnet 4.6 price is 0.6× Opus 4.8\'s, so with the seed profile the ratio is 0.72 however many rounds and whatever the caching. What reaches ≤ 0.5 is a cheaper first tier of the drafter ladder, at a 20% reject rate with Opus 4.8 reviewing:', '')
  out.push(table(['drafter (Opus 4.8 reviews)', 'A, no caching', 'A, caching as today (c)'], M.drafterChoice.map((d: any) => [d.drafter, d.none, d.asToday ?? 'n/a'])))
  out.push('')

  const B = r.bundle
  out.push('## 5. Bundle', '')
  out.push(table(['', 'value', 'target'], [
    ['dist/ (dist/index.js + chunks loaded on demand)', `${(B.bytes / 1e6).toFixed(2)} MB in ${B.chunks + 1} files (${(B.gzipBytes / 1e6).toFixed(2)} MB gzipped); dist/index.js ${(B.entryBytes / 1e3).toFixed(0)} kB`, ''],
    ['cold start, `node dist/index.js` → exit, median of 10', `**${fmtMs(B.coldStartMedianMs)}**`, vs(B.coldStartMedianMs, TARGETS.startupMs, ' ms')],
    ['  with V8 compile cache warm (NODE_COMPILE_CACHE)', fmtMs(B.compileCachedMedianMs), ''],
    ['  `node -e 0`', fmtMs(B.nodeBareMedianMs), ''],
    ['  loading the bundle (difference)', fmtMs(B.loadCostMedianMs), ''],
    ['peak RSS: cold start / `node -e 0`', B.coldRssMb === null ? 'n/a' : `${B.coldRssMb} MB / ${B.nodeBareRssMb} MB`, '']
  ]))
  out.push('')
  const prof = Object.entries(B.cpuProfileMs).filter(([k]) => k !== 'total').slice(0, 9).map(([k, v]) => `${k} ${v} ms`).join(', ')
  out.push(`Cold start by CPU profile (mean of 5, total ${B.cpuProfileMs.total} ms profiled): ${prof}.`, '')
  out.push(`Largest packages in the bundle: ${B.byPackage.slice(0, 8).map((p: any) => `${p.name} ${(p.bytes / 1e3).toFixed(0)} kB`).join(', ')}.`, '')

  out.push('## How it was measured', '')
  out.push([
    '- Every action run is `world.run()` of emulators/harness.ts (`node dist/index.js`, the runner\'s environment), one fresh world (origin, workspace, emulators) per run. Repositories are generated from a seeded PRNG (bench/gen-repo.ts).',
    '- Probed runs preload bench/probe.cjs (`NODE_OPTIONS=--require`), which only watches: fetch requests through undici\'s diagnostics channels, child processes through node\'s `child_process` channel (spawn → close), octokit throttling waits as the Bottleneck timers set from its `_run` (set → fire), stdout lines, and at exit `process.resourceUsage().maxRSS` and CPU time, all on the process\'s own clock. bench/timeline.ts gives every instant to the first busy bucket in the order start-up, git, other process, model HTTP, GitHub HTTP, throttle, own work, so the rows add up to the wall time. The GitHub emulator\'s requests are also time-stamped by wrapping its `requests.push`.',
    '- Tokens are the usage the emulators report (the action logs one line per call); cached share = cache read / (input + cache read + cache write); "all as uncached input" prices the same prompt tokens at the input price (src/pricing.ts `costOf`, `BUILT_IN_PRICES`).',
    '- Cold start: `node dist/index.js` with only PATH and HOME set, so it fails at once on the missing anthropic-api-key input, timed from spawn to exit in the bench process.'
  ].join('\n'), '')
  return out.join('\n')
}

/** Which source the bundle was built from: the commit, and the files under src/ changed since. */
function sourceState(): { commit: string; changedInSrc: string[] } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n').filter(Boolean).map((l) => l.slice(3))
    return { commit, changedInSrc: changed }
  } catch {
    return { commit: '?', changedInSrc: [] }
  }
}

// ---------------------------------------------------------------------------------
async function main(): Promise<void> {
  log(`node ${process.version} (${process.execPath}), ${cpus().length} cores, ${REPS} probed runs per repository`)
  if (!process.version.startsWith('v24')) log('warning: not node 24; put node_modules/.bin first on PATH')
  // First, while this process is small: the cold start.
  const bundle = await bundleFigures()
  log(`bundle: ${bundle.bytes} bytes, cold start ${bundle.coldStartMedianMs} ms`)
  const large = generateRepo({ count: 5000, totalBytes: 50_000_000, seed: 1 })
  const small = generateRepo({ count: 50, totalBytes: 500_000, seed: 2 })
  log(`repositories: ${large.fileCount} files ${(large.totalBytes / 1e6).toFixed(1)} MB in ${large.dirCount} dirs; ${small.fileCount} files ${(small.totalBytes / 1e6).toFixed(2)} MB`)

  const ovLarge = await overhead('5000 files', large)
  const ovSmall = await overhead('50 files', small)
  const slow = await slowModels(small)
  const anthropic = await caching(small, 'anthropic')
  const openai = await caching(small, 'openai')
  const scaling = await mapScaling()

  const firstRun = (o: OverheadResult) => o.runs.find((x) => x.exitCode === 0) ?? o.runs[0]!
  const tok = (o: OverheadResult) => {
    const rr = firstRun(o)
    const d = rr.calls.find((c) => c.role === 'drafter')
    const v = rr.calls.find((c) => c.role === 'reviewer')
    return {
      reviewerInput: v ? promptTokens(v) : 0,
      firstDrafterRequest: d ? promptTokens(d) : 0,
      firstMessageChars: rr.firstMessageChars,
      mapChars: rr.mapChars,
      firstDrafterRequestBytes: rr.firstDrafterRequestBytes,
      reviewerRequestBytes: rr.reviewerRequestBytes,
      calls: rr.calls
    }
  }
  const tl = tok(ovLarge)
  const ts = tok(ovSmall)
  const diff = (x: number, y: number) => (y ? Math.round(((x - y) / y) * 1e4) / 1e4 : 0)
  const strip = (o: OverheadResult) => ({ ...o, summary: summarize(o) })

  const results = {
    when: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '?',
      memGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim().replace(/^git version /, ''),
      platform: `${process.platform} ${process.arch}`
    },
    source: sourceState(),
    reps: REPS,
    targets: TARGETS,
    overhead: { large: strip(ovLarge), small: strip(ovSmall) },
    slowModels: slow,
    tokens: { large: tl, small: ts, reviewerDiff: diff(tl.reviewerInput, ts.reviewerInput), firstRequestDiff: diff(tl.firstDrafterRequest, ts.firstDrafterRequest) },
    mapScaling: scaling,
    caching: [anthropic, openai],
    costModel: costModel({ anthropic: anthropic.exitCode === 0 ? anthropic : undefined }),
    bundle,
    benchSeconds: 0
  }
  results.benchSeconds = Math.round((performance.now() - benchStart) / 100) / 10
  const md = render(results)
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md + '\n')
  process.stdout.write(md.split('\n## How it was measured')[0]!.trimEnd() + '\n')
  log('wrote bench/results.json and bench/RESULTS.md')
}

await main()
