import { createHash } from 'node:crypto'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { git } from '../emulators/git'
import { gitLauncherPid, gitLauncherReady, startGitLauncher, stopGitLauncher } from '../src/git/launcher'
import { GitError, runGit } from '../src/git/run'

let repo: string
const launched: string[][] = []
const onLaunch = (m: unknown): void => void launched.push((m as { args: string[] }).args)

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'draft-review-launcher-'))
  await git(repo, ['init', '--quiet', '-b', 'main'])
  subscribe('draft-review:git-launch', onLaunch)
})
afterAll(async () => {
  unsubscribe('draft-review:git-launch', onLaunch)
  stopGitLauncher()
  await rm(repo, { recursive: true, force: true })
})

test('git runs through the launcher as it runs directly: output, stdin, exit codes, errors, aborts', async () => {
  const direct = await runGit(['hash-object', '--stdin'], { cwd: repo, input: 'hello\n' })
  expect(launched).toHaveLength(0)
  const secret = 'ghs_launcherMustNotSeeThis0001'
  process.env.GITHUB_TOKEN = secret
  try {
    startGitLauncher()
  } finally {
    delete process.env.GITHUB_TOKEN
  }
  expect(await gitLauncherReady()).toBe(true)
  // The helper holds none of the job's environment: only PATH (and node's own channel variables).
  const environ = readFileSync(`/proc/${gitLauncherPid()}/environ`, 'utf8').split('\0').filter(Boolean)
  expect(environ.map((v) => v.split('=')[0]).sort()).toEqual(['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE', 'PATH'])
  expect(environ.join('\n')).not.toContain(secret)

  const via = await runGit(['hash-object', '--stdin'], { cwd: repo, input: 'hello\n' })
  expect(via).toEqual(direct)
  expect(launched.at(-1)).toEqual(expect.arrayContaining(['git', 'hash-object', '--stdin']))
  // Bytes that are not text come back whole (a Buffer input, output read as UTF-8).
  const bytes = Buffer.from([0xe2, 0x82, 0xac, 0x0a])
  const blob = createHash('sha1').update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes])).digest('hex')
  expect((await runGit(['hash-object', '--stdin'], { cwd: repo, input: bytes })).stdout).toBe(`${blob}\n`)
  // An exit code that is an answer, and one that is a failure.
  expect(await runGit(['check-ignore', '-q', 'nothing'], { cwd: repo, okCodes: [1] })).toMatchObject({ code: 1 })
  const err = await runGit(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo }).catch((e) => e)
  expect(err).toBeInstanceOf(GitError)
  expect(err.exitCode).toBe(128)
  expect(err.message).toContain('git rev-parse failed: fatal: Needed a single revision')
  // A stopped command ends at once and fails.
  const controller = new AbortController()
  const t0 = Date.now()
  const slow = runGit(['-c', 'alias.slow=!sleep 5', 'slow'], { cwd: repo, signal: controller.signal })
  setTimeout(() => controller.abort(), 200)
  await expect(slow).rejects.toBeInstanceOf(GitError)
  expect(Date.now() - t0).toBeLessThan(4000)
  expect(launched.filter((a) => a.includes('slow'))).toHaveLength(1)
})

test('a launcher that dies fails only the command it held; the next ones start directly', async () => {
  startGitLauncher()
  expect(await gitLauncherReady()).toBe(true)
  const held = runGit(['-c', 'alias.slow=!sleep 5', 'slow'], { cwd: repo })
  await new Promise((r) => setTimeout(r, 200))
  process.kill(gitLauncherPid()!, 'SIGKILL')
  const err = await held.catch((e) => e)
  expect(err).toBeInstanceOf(GitError)
  expect(err.message).toContain('the git launcher stopped')
  const count = launched.length
  expect((await runGit(['rev-parse', '--is-inside-work-tree'], { cwd: repo })).stdout.trim()).toBe('true')
  expect(launched).toHaveLength(count) // started from this process
})
