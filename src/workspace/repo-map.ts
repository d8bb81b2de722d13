// The compact repository map that opens the drafter's first message: enough of the tree
// for a cheap model to know where to look, inside a fixed character budget.
// renderRepoMap is pure; listRepoFiles (shared with the tools) and buildRepoMap do the I/O.

import { lstatSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { plural } from './text'
import { TrackedFiles } from './tracked'

export interface RepoFile {
  path: string
  bytes: number
}

/** Files a reader opens first, in this order; anything else follows by name. */
const FIRST = [/^readme(\.|$)/i, /^(agents|claude|contributing)\.md$/i]
const MANIFESTS = new Set([
  'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'cargo.toml',
  'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gemfile',
  'composer.json', 'mix.exs', 'deno.json', 'tsconfig.json', 'makefile', 'cmakelists.txt',
  'dockerfile', 'action.yml', 'pnpm-workspace.yaml', 'tox.ini', 'meson.build', 'package.swift'
])
/** Directories that are rarely where a change belongs: listed after all the others. */
const NOISE = new Set([
  'node_modules', 'vendor', 'third_party', 'third-party', 'dist', 'build', 'out', 'target',
  'coverage', 'fixtures', '__fixtures__', 'testdata', '__snapshots__', '.yarn', 'generated',
  '__generated__'
])

/** mod2 before mod10. */
const byName = new Intl.Collator('en', { numeric: true })

const ROOT_FIRST_PASS = 25
const DIR_FIRST_PASS = 10

interface Block {
  dir: string // '' is the root
  files: RepoFile[] // ranked
  header: boolean // shown (always true for the root, which has no header line)
  shown: number
}

/**
 * A ranked, truncated tree: root files (README and manifests first), then directories by
 * depth, each with its files until the budget runs out. Never longer than budgetChars.
 */
export function renderRepoMap(files: RepoFile[], budgetChars: number): string {
  const budget = Math.max(0, Math.floor(budgetChars))
  const title = `Repository: ${files.length} files (name size; k = KiB, M = MiB)`
  if (files.length === 0 || title.length > budget) return title.slice(0, budget)

  const blocks = groupByDir(files)
  const root = blocks[0]?.dir === '' ? blocks[0] : undefined
  // Every line costs its length plus a newline; the title's newline pays for the last line.
  let used = title.length + 1
  const footerReserve = footerLine(files.length, blocks.length).length + 1
  const limit = budget + 1 - footerReserve

  // Exact, incremental accounting: O(1) per added line, so large budgets stay linear.
  const moreCost = (b: Block, shown: number): number => {
    const line = moreLine(b, shown)
    return line === null ? 0 : line.length + 1
  }
  const tryShow = (b: Block): boolean => {
    const fileCost = fileLine(b, b.files[b.shown] as RepoFile).length + 1
    const delta = fileCost + moreCost(b, b.shown + 1) - moreCost(b, b.shown)
    if (used + delta > limit) return false
    used += delta
    b.shown++
    return true
  }
  const addFiles = (b: Block, cap: number): void => {
    while (b.header && b.shown < Math.min(cap, b.files.length) && tryShow(b)) {
      /* keep adding */
    }
  }
  const addHeaders = (softLimit: number): void => {
    for (const b of blocks) {
      if (b.header) continue
      const delta = headerLine(b).length + 1
      if (used + delta > Math.min(limit, softLimit)) return // keep the hidden ones a suffix of the ranking
      used += delta
      b.header = true
    }
  }

  if (root) addFiles(root, ROOT_FIRST_PASS)
  addHeaders(budget / 2)
  for (const b of blocks) addFiles(b, DIR_FIRST_PASS)
  addHeaders(limit)
  for (const b of blocks) addFiles(b, DIR_FIRST_PASS)
  for (const b of blocks) addFiles(b, Infinity)

  const lines = [title]
  for (const b of blocks) lines.push(...blockLines(b, b.header, b.shown))
  const hidden = blocks.filter((b) => !b.header || (b.dir === '' && b.shown === 0))
  if (hidden.length > 0) {
    lines.push(footerLine(hidden.reduce((n, b) => n + b.files.length, 0), hidden.length))
  }
  // The accounting above is exact; this only guards the promise never to exceed the budget.
  while (lines.join('\n').length > budget && lines.length > 1) lines.pop()
  return lines.join('\n')
}

/** Lists the repository (what git tracks or would track: ./tracked) and renders its map. */
export async function buildRepoMap(root: string, budgetChars = 6000, tracked?: TrackedFiles): Promise<string> {
  const realRoot = await fs.realpath(root)
  const paths = await listRepoFiles(realRoot, tracked)
  // Synchronous on purpose: 5,000 lstat calls take ~15 ms this way and 3-4x that as
  // promises through the thread pool. A path git lists but the disk lacks was deleted.
  const files: RepoFile[] = []
  for (const p of paths) {
    const bytes = sizeOf(path.join(realRoot, p))
    if (bytes !== null) files.push({ path: p, bytes })
  }
  return renderRepoMap(files, budgetChars)
}

function sizeOf(abs: string): number | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })?.size ?? null
  } catch {
    return null // ENOTDIR, EACCES: not a file the map can show
  }
}

function blockLines(b: Block, header: boolean, shown: number): string[] {
  if (!header) return []
  const lines: string[] = []
  if (b.dir !== '') lines.push(headerLine(b))
  for (const f of b.files.slice(0, shown)) lines.push(fileLine(b, f))
  const more = moreLine(b, shown)
  if (more !== null) lines.push(more)
  return lines
}

function headerLine(b: Block): string {
  return `${clean(b.dir)}/ (${plural(b.files.length, 'file')})`
}

function fileLine(b: Block, f: RepoFile): string {
  return `${b.dir === '' ? '' : '  '}${clean(path.posix.basename(f.path))} ${formatSize(f.bytes)}`
}

/** "… N more files", for a directory that shows some of its files but not all. */
function moreLine(b: Block, shown: number): string | null {
  const more = b.files.length - shown
  if (shown === 0 || more <= 0) return null
  return b.dir === '' ? `… ${more} more files at the root` : `  … ${more} more files under ${clean(b.dir)}/`
}

function footerLine(files: number, dirs: number): string {
  return `… ${files} more files in ${dirs} director${dirs === 1 ? 'y' : 'ies'} not listed`
}

/** Root first, then directories by depth (noise directories last), files ranked inside each. */
function groupByDir(files: RepoFile[]): Block[] {
  const byDir = new Map<string, RepoFile[]>()
  for (const f of files) {
    const slash = f.path.lastIndexOf('/')
    const dir = slash === -1 ? '' : f.path.slice(0, slash)
    const list = byDir.get(dir)
    if (list) list.push(f)
    else byDir.set(dir, [f])
  }
  const blocks: Block[] = []
  for (const [dir, list] of byDir) {
    list.sort((a, b) => compareFiles(a.path, b.path))
    blocks.push({ dir, files: list, header: dir === '', shown: 0 })
  }
  const key = (dir: string): [number, number, number] => {
    if (dir === '') return [0, 0, 0]
    const parts = dir.split('/')
    return [1, parts.some((p) => NOISE.has(p.toLowerCase())) ? 1 : 0, parts.length]
  }
  const keys = new Map(blocks.map((b) => [b.dir, key(b.dir)]))
  return blocks.sort((a, b) => {
    const ka = keys.get(a.dir) as number[]
    const kb = keys.get(b.dir) as number[]
    for (let i = 0; i < 3; i++) {
      const d = (ka[i] ?? 0) - (kb[i] ?? 0)
      if (d !== 0) return d
    }
    return byName.compare(a.dir, b.dir)
  })
}

function compareFiles(a: string, b: string): number {
  const na = path.posix.basename(a)
  const nb = path.posix.basename(b)
  const d = fileRank(na) - fileRank(nb)
  if (d !== 0) return d
  return byName.compare(na, nb)
}

function fileRank(name: string): number {
  const i = FIRST.findIndex((re) => re.test(name))
  if (i !== -1) return i
  const lower = name.toLowerCase()
  if (MANIFESTS.has(lower) || lower.endsWith('.csproj') || lower.endsWith('.sln')) return FIRST.length
  return FIRST.length + 1
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return String(bytes)
  const k = bytes / 1024
  if (k < 10) return `${k.toFixed(1)}k`
  if (k < 1024) return `${Math.round(k)}k`
  const m = k / 1024
  return m < 10 ? `${m.toFixed(1)}M` : `${Math.round(m)}M`
}

/** Control characters (git allows them in names) would break the one-line-per-entry layout. */
function clean(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?')
}

/**
 * Files of the repository, repo-relative, sorted: what git tracks or would track
 * (./tracked: .gitignore'd files, submodules and deleted files left out), or a walk that
 * skips .git and node_modules when root is not a git work tree.
 */
export async function listRepoFiles(root: string, tracked?: TrackedFiles): Promise<string[]> {
  return (tracked ?? new TrackedFiles(await fs.realpath(root))).list()
}

