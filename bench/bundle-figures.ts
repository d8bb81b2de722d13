// 5. Bundle: size, cold start, and what is in it. Measured first, while the bench
// process is small.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ACTION, REAL_PATH, log, median, r1 } from './common'
import { attributeProfile, moduleStarts, packageBytes } from './startup-profile'

function timeSpawn(args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((res, rej) => {
    const t0 = performance.now()
    const child = spawn(process.execPath, args, { env, stdio: 'ignore', cwd: tmpdir() })
    child.on('error', rej)
    child.on('exit', () => res(performance.now() - t0))
  })
}

export async function bundleFigures() {
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
