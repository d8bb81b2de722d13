import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildRepoMap, renderRepoMap, type RepoFile } from '../src/workspace/repo-map'
import { nameKey } from '../src/workspace/repo-map-render'
import { babelShapedMonorepo, MONOREPO_PACKAGES } from './fixtures/monorepo'

/** 5,000 paths spread over a realistic tree, with the manifests buried in the middle. */
function generated(): RepoFile[] {
  const files: RepoFile[] = []
  const areas = ['src', 'lib', 'tests', 'docs', 'packages/core/src', 'packages/cli/src', 'vendor/dep', 'dist']
  for (let i = 0; files.length < 4995; i++) {
    const area = areas[i % areas.length] as string
    const dir = i % 10 === 0 ? area : `${area}/mod${i % 6}`
    files.push({ path: `${dir}/file${i}.ts`, bytes: (i * 97) % 300_000 })
  }
  files.splice(2500, 0, { path: 'package.json', bytes: 1234 }, { path: 'README.md', bytes: 5000 })
  files.push({ path: 'zeta.txt', bytes: 10 }, { path: '.gitignore', bytes: 20 }, { path: 'packages/core/package.json', bytes: 300 })
  return files
}

/** Every file is accounted for: listed by name, counted by a "… N more" line, or by a header that lists none. */
function accountedFor(map: string): number {
  let n = 0
  const lines = map.split('\n').slice(1)
  lines.forEach((line, i) => {
    const more = /^\s*… (\d+) more files/.exec(line)
    const header = /\/ \((\d+) files?\)$/.exec(line)
    // Per-package files on one line; directories named, not listed, by group.
    const collapsed = /^\S+\/\*\/: (\d+) files named /.exec(line)
    const group = /^\S+\/: (\d+) more files in /.exec(line)
    if (collapsed) n += Number(collapsed[1])
    else if (group) n += Number(group[1])
    else if (more) n += Number(more[1])
    else if (header) n += lines[i + 1]?.startsWith('  ') ? 0 : Number(header[1])
    else n++
  })
  return n
}

describe('renderRepoMap', () => {
  const files = generated()

  it('keeps 5,000 paths within the budget, README and package.json first', () => {
    const map = renderRepoMap(files, 6000)
    expect(map.length).toBeLessThanOrEqual(6000)
    expect(map.length).toBeGreaterThan(5000) // the budget is used, not wasted
    const lines = map.split('\n')
    expect(lines[0]).toBe('Repository: 5000 files (name size; k = KiB, M = MiB)')
    expect(lines[1]).toMatch(/^README\.md 4\.9k$/)
    expect(lines[2]).toBe('package.json 1.2k')
    expect(lines.slice(3, 5)).toEqual(['.gitignore 20', 'zeta.txt 10'])
    expect(map).toMatch(/… \d+ more files under [\w/]+\/$/m)
    expect(map).not.toContain('not listed') // every directory is named at this budget
    expect(accountedFor(map)).toBe(5000)
    const small = renderRepoMap(files, 1000)
    expect(small.length).toBeLessThanOrEqual(1000)
    // What does not fit is named by group (the top directory and its subdirectories), or counted.
    expect(small).toMatch(/\n(… \d+ more files in \d+ directories not listed|\S+\/: \d+ more files in \S.*)$/)
    expect(accountedFor(small)).toBe(5000)
  })

  it('orders directories by where code lives: src and lib first, tests next, docs, vendored and built code last', () => {
    const map = renderRepoMap(files, 20_000)
    const at = (line: string): number => map.split('\n').findIndex((l) => l.startsWith(line))
    expect(at('src/ (')).toBeGreaterThan(0)
    expect(at('src/ (')).toBeLessThan(at('src/mod0/'))
    expect(at('lib/mod1/')).toBeLessThan(at('tests/ ('))
    expect(at('packages/cli/src/mod1/')).toBeLessThan(at('tests/mod0/'))
    // Shown, and above a lower-ranked one, or the lower-ranked one only named at the end.
    const above = (a: string, b: string): boolean => at(a) > 0 && (at(b) === -1 || at(a) < at(b))
    expect(above('tests/mod0/', 'docs/mod1/')).toBe(true)
    for (const low of ['docs/mod1/', 'vendor/dep/ (', 'dist/mod1/']) expect(above('tests/mod4/', low)).toBe(true)
    expect(map).toContain('\n  package.json 300\n')
  })

  it('never exceeds the budget and always accounts for every file', () => {
    for (const budget of [0, 1, 10, 52, 53, 80, 100, 101, 250, 999, 3000, 6000, 12_345, 50_000]) {
      const map = renderRepoMap(files, budget)
      expect(map.length).toBeLessThanOrEqual(budget)
      if (map.includes('\n')) expect(accountedFor(map)).toBe(5000)
    }
    let seed = 7
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    for (let round = 0; round < 200; round++) {
      const some = files.filter(() => rand(50) === 0)
      const budget = rand(4000)
      const map = renderRepoMap(some, budget)
      expect(map.length).toBeLessThanOrEqual(budget)
      if (map.includes('\n')) expect(accountedFor(map)).toBe(some.length)
    }
  })

  it('lists a small repository whole, with sizes', () => {
    const map = renderRepoMap(
      [
        { path: 'src/index.ts', bytes: 1229 },
        { path: 'Cargo.toml', bytes: 800 },
        { path: 'assets/big.bin', bytes: 3 * 1024 * 1024 },
        { path: 'src/util/mod.rs', bytes: 20_000 }
      ],
      6000
    )
    expect(map).toBe(
      [
        'Repository: 4 files (name size; k = KiB, M = MiB)',
        'Cargo.toml 800',
        'src/ (1 file)',
        '  index.ts 1.2k',
        'src/util/ (1 file)',
        '  mod.rs 20k',
        'assets/ (1 file)',
        '  big.bin 3.0M'
      ].join('\n')
    )
  })

  it('handles an empty repository and hostile names', () => {
    expect(renderRepoMap([], 100)).toBe('Repository: 0 files (name size; k = KiB, M = MiB)')
    expect(renderRepoMap([{ path: 'a\nb.txt', bytes: 1 }], 100).split('\n')).toHaveLength(2)
  })
})

describe('renderRepoMap on a monorepo shaped like babel (150 packages, ~25k files)', () => {
  const files = babelShapedMonorepo()
  const issue = 'isStrictReservedWord() in keyword.ts treats `await` as reserved in scripts\n\nIt should only be reserved in modules.'

  it("finds the way to the issue's file: keyword.ts's directory is in the map, with the file", () => {
    const map = renderRepoMap(files, 6000, issue)
    expect(map.length).toBeLessThanOrEqual(6000)
    expect(accountedFor(map)).toBe(files.length)
    expect(map).toContain('\npackages/babel-helper-validator-identifier/src/ (3 files)\n  keyword.ts 3.9k\n')
    // Without the issue's words, the same directory is not singled out.
    expect(renderRepoMap(files, 6000)).not.toContain('packages/babel-helper-validator-identifier/src/ (3 files)\n  keyword.ts')
  })

  it("ranks where the code lives above fixtures, docs and benchmarks, and collapses each package's boilerplate into one line", () => {
    const map = renderRepoMap(files, 6000)
    const lines = map.split('\n')
    const headers = lines.filter((l) => /^\S.*\/ \(\d+ files?\)$/.test(l))
    expect(headers.length).toBeGreaterThan(20)
    // Every directory shown is code: not one of the 24,000 fixture files pushed a src/ out.
    expect(headers.filter((h) => /fixtures|^doc\/|^benchmark\//.test(h))).toEqual([])
    expect(headers.filter((h) => h.includes('/src/')).length).toBeGreaterThan(20)
    expect(map).toContain('\npackages/*/: 600 files named README.md, package.json, tsconfig.json, .npmignore (in 150 of its 150 directories)\n')
    expect(lines.filter((l) => /^\s*(README\.md|package\.json|tsconfig\.json|\.npmignore) /.test(l))).toEqual(['README.md 2.9k', 'package.json 2.9k', 'tsconfig.json 2.9k'])
    // The packages that did not fit are named (babel-{...}), not just counted.
    const group = lines.find((l) => l.startsWith('packages/: '))!
    expect(group).toMatch(/^packages\/: \d+ more files in babel-\{/)
    const named = MONOREPO_PACKAGES.filter((p) => map.includes(`packages/${p}/`) || group.includes(p.replace(/^babel-/, '')))
    expect(named.length).toBeGreaterThan(100)
  })

  it('a webpack-like tree: .changeset/ and examples/ come after lib/', () => {
    const webpack: RepoFile[] = [
      ...Array.from({ length: 400 }, (_, i) => ({ path: `.changeset/change-${i}.md`, bytes: 200 })),
      ...Array.from({ length: 30 }, (_, e) => Array.from({ length: 12 }, (_, i) => ({ path: `examples/example-${e}/file-${i}.js`, bytes: 300 }))).flat(),
      ...Array.from({ length: 300 }, (_, i) => ({ path: `lib/${['', 'optimize/', 'dependencies/', 'javascript/'][i % 4]}Module${i}.js`, bytes: 5000 })),
      { path: 'package.json', bytes: 3000 }
    ]
    const map = renderRepoMap(webpack, 6000)
    const at = (prefix: string): number => map.split('\n').findIndex((l) => l.startsWith(prefix))
    for (const code of ['lib/ (', 'lib/optimize/ (', 'lib/dependencies/ (']) expect(at(code)).toBeGreaterThan(0)
    expect(at('.changeset/ (') === -1 || at('.changeset/ (') > at('lib/javascript/ (')).toBe(true)
    expect(at('examples/example-0/ (') === -1 || at('examples/example-0/ (') > at('lib/javascript/ (')).toBe(true)
  })

  it('the words of an issue, as the map reads them', async () => {
    const { queryWords } = await import('../src/workspace/repo-map-render')
    expect(queryWords('Fix `isKeyword` in packages/babel-helper-validator-identifier/src/keyword.ts for the "await" case')).toEqual(
      expect.arrayContaining(['iskeyword', 'babel-helper-validator-identifier', 'keyword.ts', 'keyword', 'await'])
    )
    expect(queryWords('the and for with should 123')).toEqual([])
  })
})

describe('buildRepoMap', () => {
  let root: string

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'draft-review-map-'))
    execFileSync('git', ['init', '-q'], { cwd: root })
    const dirs = new Set<string>()
    const paths: string[] = []
    for (let i = 0; i < 4996; i++) {
      const p = `src/area${i % 20}/sub${i % 9}/file${i}.ts`
      paths.push(p)
      dirs.add(path.dirname(p))
    }
    for (const d of [...dirs, 'build']) await fs.mkdir(path.join(root, d), { recursive: true })
    await Promise.all(paths.map((p, i) => fs.writeFile(path.join(root, p), 'x'.repeat(i % 2000))))
    await fs.writeFile(path.join(root, 'README.md'), '# r\n')
    await fs.writeFile(path.join(root, 'package.json'), '{}\n')
    await fs.writeFile(path.join(root, '.gitignore'), 'build/\n')
    await fs.writeFile(path.join(root, 'index.ts'), '')
    await fs.writeFile(path.join(root, 'build/out.js'), 'ignored')
  })

  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true })
  })

  it('maps a 5,000-file git repository quickly, without ignored files', async () => {
    await buildRepoMap(root) // warm up (module loading, file system caches)
    const started = performance.now()
    const map = await buildRepoMap(root)
    const ms = performance.now() - started
    console.log(`buildRepoMap: 5,000 files in ${ms.toFixed(0)} ms (${map.length} chars)`)
    expect(map.length).toBeLessThanOrEqual(6000)
    const lines = map.split('\n')
    expect(lines[0]).toBe('Repository: 5000 files (name size; k = KiB, M = MiB)')
    expect(lines.slice(1, 3)).toEqual(['README.md 4', 'package.json 3'])
    expect(map).not.toContain('out.js')
    expect((await buildRepoMap(root, 500)).length).toBeLessThanOrEqual(500)
  })
})

describe('nameKey', () => {
  it('orders names exactly as Intl.Collator (en, numeric) does, and declines the names it cannot', () => {
    const collator = new Intl.Collator('en', { numeric: true })
    // A small seeded generator: the same 4,000 names on every run.
    let seed = 7
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n)
    const alphabet = 'ab_-./0123456789z'
    const names = new Set<string>(['', '.', 'a', 'a0', 'a1', 'a9', 'a10', 'a-b', 'a_b', 'a.b', 'a/b', 'ab', 'mod2', 'mod10', 'packages/babel-core/'])
    while (names.size < 4000) names.add(Array.from({ length: 1 + next(9) }, () => alphabet[next(alphabet.length)]).join(''))
    const keyed = [...names].filter((n) => nameKey(n) !== undefined)
    expect(keyed.length).toBeGreaterThan(2500)
    const sign = (x: number): number => Math.sign(x)
    for (let i = 0; i < 20_000; i++) {
      const a = keyed[next(keyed.length)]!
      const b = keyed[next(keyed.length)]!
      const ka = nameKey(a)!
      const kb = nameKey(b)!
      expect([a, b, sign(ka < kb ? -1 : ka > kb ? 1 : 0)]).toEqual([a, b, sign(collator.compare(a, b))])
    }
    // Upper case, other characters and numbers with a leading zero go to the collator.
    for (const n of ['README.md', 'a01', 'x00', 'ä', 'a b', `n${'9'.repeat(95)}`]) expect([n, nameKey(n)]).toEqual([n, undefined])
    // A lone zero is a number like any other.
    expect(nameKey('0')).toBeDefined()
  })
})
