// The repository map's layout: which directories a cheap model should see first, inside a
// fixed character budget. Pure. Directories are ranked the way a reader looks for the code:
// the issue's own words first (a path or file name it mentions, weighed by how rare it is,
// as Aider's repo map personalises its ranking toward the files a chat mentions), then
// where code lives (src/, lib/, packages/*/src), then tests, then examples, fixtures, docs,
// changelogs and build output. Per-package boilerplate (README, package.json, tsconfig in
// each of many packages) is one line; directories that do not fit are named by group.

import path from 'node:path'

export interface RepoFile {
  readonly path: string
  /** null: the size could not be read; the name is shown alone */
  readonly bytes: number | null
}

/** Files a reader opens first, in this order; anything else follows by name. */
const FIRST = [/^readme(\.|$)/i, /^(agents|claude|contributing)\.md$/i]
const MANIFESTS = [
  'package.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements.txt', 'cargo.toml',
  'go.mod', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'gemfile',
  'composer.json', 'mix.exs', 'deno.json', 'tsconfig.json', 'makefile', 'cmakelists.txt',
  'dockerfile', 'action.yml', 'pnpm-workspace.yaml', 'tox.ini', 'meson.build', 'package.swift'
]
/** A manifest's name in any case, tested without lower-casing every name of the listing. */
const MANIFEST_NAME = new RegExp(`^(?:${MANIFESTS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'i')
/** Where code lives. */
const CODE_DIRS = new Set(['src', 'lib', 'source', 'sources', 'app', 'apps', 'pkg', 'cmd', 'internal', 'core', 'server', 'client'])
const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'integration'])
/** Rarely where a change belongs: generated, vendored, sample or prose. */
const LOW_DIRS = new Set([
  'node_modules', 'vendor', 'third_party', 'third-party', 'dist', 'build', 'out', 'target', 'coverage',
  'fixtures', '__fixtures__', 'testdata', 'test-data', '__snapshots__', 'snapshots', '.yarn', 'generated', '__generated__',
  'examples', 'example', 'samples', 'sample', 'demo', 'demos', 'docs', 'doc', 'documentation', 'website', 'site',
  'changelog', 'changelogs', '.changeset', '.changes', 'benchmark', 'benchmarks', 'bench', 'assets', 'static',
  'locale', 'locales', 'i18n', '.github', '.vscode', '.idea', '.husky'
])
/** Words of an issue that name nothing in a repository. */
const STOP_WORDS = new Set(
  ('the and for with this that from into when what which should would could does not are was were have has had but its ' +
    'than then them they their there here also only just like more most some such very can will may must use used using ' +
    'file files code line lines issue bug error fix fixes fixed add adds added make makes new old get set see way one two ' +
    'all any each out now how why who where our you your yes no via per returns return true false null undefined').split(' ')
)

/** mod2 before mod10. */
const byName = new Intl.Collator('en', { numeric: true })

/** byName's punctuation, in its order: `_` < `-` < `.` < `/` < digits < letters. */
const PUNCTUATION: Record<string, string> = { _: '\x01', '-': '\x02', '.': '\x03', '/': '\x04' }

/**
 * byName's order as a string that `<` compares, for a name of lower-case ASCII letters,
 * digits and `_-./` with no number written with a leading zero (nearly every path); undefined
 * for any other name. A number becomes its length, then its digits: 9 before 10. Thousands
 * of directories are sorted on every run, and the collator is most of that time.
 */
export function nameKey(name: string): string | undefined {
  if (!/^[a-z0-9_\-./]*$/.test(name) || /(^|\D)0\d|\d{90}/.test(name)) return undefined
  return name.replace(/[_\-./]|\d+/g, (m) => PUNCTUATION[m] ?? `\x05${String.fromCharCode(0x20 + m.length)}${m}`)
}

/** byName.compare, through the keys where both names have one. */
function compareNames(a: string, keyA: string | undefined, b: string, keyB: string | undefined): number {
  if (keyA === undefined || keyB === undefined) return byName.compare(a, b)
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
}

const ROOT_FIRST_PASS = 25
const DIR_FIRST_PASS = 10
/** A package parent: at least this many child directories, most with the same files. */
const MIN_PACKAGES = 5

/** A listed file, split once: its directory ('' at the root) and its name. */
interface Entry {
  readonly f: RepoFile
  readonly dir: string
  readonly name: string
}

/**
 * The listing by directory, each directory's files in the listing's order, the directories
 * in the order the listing first names them. Every later step works on this one pass.
 */
function directoriesOf(files: RepoFile[]): Map<string, Entry[]> {
  const dirs = new Map<string, Entry[]>()
  // A sorted listing names a directory's files mostly in a row: the last one is checked first.
  let lastDir: string | undefined
  let lastList: Entry[] = []
  for (const f of files) {
    const slash = f.path.lastIndexOf('/')
    const same = lastDir !== undefined && (slash === -1 ? lastDir === '' : slash === lastDir.length && f.path.startsWith(lastDir))
    const dir = same ? (lastDir as string) : slash === -1 ? '' : f.path.slice(0, slash)
    const e = { f, dir, name: f.path.slice(slash + 1) }
    if (!same) {
      const list = dirs.get(dir)
      if (list) lastList = list
      else dirs.set(dir, (lastList = []))
      lastDir = dir
    }
    lastList.push(e)
  }
  return dirs
}

/** A directory of the map; its files are ranked only when the map first looks at them. */
class Block {
  header: boolean
  shown = 0
  private ranked: RepoFile[] | undefined
  private where: { top: string; sub: string } | undefined
  /** Its name's sort key (nameKey). */
  readonly key: string | undefined

  constructor(
    readonly dir: string, // '' is the root
    private readonly unranked: Entry[],
    private readonly scoreOf: (e: Entry) => number,
    readonly score: number
  ) {
    this.header = dir === ''
    this.key = nameKey(dir)
  }

  get count(): number {
    return this.unranked.length
  }

  /** Its top-level directory, and the subdirectory of that it is in (`name/`, or '.' for the top itself). */
  get place(): { top: string; sub: string } {
    if (!this.where) {
      const first = this.dir.indexOf('/')
      if (first === -1) this.where = { top: this.dir, sub: '.' }
      else {
        const second = this.dir.indexOf('/', first + 1)
        this.where = { top: this.dir.slice(0, first), sub: `${this.dir.slice(first + 1, second === -1 ? undefined : second)}/` }
      }
    }
    return this.where
  }

  /** Best match with the issue first, then README and manifests, then by name. */
  get files(): RepoFile[] {
    if (!this.ranked) {
      const keyed = this.unranked.map((e) => ({ f: e.f, name: e.name, score: this.scoreOf(e), rank: fileRank(e.name) }))
      keyed.sort((a, b) => b.score - a.score || a.rank - b.rank || byName.compare(a.name, b.name))
      this.ranked = keyed.map((k) => k.f)
    }
    return this.ranked
  }
}

/**
 * A ranked, truncated map: root files (README and manifests first), the collapsed
 * per-package files, directories by rank each with its files until the budget runs out,
 * then the names of what did not fit. Never longer than budgetChars; every file is listed,
 * or counted on a line that says where it is.
 */
export function renderRepoMap(files: RepoFile[], budgetChars: number, query = ''): string {
  const budget = Math.max(0, Math.floor(budgetChars))
  const title = `Repository: ${files.length} files (name size; k = KiB, M = MiB)`
  if (files.length === 0 || title.length > budget) return title.slice(0, budget)

  const words = queryWords(query)
  const dirs = directoriesOf(files)
  const match = matcher(dirs, words)
  const { kept, collapsed } = collapseBoilerplate(dirs, words)
  const blocks = rankBlocks(kept, match)
  // Room for the lines that name what did not fit: first a guess, then what they took.
  const guess = fitsWhole(blocks, budget - title.length) ? 0 : Math.floor(budget * 0.3)
  const first = pack(title, blocks, collapsed, budget, guess)
  if (guess === 0) return first.text
  return pack(title, blocks, collapsed, budget, first.namingChars).text
}

/** Whether every block and file fits in `room` characters: stops at the first line past it. */
function fitsWhole(blocks: Block[], room: number): boolean {
  let n = 0
  for (const b of blocks) {
    n += headerLine(b).length + 1
    for (const f of b.files) {
      if (n > room) return false
      n += fileLine(b, f).length + 1
    }
  }
  return n <= room
}

/** One layout of the map with `reserve` characters kept for naming what did not fit. */
function pack(title: string, blocks: Block[], collapsed: Collapsed[], budget: number, reserve: number): { text: string; namingChars: number } {
  for (const b of blocks) {
    b.header = b.dir === ''
    b.shown = 0
  }
  const root = blocks.find((b) => b.dir === '')
  let used = title.length + 1
  const fits = (line: string, limit: number): boolean => {
    if (used + line.length + 1 > limit) return false
    used += line.length + 1
    return true
  }
  // Room kept for the line that counts what is left.
  const footerReserve = footerLine(1e6, blocks.length + collapsed.length).length + 1
  const limit = budget - footerReserve - reserve

  const collapsedShown: string[] = []
  const tryShow = (b: Block, lim: number): boolean => {
    const delta = fileLine(b, b.files[b.shown]!).length + 1 + moreCost(b, b.shown + 1) - moreCost(b, b.shown)
    if (used + delta > lim) return false
    used += delta
    b.shown++
    return true
  }
  const addFiles = (b: Block, cap: number, lim: number): void => {
    while (b.header && b.shown < Math.min(cap, b.count) && tryShow(b, lim)) {
      /* keep adding */
    }
  }
  const addHeaders = (lim: number): void => {
    for (const b of blocks) {
      if (b.header) continue
      if (!fits(headerLine(b), lim)) return // the hidden ones stay a suffix of the ranking
      b.header = true
    }
  }

  if (root) addFiles(root, ROOT_FIRST_PASS, limit)
  for (const c of collapsed) if (fits(c.line, limit)) collapsedShown.push(c.line)
  addHeaders(Math.min(limit, budget / 2))
  for (const b of blocks) addFiles(b, DIR_FIRST_PASS, limit)
  addHeaders(limit)
  for (const b of blocks) addFiles(b, DIR_FIRST_PASS, limit)
  for (const b of blocks) addFiles(b, Infinity, limit)

  // What is left: named by group while there is room, then counted.
  const hidden = blocks.filter((b) => !b.header || (b.dir === '' && b.shown === 0))
  const uncollapsed = collapsed.filter((c) => !collapsedShown.includes(c.line))
  const groups: string[] = []
  const counted = new Set<Block>()
  const beforeNaming = used
  for (const g of hiddenGroups(hidden)) {
    const line = groupLine(g, budget - footerReserve - used - 1)
    if (line !== null && fits(line, budget - footerReserve)) {
      groups.push(line)
      for (const b of g.blocks) counted.add(b)
    }
  }
  const namingChars = used - beforeNaming
  const left = hidden.filter((b) => !counted.has(b))
  const leftFiles = left.reduce((n, b) => n + b.count, 0) + uncollapsed.reduce((n, c) => n + c.files, 0)

  const lines = [title]
  if (root) lines.push(...blockLines(root))
  lines.push(...collapsedShown)
  for (const b of blocks) if (b.dir !== '' && b.header) lines.push(...blockLines(b))
  lines.push(...groups)
  if (leftFiles > 0) lines.push(footerLine(leftFiles, left.length + uncollapsed.length))
  // The accounting above is exact; this only guards the promise never to exceed the budget.
  while (lines.join('\n').length > budget && lines.length > 1) lines.pop()
  return { text: lines.join('\n'), namingChars }
}

// ---------------------------------------------------------------- the issue's words

/** Lower-case words and file names of the issue that could name a path: `keyword.ts`, `babel-parser`. */
export function queryWords(text: string): string[] {
  const out = new Set<string>()
  for (const raw of text.toLowerCase().match(/[a-z0-9_$][a-z0-9_$.\-/]*[a-z0-9_$]/g) ?? []) {
    for (const piece of raw.split('/')) {
      if (piece.length < 3 || STOP_WORDS.has(piece) || /^\d+$/.test(piece)) continue
      out.add(piece)
      const stem = piece.replace(/\.[a-z0-9]+$/, '')
      if (stem !== piece && stem.length >= 3 && !STOP_WORDS.has(stem)) out.add(stem)
    }
  }
  return [...out]
}

/** How strongly a directory and a file name match the issue: rarer words weigh more (idf). */
interface Matcher {
  dir(dir: string): number
  /** 0 for a file whose name holds none of the words. */
  file(e: Entry): number
}

/**
 * Words never hold a '/', so a path holds one exactly when its directory or its name does:
 * the directory is looked at once, not once per file (30,000 files, a few thousand
 * directories), and a segment's terms once however many directories share it (`src`).
 */
function matcher(dirs: Map<string, Entry[]>, words: string[]): Matcher {
  if (words.length === 0) return { dir: () => 0, file: () => 0 }
  const wordSet = new Set(words)
  // Every term of a name is a piece of it: a name that contains no word has no match. The
  // words are ASCII and lower-case, so names are tested as they are and lower-cased on a hit.
  const any = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')
  const counts = new Map<string, number>()
  const bump = (w: string): void => void counts.set(w, (counts.get(w) ?? 0) + 1)
  /** The words a lower-case segment holds. */
  const segmentWords = new Map<string, string[]>()
  /** The words each directory's segments hold, in order, repeats kept (they count for idf). */
  const dirWords = new Map<string, string[]>()
  const wordsOfDir = (dir: string): string[] => {
    let found = dirWords.get(dir)
    if (!found) {
      found = []
      if (any.test(dir)) {
        for (const seg of dir.toLowerCase().split('/')) {
          let hits = segmentWords.get(seg)
          if (!hits) segmentWords.set(seg, (hits = segmentTerms(seg).filter((w) => wordSet.has(w))))
          found.push(...hits)
        }
      }
      dirWords.set(dir, found)
    }
    return found
  }
  /** The words a file's name holds, and its lower-case name; only names that hold one. */
  const nameWords = new Map<Entry, { lower: string; hits: string[] }>()
  for (const [dir, list] of dirs) {
    // A directory's words count once.
    for (const w of wordsOfDir(dir)) bump(w)
    for (const e of list) {
      if (!any.test(e.name)) continue
      const lower = e.name.toLowerCase()
      const hits = nameTerms(lower).filter((w) => wordSet.has(w))
      nameWords.set(e, { lower, hits })
      for (const w of hits) bump(w)
    }
  }
  const weight = (w: string): number => 40 / (1 + Math.log2(counts.get(w) ?? 1))
  const fileScores = new Map<Entry, number>()
  return {
    dir: (dir) => {
      let s = 0
      for (const w of new Set(wordsOfDir(dir))) s += weight(w)
      return s
    },
    // A whole file name (`keyword.ts`) counts twice its stem (`keyword`).
    file: (e) => {
      const found = nameWords.get(e)
      if (!found) return 0
      let s = fileScores.get(e)
      if (s === undefined) {
        s = 0
        for (const w of found.hits) s += (w === found.lower ? 2 : 1) * weight(w)
        fileScores.set(e, s)
      }
      return s
    }
  }
}

/** `keyword.ts` → keyword.ts, keyword; `validator-identifier.js` adds its parts. */
function nameTerms(name: string): string[] {
  const stem = name.replace(/\.[^.]+$/, '')
  return [...new Set([name, stem, ...stem.split(/[-_.]/).filter((p) => p.length >= 4)])]
}

function segmentTerms(seg: string): string[] {
  return [...new Set([seg, ...seg.split(/[-_.]/).filter((p) => p.length >= 4)])]
}

// ---------------------------------------------------------------- ranking

/** Root first, then directories by rank, files ranked inside each. */
function rankBlocks(dirs: Map<string, Entry[]>, match: Matcher): Block[] {
  const blocks: Block[] = []
  for (const [dir, list] of dirs) {
    // The best file's score now; each file's rank and order only if the map shows this directory.
    let best = 0
    for (const e of list) best = Math.max(best, match.file(e))
    blocks.push(new Block(dir, list, match.file, dir === '' ? Infinity : dirScore(dir, list.length) + match.dir(dir) + best))
  }
  return blocks.sort((a, b) => b.score - a.score || compareNames(a.dir, a.key, b.dir, b.key))
}

/**
 * Code above tests above everything rarely changed; within a kind, shallower and larger
 * first (a package's big src/ is more often where a change goes than a one-file helper).
 */
export function dirScore(dir: string, files = 1): number {
  const parts = dir.toLowerCase().split('/')
  const s = -4 * parts.length
  let test = false
  let code = false
  for (const p of parts) {
    if (LOW_DIRS.has(p)) return s - 60
    if (TEST_DIRS.has(p)) test = true
    else if (CODE_DIRS.has(p)) code = true
  }
  return s + (test ? -15 : code ? 20 : 0) + 1.5 * Math.log2(1 + files)
}

function fileRank(name: string): number {
  const i = FIRST.findIndex((re) => re.test(name))
  if (i !== -1) return i
  if (MANIFEST_NAME.test(name) || /\.(csproj|sln)$/i.test(name)) return FIRST.length
  return FIRST.length + 1
}

// ---------------------------------------------------------------- per-package boilerplate

interface Collapsed {
  line: string
  files: number
}

/**
 * In a directory with many packages (packages/*, crates/*), the file names most of them
 * have at their top (README.md, package.json, tsconfig.json) become one line, unless the
 * issue names one of them.
 */
function collapseBoilerplate(dirs: Map<string, Entry[]>, words: string[]): { kept: Map<string, Entry[]>; collapsed: Collapsed[] } {
  // parent -> child -> the files directly in the child, for directories at least two deep
  // (parent/child), in the order the listing first names them.
  const tree = new Map<string, Map<string, Entry[]>>()
  for (const [dir, list] of dirs) {
    const cut = dir.lastIndexOf('/')
    if (cut <= 0) continue
    const parent = dir.slice(0, cut)
    let children = tree.get(parent)
    if (!children) tree.set(parent, (children = new Map()))
    children.set(dir.slice(cut + 1), list)
  }
  const named = new Set(words)
  /** directory -> the names dropped from it */
  const drop = new Map<string, Set<string>>()
  const collapsed: Collapsed[] = []
  for (const [parent, children] of tree) {
    if (children.size < MIN_PACKAGES) continue
    // Packages, not cases: most children carry a manifest of their own.
    let packages = 0
    for (const list of children.values()) if (list.some((e) => MANIFEST_NAME.test(e.name))) packages++
    if (packages < children.size / 2) continue
    // A directory holds a name once: counting files counts directories.
    const tally = new Map<string, number>()
    for (const list of children.values()) for (const e of list) tally.set(e.name, (tally.get(e.name) ?? 0) + 1)
    const common = [...tally]
      .filter(([n, c]) => c >= Math.max(MIN_PACKAGES, children.size / 2) && !named.has(n.toLowerCase()))
      .map(([n]) => n)
      .sort((a, b) => fileRank(a) - fileRank(b) || byName.compare(a, b))
    if (common.length === 0) continue
    let count = 0
    let dirCount = 0
    for (const [child, list] of children) {
      const names = new Set(list.map((e) => e.name))
      const here = common.filter((n) => names.has(n))
      if (here.length === 0) continue
      dirCount++
      count += here.length
      drop.set(`${parent}/${child}`, new Set(here))
    }
    collapsed.push({ line: `${clean(parent)}/*/: ${count} files named ${common.map(clean).join(', ')} (in ${dirCount} of its ${children.size} directories)`, files: count })
  }
  if (drop.size === 0) return { kept: dirs, collapsed }
  const kept = new Map<string, Entry[]>()
  for (const [dir, list] of dirs) {
    const dropped = drop.get(dir)
    const left = dropped ? list.filter((e) => !dropped.has(e.name)) : list
    if (left.length > 0) kept.set(dir, left)
  }
  return { kept, collapsed }
}

// ---------------------------------------------------------------- what did not fit

interface Group {
  key: string
  blocks: Block[]
  files: number
  /** Subdirectory names under key holding hidden files, best first. */
  subdirs: string[]
}

/** Hidden directories grouped under their top-level directory, the best-ranked group first. */
function hiddenGroups(hidden: Block[]): Group[] {
  const groups = new Map<string, Group & { best: number; subScore: Map<string, number> }>()
  for (const b of hidden) {
    if (b.dir === '') continue
    const { top: key, sub } = b.place
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, blocks: [], files: 0, subdirs: [], best: -Infinity, subScore: new Map() }))
    g.blocks.push(b)
    g.files += b.count
    g.best = Math.max(g.best, b.score)
    g.subScore.set(sub, Math.max(g.subScore.get(sub) ?? -Infinity, b.score))
  }
  return [...groups.values()]
    .sort((a, b) => b.best - a.best || byName.compare(a.key, b.key))
    .map((g) => ({
      ...g,
      subdirs: [...g.subScore]
        .map(([sub, score]) => ({ sub, score, key: nameKey(sub) }))
        .sort((a, b) => b.score - a.score || compareNames(a.sub, a.key, b.sub, b.key))
        .map((x) => x.sub)
    }))
}

/** `packages/: 900 more files in babel-{cli, core, …}/ and 12 more directories`, within room. */
function groupLine(g: Group, room: number): string | null {
  const head = `${clean(g.key)}/: ${g.files} more files in `
  const names = g.subdirs.filter((s) => s !== '.').map((s) => clean(s.slice(0, -1)))
  const here = g.subdirs.includes('.') ? 1 : 0
  if (names.length === 0) {
    const line = `${clean(g.key)}/: ${g.files} more files in ${clean(g.key)}/ itself`
    return line.length <= room ? line : null
  }
  // Sibling packages often share a prefix (babel-, @scope-): say it once.
  const prefix = sharedPrefix(names)
  const short = names.map((n) => n.slice(prefix.length))
  const lineWith = (k: number): string => {
    const rest = short.length - k + here
    const list = prefix ? `${prefix}{${short.slice(0, k).join(', ')}}/` : short.slice(0, k).map((n) => `${n}/`).join(', ')
    return head + list + (rest > 0 ? ` and ${rest} more director${rest === 1 ? 'y' : 'ies'}` : '')
  }
  // As many names as the room takes, best-ranked first.
  let best: string | null = null
  for (let k = 1; k <= short.length; k++) {
    const line = lineWith(k)
    if (line.length > room) break
    best = line
  }
  return best
}

function sharedPrefix(names: string[]): string {
  if (names.length < 3) return ''
  let p = names[0]!
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1)
  const cut = Math.max(p.lastIndexOf('-'), p.lastIndexOf('_'), p.lastIndexOf('.'))
  return cut >= 2 ? p.slice(0, cut + 1) : ''
}

// ---------------------------------------------------------------- lines

function blockLines(b: Block): string[] {
  const lines: string[] = []
  if (b.dir !== '') lines.push(headerLine(b))
  for (const f of b.files.slice(0, b.shown)) lines.push(fileLine(b, f))
  const more = moreLine(b, b.shown)
  if (more !== null) lines.push(more)
  return lines
}

function headerLine(b: Block): string {
  return `${clean(b.dir)}/ (${b.count} file${b.count === 1 ? '' : 's'})`
}

function fileLine(b: Block, f: RepoFile): string {
  const size = f.bytes === null ? '' : ` ${formatSize(f.bytes)}`
  return `${b.dir === '' ? '' : '  '}${clean(path.posix.basename(f.path))}${size}`
}

/** "… N more files", for a directory that shows some of its files but not all. */
function moreLine(b: Block, shown: number): string | null {
  const more = b.count - shown
  if (shown === 0 || more <= 0) return null
  return b.dir === '' ? `… ${more} more files at the root` : `  … ${more} more files under ${clean(b.dir)}/`
}

function moreCost(b: Block, shown: number): number {
  const line = moreLine(b, shown)
  return line === null ? 0 : line.length + 1
}

function footerLine(files: number, dirs: number): string {
  return `… ${files} more files in ${dirs} director${dirs === 1 ? 'y' : 'ies'} not listed`
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
