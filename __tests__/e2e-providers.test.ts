import { branchFiles } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn, ModelEmulator } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const fix: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
]

let world: World
afterEach(async () => {
  await world.close()
})

async function expectApprovedFix(): Promise<Record<string, any>> {
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
  const pr = world.github.pulls(repo)[0]!
  return markerOf(world.github.comments(repo, pr.number)[0]!.body)!
}

function noRejected(...emus: ModelEmulator[]): void {
  for (const e of emus) expect(e.rejected).toEqual([])
}

test('OpenAI for both roles: tool calls, strict json_schema verdict, cached tokens counted', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.openai.respond('gpt-6.1-terra', fix)
  world.openai.respond('gpt-6.1-sol', [approve])
  const run = await world.run({
    inputs: { 'drafter-model': 'openai:gpt-6.1-terra', 'reviewer-model': 'openai:gpt-6.1-sol', 'anthropic-api-key': '', 'test-command': 'node test.js' }
  })
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  // gpt-6.* models refuse max_tokens: the adapter must send max_completion_tokens from the start.
  noRejected(world.openai)
  const review = world.openai.requests.find((r) => r.model === 'gpt-6.1-sol')!
  expect(review.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true } })
  const marker = await expectApprovedFix()
  expect(marker.usage.map((u: any) => u.model)).toEqual(['openai:gpt-6.1-terra', 'openai:gpt-6.1-sol'])
  expect(world.anthropic.requests).toHaveLength(0)
})

test('mixed: a cheap OpenAI-compatible drafter with a premium Anthropic reviewer', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'deepseek' })
  world.openai.respond('deepseek-flash', fix)
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({
    inputs: { 'drafter-model': 'openai:deepseek-flash', prices: '{"openai:deepseek-flash": {"input": 0.3, "output": 1.2, "cacheRead": 0.006, "cacheWrite": 0}}' }
  })
  expect(run.outputs['stop-reason']).toBe('approved')
  noRejected(world.openai, world.anthropic)
  const review = world.anthropic.requests[0]!
  expect(review.body.output_config).toMatchObject({ format: { type: 'json_schema' } })
  const marker = await expectApprovedFix()
  expect(marker.usage[0]).toMatchObject({ role: 'drafter', model: 'openai:deepseek-flash', calls: 2 })
  expect(Number(run.outputs['savings-pct'])).toBeGreaterThan(50)
})

test('Anthropic drafter with a reviewer on a server without structured output: the JSON is asked for in the prompt', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'bare' })
  world.anthropic.respond('claude-sonnet-4-6', fix)
  world.openai.respond('qwen3-coder', [{ text: 'Here you go:\n```json\n{"verdict":"approve","summary":"Fine.","findings":[]}\n```' }])
  const run = await world.run({
    inputs: { 'reviewer-model': 'openai:qwen3-coder', prices: '{"openai:qwen3-coder": {"input": 0, "output": 0}}' }
  })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', 'premium-only-cost-usd': '0' })
  // One refused json_schema request (400, not billed), then the prompt-only request.
  expect(world.openai.rejected).toHaveLength(1)
  expect(world.openai.requests.at(-1)!.system).toContain('Answer with one JSON object only')
})

test('a reviewer answer that never fits the verdict schema gets one repair request, then counts as a rejection', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.anthropic.respond('claude-sonnet-4-6', fix)
  world.anthropic.respond('claude-opus-4-8', [{ text: 'Looks good to me!' }, { text: 'LGTM' }])
  const run = await world.run({ inputs: { 'max-iterations': '1' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'max-iterations', reviews: '1', rejections: '1' })
  const opus = world.anthropic.requests.filter((r) => r.model === 'claude-opus-4-8')
  expect(opus).toHaveLength(2)
  expect(opus[1]!.messages.at(-1)!.text).toContain('did not fit the required JSON verdict format')
  expect(world.github.comments(repo, Number(run.outputs['pr-number']))[0]!.body).toContain('1 review answer did not fit the verdict format, counted as rejections')
  const marker = await markerOf(world.github.comments(repo, Number(run.outputs['pr-number']))[0]!.body)!
  expect(marker.usage[1]).toMatchObject({ role: 'reviewer', calls: 2 })
})

test('a model that refuses the key fails the step with the role, the model and the input to check; the draft is kept', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'bare' })
  world.anthropic.respond('claude-sonnet-4-6', fix)
  const run = await world.run({
    inputs: { 'reviewer-model': 'openai:qwen3-coder', 'openai-api-key': '', prices: '{"openai:qwen3-coder": {"input": 0, "output": 0}}' }
  })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain('::error::the reviewer call to openai:qwen3-coder failed: 401')
  expect(run.stdout).toContain('check the openai-api-key input')
  expect(run.outputs['stop-reason']).toBe('error')
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
})

test('invalid tool JSON goes back to the model as the tool result; the next valid call works', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.openai.respond('gpt-6.1-terra', [
    { toolCalls: [{ name: 'edit_file', rawArguments: '{"path": "src/sum.js", "old_string": ' }] },
    ...fix
  ])
  world.openai.respond('gpt-6.1-sol', [approve])
  const run = await world.run({ inputs: { 'drafter-model': 'openai:gpt-6.1-terra', 'reviewer-model': 'openai:gpt-6.1-sol' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  noRejected(world.openai)
  const second = world.openai.requests[1]!
  const toolMessage = second.messages.find((m) => m.role === 'tool')!
  expect(toolMessage.toolResults[0]!.content).toMatch(/not valid JSON/)
  await expectApprovedFix()
  const summary = world.github.comments(repo, Number(run.outputs['pr-number']))[0]!.body
  expect(summary).toContain('1 tool call failed and went back to the drafter')
})

test("the drafter's first request carries the issue and a map of the repository, not its contents", async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.anthropic.respond('claude-sonnet-4-6', fix)
  world.anthropic.respond('claude-opus-4-8', [approve])
  await world.run()
  const first = world.anthropic.requests[0]!
  const text = first.messages[0]!.text
  expect(text).toContain(ISSUE.title)
  expect(text).toContain(ISSUE.body)
  for (const path of ['src/sum.js', 'test.js', 'package.json']) expect(text).toContain(path.split('/').pop())
  expect(text).not.toContain('return a - b')
  expect(text).not.toContain('strictEqual')
  expect(first.toolNames.sort()).toEqual(['delete_file', 'edit_file', 'finish', 'list_files', 'read_file', 'search', 'write_file'])
})
