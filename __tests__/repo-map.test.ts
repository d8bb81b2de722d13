import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildRepoMap, renderRepoMap, type RepoFile } from '../src/workspace/repo-map'

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
    if (more) n += Number(more[1])
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
    expect(small).toMatch(/\n… \d+ more files in \d+ directories not listed$/)
    expect(accountedFor(small)).toBe(5000)
  })

  it('orders directories by depth, with vendored and built code last', () => {
    const map = renderRepoMap(files, 20_000)
    const at = (line: string): number => map.split('\n').findIndex((l) => l.startsWith(line))
    expect(at('docs/mod1/')).toBeGreaterThan(0)
    expect(at('docs/mod1/')).toBeLessThan(at('packages/cli/src/mod1/'))
    expect(at('packages/cli/src/mod1/')).toBeLessThan(at('dist/mod1/'))
    expect(at('docs/ (')).toBeLessThan(at('docs/mod1/'))
    expect(at('packages/core/ (1 file)')).toBeLessThan(at('packages/core/src/mod0/'))
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
        'assets/ (1 file)',
        '  big.bin 3.0M',
        'src/ (1 file)',
        '  index.ts 1.2k',
        'src/util/ (1 file)',
        '  mod.rs 20k'
      ].join('\n')
    )
  })

  it('handles an empty repository and hostile names', () => {
    expect(renderRepoMap([], 100)).toBe('Repository: 0 files (name size; k = KiB, M = MiB)')
    expect(renderRepoMap([{ path: 'a\nb.txt', bytes: 1 }], 100).split('\n')).toHaveLength(2)
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
