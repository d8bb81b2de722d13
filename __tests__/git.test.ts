import { createServer } from 'node:http'
import { readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { checkoutWorkspace, git, makeOrigin, pushPersonCommit } from '../emulators/git'
import { authEnv, Git } from '../src/git'

test('fetch and push send only our token, even with actions/checkout\'s header in the repository config', async () => {
  const seen: (string | string[] | undefined)[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers.authorization)
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const origin = await makeOrigin({ 'a.txt': 'a\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    const serverUrl = `http://127.0.0.1:${port}`
    await git(ws, ['remote', 'set-url', 'origin', `${serverUrl}/acme/widgets`])
    // What actions/checkout persists: its own basic auth header for the server.
    await git(ws, ['config', '--local', `http.${serverUrl}/.extraheader`, 'AUTHORIZATION: basic Y2hlY2tvdXQ='])
    await expect(new Git(ws).push('draft-review/issue-1', '', { serverUrl, token: 'ghs_ours' })).rejects.toThrow(/git push failed/)
    const ours = `basic ${Buffer.from('x-access-token:ghs_ours').toString('base64')}`
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.every((h) => h === ours)).toBe(true)
  } finally {
    server.close()
    await origin.cleanup()
  }
})

test('the token never appears in the arguments git is started with', () => {
  const env = authEnv({ serverUrl: 'https://github.com/', token: 'ghs_secret' })
  expect(env.GIT_CONFIG_KEY_0).toBe('http.https://github.com/.extraheader')
  expect(Object.values(env).join(' ')).not.toContain('ghs_secret')
})

test('a draft commits exactly the bytes the drafter wrote, not what the test command left behind', async () => {
  const origin = await makeOrigin({ 'src/a.js': 'a\n', 'gone.js': 'x\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    const g = new Git(ws)
    const { baseSha: base } = await g.startBranch('main', 'draft-review/issue-3')
    await writeFile(join(ws, 'src/a.js'), 'rewritten by a test\n')
    await writeFile(join(ws, 'coverage.json'), '{}')
    await rm(join(ws, 'gone.js'))
    const writes = new Map<string, Buffer | null>([['src/a.js', Buffer.from('b\n')], ['gone.js', null]])
    expect((await g.commitWrites(writes, 'draft 1')).changed).toBe(true)
    expect((await g.changedFiles(base)).sort()).toEqual(['gone.js', 'src/a.js'])
    expect(await g.diff(base)).toContain('+b')
    expect(await git(ws, ['show', 'HEAD:src/a.js'])).toBe('b\n')
    expect((await g.commitWrites(writes, 'nothing new')).changed).toBe(false)
    expect(await git(ws, ['status', '--porcelain'])).toContain('?? coverage.json')
  } finally {
    await origin.cleanup()
  }
})

test('a second commit ignores what another process wrote into the private index, and the workspace index follows every commit', async () => {
  const origin = await makeOrigin({ 'src/a.js': 'a\n', 'src/b.js': 'b\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    const g = new Git(ws)
    const { baseSha: base } = await g.startBranch('main', 'draft-review/issue-4')
    // The tools write the file, then the draft commits those bytes.
    await writeFile(join(ws, 'src/a.js'), 'a2\n')
    await g.commitWrites(new Map([['src/a.js', Buffer.from('a2\n')]]), 'draft 1')
    // The workspace's index holds the commit, with no read of the whole tree needed.
    expect(await git(ws, ['diff', '--cached', '--name-only', 'HEAD'])).toBe('')
    expect(await git(ws, ['diff', '--name-only'])).toBe('')
    // An unisolated test command finds the private index and stages a file of its own there.
    const privateIndex = await g.indexFile()
    const env = { ...process.env, GIT_INDEX_FILE: privateIndex }
    await writeFile(join(ws, 'evil.js'), 'evil\n')
    const blob = (await git(ws, ['hash-object', '-w', 'evil.js'])).trim()
    const { execFileSync } = await import('node:child_process')
    execFileSync('git', ['update-index', '--add', '--cacheinfo', `100644,${blob},src/evil.js`], { cwd: ws, env })
    expect(execFileSync('git', ['ls-files'], { cwd: ws, env, encoding: 'utf8' })).toContain('src/evil.js')
    // ... and stages a file in the shared index too (its `git add`).
    await git(ws, ['add', 'evil.js'])
    const made = await g.commitWrites(new Map([['src/b.js', Buffer.from('b2\n')]]), 'draft 2')
    expect(made.changed).toBe(true)
    expect((await g.changedFiles(base)).sort()).toEqual(['src/a.js', 'src/b.js'])
    expect(await git(ws, ['ls-tree', '-r', '--name-only', made.sha])).not.toContain('evil')
    // The tools' listing (the private index) no longer holds the planted entry either.
    expect(execFileSync('git', ['ls-files'], { cwd: ws, env: { ...process.env, GIT_INDEX_FILE: await g.indexFile() }, encoding: 'utf8' })).not.toContain('evil')
    // The shared index was rewritten by `git add`, so it is read whole again: it holds the commit.
    expect(await git(ws, ['diff', '--cached', '--name-only', 'HEAD'])).toBe('')
    expect(await git(ws, ['show', 'HEAD:src/b.js'])).toBe('b2\n')
  } finally {
    await origin.cleanup()
  }
})

test('a branch starts from base as origin has it now: fetched when origin moved on since the checkout, not when the checkout is current', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    const checkedOut = (await git(ws, ['rev-parse', 'HEAD'])).trim()
    // Current: the run starts from what the checkout has.
    const g1 = new Git(ws)
    const refs1 = await g1.remoteRefs(['draft-review/issue-5', 'main'])
    expect(refs1.get('draft-review/issue-5')).toBeUndefined()
    expect(refs1.get('main')).toBe(checkedOut)
    const s1 = await g1.startBranch('main', 'draft-review/issue-5', undefined, { remoteSha: '', baseTip: refs1.get('main') })
    expect(s1).toEqual({ baseSha: checkedOut, remoteSha: '' })
    // Someone pushes to main after the checkout: the next run fetches it and starts there.
    const newer = await pushPersonCommit(origin.bareDir, 'main', { 'b.txt': 'b\n' }, { name: 'Ana', email: 'ana@example.com', message: 'b' })
    const g2 = new Git(ws)
    const refs2 = await g2.remoteRefs(['draft-review/issue-6', 'main'])
    const s2 = await g2.startBranch('main', 'draft-review/issue-6', undefined, { remoteSha: '', baseTip: refs2.get('main') })
    expect(s2.baseSha).toBe(newer)
    expect((await git(ws, ['rev-parse', 'HEAD'])).trim()).toBe(newer)
    expect(await git(ws, ['show', 'HEAD:b.txt'])).toBe('b\n')
  } finally {
    await origin.cleanup()
  }
})

/** Every file under .git with its bytes' size and modify time: what a write would change. */
async function gitDirState(ws: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const rel of await readdir(join(ws, '.git'), { recursive: true })) {
    const s = await stat(join(ws, '.git', rel), { bigint: true })
    if (s.isFile()) out[rel] = `${s.size}:${s.mtimeNs}:${s.ino}`
  }
  return out
}

test('prepare() writes nothing in .git; claim() then puts the refreshed index in place, but never over a changed index or a lock git holds', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n', 'b.txt': 'b\n' })
  try {
    // Every tracked file touched (same bytes, new times): the index's stat data is stale,
    // so plumbing diff-files lists them until the index is refreshed.
    const touch = async (ws: string): Promise<void> => {
      const later = new Date(Date.now() + 5000)
      for (const f of ['a.txt', 'b.txt']) await utimes(join(ws, f), later, later)
    }
    const stale = async (ws: string): Promise<string> => git(ws, ['-c', 'core.fsmonitor=false', 'diff-files', '--name-only'])

    const ws = await checkoutWorkspace(origin.bareDir)
    await touch(ws)
    const before = await gitDirState(ws)
    const g = new Git(ws)
    await g.prepare()
    expect(await gitDirState(ws)).toEqual(before) // a skipped run ends here: nothing in .git changed
    expect(await stale(ws)).toBe('a.txt\nb.txt\n')
    // Put in place with the time git gave the refreshed copy, not now: an entry as new as
    // the index must still count as racy.
    // (File times come from the kernel's coarse clock: compared with a margin.)
    await new Promise((r) => setTimeout(r, 60))
    const claimedAt = Date.now()
    await g.claim()
    expect((await stat(join(ws, '.git', 'index'))).mtimeMs).toBeLessThan(claimedAt - 30)
    await g.startBranch('main', 'draft-review/issue-9')
    expect(await stale(ws)).toBe('') // refreshed, as `update-index --refresh` would have left it
    expect(await git(ws, ['status', '--porcelain'])).toBe('')

    // The index changed after it was copied (here: staged by hand): it is kept as it is.
    const changed = await checkoutWorkspace(origin.bareDir)
    await touch(changed)
    const g2 = new Git(changed)
    await g2.prepare()
    await writeFile(join(changed, 'c.txt'), 'c\n')
    await git(changed, ['add', 'c.txt'])
    await g2.claim()
    expect(await git(changed, ['ls-files', 'c.txt'])).toBe('c.txt\n')

    // git holds the lock: the lock and the index are left alone.
    const locked = await checkoutWorkspace(origin.bareDir)
    await touch(locked)
    const g3 = new Git(locked)
    await g3.prepare()
    const index = await readFile(join(locked, '.git', 'index'))
    await writeFile(join(locked, '.git', 'index.lock'), 'held by another git\n')
    await g3.claim()
    await g3.startBranch('main', 'draft-review/issue-11') // clean: moving HEAD needs no index lock
    expect(await readFile(join(locked, '.git', 'index.lock'), 'utf8')).toBe('held by another git\n')
    expect((await readFile(join(locked, '.git', 'index'))).equals(index)).toBe(true)
  } finally {
    await origin.cleanup()
  }
})

test('a same-size edit in the second of the last index write is seen through the copy (git\'s racy-clean rule), and put back', async () => {
  const origin = await makeOrigin({ 'a.txt': 'x\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    const index = join(ws, '.git', 'index')
    // The index records a.txt's stat and is written; within the same second a.txt gets
    // other bytes of the same size. Only the rule "an entry as new as the index is
    // re-read" finds it; a copy with a newer time than the index would hide it.
    for (let attempt = 0; ; attempt++) {
      await writeFile(join(ws, 'a.txt'), 'x\n')
      await git(ws, ['update-index', '--refresh'])
      await writeFile(join(ws, 'a.txt'), 'y\n')
      const [file, idx] = await Promise.all([stat(join(ws, 'a.txt')), stat(index)])
      if (Math.floor(file.ctimeMs / 1000) === Math.floor(idx.mtimeMs / 1000) && Math.floor(file.mtimeMs / 1000) === Math.floor(idx.mtimeMs / 1000)) break
      if (attempt === 5) throw new Error('could not land the edit in the second of the index write')
    }
    const head = (await git(ws, ['rev-parse', 'HEAD'])).trim()
    await new Promise((r) => setTimeout(r, 1100)) // the copy is made a second later
    const g = new Git(ws)
    await g.prepare()
    await g.claim()
    await g.startBranch('main', 'draft-review/issue-12', undefined, { remoteSha: '', baseTip: head })
    expect(await readFile(join(ws, 'a.txt'), 'utf8')).toBe('x\n')
    expect(await git(ws, ['status', '--porcelain'])).toBe('')
  } finally {
    await origin.cleanup()
  }
})

test('a clean checkout at base becomes the branch without a checkout; one an earlier step changed is put back first', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n', 'b.txt': 'b\n' })
  try {
    // Clean, as actions/checkout leaves it: HEAD moves to the branch, nothing else changes.
    const clean = await checkoutWorkspace(origin.bareDir)
    const g1 = new Git(clean)
    g1.prepare()
    g1.claim()
    const s1 = await g1.startBranch('main', 'draft-review/issue-7')
    expect((await git(clean, ['symbolic-ref', 'HEAD'])).trim()).toBe('refs/heads/draft-review/issue-7')
    expect((await git(clean, ['rev-parse', 'HEAD'])).trim()).toBe(s1.baseSha)
    expect(await git(clean, ['status', '--porcelain'])).toBe('')
    expect(await g1.startsClean()).toBe(true)
    // Changed by an earlier step: a tracked file edited, another staged and then put back on disk.
    const dirty = await checkoutWorkspace(origin.bareDir)
    await writeFile(join(dirty, 'a.txt'), 'built\n')
    await writeFile(join(dirty, 'b.txt'), 'staged\n')
    await git(dirty, ['add', 'b.txt'])
    await writeFile(join(dirty, 'b.txt'), 'b\n')
    const g2 = new Git(dirty)
    g2.prepare()
    g2.claim()
    await g2.startBranch('main', 'draft-review/issue-8')
    expect((await git(dirty, ['symbolic-ref', 'HEAD'])).trim()).toBe('refs/heads/draft-review/issue-8')
    expect(await git(dirty, ['status', '--porcelain'])).toBe('')
    expect(await git(dirty, ['show', ':b.txt'])).toBe('b\n')
    expect(await g2.startsClean()).toBe(false)
    // And the workspace index follows a commit on either (the shortcut's index is the real one).
    for (const [ws, g] of [[clean, g1], [dirty, g2]] as const) {
      await writeFile(join(ws, 'a.txt'), 'drafted\n')
      await g.commitWrites(new Map([['a.txt', Buffer.from('drafted\n')]]), 'draft')
      expect(await git(ws, ['status', '--porcelain'])).toBe('')
      expect(await g.startsClean()).toBe(false)
    }
  } finally {
    await origin.cleanup()
  }
})

/** Runs `body` with a `git` first on PATH that records each command's arguments (the hardening `-c`s left out). */
async function recordingGit<T>(body: (commands: () => Promise<string[]>) => Promise<T>): Promise<T> {
  const { mkdtemp, chmod } = await import('node:fs/promises')
  const { tmpdir } = await import('node:os')
  const { execFileSync } = await import('node:child_process')
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  const dir = await mkdtemp(join(tmpdir(), 'draft-review-git-log-'))
  const log = join(dir, 'log')
  await writeFile(join(dir, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`)
  await chmod(join(dir, 'git'), 0o755)
  const saved = process.env.PATH
  process.env.PATH = `${dir}:${saved}`
  const commands = async (): Promise<string[]> =>
    (await readFile(log, 'utf8').catch(() => '')).split('\n').filter(Boolean).map((l) => l.replace(/(^| )-c \S+/g, '').trim())
  try {
    return await body(commands)
  } finally {
    process.env.PATH = saved
    await rm(dir, { recursive: true, force: true })
  }
}

test('a clean checkout\'s private index is a copy of its refreshed index: no read of the whole tree, and commits hold every file', async () => {
  const origin = await makeOrigin({ 'src/a.js': 'a\n', 'src/b.js': 'b\n', 'README.md': 'r\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    await recordingGit(async (commands) => {
      const g = new Git(ws)
      await g.prepare()
      await g.claim()
      const { baseSha } = await g.startBranch('main', 'draft-review/issue-20')
      await writeFile(join(ws, 'src/a.js'), 'a2\n')
      const made = await g.commitWrites(new Map([['src/a.js', Buffer.from('a2\n')], ['src/c.js', Buffer.from('c\n')]]), 'draft')
      expect((await commands()).filter((c) => c.startsWith('read-tree'))).toEqual([])
      expect(await git(ws, ['ls-tree', '-r', '--name-only', made.sha])).toBe('README.md\nsrc/a.js\nsrc/b.js\nsrc/c.js\n')
      expect(await git(ws, ['show', `${made.sha}:src/a.js`])).toBe('a2\n')
      expect((await g.changedFiles(baseSha)).sort()).toEqual(['src/a.js', 'src/c.js'])
    })
  } finally {
    await origin.cleanup()
  }
})

test('the private index is read from the tree when the copy cannot stand for it (an edited checkout, a sparse checkout); a split index is copied once the refresh wrote it whole', async () => {
  const origin = await makeOrigin({ 'src/a.js': 'a\n', 'docs/guide.md': 'g\n', 'README.md': 'r\n' })
  try {
    const cases: [string, (ws: string) => Promise<void>][] = [
      ['edited', async (ws) => void (await writeFile(join(ws, 'README.md'), 'edited by a build step\n'))],
      [
        'sparse',
        async (ws) => {
          await git(ws, ['config', 'core.sparseCheckout', 'true'])
          await writeFile(join(ws, '.git', 'info', 'sparse-checkout'), '/*\n!/docs/\n')
          await git(ws, ['read-tree', '-mu', 'HEAD'])
        }
      ],
      [
        'split',
        async (ws) => {
          await git(ws, ['update-index', '--split-index'])
          // Every file ten seconds older than the index: nothing is racy. The run's refresh
          // (core.splitIndex=false) still writes its copy, whole: that copy can be used.
          const past = new Date(Date.now() - 10_000)
          for (const f of ['src/a.js', 'docs/guide.md', 'README.md']) await utimes(join(ws, f), past, past)
          await git(ws, ['update-index', '--refresh'])
        }
      ]
    ]
    for (const [name, setUp] of cases) {
      const ws = await checkoutWorkspace(origin.bareDir)
      await setUp(ws)
      if (name === 'sparse') await expect(stat(join(ws, 'docs/guide.md'))).rejects.toThrow(/ENOENT/)
      if (name === 'split') expect((await readdir(join(ws, '.git'))).some((f) => f.startsWith('sharedindex.'))).toBe(true)
      await recordingGit(async (commands) => {
        const g = new Git(ws)
        await g.prepare()
        await g.claim()
        await g.startBranch('main', `draft-review/issue-${name}`)
        const made = await g.commitWrites(new Map([['src/a.js', Buffer.from('a2\n')]]), 'draft')
        expect([name, (await commands()).filter((c) => c.startsWith('read-tree')).length]).toEqual([name, name === 'split' ? 0 : 1])
        expect([name, await git(ws, ['ls-tree', '-r', '--name-only', made.sha])]).toEqual([name, 'README.md\ndocs/guide.md\nsrc/a.js\n'])
        expect([name, await git(ws, ['show', `${made.sha}:README.md`])]).toEqual([name, 'r\n'])
      })
    }
  } finally {
    await origin.cleanup()
  }
})

test('the listing read while the run starts is handed over once, only for the clean checkout the branch starts at', async () => {
  const origin = await makeOrigin({ 'src/a.js': 'a\n', 'README.md': 'r\n' })
  try {
    const ws = await checkoutWorkspace(origin.bareDir)
    await writeFile(join(ws, 'notes.txt'), 'untracked\n')
    const g = new Git(ws)
    await g.prepare()
    await g.claim()
    await g.startBranch('main', 'draft-review/issue-30')
    const early = await g.earlyListing()
    const fields = (z: string): string[] => z.split('\0').filter(Boolean)
    expect(fields(early!.cached).map((r) => r.slice(r.indexOf('\t') + 1))).toEqual(['README.md', 'src/a.js'])
    expect(fields(early!.others)).toEqual(['notes.txt'])
    expect(await g.earlyListing()).toBeUndefined() // once

    // The branch starts where origin moved on to: the checkout's listing is not the branch's.
    const moved = await checkoutWorkspace(origin.bareDir)
    await pushPersonCommit(origin.bareDir, 'main', { 'b.txt': 'b\n' }, { name: 'Ana', email: 'ana@example.com', message: 'b' })
    const g2 = new Git(moved)
    const refs = await g2.remoteRefs(['draft-review/issue-31', 'main'])
    await g2.prepare()
    await g2.claim()
    await g2.startBranch('main', 'draft-review/issue-31', undefined, { remoteSha: '', baseTip: refs.get('main') })
    expect(await g2.earlyListing()).toBeUndefined()

    // An edited checkout is put back by a forced checkout: nothing was read early.
    const edited = await checkoutWorkspace(origin.bareDir)
    await writeFile(join(edited, 'README.md'), 'edited\n')
    const g3 = new Git(edited)
    await g3.prepare()
    await g3.claim()
    await g3.startBranch('main', 'draft-review/issue-32')
    expect(await g3.earlyListing()).toBeUndefined()

    // After the run's first commit it is no longer the checkout's listing.
    const committed = await checkoutWorkspace(origin.bareDir)
    const g4 = new Git(committed)
    await g4.prepare()
    await g4.claim()
    await g4.startBranch('main', 'draft-review/issue-33')
    await g4.commitWrites(new Map([['src/c.js', Buffer.from('c\n')]]), 'draft')
    expect(await g4.earlyListing()).toBeUndefined()
  } finally {
    await origin.cleanup()
  }
})
