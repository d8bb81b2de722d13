// The test runner itself, both modes, on real processes: the deadline wins over what
// will not die, and a run ends with everything it started.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { git } from '../emulators/git'
import { hideGitCredentials, restoreGitCredentials } from '../src/sandbox/git-credentials'
import { pathsToHide } from '../src/sandbox/hidden-paths'
import { runTestCommand } from '../src/sandbox/testrun'

let ws: string
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'draft-review-run-'))
})
afterEach(async () => {
  await rm(ws, { recursive: true, force: true })
})

const env = { PATH: process.env.PATH ?? '/usr/bin:/bin' }
const run = (command: string, sandbox: boolean, extra: { timeoutSeconds?: number; signal?: AbortSignal } = {}) =>
  runTestCommand({ command, cwd: ws, timeoutSeconds: extra.timeoutSeconds ?? 30, env, redact: (t) => t, sandbox, signal: extra.signal })

function running(pattern: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean)
  } catch {
    return []
  }
}

for (const sandbox of [true, false]) {
  const mode = sandbox ? 'sandboxed' : 'unisolated'
  test(`${mode}: test-timeout-seconds wins over a setsid escapee that holds the pipes, and nothing is left`, async () => {
    const n = 7000 + Math.floor(Math.random() * 900)
    const r = await run(`setsid sleep ${n} & echo started; exec sleep ${n + 1}`, sandbox, { timeoutSeconds: 1 })
    expect(r).toMatchObject({ passed: false, timedOut: true })
    expect(r.output).toContain('started')
    expect(r.output).toContain('stopped at test-timeout-seconds (1 s)')
    expect(running(`^sleep ${n}`)).toEqual([])
  }, 20_000)

  test(`${mode}: the run's deadline (AbortSignal) stops it too`, async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('deadline')), 300)
    const r = await run('sleep 30', sandbox, { signal: controller.signal })
    expect(r.passed).toBe(false)
    expect(r.durationMs).toBeLessThan(10_000)
  }, 20_000)

  test(`${mode}: the exit code is bash's, and a passing run with a background job passes at once`, async () => {
    expect(await run('echo out; echo err >&2; exit 3', sandbox)).toMatchObject({ passed: false, exitCode: 3, timedOut: false })
    const r = await run('(sleep 300 &); echo ok', sandbox)
    expect(r).toMatchObject({ passed: true, exitCode: 0, output: 'ok\n' })
  }, 20_000)
}

test('sandboxed: root inside cannot undo the sandbox, sees only its own processes, has only loopback; the workspace and TMPDIR are writable', async () => {
  const script = [
    'umount /proc && echo UMOUNT-WORKED',
    'mount -o remount,rw / && echo REMOUNT-WORKED',
    'touch /usr/draft-review-x 2>/dev/null && echo ROOT-WRITABLE',
    'echo -n pids=; ls /proc | grep -c "^[0-9]"',
    'grep -q "^CapEff:\\s*0*$" /proc/self/status && echo no-caps',
    'ip -o link | grep -c ": " | sed "s/^/links=/"',
    'echo data > written-by-test && echo ws-writable',
    'echo tmp > "$TMPDIR/x" && echo tmp-writable',
    'test -e /dev/sda || echo no-disks',
    'git init -q . && git status --short >/dev/null && echo git-works'
  ].join('; ')
  const r = await run(script, true)
  expect(r.output).not.toMatch(/WORKED|ROOT-WRITABLE/)
  expect(r.output).toMatch(/pids=[1-5]\n/)
  expect(r.output).toContain('no-caps')
  expect(r.output).toContain('links=1\n')
  expect(r.output).toContain('ws-writable')
  expect(r.output).toContain('tmp-writable')
  expect(r.output).toContain('no-disks')
  expect(r.output).toContain('git-works')
  expect(await readFile(join(ws, 'written-by-test'), 'utf8')).toBe('data\n')
}, 20_000)

test("checkout's credentials leave every git config for the test's duration and come back byte for byte, even over a symlink the test left", async () => {
  await git(ws, ['init', '-q'])
  await git(ws, ['config', '--local', 'http.https://github.com/.extraheader', 'AUTHORIZATION: basic c2VjcmV0'])
  await git(ws, ['config', '--local', `includeIf.gitdir:${ws}/.git.path`, '/runner/_temp/git-credentials-1.config'])
  await git(ws, ['config', '--local', 'remote.origin.url', 'https://x-access-token:ghs_tokenInUrl000@github.com/o/r'])
  await git(ws, ['config', '--local', 'user.name', 'Keep Me'])
  const before = await readFile(join(ws, '.git/config'))
  const saved = await hideGitCredentials(ws, (t) => t.includes('ghs_tokenInUrl000'))
  const during = await readFile(join(ws, '.git/config'), 'utf8')
  expect(during).not.toMatch(/extraheader|includeIf|ghs_/i)
  expect(during).toContain('Keep Me')
  // The test replaces the config by a symlink to a file of its choosing.
  const elsewhere = join(ws, 'elsewhere')
  await writeFile(elsewhere, 'untouched\n')
  await rm(join(ws, '.git/config'))
  await symlink(elsewhere, join(ws, '.git/config'))
  await restoreGitCredentials(ws, saved)
  expect(await readFile(join(ws, '.git/config'))).toEqual(before)
  expect(await readFile(elsewhere, 'utf8')).toBe('untouched\n')
})

test('what is hidden: RUNNER_TEMP, the folders of the command files, the runner, and credential files under HOME', () => {
  const hide = pathsToHide(
    {
      HOME: '/home/runner',
      RUNNER_TEMP: '/home/runner/work/_temp',
      GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
      GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
      GITHUB_STEP_SUMMARY: '/elsewhere/summary/step_summary_1',
      NPM_CONFIG_USERCONFIG: '/home/runner/work/_temp/.npmrc',
      KUBECONFIG: 'relative/ignored'
    },
    '/home/runner/runners/2.330.0'
  )
  expect(hide).toEqual(
    expect.arrayContaining([
      '/home/runner/work/_temp',
      '/home/runner/work/_temp/_runner_file_commands',
      '/elsewhere/summary',
      '/home/runner/runners/2.330.0',
      '/home/runner/.gitconfig',
      '/home/runner/.config/git',
      '/home/runner/.git-credentials',
      '/home/runner/.docker',
      '/home/runner/.ssh',
      '/home/runner/work/_temp/.npmrc'
    ])
  )
  expect(hide).not.toContain('relative/ignored')
  expect(hide).not.toContain('/home/runner')
})
