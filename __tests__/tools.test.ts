import { jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { PathRules } from '../src/workspace/paths'
import { WorkspaceTools, type ToolOutcome } from '../src/workspace/tools'
import { TrackedFiles } from '../src/workspace/tracked'

const TEST_GLOBS = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', 'test/**', 'tests/**', 'spec/**']
const CHANGES: PathRules = { mode: 'changes', protectedGlobs: ['.github/workflows/**'], testGlobs: TEST_GLOBS }
const SECRET = 'top secret outside the workspace\n'

let base: string
let root: string
let outside: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' })
}

async function write(rel: string, content: string | Buffer): Promise<void> {
  const abs = path.join(root, rel)
  await fs.mkdir(path.dirname(abs), { recursive: true })
  await fs.writeFile(abs, content)
}

function tools(rules: PathRules = CHANGES, extra: { maxFileBytes?: number; redact?: (t: string) => string } = {}): WorkspaceTools {
  return new WorkspaceTools({ root, rules, ...extra })
}

function expectError(outcome: ToolOutcome, pattern: RegExp): void {
  expect(outcome.content).toMatch(pattern)
  expect(outcome.isError).toBe(true)
}

function expectOk(outcome: ToolOutcome): string {
  if (outcome.isError) throw new Error(`tool failed: ${outcome.content}`)
  return outcome.content
}

beforeEach(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'draft-review-tools-'))
  root = path.join(base, 'repo')
  outside = path.join(base, 'outside')
  await fs.mkdir(root)
  await fs.mkdir(outside)
  await fs.writeFile(path.join(outside, 'secret.txt'), SECRET)
  git(root, 'init', '-q')
  await write('README.md', '# demo\n')
  await write('src/a.ts', 'export const a = 1\nexport const b = 2\n')
  await write('.github/workflows/ci.yml', 'on: push\n')
  await write('.gitignore', 'ignored/\n*.log\n')
  await write('ignored/hidden.ts', 'export const hidden = 1\n')
  await write('debug.log', 'noise\n')
})

afterEach(async () => {
  await fs.rm(base, { recursive: true, force: true })
})

describe('refusals', () => {
  it('refuses a symlink to a file outside the workspace, for reads and writes', async () => {
    await fs.symlink(path.join(outside, 'secret.txt'), path.join(root, 'leak.txt'))
    const t = tools()
    expectError(await t.run('read_file', { path: 'leak.txt', start_line: null, end_line: null }), /leak\.txt resolves outside the repository \(symlink\)/)
    expectError(await t.run('write_file', { path: 'leak.txt', content: 'pwned' }), /resolves outside the repository/)
    expectError(await t.run('edit_file', { path: 'leak.txt', old_string: 'top', new_string: 'pwned', replace_all: null }), /resolves outside/)
    expectError(await t.run('delete_file', { path: 'leak.txt' }), /resolves outside/)
    expectError(await t.run('search', { pattern: 'secret', path: 'leak.txt', glob: null }), /resolves outside/)
    // A whole-repository search skips the link instead of following it.
    expect(expectOk(await t.run('search', { pattern: 'secret', path: null, glob: null }))).not.toContain('top secret')
    expect(await fs.readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(SECRET)
    expect(existsSync(path.join(root, 'leak.txt'))).toBe(true)
    expect(t.touched()).toEqual([])
  })

  it('refuses a symlinked directory that points outside', async () => {
    await fs.symlink(outside, path.join(root, 'outdir'))
    const t = tools()
    expectError(await t.run('read_file', { path: 'outdir/secret.txt' }), /outdir\/secret\.txt resolves outside the repository \(symlink\)/)
    expectError(await t.run('write_file', { path: 'outdir/new.txt', content: 'x' }), /resolves outside/)
    expectError(await t.run('write_file', { path: 'outdir/deeper/new.txt', content: 'x' }), /resolves outside/)
    expectError(await t.run('list_files', { path: 'outdir', pattern: null }), /resolves outside/)
    expectError(await t.run('search', { pattern: 'secret', path: 'outdir', glob: null }), /resolves outside/)
    expect(await fs.readdir(outside)).toEqual(['secret.txt'])
  })

  it('refuses writing through a dangling symlink, which would create its target', async () => {
    await fs.symlink(path.join(outside, 'created.txt'), path.join(root, 'dangling.txt'))
    await fs.symlink(path.join(outside, 'newdir'), path.join(root, 'danglingdir'))
    const t = tools()
    expectError(await t.run('write_file', { path: 'dangling.txt', content: 'x' }), /symlink whose target does not exist/)
    expectError(await t.run('write_file', { path: 'danglingdir/a.txt', content: 'x' }), /symlink whose target does not exist/)
    expect(await fs.readdir(outside)).toEqual(['secret.txt'])
  })

  it('a file the listing showed is read without asking git, yet one that becomes ignored, or a listed link to an ignored file, is refused', async () => {
    await write('notes.txt', 'untracked, not ignored\n')
    await fs.symlink('ignored/hidden.ts', path.join(root, 'shortcut.ts'))
    const t = tools()
    const listed = expectOk(await t.run('list_files', { path: null, pattern: null }))
    expect(listed).toContain('notes.txt')
    expect(listed).toContain('shortcut.ts')
    const asked = jest.spyOn(TrackedFiles.prototype, 'git')
    try {
      expect(expectOk(await t.run('read_file', { path: 'notes.txt' }))).toContain('untracked, not ignored')
      expect(asked.mock.calls.map(([args]) => args[0])).not.toContain('check-ignore')
    } finally {
      asked.mockRestore()
    }
    // The link is listed; what it points to is not, and is refused by name.
    expectError(await t.run('read_file', { path: 'shortcut.ts' }), /shortcut\.ts is a symlink to ignored\/hidden\.ts, and ignored\/hidden\.ts is ignored by git/)
    // The drafter ignores the file: the listing it was read through is no longer trusted.
    expectOk(await t.run('write_file', { path: '.gitignore', content: 'ignored/\n*.log\nnotes.txt\n' }))
    expectError(await t.run('read_file', { path: 'notes.txt' }), /notes\.txt is ignored by git \(\.gitignore:3: notes\.txt\)/)
  })

  it('refuses symlinks into .git and into protected paths', async () => {
    await fs.symlink(path.join(root, '.git'), path.join(root, 'gitdir'))
    await fs.symlink(path.join(root, '.github', 'workflows'), path.join(root, 'wf'))
    await fs.symlink(path.join(root, '.github', 'workflows', 'ci.yml'), path.join(root, 'innocent.yml'))
    const t = tools()
    expectError(await t.run('read_file', { path: 'gitdir/config' }), /resolves into \.git \(symlink\)/)
    expectError(await t.run('write_file', { path: 'gitdir/hooks/pre-commit', content: '#!/bin/sh\n' }), /resolves into \.git/)
    expectError(await t.run('write_file', { path: 'wf/ci.yml', content: 'on: pull_request\n' }), /is protected \(protected-paths: \.github\/workflows\/\*\*\)/)
    expectError(await t.run('write_file', { path: 'innocent.yml', content: 'x' }), /innocent\.yml is a symlink to \.github\/workflows\/ci\.yml, and .* is protected/)
    expectError(await t.run('edit_file', { path: 'innocent.yml', old_string: 'push', new_string: 'x' }), /is protected/)
    expect(expectOk(await t.run('read_file', { path: 'innocent.yml' }))).toContain('on: push')
    expect(existsSync(path.join(root, '.git', 'hooks', 'pre-commit'))).toBe(false)
    expect(await fs.readFile(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toBe('on: push\n')
  })

  it.each(['../x', 'a/../../x', '/etc/passwd'])('refuses %j for reads and writes', async (p) => {
    const t = tools()
    expectError(await t.run('read_file', { path: p }), /outside the repository|absolute paths are not allowed/)
    expectError(await t.run('write_file', { path: p, content: 'x' }), /outside the repository|absolute paths are not allowed/)
    expect(existsSync(path.join(base, 'x'))).toBe(false)
  })

  it.each(['.git/config', 'sub/.git/HEAD'])('refuses %j for reads and writes', async (p) => {
    await write('sub/.keep', '')
    const before = await fs.readFile(path.join(root, '.git/config'), 'utf8')
    const t = tools()
    expectError(await t.run('read_file', { path: p }), /inside \.git/)
    expectError(await t.run('write_file', { path: p, content: '[core]\n' }), /inside \.git/)
    expectError(await t.run('delete_file', { path: p }), /inside \.git/)
    expect(await fs.readFile(path.join(root, '.git/config'), 'utf8')).toBe(before)
    expect(existsSync(path.join(root, 'sub/.git'))).toBe(false)
  })

  it('refuses writing a protected workflow but lets the model read it', async () => {
    const t = tools()
    expectError(await t.run('write_file', { path: '.github/workflows/ci.yml', content: 'x' }), /\.github\/workflows\/ci\.yml is protected \(protected-paths: \.github\/workflows\/\*\*\)/)
    expectError(await t.run('edit_file', { path: '.github/workflows/ci.yml', old_string: 'push', new_string: 'pull_request' }), /is protected/)
    expectError(await t.run('delete_file', { path: '.github/workflows/ci.yml' }), /is protected/)
    expectError(await t.run('write_file', { path: '.github/workflows/new.yml', content: 'x' }), /is protected/)
    expect(expectOk(await t.run('read_file', { path: '.github/workflows/ci.yml' }))).toContain('1| on: push')
    expect(await fs.readFile(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toBe('on: push\n')
    expect(existsSync(path.join(root, '.github/workflows/new.yml'))).toBe(false)
  })

  it('in a tests run writes only test files', async () => {
    const t = tools({ ...CHANGES, mode: 'tests' })
    expectError(await t.run('write_file', { path: 'src/b.ts', content: 'x' }), /this is a tests run: only test files may be written \(test-paths: /)
    expectError(await t.run('edit_file', { path: 'src/a.ts', old_string: 'a = 1', new_string: 'a = 2' }), /tests run/)
    expectOk(await t.run('write_file', { path: 'src/x.test.ts', content: 'test("x", () => {})\n' }))
    expectOk(await t.run('write_file', { path: 'tests/a.py', content: 'def test_a(): pass\n' }))
    expect(existsSync(path.join(root, 'src/b.ts'))).toBe(false)
    expect(await fs.readFile(path.join(root, 'src/a.ts'), 'utf8')).toContain('a = 1')
    expect(t.touched()).toEqual(['src/x.test.ts', 'tests/a.py'])
  })

  it('refuses binary content and oversize writes', async () => {
    const t = tools(CHANGES, { maxFileBytes: 1000 })
    expectError(await t.run('write_file', { path: 'bin.dat', content: 'a\0b' }), /binary content is not allowed/)
    expectError(await t.run('write_file', { path: 'big.txt', content: 'x'.repeat(1001) }), /limit is 1000 bytes/)
    expectError(await t.run('edit_file', { path: 'src/a.ts', old_string: 'a = 1', new_string: 'a = "' + 'y'.repeat(1000) + '"' }), /limit is/)
    expectOk(await t.run('write_file', { path: 'ok.txt', content: 'x'.repeat(1000) }))
    expect(existsSync(path.join(root, 'bin.dat'))).toBe(false)
    expect(existsSync(path.join(root, 'big.txt'))).toBe(false)
  })

  it('defaults the write limit to 256 KiB', async () => {
    const t = tools()
    expectError(await t.run('write_file', { path: 'big.txt', content: 'x'.repeat(256 * 1024 + 1) }), /limit is 256\.0 KiB/)
    expectOk(await t.run('write_file', { path: 'big.txt', content: 'x'.repeat(256 * 1024) }))
  })
})

describe('happy paths', () => {
  it('writes new files with their parent directories, and replaces existing ones', async () => {
    const t = tools()
    expect(expectOk(await t.run('write_file', { path: 'lib/deep/new.ts', content: 'one\ntwo\n' }))).toBe('created lib/deep/new.ts (2 lines)')
    expect(await fs.readFile(path.join(root, 'lib/deep/new.ts'), 'utf8')).toBe('one\ntwo\n')
    expect(expectOk(await t.run('write_file', { path: 'README.md', content: '# new\n' }))).toBe('replaced README.md (1 line)')
    expectError(await t.run('write_file', { path: 'src', content: 'x' }), /is a directory/)
    expectError(await t.run('write_file', { path: 'README.md/x', content: 'x' }), /a parent of this path is a file/)
    expectError(await t.run('write_file', { path: 'README.md/x/y', content: 'x' }), /a parent of this path is a file/)
    // A name that merely starts with two dots is inside the repository.
    expectOk(await t.run('write_file', { path: '..notes.txt', content: 'x' }))
    expect(await fs.readFile(path.join(root, '..notes.txt'), 'utf8')).toBe('x')
  })

  it('reads numbered lines, a range, and pages long files', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `line ${i + 1}`)
    await write('long.txt', lines.join('\n') + '\n')
    const t = tools()
    expect(expectOk(await t.run('read_file', { path: 'src/a.ts', start_line: null, end_line: null }))).toBe(
      'src/a.ts (2 lines)\n1| export const a = 1\n2| export const b = 2'
    )
    expect(expectOk(await t.run('read_file', { path: 'long.txt', start_line: 10, end_line: 12 }))).toBe(
      'long.txt (lines 10-12 of 1500)\n10| line 10\n11| line 11\n12| line 12'
    )
    const first = expectOk(await t.run('read_file', { path: 'long.txt' }))
    expect(first.split('\n')[0]).toBe('long.txt (lines 1-600 of 1500)')
    expect(first).toContain('600| line 600')
    expect(first).not.toContain('| line 601')
    expect(first).toMatch(/\[900 more lines: read_file with start_line 601\]$/)
    const last = expectOk(await t.run('read_file', { path: 'long.txt', start_line: 1401, end_line: 9999 }))
    expect(last.split('\n')[0]).toBe('long.txt (lines 1401-1500 of 1500)')
    expectError(await t.run('read_file', { path: 'long.txt', start_line: 1501 }), /past the end: long\.txt has 1500 lines/)
    expectError(await t.run('read_file', { path: 'long.txt', start_line: 5, end_line: 4 }), /before start_line/)
  })

  it('caps a read at 64 KiB and says where to continue', async () => {
    await write('wide.txt', Array.from({ length: 300 }, () => 'w'.repeat(1000)).join('\n'))
    const out = expectOk(await tools().run('read_file', { path: 'wide.txt' }))
    expect(Buffer.byteLength(out)).toBeLessThan(66 * 1024)
    expect(out).toMatch(/more lines: read_file with start_line \d+\]$/)
  })

  it('reports missing files, directories and binary files as errors', async () => {
    await write('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))
    const t = tools()
    expectError(await t.run('read_file', { path: 'a.ts' }), /a\.ts does not exist\. Files with that name: src\/a\.ts/)
    expectError(await t.run('read_file', { path: 'nope.ts' }), /does not exist\. Use list_files/)
    expectError(await t.run('read_file', { path: 'src' }), /is a directory; use list_files/)
    expectError(await t.run('read_file', { path: 'img.png' }), /binary file/)
  })

  it('edits a unique string, refuses ambiguous ones, and replaces all on request', async () => {
    await write('e.txt', 'alpha\nbeta\nalpha\ngamma\n')
    const t = tools()
    expect(expectOk(await t.run('edit_file', { path: 'e.txt', old_string: 'beta', new_string: 'BETA', replace_all: null }))).toBe(
      'edited e.txt: 1 replacement at line 2'
    )
    expectError(await t.run('edit_file', { path: 'e.txt', old_string: 'alpha', new_string: 'A', replace_all: false }), /occurs 2 times in e\.txt.*replace_all/)
    expect(await fs.readFile(path.join(root, 'e.txt'), 'utf8')).toBe('alpha\nBETA\nalpha\ngamma\n')
    expect(expectOk(await t.run('edit_file', { path: 'e.txt', old_string: 'alpha', new_string: '$&-$1', replace_all: true }))).toBe(
      'edited e.txt: 2 replacements, first at line 1'
    )
    // Replacement text is literal: no $& expansion.
    expect(await fs.readFile(path.join(root, 'e.txt'), 'utf8')).toBe('$&-$1\nBETA\n$&-$1\ngamma\n')
  })

  it('explains edits that cannot apply', async () => {
    await write('e.py', 'def f():\n    return 1\n')
    const t = tools()
    expectError(await t.run('edit_file', { path: 'e.py', old_string: 'return 2', new_string: 'return 3' }), /not found in e\.py \(0 matches\).*read_file/)
    expectError(await t.run('edit_file', { path: 'e.py', old_string: 'def f():\n  return 1', new_string: 'x' }), /different indentation or spacing is at line 1/)
    expectError(await t.run('edit_file', { path: 'e.py', old_string: '2|     return 1', new_string: 'x' }), /line numbers/)
    expectError(await t.run('edit_file', { path: 'e.py', old_string: 'return 1', new_string: 'return 1' }), /the same/)
    expectError(await t.run('edit_file', { path: 'e.py', old_string: '', new_string: 'x' }), /old_string is empty/)
    expectError(await t.run('edit_file', { path: 'missing.py', old_string: 'a', new_string: 'b' }), /does not exist/)
    expect(t.touched()).toEqual([])
  })

  it('edits CRLF files with the LF text read_file shows', async () => {
    await write('w.txt', 'one\r\ntwo\r\nthree\r\n')
    const t = tools()
    expect(expectOk(await t.run('read_file', { path: 'w.txt' }))).toContain('2| two\n')
    expectOk(await t.run('edit_file', { path: 'w.txt', old_string: 'one\ntwo', new_string: 'ONE\nTWO' }))
    expect(await fs.readFile(path.join(root, 'w.txt'), 'utf8')).toBe('ONE\r\nTWO\r\nthree\r\n')
  })

  it('deletes files', async () => {
    const t = tools()
    expect(expectOk(await t.run('delete_file', { path: 'src/a.ts' }))).toBe('deleted src/a.ts')
    expect(existsSync(path.join(root, 'src/a.ts'))).toBe(false)
    expectError(await t.run('delete_file', { path: 'src/a.ts' }), /does not exist/)
    expectError(await t.run('delete_file', { path: 'src' }), /is a directory/)
  })

  it('searches with a regex, a glob and a path', async () => {
    await write('src/b.ts', 'const aa = 1 // a = 1 too\n')
    await write('docs/a.md', 'a = 1 in docs\n')
    await write('img.bin', Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x31, 0, 0]))
    const t = tools()
    const all = expectOk(await t.run('search', { pattern: 'a = \\d', path: null, glob: null }))
    expect(all.split('\n').sort()).toEqual(['docs/a.md:1: a = 1 in docs', 'src/a.ts:1: export const a = 1', 'src/b.ts:1: const aa = 1 // a = 1 too'])
    expect(expectOk(await t.run('search', { pattern: 'a = \\d', path: null, glob: '*.md' }))).toBe('docs/a.md:1: a = 1 in docs')
    expect(expectOk(await t.run('search', { pattern: 'b = ', path: 'src', glob: null }))).toBe('src/a.ts:2: export const b = 2')
    expect(expectOk(await t.run('search', { pattern: 'B = ', path: 'src', glob: null }))).toBe('no matches for /B = /')
    expect(expectOk(await t.run('search', { pattern: 'hidden', path: null, glob: null }))).toBe('no matches for /hidden/')
    expectError(await t.run('search', { pattern: 'a(', path: null, glob: null }), /invalid regular expression/)
    expectError(await t.run('search', { pattern: 'x', path: 'nope', glob: null }), /nope does not exist/)
  })

  it('caps search results and cuts long lines', async () => {
    await write('many.txt', Array.from({ length: 250 }, (_, i) => `hit ${i} ${'z'.repeat(400)}`).join('\n'))
    const out = expectOk(await tools().run('search', { pattern: 'hit', path: null, glob: null }))
    const lines = out.split('\n')
    expect(lines).toHaveLength(201)
    expect(lines[0]).toBe(`many.txt:1: hit 0 ${'z'.repeat(300 - 6)}…`)
    expect(lines[200]).toMatch(/stopped at 200 matches/)
  })

  it('searches across files in order, capping across batches of files', async () => {
    // Four files of ~600 KiB, a hit every 100 lines: the regex worker gets them in two batches.
    const big = (tag: string): string => Array.from({ length: 6000 }, (_, i) => (i % 100 === 0 ? `hit ${tag} ${i}` : 'x'.repeat(100))).join('\n')
    await Promise.all(['b1', 'b2', 'b3', 'b4'].map((tag) => write(`big/${tag}.txt`, big(tag))))
    const t = tools()
    expect(expectOk(await t.run('search', { pattern: '^hit b\\d 0$', path: 'big', glob: null }))).toBe(
      'big/b1.txt:1: hit b1 0\nbig/b2.txt:1: hit b2 0\nbig/b3.txt:1: hit b3 0\nbig/b4.txt:1: hit b4 0'
    )
    const lines = expectOk(await t.run('search', { pattern: '^hit', path: 'big', glob: null })).split('\n')
    expect(lines).toHaveLength(201)
    expect(lines[0]).toBe('big/b1.txt:1: hit b1 0')
    expect(lines[120]).toBe('big/b3.txt:1: hit b3 0')
    expect(lines[199]).toBe('big/b4.txt:1901: hit b4 1900')
    expect(lines[200]).toMatch(/stopped at 200 matches/)
  })

  it('stops a catastrophically backtracking pattern fast, with a clear error and the matches so far', async () => {
    // Searched first (names sort before evil.txt), in a batch of their own: over 1 MiB together.
    await write('a1.txt', ['aaa', ...Array.from({ length: 6000 }, () => 'x'.repeat(100))].join('\n'))
    await write('a2.txt', Array.from({ length: 6000 }, () => 'x'.repeat(100)).join('\n'))
    await write('evil.txt', `${'a'.repeat(5000)}b\n`)
    const t = tools()
    const started = Date.now()
    const out = await t.run('search', { pattern: '(a+)+$', path: null, glob: null })
    expect(Date.now() - started).toBeLessThan(5000)
    expectError(out, /^search stopped: \/\(a\+\)\+\$\/ ran over its time limit .*catastrophic backtracking/)
    expect(out.content).toMatch(/1 match found before it stopped:\na1\.txt:1: aaa$/)
    // The worker that ran it is gone; the next search works.
    expect(expectOk(await t.run('search', { pattern: 'a+b$', path: 'evil.txt', glob: null }))).toMatch(/^evil\.txt:1: a+…$/)
  })

  it('keeps its listing until the workspace changes: its own writes and deletions at once, the test command\'s files after it ran', async () => {
    const t = tools()
    const listed = async (): Promise<string[]> => expectOk(await t.run('list_files', { path: null, pattern: null })).split('\n').slice(1)
    expect(await listed()).toEqual(['.github/workflows/ci.yml', '.gitignore', 'README.md', 'src/a.ts'])
    expectOk(await t.run('write_file', { path: 'src/new.ts', content: 'export const n = 1\n' }))
    expect(await listed()).toContain('src/new.ts')
    expectOk(await t.run('delete_file', { path: 'src/a.ts' }))
    expect(await listed()).not.toContain('src/a.ts')
    // A file the test command writes is listed once the session says the tests ran.
    await write('src/generated.ts', 'export {}\n')
    expect(await listed()).not.toContain('src/generated.ts')
    t.workspaceChanged()
    expect(await listed()).toContain('src/generated.ts')
  })

  it('lists files, filtered by a pattern, with .gitignore honoured and deletions gone', async () => {
    git(root, 'add', 'src/a.ts')
    await write('src/deep/c.ts', '')
    const t = tools()
    const all = expectOk(await t.run('list_files', { path: null, pattern: null }))
    expect(all.split('\n')).toEqual([
      '5 files in the repository:',
      '.github/workflows/ci.yml',
      '.gitignore',
      'README.md',
      'src/a.ts',
      'src/deep/c.ts'
    ])
    expect(all).not.toContain('hidden.ts')
    expect(all).not.toContain('debug.log')
    expect(expectOk(await t.run('list_files', { path: 'src', pattern: '*.ts' }))).toBe('2 files in src matching *.ts:\nsrc/a.ts\nsrc/deep/c.ts')
    expect(expectOk(await t.run('list_files', { path: '.', pattern: 'src/**/*.ts' }))).toContain('src/deep/c.ts')
    expect(expectOk(await t.run('list_files', { path: 'src', pattern: 'deep/*' }))).toBe('1 file in src matching deep/*:\nsrc/deep/c.ts')
    expect(expectOk(await t.run('list_files', { path: null, pattern: '*.py' }))).toBe('no files in the repository matching *.py')
    expectError(await t.run('list_files', { path: 'src/a.ts', pattern: null }), /is a file; use read_file/)
    expectError(await t.run('list_files', { path: 'nope', pattern: null }), /does not exist/)
    // A tracked file deleted by the tools is gone from the listing.
    expectOk(await t.run('delete_file', { path: 'src/a.ts' }))
    expect(expectOk(await t.run('list_files', { path: 'src', pattern: null }))).toBe('1 file in src:\nsrc/deep/c.ts')
  })

  it('trusts a start found whole (no stat of every tracked file) only until the workspace changes', async () => {
    git(root, 'add', 'src/a.ts', 'README.md')
    await write('src/b.ts', 'export const b = 2\n')
    git(root, 'add', 'src/b.ts')
    const t = new WorkspaceTools({ root, rules: CHANGES, startsWhole: async () => true })
    const listed = async (): Promise<string> => expectOk(await t.run('list_files', { path: 'src', pattern: null }))
    expect(await listed()).toBe('2 files in src:\nsrc/a.ts\nsrc/b.ts')
    // The tools delete one: the next listing asks git which tracked files are gone.
    expectOk(await t.run('delete_file', { path: 'src/a.ts' }))
    expect(await listed()).toBe('1 file in src:\nsrc/b.ts')
    // So does one the test command deletes, once the session says the tests ran.
    await fs.rm(path.join(root, 'src/b.ts'))
    t.workspaceChanged()
    expect(await listed()).toBe('no files in src')
  })

  it('lists a path with unmerged stages (a conflict an earlier step left) once', async () => {
    git(root, 'add', 'src/a.ts')
    const blob = git(root, 'hash-object', '-w', 'src/a.ts').trim()
    execFileSync('git', ['update-index', '--index-info'], { cwd: root, input: [1, 2, 3].map((stage) => `100644 ${blob} ${stage}\tsrc/c.ts\n`).join('') })
    await write('src/c.ts', '<<<<<<< ours\n=======\n>>>>>>> theirs\n')
    expect(git(root, 'ls-files', '--stage', 'src/c.ts').trim().split('\n')).toHaveLength(3)
    expect(expectOk(await tools().run('list_files', { path: 'src', pattern: null }))).toBe('2 files in src:\nsrc/a.ts\nsrc/c.ts')
  })

  it('caps listings at 500 entries with a count of the rest', async () => {
    await Promise.all(Array.from({ length: 620 }, (_, i) => write(`gen/f${i}.txt`, '')))
    const out = expectOk(await tools().run('list_files', { path: 'gen', pattern: null }))
    const lines = out.split('\n')
    expect(lines[0]).toBe('620 files in gen:')
    expect(lines).toHaveLength(502)
    expect(lines[501]).toBe('[120 more files; narrow with path or pattern]')
  })

  it('walks the directory when the root is not a git repository, skipping .git and node_modules', async () => {
    const plain = path.join(base, 'plain')
    await fs.mkdir(path.join(plain, 'node_modules/x'), { recursive: true })
    await fs.mkdir(path.join(plain, '.git'), { recursive: true })
    await fs.mkdir(path.join(plain, 'src'), { recursive: true })
    await fs.writeFile(path.join(plain, 'node_modules/x/index.js'), '')
    await fs.writeFile(path.join(plain, '.git/config'), '')
    await fs.writeFile(path.join(plain, 'src/m.py'), 'x = 1\n')
    await fs.writeFile(path.join(plain, 'setup.py'), '')
    const t = new WorkspaceTools({ root: plain, rules: CHANGES })
    expect(expectOk(await t.run('list_files', { path: null, pattern: null }))).toBe('2 files in the repository:\nsetup.py\nsrc/m.py')
    expect(expectOk(await t.run('search', { pattern: 'x = ', path: null, glob: null }))).toBe('src/m.py:1: x = 1')
  })

  it('finishes with the summary', async () => {
    const t = tools()
    expect(await t.run('finish', { summary: 'Added b.' })).toEqual({ content: 'finished', isError: false, finished: { summary: 'Added b.' } })
    expectError(await t.run('finish', { summary: '  ' }), /summary: summary must not be empty/)
  })

  it('tracks touched files, sorted and unique', async () => {
    const t = tools()
    expectOk(await t.run('write_file', { path: 'z.txt', content: 'z' }))
    expectOk(await t.run('edit_file', { path: 'src/a.ts', old_string: 'a = 1', new_string: 'a = 3' }))
    expectOk(await t.run('write_file', { path: 'z.txt', content: 'zz' }))
    expectOk(await t.run('delete_file', { path: 'README.md' }))
    expectOk(await t.run('read_file', { path: '.gitignore' }))
    expect(t.touched()).toEqual(['README.md', 'src/a.ts', 'z.txt'])
  })

  it('records the real path when writing through an in-repository symlink', async () => {
    await fs.symlink(path.join(root, 'src'), path.join(root, 'alias'))
    const t = tools()
    expectOk(await t.run('edit_file', { path: 'alias/a.ts', old_string: 'b = 2', new_string: 'b = 4' }))
    expect(await fs.readFile(path.join(root, 'src/a.ts'), 'utf8')).toContain('b = 4')
    expect(t.touched()).toEqual(['src/a.ts'])
  })
})

describe('model mistakes', () => {
  it('answers an unknown tool with the list of tools', async () => {
    expectError(await tools().run('run_shell', { cmd: 'ls' }), /unknown tool "run_shell"; the tools are: list_files, read_file/)
  })

  it('names the field when arguments have the wrong type or are missing', async () => {
    const t = tools()
    expectError(await t.run('read_file', { path: 42 }), /read_file: invalid arguments: path: .*expected string/)
    expectError(await t.run('read_file', { path: 'src/a.ts', start_line: '3' }), /start_line: .*expected number/)
    expectError(await t.run('read_file', { path: 'src/a.ts', start_line: 0 }), /start_line/)
    expectError(await t.run('write_file', { path: 'x.txt' }), /content: .*expected string/)
    expectError(await t.run('edit_file', { path: 'src/a.ts', old_string: 'a', new_string: 'b', replace_all: 'yes' }), /replace_all: .*expected boolean/)
    expectError(await t.run('write_file', '{"path": "x"'), /arguments must be a JSON object/)
    expectError(await t.run('write_file', null), /arguments must be a JSON object/)
    expect(existsSync(path.join(root, 'x.txt'))).toBe(false)
  })

  it('redacts every returned string and hides the absolute root', async () => {
    await write('conf.txt', 'token=sk-SECRET123\n')
    const t = tools(CHANGES, { redact: (s) => s.replaceAll('sk-SECRET123', '***') })
    expect(expectOk(await t.run('read_file', { path: 'conf.txt' }))).toBe('conf.txt (1 line)\n1| token=***')
    expect(expectOk(await t.run('search', { pattern: 'token', path: null, glob: null }))).toBe('conf.txt:1: token=***')
    expectError(await t.run('search', { pattern: 'sk-SECRET123(', path: null, glob: null }), /\*\*\*/)
    const all = [
      await t.run('read_file', { path: 'nope' }),
      await t.run('write_file', { path: 'src/a.ts/x', content: '' })
    ]
    for (const o of all) expect(o.content).not.toContain(base)
  })
})

describe('specs', () => {
  it('are strict-mode JSON Schemas within the providers\' limits', () => {
    const specs = tools().specs()
    expect(specs.map((s) => s.name)).toEqual(['list_files', 'read_file', 'search', 'write_file', 'edit_file', 'delete_file', 'finish'])
    for (const spec of specs) {
      const p = spec.parameters as { type: string; properties: Record<string, unknown>; required: string[]; additionalProperties: boolean }
      expect(p.type).toBe('object')
      expect(p.additionalProperties).toBe(false)
      expect([...p.required].sort()).toEqual(Object.keys(p.properties).sort())
      expect(JSON.stringify(p)).not.toMatch(/minLength|maxLength|minItems|default|anyOf/)
      expect(spec.description.length).toBeGreaterThan(10)
    }
    const read = specs.find((s) => s.name === 'read_file')?.parameters as { properties: Record<string, unknown> }
    expect(read.properties.start_line).toEqual({ type: ['integer', 'null'] })
  })
})
