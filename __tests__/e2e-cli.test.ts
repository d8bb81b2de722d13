import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { branchFiles, checkoutWorkspace, git } from '../emulators/git'
import { OWNER, REPO, SECRETS, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { Git } from '../src/git'
import { Ledger } from '../src/ledger'
import { record } from './fixtures/ledger-records'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const CLI = resolve(import.meta.dirname, '../dist/cli.js')
const fix: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
]
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }

let world: World
let scratch: string
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  scratch = await mkdtemp(join(tmpdir(), 'draft-review-cli-'))
})
afterEach(async () => {
  await world.close()
  await rm(scratch, { recursive: true, force: true })
})

// The scripted conversations name these models.
const MODELS = ['--drafter-model', 'anthropic:claude-sonnet-4-6', '--reviewer-model', 'anthropic:claude-opus-4-8']

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: world.workspace,
      env: { PATH: process.env.PATH!, HOME: scratch, ANTHROPIC_API_KEY: SECRETS.anthropicKey, ANTHROPIC_BASE_URL: world.anthropic.url, ...env }
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) => ok({ code: code ?? -1, stdout, stderr }))
  })
}

test('run from an issue file: the loop on the local checkout, progress in the terminal, no pull request', async () => {
  await writeFile(join(scratch, 'issue.md'), '# sum() subtracts\n\nsum(2, 3) should be 5.\n')
  world.anthropic.respond('claude-sonnet-4-6', fix)
  world.anthropic.respond('claude-opus-4-8', [approve])
  const r = await cli(['run', '--issue-file', join(scratch, 'issue.md'), '--test-command', 'node test.js', ...MODELS])
  expect(r.code).toBe(0)
  expect(r.stderr).toContain('⏳ Drafting 1 of up to 9 with anthropic:claude-sonnet-4-6')
  expect(r.stderr).toContain('✅ Tests on draft 1: passed')
  expect(r.stderr).toContain('✅ Review 1: approved')
  expect(r.stdout).toContain('<!-- draft-review:summary ')
  expect(r.stdout).toContain('✅ **Approved**')
  expect(world.anthropic.requests[0]!.messages[0]!.text).toContain('Title: sum() subtracts') // the title, inside the untrusted fence
  // The work is a local branch; nothing went to GitHub or origin.
  expect((await git(world.workspace, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe('draft-review/local-sum-subtracts')
  expect(await git(world.workspace, ['show', 'HEAD:src/sum.js'])).toBe(FIXED_SUM)
  expect(world.github.requests).toHaveLength(0)
  expect(await branchFiles(world.bareDir, 'draft-review/local-sum-subtracts')).toBeNull()
})

test('run --issue N --open-pr reads the issue from GitHub and opens the pull request', async () => {
  world.anthropic.respond('claude-sonnet-4-6', fix)
  world.anthropic.respond('claude-opus-4-8', [approve])
  const r = await cli(['run', '--issue', '12', '--repo', `${OWNER}/${REPO}`, '--open-pr', ...MODELS], { GITHUB_TOKEN: SECRETS.githubToken, GITHUB_API_URL: world.github.url })
  expect(r.code).toBe(0)
  expect(r.stderr).not.toContain(SECRETS.githubToken)
  const [pr] = world.github.pulls(`${OWNER}/${REPO}`)
  expect(pr).toMatchObject({ head: 'draft-review/issue-12', draft: false })
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
})

test('a dirty working tree is refused before any model call; bad options name the option', async () => {
  await writeFile(join(world.workspace, 'src/sum.js'), 'changed\n')
  await writeFile(join(scratch, 'issue.md'), '# x\n')
  const dirty = await cli(['run', '--issue-file', join(scratch, 'issue.md')])
  expect(dirty.code).toBe(1)
  expect(dirty.stderr).toContain('uncommitted changes')
  const bad = await cli(['run', '--issue-file', join(scratch, 'issue.md'), '--max-cost-usd', 'lots'])
  expect(bad.code).toBe(1)
  expect(bad.stderr).toContain("Option '--max-cost-usd': 'lots' is not a number")
  expect(world.anthropic.requests).toHaveLength(0)
  expect((await cli(['frobnicate'])).code).toBe(2)
})

test('report prints the ledger read from origin', async () => {
  const ledger = new Ledger(new Git(await checkoutWorkspace(world.bareDir)))
  await ledger.append(record({ runId: 'a', category: 'bug' }))
  await ledger.append(record({ runId: 'b', category: 'bug', firstDraftApproved: false, reviews: 2, rejections: 1 }))
  const r = await cli(['report'])
  expect(r.code).toBe(0)
  expect(r.stdout).toContain('| bug · changes | 2 | 50% | 33.3% |')
})
