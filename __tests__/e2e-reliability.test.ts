import { branchFiles, git } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const reject: EmulatorTurn = { json: { verdict: 'reject', summary: 'Not yet.', findings: [] } }
const fix: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
]
const progressOf = (w: World) => w.github.comments(repo, ISSUE.number).filter((c) => c.body.startsWith('<!-- draft-review:progress -->'))

let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
})
afterEach(async () => {
  await world.close()
})

test('429 with retry-after, then 529 overloaded: the SDK retries and the run succeeds', async () => {
  world.anthropic.failNext({ status: 429, headers: { 'retry-after': '0' }, model: SONNET })
  world.anthropic.failNext({ status: 529, headers: { 'retry-after': '0' }, model: OPUS })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', reviews: '1' })
  expect(world.anthropic.requests.filter((r) => r.model === SONNET)).toHaveLength(3)
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(2)
})

test('500 every time: the step fails, the issue says what failed where, and the draft is kept', async () => {
  world.anthropic.respond(SONNET, fix)
  world.anthropic.failNext({ status: 500, times: 20, model: OPUS, headers: { 'retry-after': '0' } })
  const run = await world.run()
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toMatch(/::error::the reviewer call to anthropic:claude-opus-4-8 failed: 500/)
  expect(run.outputs['stop-reason']).toBe('error')
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(4) // 1 + the SDK's 3 retries
  const [progress] = progressOf(world)
  expect(progress!.body).toContain('**Failed while reviewing (1):** the reviewer call to anthropic:claude-opus-4-8 failed: 500')
  expect(progress!.body).not.toMatch(/\bat .*\.js:\d+/) // no stack dump
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
  expect(progress!.body).toContain('The work so far is on draft pull request #')
})

test('a hung request is cut at model-timeout-seconds and retried', async () => {
  world.anthropic.failNext({ status: 200, hang: true, model: SONNET })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'model-timeout-seconds': '1' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.anthropic.requests.filter((r) => r.model === SONNET)).toHaveLength(3)
})

test('a provider that never answers ends the run at run-timeout-minutes, cleanly and with the work kept', async () => {
  world.anthropic.respond(SONNET, fix)
  world.anthropic.failNext({ status: 200, hang: true, model: OPUS, times: 20 })
  const started = Date.now()
  const run = await world.run({ inputs: { 'run-timeout-minutes': '0.05', 'model-timeout-seconds': '60' } })
  expect(Date.now() - started).toBeLessThan(15_000)
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain('::error::the run reached run-timeout-minutes (0.05) and stopped')
  expect(run.outputs['stop-reason']).toBe('error')
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
  expect(progressOf(world)[0]!.body).toContain('**Failed while reviewing (1):** the run reached run-timeout-minutes')
})

test('GitHub 502 on comment creation and a 403 secondary rate limit on the pull request are retried', async () => {
  world.github.failNext({ method: 'POST', path: /\/pulls$/, status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } })
  world.github.failNext({ method: 'POST', path: /\/issues\/13\/comments$/, status: 502 })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.exitCode).toBe(0)
  expect(world.github.pulls(repo)).toHaveLength(1)
  expect(world.github.comments(repo, 13)).toHaveLength(1)
  expect(run.stdout).toContain('secondary rate limit')
})

test('an empty draft stops with no-changes: no pull request, the summary on the issue', async () => {
  world.anthropic.respond(SONNET, [{ toolCalls: [{ name: 'finish', input: { summary: 'Nothing to do.' } }] }])
  const run = await world.run()
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'no-changes', 'pr-number': '', drafts: '1', reviews: '0' })
  expect(world.github.pulls(repo)).toHaveLength(0)
  const comments = world.github.comments(repo, ISSUE.number)
  expect(comments.filter((c) => markerOf(c.body))).toHaveLength(1)
  expect(progressOf(world)[0]!.body).toContain('**Stopped: the drafter changed nothing.** No pull request was opened.')
})

test('an answer cut off at max_tokens is answered with a note, and the drafter carries on', async () => {
  world.anthropic.respond(SONNET, [{ text: 'I will now write the whole fi', stopReason: 'max_tokens' }, ...fix])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.outputs['stop-reason']).toBe('approved')
  const second = world.anthropic.requests.filter((r) => r.model === SONNET)[1]!
  expect(second.messages.at(-1)!.text).toContain('cut off at the output limit')
  const summary = world.github.comments(repo, Number(run.outputs['pr-number']))[0]!.body
  expect(summary).toContain('Handled along the way: 1 answer cut off at the output limit.')
})

test('the same run twice, failing then succeeding: one pull request, one summary, one progress comment', async () => {
  world.anthropic.respond(SONNET, fix)
  world.anthropic.failNext({ status: 500, times: 4, model: OPUS, headers: { 'retry-after': '0' } })
  const first = await world.run()
  expect(first.exitCode).toBe(1)
  const pr = world.github.pulls(repo)[0]!
  expect(pr.draft).toBe(true)

  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const second = await world.run()
  expect(second.exitCode).toBe(0)
  expect(second.outputs).toMatchObject({ 'stop-reason': 'approved', 'pr-number': String(pr.number) })
  expect(world.github.pulls(repo)).toHaveLength(1)
  expect(world.github.pulls(repo)[0]!.draft).toBe(false) // marked ready for review
  const summaries = [...world.github.comments(repo, pr.number), ...world.github.comments(repo, ISSUE.number)].filter((c) => markerOf(c.body))
  expect(summaries).toHaveLength(1)
  expect(markerOf(summaries[0]!.body)).toMatchObject({ approved: true })
  expect(progressOf(world)).toHaveLength(1)
  expect(progressOf(world)[0]!.body).toContain('**Done: the reviewer approved.**')
  // The branch was started anew from main: one draft commit on top of it.
  const log = await git(world.bareDir, ['log', '--format=%s', 'draft-review/issue-12'])
  expect(log.trim().split('\n')).toEqual(['draft-review: draft 1 for #12', 'Initial commit'])
})

test('another run that moves the branch meanwhile is not overwritten: this run keeps its work on its own branch', async () => {
  world.anthropic.respond(SONNET, async (_req, i) => {
    if (i === 1) {
      // A concurrent run pushes its own draft to the same branch while ours is drafting.
      await git(world.bareDir, ['branch', 'draft-review/issue-12', 'main'])
    }
    return fix[Math.min(i, 1)]!
  })
  world.anthropic.respond(OPUS, [reject])
  const run = await world.run({ inputs: { 'max-iterations': '1' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs.branch).toBe('draft-review/issue-12-run-1001')
  expect(run.stdout).toContain('changed on origin while this run worked')
  expect(await git(world.bareDir, ['rev-parse', 'draft-review/issue-12'])).toBe(await git(world.bareDir, ['rev-parse', 'main']))
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12-run-1001'))?.['src/sum.js']).toBe(FIXED_SUM)
})
