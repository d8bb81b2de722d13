// `npm run bench`: measures the built action (dist/index.js) as the runner starts it,
// against the local emulators. It measures and reports; it asserts nothing.
// Writes bench/results.json (every raw figure) and bench/RESULTS.md (the tables).
//
//   BENCH_REPS=3   runs per repository for the overhead figures (median reported)
//   BENCH_ONLY=search   only section 8 (search and overhead on 30,000 files), printed
//
// Each section lives in its own module: overhead.ts (1), tokens.ts (2), caching.ts (3),
// cost-ratios.ts (4), bundle-figures.ts (5), sandbox.ts (6), long-session.ts (7), search.ts (8); render.ts writes the report.
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { bundleFigures } from './bundle-figures'
import { caching } from './caching'
import { REPS, ROOT, TARGETS, benchStart, log, startBenchClock } from './common'
import { costModel } from './cost-ratios'
import { generateRepo } from './gen-repo'
import { longSession } from './long-session'
import { overhead, slowModels, summarize, type OverheadResult } from './overhead'
import { render } from './render'
import { sandboxFigures } from './sandbox'
import { renderSearch, searchBench } from './search'
import { mapScaling, tokenFigures } from './tokens'

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
  startBenchClock()
  if (process.env.BENCH_ONLY === 'search') {
    process.stdout.write(renderSearch(await searchBench()) + '\n')
    return
  }
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
  const sandbox = await sandboxFigures()
  const longSessions = [await longSession('anthropic'), await longSession('openai')]
  const searchFigures = await searchBench()

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
    tokens: tokenFigures(ovLarge, ovSmall),
    mapScaling: scaling,
    caching: [anthropic, openai],
    longSessions,
    costModel: costModel(),
    bundle,
    sandbox,
    search: searchFigures,
    benchSeconds: 0
  }
  results.benchSeconds = Math.round((performance.now() - benchStart) / 100) / 10
  // Section 8 goes before "How it was measured", with the other results.
  const [head, ...tail] = render(results).split('\n## How it was measured')
  const md = [head!.trimEnd() + '\n\n' + renderSearch(searchFigures).trimEnd(), ...tail].join('\n\n## How it was measured')
  writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), md + '\n')
  process.stdout.write(md.split('\n## How it was measured')[0]!.trimEnd() + '\n')
  log('wrote bench/results.json and bench/RESULTS.md')
}

await main()
