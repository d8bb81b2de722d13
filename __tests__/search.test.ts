// search through git grep and bounded globs, tried as an attacker would: a test command
// can rewrite .git/config before the drafter's next search, and a model chooses the glob.
import { execFileSync } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gitGrep } from '../src/workspace/git-grep'
import { GLOB_MAX_WILDCARDS } from '../src/workspace/glob'
import type { PathRules } from '../src/workspace/paths'
import { WorkspaceTools, type ToolOutcome } from '../src/workspace/tools'

const CHANGES: PathRules = { mode: 'changes', protectedGlobs: ['.github/workflows/**'], testGlobs: [] }

let base: string
let root: string

const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' })
async function write(rel: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true })
  await fs.writeFile(path.join(root, rel), content)
}
const tools = (): WorkspaceTools => new WorkspaceTools({ root, rules: CHANGES })
function ok(o: ToolOutcome): string {
  if (o.isError) throw new Error(`tool failed: ${o.content}`)
  return o.content
}

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'draft-review-search-'))
  root = path.join(base, 'repo')
  await fs.mkdir(root)
  git('init', '-q')
  await write('.gitignore', 'ignored/\n.env\n')
  await write('src/tracked.ts', 'const needle = 1\n')
  await write('ignored/build.js', 'const needle = "built"\n')
  await write('.env', 'needle=sk-live-secret\n')
  await write('img.bin', Buffer.from('needle\0\0binary'))
  git('add', 'src/tracked.ts', '.gitignore', 'img.bin')
  await write('src/untracked.ts', 'let needle = 2\n')
})
afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true })
})

test('git grep proposes what git tracks or would track: tracked and untracked files, no ignored or binary ones', async () => {
  const grep = await gitGrep(root, 'needle', '', { maxLines: 100, timeoutMs: 5000 })
  expect(grep?.lines.map((l) => `${l.path}:${l.line}`).sort()).toEqual(['src/tracked.ts:1', 'src/untracked.ts:1'])
  expect(ok(await tools().run('search', { pattern: 'needle', path: null, glob: null })).split('\n').sort()).toEqual([
    'src/tracked.ts:1: const needle = 1',
    'src/untracked.ts:1: let needle = 2'
  ])
})

test("the JavaScript regex has the last word: PCRE's candidates are checked, and a pattern PCRE refuses falls back to the scan", async () => {
  await write('src/x.ts', 'xZy\nx y\n')
  // [^] is "any character" in JavaScript and an unclosed class to PCRE.
  expect(await gitGrep(root, 'x[^]y', '', { maxLines: 100, timeoutMs: 5000 })).toBeNull()
  expect(ok(await tools().run('search', { pattern: 'x[^]y', path: 'src', glob: null }))).toBe('src/x.ts:1: xZy\nsrc/x.ts:2: x y')
  // A path and a glob narrow git's answer the same way they narrow the scan.
  expect(ok(await tools().run('search', { pattern: 'needle', path: 'src', glob: 'untracked.*' }))).toBe('src/untracked.ts:1: let needle = 2')
})

test('a test command that rewrote .git/config cannot point the search outside the workspace, run a program, or garble the output', async () => {
  const outside = path.join(base, 'outside')
  await fs.mkdir(outside)
  await fs.writeFile(path.join(outside, 'stolen.txt'), 'needle from outside\n')
  const canary = path.join(base, 'fsmonitor-ran')
  const hook = path.join(base, 'hook.sh')
  await fs.writeFile(hook, `#!/bin/sh\ntouch ${canary}\n`, { mode: 0o755 })
  git('config', 'core.worktree', outside)
  git('config', 'core.fsmonitor', hook)
  git('config', 'grep.column', 'true')
  git('config', 'grep.patternType', 'fixed')
  git('config', 'grep.lineNumber', 'false')
  git('config', 'color.grep', 'always')
  const out = ok(await tools().run('search', { pattern: 'need+le', path: null, glob: null }))
  expect(out.split('\n').sort()).toEqual(['src/tracked.ts:1: const needle = 1', 'src/untracked.ts:1: let needle = 2'])
  expect(out).not.toContain('outside')
  expect(existsSync(canary)).toBe(false)
})

test('a glob with too many wildcards is refused at once, and a slow one stops at the time limit', async () => {
  // A 240-character file name: the kind of path segment a backtracking glob chokes on.
  const deep = `long/${'a'.repeat(240)}.txt`
  await write(deep, 'needle\n')
  const t = tools()
  const frozen = `${'*?'.repeat(15)}X`
  for (const [tool, args] of [
    ['list_files', { path: null, pattern: frozen }],
    ['search', { pattern: 'needle', path: null, glob: frozen }]
  ] as const) {
    const started = Date.now()
    const out = await t.run(tool, args as never)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(out.isError).toBe(true)
    expect(out.content).toMatch(new RegExp(`glob has 30 wildcards; at most ${GLOB_MAX_WILDCARDS}`))
  }
  expect((await t.run('list_files', { path: null, pattern: 'x'.repeat(201) })).content).toMatch(/at most 200/)
  // Within the bounds but still exponential on that name: the worker is stopped.
  const slow = `${'*a'.repeat(6)}X`
  const started = Date.now()
  const out = await t.run('list_files', { path: null, pattern: slow })
  expect(Date.now() - started).toBeLessThan(5000)
  expect(out.isError).toBe(true)
  expect(out.content).toMatch(/ran over its time limit/)
  // Ordinary globs still work, and the tools work after a stopped one.
  expect(ok(await t.run('list_files', { path: null, pattern: '**/*.txt' }))).toBe(`1 file in the repository matching **/*.txt:\n${deep}`)
})
