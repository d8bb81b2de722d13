// One run of the built action in a fresh world, and what the bench reads from it: the
// exit, the outputs, the usage line of every model call, the GitHub requests on the
// action's clock, the size of the first model requests, and (probed) the timeline.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startWorld, type World } from '../emulators/harness'
import { ACTION, PROBE, REAL_PATH, abs, log, r1 } from './common'
import { ISSUE } from './gen-repo'
import { gitCommands, splitTimeline, type Probe, type Split } from './timeline'

export function newWorld(files: Record<string, string>): Promise<World> {
  return startWorld({ files, issue: ISSUE })
}

export interface CallLine {
  role: 'drafter' | 'reviewer'
  model: string
  input: number
  cacheRead: number
  cacheWrite: number
  output: number
  costUsd: number
}

/** The action logs one line per model call with the usage the provider (here: the emulator) reported. */
export function callLines(stdout: string): CallLine[] {
  const out: CallLine[] = []
  const re = /^(drafter|reviewer) (\S+): (\d+) in, (\d+) cache read, (\d+) cache write, (\d+) out, \$([\d.]+)/gm
  for (const m of stdout.matchAll(re)) {
    out.push({ role: m[1] as CallLine['role'], model: m[2]!, input: +m[3]!, cacheRead: +m[4]!, cacheWrite: +m[5]!, output: +m[6]!, costUsd: +m[7]! })
  }
  return out
}
export const promptTokens = (c: CallLine): number => c.input + c.cacheRead + c.cacheWrite

export interface RunRecord {
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

export async function runAction(world: World, opts: { inputs?: Record<string, string>; probe: boolean }): Promise<RunRecord> {
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
