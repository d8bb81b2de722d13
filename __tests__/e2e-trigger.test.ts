import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { OWNER, REPO, startWorld, type World } from '../emulators/harness'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
})
afterEach(async () => {
  await world.close()
})

function nothingHappened(): void {
  expect(world.anthropic.requests).toHaveLength(0)
  expect(world.openai.requests).toHaveLength(0)
  expect(world.github.comments(repo, ISSUE.number)).toHaveLength(0)
  expect(world.github.pulls(repo)).toHaveLength(0)
}

test('another label ends the step successfully with a notice and nothing else', async () => {
  const run = await world.run({ label: 'bug' })
  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain("::notice::draft-review skipped: label 'bug' is neither")
  expect(run.outputs['stop-reason']).toBe('skipped')
  nothingHappened()
})

test('a sender without write permission gets no model call, and the workspace is not touched', async () => {
  const index = join(world.workspace, '.git', 'index')
  const before = await stat(index, { bigint: true })
  const run = await world.run({ sender: { login: 'visitor' } })
  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain("visitor has 'read' permission")
  expect(run.outputs['stop-reason']).toBe('skipped')
  nothingHappened()
  // No git ran in it: not even the index refresh a real run starts with.
  const after = await stat(index, { bigint: true })
  expect([after.ino, after.mtimeNs, after.ctimeNs]).toEqual([before.ino, before.mtimeNs, before.ctimeNs])
})

test('a bot sender never starts a run', async () => {
  const run = await world.run({ sender: { login: 'github-actions[bot]', type: 'Bot' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs['stop-reason']).toBe('skipped')
  nothingHappened()
})

// A missing provider key is checked once a model will be called: __tests__/e2e-no-key.test.ts.
test.each([
  [{ 'drafter-model': 'gemini:pro' }, "Input 'drafter-model': unknown provider 'gemini'"],
  [{ 'reviewer-model': 'openai:gpt-9000' }, "Input 'reviewer-model': no price is known for 'openai:gpt-9000'"],
  [{ 'max-cost-usd': 'lots' }, "Input 'max-cost-usd'"],
  [{ prices: '{oops' }, "Input 'prices': is not valid JSON"]
])('bad input %j fails the step before any call, naming the input', async (inputs, message) => {
  const run = await world.run({ inputs })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain(`::error::${message}`)
  expect(run.outputs).toEqual({ approved: 'false', 'stop-reason': 'error' })
  nothingHappened()
  expect(world.github.requests).toHaveLength(0)
})

test('workflow_dispatch works on issue-number, in tests mode when the issue carries the tests label', async () => {
  await world.close()
  world = await startWorld({ files: SAMPLE_FILES, issue: { ...ISSUE, labels: ['draft-review:tests'] } })
  world.anthropic.respond('claude-sonnet-4-6', [
    { toolCalls: [{ name: 'write_file', input: { path: 'tests/sum.test.js', content: 'test\n' } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'tests' } }] }
  ])
  world.anthropic.respond('claude-opus-4-8', [{ json: { verdict: 'approve', summary: 'ok', findings: [] } }])
  const run = await world.run({ eventName: 'workflow_dispatch', payload: { inputs: {}, sender: { login: 'admin', type: 'User' } }, inputs: { 'issue-number': '12' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.github.pulls(repo)[0]!.body).toContain('Refs #12')
})
