import { branchFiles, pushPersonCommit } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const repo = `${OWNER}/${REPO}`
const approve = (summary = 'Correct and tested.'): EmulatorTurn => ({ json: { verdict: 'approve', summary, findings: [] } })
const fixTurns: EmulatorTurn[] = [
  { toolCalls: [{ name: 'read_file', input: { path: 'src/sum.js', start_line: null, end_line: null } }] },
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() now adds.' } }] }
]

let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
})
afterEach(async () => {
  await world.close()
})

test('approve first time: branch, ready pull request, one summary comment, outputs', async () => {
  world.anthropic.respond(SONNET, fixTurns)
  world.anthropic.respond(OPUS, [approve()])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', drafts: '1', reviews: '1', rejections: '0', 'reject-rate': '0', branch: 'draft-review/issue-12' })
  const files = await branchFiles(world.bareDir, 'draft-review/issue-12')
  expect(files?.['src/sum.js']).toBe(FIXED_SUM)
  const [pr] = world.github.pulls(repo)
  expect(pr).toMatchObject({ draft: false, head: 'draft-review/issue-12', base: 'main', state: 'open' })
  expect(pr!.body).toContain('Closes #12')
  expect(run.outputs['pr-number']).toBe(String(pr!.number))
  const comments = world.github.comments(repo, pr!.number)
  expect(comments).toHaveLength(1)
  const marker = markerOf(comments[0]!.body)
  expect(marker).toMatchObject({ version: 1, issue: 12, mode: 'changes', approved: true, stopReason: 'approved', drafts: 1, reviews: 1, rejections: 0, rejectRate: 0 })
  expect(marker!.usage.map((u: any) => [u.role, u.model, u.calls])).toEqual([
    ['drafter', 'anthropic:claude-sonnet-4-6', 3],
    ['reviewer', 'anthropic:claude-opus-4-8', 1]
  ])
  expect(String(marker!.costUsd)).toBe(run.outputs['cost-usd'])
  expect(run.stepSummary).toContain('<!-- draft-review:summary ')
})

test('a first run asks GitHub only what it does not know: the issue\'s comments once, nothing about the repository or the pull request it opens', async () => {
  world.anthropic.respond(SONNET, fixTurns)
  world.anthropic.respond(OPUS, [approve()])
  const run = await world.run({ inputs: {} })
  expect(run.exitCode).toBe(0)
  const [pr] = world.github.pulls(repo)
  const asked = world.github.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)
  // The summary and the progress comment are looked for in one listing of the issue's comments.
  expect(asked.filter((r) => r === `GET /repos/${repo}/issues/12/comments`)).toHaveLength(1)
  // The branch was not on origin: no open pull request is looked for, and the new one has no comments to read.
  expect(asked.filter((r) => r.startsWith(`GET /repos/${repo}/pulls`))).toEqual([])
  expect(asked).not.toContain(`GET /repos/${repo}/issues/${pr!.number}/comments`)
  // The event names the default branch.
  expect(asked).not.toContain(`GET /repos/${repo}`)
  expect(world.github.comments(repo, pr!.number)).toHaveLength(1)
  expect(world.github.comments(repo, 12).filter((c) => c.body.includes('draft-review:progress'))).toHaveLength(1)
})

test("origin's main moved on since the checkout: the map the drafter reads is of the commit its branch starts from", async () => {
  // The workspace is clean at the checkout's commit, so the listing made while GitHub answers
  // is of that commit; the branch starts at origin's newer main, and the map must say so.
  await pushPersonCommit(world.bareDir, 'main', { 'src/product.js': 'module.exports = { product: (a, b) => a * b }\n' }, { name: 'Ana', email: 'ana@example.com', message: 'product' })
  world.anthropic.respond(SONNET, fixTurns)
  world.anthropic.respond(OPUS, [approve()])
  const run = await world.run({ inputs: {} })
  expect(run.exitCode).toBe(0)
  const first = world.anthropic.requests[0]!.messages[0]!.text
  expect(first).toContain(`Repository: ${Object.keys(SAMPLE_FILES).length + 1} files`)
  expect(first).toContain('product.js')
  expect(await branchFiles(world.bareDir, 'draft-review/issue-12')).toHaveProperty(['src/product.js'])
})

test('reject then approve: the findings reach the drafter in the same conversation', async () => {
  const finding = 'Also cover negative numbers in test.js'
  world.anthropic.respond(SONNET, [
    ...fixTurns,
    // After the reject: the drafter's next request must carry the reviewer's finding.
    { toolCalls: [{ name: 'edit_file', input: { path: 'test.js', old_string: 'assert.strictEqual(sum(2, 3), 5)', new_string: 'assert.strictEqual(sum(2, 3), 5)\nassert.strictEqual(sum(-2, -3), -5)', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Added a negative case.' } }] }
  ])
  world.anthropic.respond(OPUS, [
    { json: { verdict: 'reject', summary: 'Missing a case.', findings: [{ file: 'test.js', line: 3, severity: 'major', message: finding }] } },
    approve()
  ])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', drafts: '2', reviews: '2', rejections: '1', 'reject-rate': '0.5' })
  const drafterCalls = world.anthropic.requests.filter((r) => r.model === SONNET)
  const afterReject = drafterCalls[3]!
  const last = afterReject.messages[afterReject.messages.length - 1]!
  expect(last.text).toContain(finding)
  // Same conversation: the first draft's turns are still there, the finish call answered first.
  expect(afterReject.messages.length).toBe(drafterCalls[2]!.messages.length + 2)
  const finishCall = afterReject.messages[afterReject.messages.length - 2]!.toolCalls[0]!
  expect(finishCall.name).toBe('finish')
  expect(last.toolResults.map((t) => t.callId)).toEqual([finishCall.id])
  const pr = world.github.pulls(repo)[0]!
  expect(pr.draft).toBe(false)
  const marker = markerOf(world.github.comments(repo, pr.number)[0]!.body)!
  expect(marker).toMatchObject({ reviews: 2, rejections: 1, rejectRate: 0.5, firstReviewApproved: false })
  expect(world.github.comments(repo, pr.number)[0]!.body).toContain(finding)
})

test('the iteration cap ends the run with a draft pull request', async () => {
  world.anthropic.respond(SONNET, (req, i) =>
    i % 2 === 0
      ? { toolCalls: [{ name: 'write_file', input: { path: 'src/sum.js', content: `// attempt ${i}\n` + 'function sum(a, b) {\n  return a + b\n}\nmodule.exports = { sum }\n' } }] }
      : { toolCalls: [{ name: 'finish', input: { summary: `attempt ${i}` } }] }
  )
  const reject = { json: { verdict: 'reject', summary: 'Not yet.', findings: [{ file: 'src/sum.js', line: 1, severity: 'minor', message: 'Keep the original comment.' }] } }
  world.anthropic.respond(OPUS, [reject, reject])
  const run = await world.run({ inputs: { 'max-iterations': '2' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ approved: 'false', 'stop-reason': 'max-iterations', drafts: '2', reviews: '2', rejections: '2', 'reject-rate': '1' })
  const pr = world.github.pulls(repo)[0]!
  expect(pr.draft).toBe(true)
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(2)
})

test('the budget cap stops before a call that could pass it, and the spend never exceeds it', async () => {
  // The drafter keeps exploring; each call is real-sized, so the run must stop on the budget.
  world.anthropic.respond(SONNET, (_req, i) =>
    i === 0
      ? { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] }
      : { toolCalls: [{ name: 'search', input: { pattern: 'sum', path: null, glob: null } }], usage: { input: 900, output: 400 } }
  )
  const run = await world.run({ inputs: { 'max-cost-usd': '0.05' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs['stop-reason']).toBe('max-cost')
  const cost = Number(run.outputs['cost-usd'])
  expect(cost).toBeGreaterThan(0)
  expect(cost).toBeLessThanOrEqual(0.05)
  expect(world.anthropic.requests.filter((r) => r.model === SONNET).length).toBeGreaterThanOrEqual(2)
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(0)
  // The work is not lost: the edit is pushed as a draft pull request.
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
})

test('the test gate: no review until the tests pass, and the failure output goes back', async () => {
  world.anthropic.respond(SONNET, [
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a * b', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Fixed it.' } }] },
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a * b', new_string: 'return a + b', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Really fixed it.' } }] }
  ])
  world.anthropic.respond(OPUS, [approve()])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', drafts: '2', reviews: '1' })
  const third = world.anthropic.requests.filter((r) => r.model === SONNET)[2]!
  const feedback = third.messages[third.messages.length - 1]!.text
  expect(feedback).toContain('node test.js')
  expect(feedback).toContain('AssertionError')
  const review = world.anthropic.requests.find((r) => r.model === OPUS)!
  expect(review.messages[0]!.text).toContain('+  return a + b')
  expect(review.messages[0]!.text).not.toContain('a * b')
})

test('tests mode writes only under test-paths and links the issue with Refs', async () => {
  world.anthropic.respond(SONNET, [
    { toolCalls: [{ name: 'write_file', input: { path: 'src/sum.js', content: 'hacked\n' } }] },
    { toolCalls: [{ name: 'write_file', input: { path: 'test/sum.test.js', content: "require('node:assert').strictEqual(require('../src/sum').sum(1, 1), 2)\n" } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'A test for sum.' } }] }
  ])
  world.anthropic.respond(OPUS, [approve('A good failing test.')])
  const run = await world.run({ label: 'draft-review:tests' })
  expect(run.outputs['stop-reason']).toBe('approved')
  const refused = world.anthropic.requests.filter((r) => r.model === SONNET)[1]!
  const result = refused.messages[refused.messages.length - 1]!.toolResults[0]!
  expect(result.isError).toBe(true)
  expect(result.content).toContain('only test files may be written')
  const files = (await branchFiles(world.bareDir, 'draft-review/issue-12'))!
  expect(files['src/sum.js']).toBe(SAMPLE_FILES['src/sum.js'])
  expect(files['test/sum.test.js']).toContain('strictEqual')
  const pr = world.github.pulls(repo)[0]!
  expect(pr.body).toContain('Refs #12')
  expect(pr.body).not.toContain('Closes')
  expect(markerOf(world.github.comments(repo, pr.number)[0]!.body)).toMatchObject({ mode: 'tests' })
})

test("the contract's seed figures: 0.18, 0.25 and 28%", async () => {
  world.anthropic.respond(SONNET, [
    {
      toolCalls: [
        { name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } },
        { name: 'finish', input: { summary: 'Fixed.' } }
      ],
      usage: { input: 10_000, output: 5_000 }
    }
  ])
  world.anthropic.respond(OPUS, [{ ...approve(), usage: { input: 10_000, output: 1_000 } }])
  const run = await world.run()
  expect(run.outputs).toMatchObject({ 'cost-usd': '0.18', 'premium-only-cost-usd': '0.25', 'savings-pct': '28' })
  const marker = markerOf(world.github.comments(repo, Number(run.outputs['pr-number']))[0]!.body)!
  expect(marker).toMatchObject({ costUsd: 0.18, premiumOnlyCostUsd: 0.25, savingsPct: 28 })
  expect(marker.usage).toEqual([
    { role: 'drafter', model: 'anthropic:claude-sonnet-4-6', calls: 1, inputTokens: 10000, outputTokens: 5000, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.105 },
    { role: 'reviewer', model: 'anthropic:claude-opus-4-8', calls: 1, inputTokens: 10000, outputTokens: 1000, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.075 }
  ])
})
