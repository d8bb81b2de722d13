// The git fixtures must behave like the origin/workspace pair a runner has:
// a bare origin, a shallow actions/checkout-style clone, pushes that land in
// the origin and can be read back.
import { access, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { branchFiles, branchLog, checkoutWorkspace, git, makeOrigin } from '../emulators/git'

describe('git fixtures', () => {
  let origin: Awaited<ReturnType<typeof makeOrigin>>
  beforeAll(async () => {
    origin = await makeOrigin(
      { 'README.md': '# demo\n', 'src/lib/add.js': 'export const add = (a, b) => a + b\n', 'scripts/check.sh': '#!/bin/sh\nexit 0\n' },
      { executable: ['scripts/check.sh'] }
    )
  })
  afterAll(() => origin.cleanup())

  test('makeOrigin makes a bare repo whose default branch holds one commit with the files', async () => {
    expect((await git(origin.bareDir, ['rev-parse', '--is-bare-repository'])).trim()).toBe('true')
    expect((await git(origin.bareDir, ['symbolic-ref', 'HEAD'])).trim()).toBe('refs/heads/main')
    expect(await branchFiles(origin.bareDir, 'main')).toEqual({
      'README.md': '# demo\n',
      'src/lib/add.js': 'export const add = (a, b) => a + b\n',
      'scripts/check.sh': '#!/bin/sh\nexit 0\n'
    })
    const log = await branchLog(origin.bareDir, 'main')
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ subject: 'Initial commit', sha: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(await git(origin.bareDir, ['ls-tree', 'main', 'scripts/check.sh'])).toMatch(/^100755 /)
  })

  test('makeOrigin honours defaultBranch', async () => {
    const o = await makeOrigin({ 'a.txt': 'a' }, { defaultBranch: 'trunk' })
    try {
      expect((await git(o.bareDir, ['symbolic-ref', '--short', 'HEAD'])).trim()).toBe('trunk')
      expect(await branchFiles(o.bareDir, 'main')).toBeNull()
      const ws = await checkoutWorkspace(o.bareDir)
      expect((await git(ws, ['branch', '--show-current'])).trim()).toBe('trunk')
    } finally {
      await o.cleanup()
    }
  })

  test('checkoutWorkspace looks like actions/checkout: shallow, on the branch, origin = bareDir, no identity', async () => {
    const ws = await checkoutWorkspace(origin.bareDir)
    expect((await git(ws, ['rev-parse', '--is-shallow-repository'])).trim()).toBe('true')
    expect((await git(ws, ['branch', '--show-current'])).trim()).toBe('main')
    expect((await git(ws, ['remote', 'get-url', 'origin'])).trim()).toBe(origin.bareDir)
    expect((await git(ws, ['for-each-ref', '--format=%(refname)'])).trim().split('\n').sort()).toEqual([
      'refs/heads/main',
      'refs/remotes/origin/main'
    ])
    expect(await readFile(join(ws, 'src/lib/add.js'), 'utf8')).toContain('add')
    expect((await stat(join(ws, 'scripts/check.sh'))).mode & 0o111).not.toBe(0)
    // A runner's checkout carries no user identity; the action must bring its own.
    await expect(git(ws, ['config', '--local', '--get', 'user.name'])).rejects.toThrow(/config --local --get user.name failed/)
  })

  test('checkoutWorkspace can leave HEAD detached', async () => {
    const ws = await checkoutWorkspace(origin.bareDir, { detached: true })
    expect((await git(ws, ['branch', '--show-current'])).trim()).toBe('')
    expect((await git(ws, ['rev-parse', 'HEAD'])).trim()).toBe((await branchLog(origin.bareDir, 'main'))[0]?.sha)
  })

  test('a branch committed and pushed from the workspace reads back with branchFiles/branchLog', async () => {
    const ws = await checkoutWorkspace(origin.bareDir)
    await git(ws, ['checkout', '-b', 'draft-review/issue-7'])
    await mkdir(join(ws, 'src/lib'), { recursive: true })
    await writeFile(join(ws, 'src/lib/add.js'), 'export const add = (a, b) => Number(a) + Number(b)\n')
    await writeFile(join(ws, 'NOTES.md'), 'n\n')
    await git(ws, ['rm', '-q', 'README.md'])
    await git(ws, ['add', '-A'])
    await git(ws, ['-c', 'user.name=Drafter', '-c', 'user.email=drafter@example.invalid', 'commit', '-q', '-m', 'Fix add'])
    // Pushing a new branch from a shallow clone must work, as the action does it.
    await git(ws, ['push', '-q', 'origin', 'HEAD:refs/heads/draft-review/issue-7'])

    expect(await branchFiles(origin.bareDir, 'draft-review/issue-7')).toEqual({
      'NOTES.md': 'n\n',
      'src/lib/add.js': 'export const add = (a, b) => Number(a) + Number(b)\n',
      'scripts/check.sh': '#!/bin/sh\nexit 0\n'
    })
    const log = await branchLog(origin.bareDir, 'draft-review/issue-7')
    expect(log.map(c => c.subject)).toEqual(['Fix add', 'Initial commit'])
    expect(log[0]?.author).toBe('Drafter <drafter@example.invalid>')
    expect(log[0]?.sha).toBe((await git(ws, ['rev-parse', 'HEAD'])).trim())
    // main is untouched.
    expect(await branchLog(origin.bareDir, 'main')).toHaveLength(1)
  })

  test('a missing branch reads as null / empty log', async () => {
    expect(await branchFiles(origin.bareDir, 'nope')).toBeNull()
    expect(await branchLog(origin.bareDir, 'nope')).toEqual([])
  })

  test('git() fails with stderr and ignores GIT_* variables of the calling process', async () => {
    await expect(git(origin.bareDir, ['rev-parse', '--verify', 'refs/heads/nope'])).rejects.toThrow(/Needed a single revision/)
    const saved = process.env.GIT_DIR
    process.env.GIT_DIR = '/nonexistent/.git' // what a git hook would leave behind
    try {
      expect((await git(origin.bareDir, ['rev-parse', '--is-bare-repository'])).trim()).toBe('true')
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR
      else process.env.GIT_DIR = saved
    }
  })

  test("the developer's global git config, ignore file and hooks do not apply", async () => {
    const home = await mkdtemp(join(tmpdir(), 'draft-review-fakehome-'))
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME }
    try {
      await mkdir(join(home, 'hooks'))
      await writeFile(join(home, 'hooks', 'pre-commit'), '#!/bin/sh\nexit 1\n', { mode: 0o755 })
      await writeFile(join(home, '.gitconfig'), `[core]\n\thooksPath = ${join(home, 'hooks')}\n[init]\n\tdefaultBranch = leaked\n`)
      await mkdir(join(home, '.config', 'git'), { recursive: true })
      await writeFile(join(home, '.config', 'git', 'ignore'), '*.md\n')
      process.env.HOME = home
      process.env.XDG_CONFIG_HOME = join(home, '.config')
      const o = await makeOrigin({ 'README.md': 'r', 'a.js': 'a' })
      try {
        expect(Object.keys((await branchFiles(o.bareDir, 'main')) ?? {}).sort()).toEqual(['README.md', 'a.js'])
      } finally {
        await o.cleanup()
      }
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v
      await rm(home, { recursive: true, force: true })
    }
  })

  test('cleanup removes the origin and the workspaces made from it', async () => {
    const o = await makeOrigin({ 'x.txt': 'x' })
    const ws = await checkoutWorkspace(o.bareDir)
    await o.cleanup()
    await expect(access(o.bareDir)).rejects.toThrow()
    await expect(access(ws)).rejects.toThrow()
  })
})
