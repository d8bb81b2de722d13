// The action's own git against a hostile workspace, and the git and edit faults of a real
// repository, all through the built action (node dist/index.js) with real git.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { branchFiles, branchLog, git } from '../emulators/git'
import { OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const BRANCH = 'draft-review/issue-12'
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'ok', findings: [] } }
const call = (name: string, input: Record<string, unknown>): { name: string; input: Record<string, unknown> } => ({ name, input })
const fixSum = call('edit_file', { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: null })
const finish: EmulatorTurn = { toolCalls: [call('finish', { summary: 'done' })] }

let world: World
let marker: string
beforeEach(async () => {
  marker = await mkdtemp(join(tmpdir(), 'draft-review-marker-'))
})
afterEach(async () => {
  await world?.close()
  await rm(marker, { recursive: true, force: true })
})

/** The exact bytes of a file on the pushed branch. */
function pushedBytes(bareDir: string, path: string): Buffer {
  return execFileSync('git', ['cat-file', 'blob', `refs/heads/${BRANCH}:${path}`], { cwd: bareDir })
}

/** What a drafted test does to the repository: every way to make the action's git run a script or push a file. */
function attackScript(markerDir: string, extra: string): string {
  const ran = join(markerDir, 'ran')
  // The staging and committing come first: the test command's own git would trip over the traps below.
  return `set -e
${extra}
hook() { printf '#!/bin/sh\\necho "$1 $0" >> ${ran}\\n' > "$2"; chmod +x "$2"; }
for h in pre-push post-commit pre-commit reference-transaction post-checkout post-index-change pre-auto-gc push-to-checkout; do
  hook "$h" ".git/hooks/$h"
done
hook script "$PWD/.git/evil.sh"
mkdir -p .git/evilhooks
for h in pre-push post-commit reference-transaction post-index-change; do hook "$h" ".git/evilhooks/$h"; done
origin=$(git config --get remote.origin.url)
git config core.hooksPath "$PWD/.git/evilhooks"
git config core.fsmonitor "$PWD/.git/evil.sh"
git config diff.external "$PWD/.git/evil.sh"
git config filter.evil.clean "$PWD/.git/evil.sh"
git config filter.evil.smudge "$PWD/.git/evil.sh"
git config filter.evil.required true
echo '* filter=evil diff=evil' >> .git/info/attributes
git config diff.evil.textconv "$PWD/.git/evil.sh"
git config core.sshCommand "$PWD/.git/evil.sh"
git config credential.helper "!$PWD/.git/evil.sh"
git config remote.origin.receivepack "$PWD/.git/evil.sh"
git config remote.origin.uploadpack "$PWD/.git/evil.sh"
git config core.pager "$PWD/.git/evil.sh"
git config gpg.program "$PWD/.git/evil.sh"
git config commit.gpgSign true
git config protocol.ext.allow always
git config url."ext::$PWD/.git/evil.sh %S".insteadOf "$origin"
git config url."ext::$PWD/.git/evil.sh %S".pushInsteadOf "$origin"
`
}

test('a drafted test that rewrites hooks, git config and the index runs nothing in the action, and only the reviewed bytes are pushed', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const attack = attackScript(
    marker,
    `mkdir -p .github/workflows && echo 'on: push' > .github/workflows/evil.yml
git add -f .github/workflows/evil.yml
echo 'tampered' >> README.md && git add README.md
echo '// tampered after the draft' >> src/sum.js
git -c core.hooksPath=/dev/null -c commit.gpgSign=false -c user.name=evil -c user.email=evil@example.invalid commit -q --no-verify -m evil
git add -f .github/workflows/evil.yml`
  )
  world.anthropic.respond(SONNET, [{ toolCalls: [call('write_file', { path: 'attack.sh', content: attack }), fixSum] }, finish])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'bash attack.sh && node test.js' } })
  if (run.outputs['stop-reason'] !== 'approved') console.log(run.stdout, run.stderr)
  expect(run.outputs['stop-reason']).toBe('approved')
  // The attack really ran: it committed on the workspace's branch and set the config.
  expect(await git(world.workspace, ['config', '--get', 'core.hooksPath'])).toContain('evilhooks')
  expect(await git(world.workspace, ['log', '--all', '--format=%an'])).toContain('evil')

  expect(existsSync(join(marker, 'ran')) ? await readFile(join(marker, 'ran'), 'utf8') : 'no hook or script ran').toBe('no hook or script ran')
  const files = (await branchFiles(world.bareDir, BRANCH))!
  expect(Object.keys(files).sort()).toEqual([...Object.keys(SAMPLE_FILES), 'attack.sh'].sort())
  expect(files['src/sum.js']).toBe(FIXED_SUM)
  expect(files['README.md']).toBe(SAMPLE_FILES['README.md'])
  expect(files['attack.sh']).toBe(attack)
  expect(files['.github/workflows/evil.yml']).toBeUndefined()
  const log = await branchLog(world.bareDir, BRANCH)
  expect(log.map((c) => c.author)).not.toContain('evil <evil@example.invalid>')
})

test('tests mode: a file the test command stages and commits outside test-paths is not pushed', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: { ...ISSUE, labels: ['draft-review:tests'] } })
  const attack = attackScript(
    marker,
    `echo 'module.exports = "unreviewed"' > src/x.js && git add src/x.js
git -c core.hooksPath=/dev/null -c commit.gpgSign=false -c user.name=evil -c user.email=evil@example.invalid commit -q --no-verify -m evil
echo 'module.exports = "staged"' > src/y.js && git add src/y.js`
  )
  const test = "require('node:assert').ok(typeof require('../src/sum').sum === 'function')\n"
  world.anthropic.respond(SONNET, [
    { toolCalls: [call('write_file', { path: 'tests/attack.sh', content: attack }), call('write_file', { path: 'tests/sum.test.js', content: test })] },
    finish
  ])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ label: 'draft-review:tests', inputs: { 'test-command': 'bash tests/attack.sh && node tests/sum.test.js' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(existsSync(join(marker, 'ran'))).toBe(false)
  const files = (await branchFiles(world.bareDir, BRANCH))!
  expect(Object.keys(files).sort()).toEqual([...Object.keys(SAMPLE_FILES), 'tests/attack.sh', 'tests/sum.test.js'].sort())
  expect(files['tests/sum.test.js']).toBe(test)
})

test('ignored files are invisible to the tools: a .env canary is neither listed, read, searched nor written, and reaches no model', async () => {
  const canary = 'CANARY_dotenv_7d1e0a'
  world = await startWorld({ files: { ...SAMPLE_FILES, '.gitignore': '.env\nbuild/\nnode_modules/\n' }, issue: ISSUE })
  // What earlier steps of a job leave: a .env, build output, installed packages.
  await writeFile(join(world.workspace, '.env'), `API_KEY=${canary}\n`)
  execFileSync('mkdir', ['-p', join(world.workspace, 'build'), join(world.workspace, 'node_modules/pkg')])
  await writeFile(join(world.workspace, 'build/out.js'), `// ${canary}\n`)
  await writeFile(join(world.workspace, 'node_modules/pkg/index.js'), `// ${canary}\n`)
  const attempts = [
    call('read_file', { path: '.env', start_line: null, end_line: null }),
    call('read_file', { path: 'build/out.js', start_line: null, end_line: null }),
    call('read_file', { path: 'node_modules/pkg/index.js', start_line: null, end_line: null }),
    call('write_file', { path: '.env', content: 'API_KEY=overwritten\n' }),
    call('edit_file', { path: '.env', old_string: 'API_KEY', new_string: 'X', replace_all: null }),
    call('delete_file', { path: '.env' }),
    call('write_file', { path: 'build/new.js', content: 'x\n' }),
    call('list_files', { path: 'node_modules', pattern: null }),
    call('search', { pattern: 'CANARY', path: '.env', glob: null })
  ]
  const visible = [call('list_files', { path: null, pattern: null }), call('search', { pattern: 'CANARY|API_KEY', path: null, glob: null })]
  world.anthropic.respond(SONNET, [{ toolCalls: [...attempts, ...visible] }, { toolCalls: [fixSum] }, finish])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.outputs['stop-reason']).toBe('approved')
  const results = world.anthropic.requests.filter((r) => r.model === SONNET)[1]!.messages.at(-1)!.toolResults
  results.slice(0, attempts.length).forEach((r) => expect(r).toMatchObject({ isError: true, content: expect.stringMatching(/ignored by git/) }))
  const [listing, search] = results.slice(attempts.length)
  expect(listing!.content).toContain('src/sum.js')
  expect(listing!.content).not.toMatch(/\.env|build\/|node_modules/)
  // (Under heavy load the search may stop at its time limit: what it returns still holds no canary.)
  expect(search!.content).not.toContain(canary)
  expect(JSON.stringify([...world.anthropic.requests, ...world.openai.requests].map((r) => r.body))).not.toContain(canary)
  expect(await readFile(join(world.workspace, '.env'), 'utf8')).toBe(`API_KEY=${canary}\n`)
  expect(existsSync(join(world.workspace, 'build/new.js'))).toBe(false)
  const files = (await branchFiles(world.bareDir, BRANCH))!
  expect(Object.keys(files).sort()).toEqual(Object.keys({ ...SAMPLE_FILES, '.gitignore': '' }).sort())
})

test('edits keep a Latin-1 file\'s bytes and a CRLF file\'s line endings byte for byte; a binary file is refused', async () => {
  const latin1 = Buffer.from('# caf\xe9 cr\xe8me\nname = "M\xfcller"\nlast = 1\n', 'latin1')
  const crlf = 'one\r\ntwo\r\nthree\r\n'
  world = await startWorld({
    files: { ...SAMPLE_FILES, 'conf/legacy.ini': latin1, 'win.txt': crlf, 'data.bin': Buffer.from([1, 0, 2, 0]), 'logo.dat': 'GIF89a\n', '.gitattributes': 'logo.dat binary\n' },
    issue: ISSUE
  })
  world.anthropic.respond(SONNET, [
    {
      toolCalls: [
        call('edit_file', { path: 'conf/legacy.ini', old_string: 'last = 1', new_string: 'last = 2\nnote = "\xe0 bient\xf4t"', replace_all: null }),
        call('edit_file', { path: 'win.txt', old_string: 'two', new_string: 'two\ntwo and a half', replace_all: null }),
        call('edit_file', { path: 'win.txt', old_string: 'three\n', new_string: 'three\nfour\n', replace_all: null }),
        call('edit_file', { path: 'conf/legacy.ini', old_string: 'last = 2', new_string: 'last = \u2603', replace_all: null }),
        call('edit_file', { path: 'data.bin', old_string: '\u0001', new_string: 'x', replace_all: null }),
        call('edit_file', { path: 'logo.dat', old_string: 'GIF', new_string: 'PNG', replace_all: null }),
        fixSum
      ]
    },
    finish
  ])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.outputs['stop-reason']).toBe('approved')
  const results = world.anthropic.requests.filter((r) => r.model === SONNET)[1]!.messages.at(-1)!.toolResults
  expect(results.map((r) => r.isError)).toEqual([false, false, false, true, true, true, false])
  expect(results[3]!.content).toContain('Latin-1')
  expect(results[4]!.content).toContain('binary')
  expect(results[5]!.content).toContain('git holds it as binary')
  expect(pushedBytes(world.bareDir, 'conf/legacy.ini').equals(Buffer.from('# caf\xe9 cr\xe8me\nname = "M\xfcller"\nlast = 2\nnote = "\xe0 bient\xf4t"\n', 'latin1'))).toBe(true)
  expect(pushedBytes(world.bareDir, 'win.txt').toString('latin1')).toBe('one\r\ntwo\r\ntwo and a half\r\nthree\r\nfour\r\n')
  expect(pushedBytes(world.bareDir, 'data.bin').equals(Buffer.from([1, 0, 2, 0]))).toBe(true)
})

test('a full clone stays full, and scratch files, ignored paths and submodule paths do not stop the run from publishing', async () => {
  world = await startWorld({ files: { ...SAMPLE_FILES, '.gitignore': '*.log\n' }, issue: ISSUE })
  // A full clone (fetch-depth: 0) whose base has history, and a submodule that is not checked out.
  const ws = world.workspace
  await git(ws, ['fetch', '--quiet', '--unshallow', 'origin'])
  await writeFile(join(ws, '.gitmodules'), '[submodule "vendor/lib"]\n\tpath = vendor/lib\n\turl = https://example.invalid/lib.git\n')
  await git(ws, ['add', '.gitmodules'])
  await git(ws, ['update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`])
  await git(ws, ['commit', '--quiet', '-m', 'Add a submodule'])
  await git(ws, ['push', '--quiet', 'origin', 'HEAD:main'])
  expect((await git(ws, ['rev-parse', '--is-shallow-repository'])).trim()).toBe('false')
  world.anthropic.respond(SONNET, [
    {
      toolCalls: [
        call('write_file', { path: 'scratch.txt', content: 'notes\n' }),
        call('delete_file', { path: 'scratch.txt' }),
        call('write_file', { path: 'debug.log', content: 'x\n' }),
        call('write_file', { path: 'vendor/lib/patch.js', content: 'x\n' }),
        fixSum
      ]
    },
    finish
  ])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', branch: BRANCH })
  const results = world.anthropic.requests.filter((r) => r.model === SONNET)[1]!.messages.at(-1)!.toolResults
  expect(results.map((r) => r.isError)).toEqual([false, false, true, true, false])
  expect(results[3]!.content).toContain('submodule vendor/lib')
  expect((await git(ws, ['rev-parse', '--is-shallow-repository'])).trim()).toBe('false')
  expect((await git(ws, ['rev-list', '--count', 'refs/remotes/origin/main'])).trim()).toBe('2')
  expect(pushedBytes(world.bareDir, 'src/sum.js').toString()).toBe(FIXED_SUM)
  const tree = await git(world.bareDir, ['ls-tree', '-r', '--name-only', `refs/heads/${BRANCH}`])
  expect(tree.split('\n').filter(Boolean).sort()).toEqual([...Object.keys(SAMPLE_FILES), '.gitignore', '.gitmodules', 'vendor/lib'].sort())
  expect((await git(world.bareDir, ['ls-tree', `refs/heads/${BRANCH}`, 'vendor/lib'])).trim()).toMatch(/^160000 commit 1{40}\tvendor\/lib$/)
  expect(world.github.pulls(`${OWNER}/${REPO}`)).toHaveLength(1)
})
