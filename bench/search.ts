// 8. Search at scale: the search tool over a whole generated 30,000-file repository
// against `git grep` alone on the same tree (the tool asks git grep, then checks each
// line with the JavaScript regex), and against the tool's own file scan (what it does
// outside a git work tree, and what it did for every search before). Then the whole run's
// overhead on that repository. It measures and reports; it asserts nothing.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { PathResolver } from '../src/workspace/resolve'
import { search } from '../src/workspace/search-tools'
import { log, median, r1, REPS } from './common'
import { generateRepo, type GeneratedRepo } from './gen-repo'
import { overhead, summarize, type OverheadSummary } from './overhead'

export const SEARCH_TARGETS = { vsGitGrep: 2, overheadMs: 1500 }

export interface SearchCase {
  pattern: string
  matches: string
  gitGrepMs: number
  toolMs: number
  ratio: number
  scanMs: number
}

export interface SearchBench {
  repo: { files: number; bytes: number; dirs: number }
  cases: SearchCase[]
  overhead: OverheadSummary
  targets: typeof SEARCH_TARGETS
}

const PATTERNS = ['export function sum\\(', 'TODO|FIXME', 'export (class|interface) \\w+Store\\b']

async function writeRepo(repo: GeneratedRepo): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'draft-review-bench-search-'))
  for (const [path, text] of Object.entries(repo.files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  const git = (args: string[]): void => {
    const r = spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`)
  }
  git(['init', '-q'])
  git(['add', '-A'])
  git(['commit', '-qm', 'bench'])
  return dir
}

function timeGitGrep(dir: string, pattern: string): number {
  const t0 = performance.now()
  const r = spawnSync('git', ['grep', '--untracked', '-P', '-I', '-n', '--null', '-e', pattern], { cwd: dir, maxBuffer: 1 << 30 })
  if (r.status !== 0 && r.status !== 1) throw new Error(`git grep: ${r.stderr}`)
  return performance.now() - t0
}

async function timeTool(dir: string, pattern: string): Promise<{ ms: number; out: string }> {
  const paths = new PathResolver(dir, { mode: 'changes', protectedGlobs: [], testGlobs: [] })
  const t0 = performance.now()
  const outcome = await search(paths, { pattern, path: null, glob: null })
  return { ms: performance.now() - t0, out: outcome.content }
}

export async function searchBench(): Promise<SearchBench> {
  const repo = generateRepo({ count: 30_000, totalBytes: 90_000_000, seed: 3 })
  log(`search: ${repo.fileCount} files ${(repo.totalBytes / 1e6).toFixed(1)} MB in ${repo.dirCount} dirs`)
  const dir = await writeRepo(repo)
  const cases: SearchCase[] = []
  try {
    for (const pattern of PATTERNS) {
      timeGitGrep(dir, pattern) // warm the page cache for both
      const git: number[] = []
      const tool: number[] = []
      let out = ''
      for (let i = 0; i < Math.max(3, REPS); i++) {
        git.push(timeGitGrep(dir, pattern))
        const t = await timeTool(dir, pattern)
        tool.push(t.ms)
        out = t.out
      }
      // The scan: the same tool with git out of the way (.git renamed).
      await rename(join(dir, '.git'), join(dir, '.git-off'))
      let scanMs: number
      try {
        scanMs = (await timeTool(dir, pattern)).ms
      } finally {
        await rename(join(dir, '.git-off'), join(dir, '.git'))
      }
      const hits = out.startsWith('no matches') ? 0 : out.split('\n').filter((l) => !l.startsWith('[')).length
      const c = {
        pattern,
        matches: `${hits}${out.includes('[stopped at') ? '+' : ''}`,
        gitGrepMs: r1(median(git)),
        toolMs: r1(median(tool)),
        ratio: Math.round((median(tool) / median(git)) * 100) / 100,
        scanMs: r1(scanMs)
      }
      log(`search /${pattern}/: git grep ${c.gitGrepMs} ms, the tool ${c.toolMs} ms (${c.ratio}x), the scan ${c.scanMs} ms, ${c.matches} matches`)
      cases.push(c)
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const ov = summarize(await overhead('30000 files', repo))
  log(`30000 files: overhead ${ov.overheadWithoutThrottleMs} ms (wall ${ov.wallMs} ms)`)
  return { repo: { files: repo.fileCount, bytes: repo.totalBytes, dirs: repo.dirCount }, cases, overhead: ov, targets: SEARCH_TARGETS }
}

export function renderSearch(s: SearchBench): string {
  const ok = (good: boolean): string => (good ? 'within' : '**over**')
  return [
    '## 8. Search and overhead on a 30,000-file repository',
    '',
    `A generated repository of ${s.repo.files} files (${(s.repo.bytes / 1e6).toFixed(1)} MB, ${s.repo.dirs} directories), searched whole ` +
      `(\`path\` and \`glob\` empty). Target: the tool within ${s.targets.vsGitGrep}x \`git grep\` alone. The scan is the tool outside a ` +
      'git work tree, what every search did before.',
    '',
    '| pattern | matches | git grep alone | the search tool | ratio | the scan |',
    '|---|---:|---:|---:|---:|---:|',
    ...s.cases.map((c) => `| \`${c.pattern.replace(/\|/g, '\\|')}\` | ${c.matches} | ${c.gitGrepMs} ms | ${c.toolMs} ms | ${c.ratio}x (${ok(c.ratio <= s.targets.vsGitGrep)}) | ${c.scanMs} ms |`),
    '',
    `Whole run on that repository (the short run of section 1, medians): overhead ${s.overhead.overheadWithoutThrottleMs} ms without GitHub write ` +
      `spacing and model time (target ${s.targets.overheadMs} ms: ${ok(s.overhead.overheadWithoutThrottleMs <= s.targets.overheadMs)}); ` +
      `wall ${s.overhead.wallMs} ms, git ${s.overhead.gitMs} ms, own work ${s.overhead.ownMs} ms, peak RSS ${s.overhead.peakRssMb} MB.`,
    ''
  ].join('\n')
}
