import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { branchFiles, git } from '../emulators/git'
import { OWNER, REPO, SECRETS, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'ok', findings: [] } }
const edit = (from: string, to: string): EmulatorTurn => ({
  toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: from, new_string: to, replace_all: false } }]
})
const finish: EmulatorTurn = { toolCalls: [{ name: 'finish', input: { summary: 'done' } }] }

let world: World
afterEach(async () => {
  await world.close()
})

test('canaries in every secret slot reach no model request, comment, output, job summary or log', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const runtimeToken = 'canary-actions-runtime-7f3a9c'
  const idToken = 'canary-id-token-request-5b2e81'
  // What actions/checkout persists in .git/config: the token, base64-encoded.
  const basic = Buffer.from(`x-access-token:${SECRETS.githubToken}`).toString('base64')
  await git(world.workspace, ['config', '--local', 'http.https://github.example/.extraheader', `AUTHORIZATION: basic ${basic}`])
  world.anthropic.respond('claude-sonnet-4-6', [
    { toolCalls: [{ name: 'read_file', input: { path: '.git/config', start_line: null, end_line: null } }] },
    edit('return a - b', 'return a * b'),
    finish,
    edit('return a * b', 'return a + b'),
    finish
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({
    inputs: { 'test-command': 'env; cat .git/config; node test.js' },
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken, ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken, GH_TOKEN: SECRETS.githubToken }
  })
  expect(run.outputs['stop-reason']).toBe('approved')

  // The failing test run's output went back to the drafter: it printed the environment and .git/config.
  const feedback = world.anthropic.requests.filter((r) => r.model === 'claude-sonnet-4-6')[3]!.messages.at(-1)!.text
  expect(feedback).toContain('PATH=')
  // The sandbox took checkout's extraheader out of .git/config while the test ran, and put it back after.
  expect(feedback).toContain('[core]')
  expect(feedback).not.toContain('AUTHORIZATION')
  expect(await git(world.workspace, ['config', '--local', 'http.https://github.example/.extraheader'])).toBe(`AUTHORIZATION: basic ${basic}\n`)
  for (const name of ['INPUT_', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN']) {
    expect(feedback).not.toContain(name)
  }
  const refused = world.anthropic.requests[1]!.messages.at(-1)!.toolResults[0]!
  expect(refused).toMatchObject({ isError: true })

  const canaries = [SECRETS.githubToken, SECRETS.anthropicKey, SECRETS.openaiKey, basic, runtimeToken, idToken]
  const pr = world.github.pulls(repo)[0]!
  const places: Record<string, string> = {
    'model requests': JSON.stringify([...world.anthropic.requests, ...world.openai.requests].map((r) => r.body)),
    comments: JSON.stringify([...world.github.comments(repo, pr.number), ...world.github.comments(repo, ISSUE.number)]),
    'pull request': JSON.stringify(pr),
    outputs: JSON.stringify(run.outputs),
    'job summary': run.stepSummary,
    // The runner consumes ::add-mask:: lines itself; everything else is the visible log.
    log: (run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, ''),
    'commit messages': await git(world.bareDir, ['log', '--format=%B', 'draft-review/issue-12'])
  }
  for (const [place, text] of Object.entries(places)) {
    for (const canary of canaries) expect({ place, leaked: text.includes(canary) }).toEqual({ place, leaked: false })
  }
})

test('every path escape is refused with a tool error, and nothing refused is written or committed', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const outside = await mkdtemp(join(tmpdir(), 'draft-review-outside-'))
  await writeFile(join(outside, 'secret.txt'), 'outside\n')
  await symlink(outside, join(world.workspace, 'link'))
  const gitConfigBefore = await readFile(join(world.workspace, '.git/config'), 'utf8')
  const attempts: [string, Record<string, unknown>][] = [
    ['read_file', { path: '/etc/passwd', start_line: null, end_line: null }],
    ['read_file', { path: 'link/secret.txt', start_line: null, end_line: null }],
    ['write_file', { path: '../escape.txt', content: 'x' }],
    ['write_file', { path: '/tmp/draft-review-absolute.txt', content: 'x' }],
    ['write_file', { path: 'link/evil.txt', content: 'x' }],
    ['write_file', { path: '.git/config', content: '[core]\n' }],
    ['write_file', { path: '.git/hooks/pre-commit', content: '#!/bin/sh\n' }],
    ['write_file', { path: '.github/workflows/ci.yml', content: 'on: push\njobs: { steal: {} }\n' }],
    ['delete_file', { path: '.github/workflows/ci.yml' }]
  ]
  world.anthropic.respond('claude-sonnet-4-6', [
    { toolCalls: attempts.map(([name, input]) => ({ name, input })) },
    edit('return a - b', 'return a + b'),
    finish
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  try {
    const run = await world.run()
    expect(run.outputs['stop-reason']).toBe('approved')
    const results = world.anthropic.requests[1]!.messages.at(-1)!.toolResults
    expect(results).toHaveLength(attempts.length)
    for (const r of results) expect(r.isError).toBe(true)
    expect(results.map((r) => r.content).join('\n')).not.toContain('outside\n')
    expect(existsSync(join(world.workspace, '..', 'escape.txt'))).toBe(false)
    expect(existsSync('/tmp/draft-review-absolute.txt')).toBe(false)
    expect(existsSync(join(outside, 'evil.txt'))).toBe(false)
    expect(await readFile(join(world.workspace, '.git/config'), 'utf8')).toBe(gitConfigBefore)
    expect(existsSync(join(world.workspace, '.git/hooks/pre-commit'))).toBe(false)
    const files = (await branchFiles(world.bareDir, 'draft-review/issue-12'))!
    expect(files['.github/workflows/ci.yml']).toBe(SAMPLE_FILES['.github/workflows/ci.yml'])
    expect(files['src/sum.js']).toBe(FIXED_SUM)
    expect(Object.keys(files).sort()).toEqual(Object.keys(SAMPLE_FILES).sort())
  } finally {
    await rm(outside, { recursive: true, force: true })
  }
})

test('a diff over max-diff-lines is not reviewed: the draft is kept and the step fails saying why', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const big = Array.from({ length: 30 }, (_, i) => `// line ${i}`).join('\n') + '\n'
  world.anthropic.respond('claude-sonnet-4-6', [{ toolCalls: [{ name: 'write_file', input: { path: 'src/big.js', content: big } }] }, finish])
  const run = await world.run({ inputs: { 'max-diff-lines': '20' } })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain("::error::the draft's diff has 30 lines, over max-diff-lines (20)")
  expect(run.outputs['stop-reason']).toBe('error')
  expect(world.anthropic.requests.filter((r) => r.model === 'claude-opus-4-8')).toHaveLength(0)
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/big.js']).toBe(big)
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
})
