// Provider quirks met mid-run by the built action: each emulator refuses what its real
// API refuses (thinking, white space, null content, reasoning_content, tool ids), so a
// run that completes here sent every turn back the way the provider wants it.
import { branchFiles } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const reject: EmulatorTurn = { json: { verdict: 'reject', summary: 'Still wrong.', findings: [{ severity: 'major', file: 'src/sum.js', line: 3, message: 'It still subtracts.' }] } }
const EDIT = { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false }
const read = { name: 'read_file', input: { path: 'src/sum.js' } }
const edit = { name: 'edit_file', input: EDIT }
const finish = { name: 'finish', input: { summary: 'Fixed.' } }

let world: World
afterEach(async () => {
  await world.close()
})

const summaryOf = (pr: string | undefined) => world.github.comments(repo, Number(pr))[0]!.body
const progressOf = () => world.github.comments(repo, ISSUE.number).find((c) => c.body.startsWith('<!-- draft-review:progress -->'))!.body

async function expectFixedOnBranch(): Promise<void> {
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
}

test('Opus 5.5 drafting: thinking (signed and redacted) goes back unchanged, "\\n\\n" text is left out, calls stream with usage from the last event', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  const usage = { input: 1000, cacheRead: 200, output: 100 }
  world.anthropic.respond('claude-opus-5-5', [
    { text: '\n\n', toolCalls: [read], usage },
    { redactedThinking: true, toolCalls: [edit], usage },
    { thinking: 'The edit is in; finish.', text: 'Done.\n', toolCalls: [finish], usage }
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({ inputs: { 'drafter-model': 'anthropic:claude-opus-5-5' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', approved: 'true' })
  expect(world.anthropic.rejected).toEqual([])
  const opus = world.anthropic.requests.filter((r) => r.model === 'claude-opus-5-5')
  expect(opus).toHaveLength(3)
  // Each continuation starts its assistant turn with the thinking block it was given, and no blank text.
  expect(opus[1]!.body.messages[1].content.map((b: any) => b.type)).toEqual(['thinking', 'tool_use'])
  expect(opus[2]!.body.messages[3].content[0].type).toBe('redacted_thinking')
  expect(world.anthropic.requests.every((r) => r.body.stream === true)).toBe(true)
  await expectFixedOnBranch()
  const marker = markerOf(summaryOf(run.outputs['pr-number']))!
  expect(marker.usage[0]).toMatchObject({ role: 'drafter', model: 'anthropic:claude-opus-5-5', calls: 3, inputTokens: 3000, cacheReadTokens: 600, outputTokens: 300 })
})

test('a ladder from DeepSeek (thinking mode, functions.x:0 ids) to Opus 5.5: reasoning_content goes back to DeepSeek, ids are rewritten and foreign reasoning dropped for Claude', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'deepseek' })
  world.openai.respond('deepseek-flash', [
    { thinking: 'Look first.', toolCalls: [{ ...read, id: 'functions.read_file:0' }] },
    { thinking: 'Wrong fix on purpose.', toolCalls: [{ name: 'edit_file', input: { ...EDIT, new_string: 'return a * b' }, id: 'functions.edit_file:1' }] },
    { thinking: 'Done.', toolCalls: [{ ...finish, id: 'functions.finish:2' }] }
  ])
  world.anthropic.respond('claude-opus-5-5', [
    { toolCalls: [{ name: 'edit_file', input: { ...EDIT, old_string: 'return a * b' } }] },
    { toolCalls: [finish] }
  ])
  world.anthropic.respond('claude-opus-4-8', [reject, approve])
  const run = await world.run({
    inputs: {
      'drafter-model': 'openai:deepseek-flash, anthropic:claude-opus-5-5',
      'escalate-after': '1',
      prices: '{"openai:deepseek-flash": {"input": 0.3, "output": 1.2, "cacheRead": 0.006, "cacheWrite": 0}}'
    }
  })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', reviews: '2' })
  expect(world.openai.rejected).toEqual([])
  expect(world.anthropic.rejected).toEqual([])
  const deepseek = world.openai.requests
  expect(deepseek[2]!.body.messages.filter((m: any) => m.role === 'assistant').map((m: any) => m.reasoning_content)).toEqual(['Look first.', 'Wrong fix on purpose.'])
  const takeover = world.anthropic.requests.find((r) => r.model === 'claude-opus-5-5')!
  const ids = takeover.messages.flatMap((m) => m.toolCalls.map((c) => c.id))
  expect(ids).toHaveLength(3)
  for (const id of ids) expect(id).toMatch(/^functions_[a-z_]+_\d_[0-9a-f]{8}$/)
  expect(JSON.stringify(takeover.body.messages)).not.toContain('Wrong fix on purpose')
  await expectFixedOnBranch()
})

test('an OpenAI reasoning model out of budget (empty content, finish_reason length) is retried with more room and low effort, never replayed empty; the review keeps structured output', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.openai.respond('gpt-6.1-terra', [{ stopReason: 'max_tokens' }, { toolCalls: [edit] }, { toolCalls: [finish] }])
  world.openai.respond('gpt-6.1-sol', [{ stopReason: 'max_tokens' }, approve])
  const run = await world.run({ inputs: { 'drafter-model': 'openai:gpt-6.1-terra', 'reviewer-model': 'openai:gpt-6.1-sol' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', approved: 'true' })
  expect(world.openai.rejected).toEqual([])
  const terra = world.openai.requests.filter((r) => r.model === 'gpt-6.1-terra')
  expect(terra[1]!.maxTokens).toBe(2 * terra[0]!.maxTokens)
  expect(terra[1]!.body.reasoning_effort).toBe('low')
  expect(terra[0]!.body.reasoning_effort).toBeUndefined()
  // The empty answer is not part of the conversation afterwards.
  expect(terra[2]!.body.messages.filter((m: any) => m.role === 'assistant')).toHaveLength(1)
  const sol = world.openai.requests.filter((r) => r.model === 'gpt-6.1-sol')
  expect(sol.map((r) => r.structured)).toEqual([true, true])
  expect(sol[1]!.body.reasoning_effort).toBe('low')
  await expectFixedOnBranch()
})

test('a compatible server sending object arguments, calls without type and functions.x:0 ids: the run completes with a PR', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'bare' })
  world.openai.respond('qwen3-coder', [
    { toolCalls: [{ ...read, rawArguments: read.input, omitType: true, id: 'functions.read_file:0' }] },
    { toolCalls: [{ ...edit, rawArguments: EDIT, omitType: true, id: 'functions.edit_file:1' }] },
    { toolCalls: [{ ...finish, rawArguments: finish.input, omitType: true, id: 'functions.finish:2' }] }
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({ inputs: { 'drafter-model': 'openai:qwen3-coder', prices: '{"openai:qwen3-coder": {"input": 0, "output": 0}}' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved' })
  expect(world.openai.rejected).toEqual([])
  // The calls went back as OpenAI's shape: typed, with string arguments, under the ids the server chose.
  const back = world.openai.requests[2]!.body.messages.find((m: any) => m.role === 'assistant').tool_calls[0]
  expect(back).toEqual({ id: 'functions.read_file:0', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/sum.js"}' } })
  await expectFixedOnBranch()
})

test('a paused turn (pause_turn) mid-run is continued by sending it back, and the run completes', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.anthropic.respond('claude-sonnet-4-6', [{ text: 'Let me look at the file. ', stopReason: 'pause' }, { toolCalls: [edit] }, { toolCalls: [finish] }])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run()
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved' })
  expect(world.anthropic.rejected).toEqual([])
  const resumed = world.anthropic.requests[1]!.body.messages
  expect(resumed.at(-1)).toMatchObject({ role: 'assistant', content: [{ type: 'text', text: 'Let me look at the file.' }] })
  await expectFixedOnBranch()
})

test('a refusal before anything is drafted: no-changes, the refusal in words, no review paid for, no pull request', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.anthropic.respond('claude-sonnet-4-6', [{ text: "I can't help with this request.", stopReason: 'refusal' }])
  const run = await world.run()
  expect(run.outputs).toMatchObject({ 'stop-reason': 'no-changes', reviews: '0', 'pr-number': '' })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain("::error::the drafter model refused (anthropic:claude-sonnet-4-6): \"I can't help with this request.\"")
  expect(world.anthropic.requests.filter((r) => r.model === 'claude-opus-4-8')).toHaveLength(0)
  expect(progressOf()).toContain('the drafter model refused')
  expect(Number(run.outputs['cost-usd'])).toBeGreaterThan(0) // the refused call was billed, and counted
})

test.each([
  ['a refusal (message.refusal)', { stopReason: 'refusal', text: 'I must decline.' } as EmulatorTurn, 'the drafter model refused (openai:gpt-6.1-terra): "I must decline."'],
  ['a filtered answer (content_filter)', { stopReason: 'content_filter', text: 'Here is' } as EmulatorTurn, "the provider's content filter stopped the drafter's answer (openai:gpt-6.1-terra)"]
])('%s after an edit: error, the edit kept on a draft PR, never reviewed', async (_name, turn, words) => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.openai.respond('gpt-6.1-terra', [{ toolCalls: [edit] }, turn])
  const run = await world.run({ inputs: { 'drafter-model': 'openai:gpt-6.1-terra' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', reviews: '0' })
  expect(run.exitCode).toBe(1)
  expect(world.anthropic.requests).toHaveLength(0)
  await expectFixedOnBranch()
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
  expect(summaryOf(run.outputs['pr-number'])).toContain(words)
  expect(progressOf()).toContain(words)
})

test('a local Ollama drafter streams, with usage only in the last chunk; a server without streaming is asked without it once refused', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'ollama' })
  const usage = { input: 700, output: 30 }
  world.openai.respond('qwen3-coder:30b', [{ toolCalls: [edit], usage }, { toolCalls: [finish], usage }])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const local = { 'drafter-model': 'openai:qwen3-coder:30b', 'openai-api-key': '', prices: '{"openai:qwen3-coder:30b": {"input": 0, "output": 0}}' }
  const run = await world.run({ inputs: local })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.openai.requests.map((r) => r.body.stream)).toEqual([true, true])
  const marker = markerOf(summaryOf(run.outputs['pr-number']))!
  expect(marker.usage[0]).toMatchObject({ model: 'openai:qwen3-coder:30b', calls: 2, inputTokens: 1400, outputTokens: 60 })
  await world.close()

  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, openaiFlavor: 'bare', openaiNoStreaming: true })
  world.openai.respond('qwen3-coder', [{ toolCalls: [edit] }, { toolCalls: [finish] }])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const bare = await world.run({ inputs: { 'drafter-model': 'openai:qwen3-coder', prices: '{"openai:qwen3-coder": {"input": 0, "output": 0}}' } })
  expect(bare.outputs['stop-reason']).toBe('approved')
  // One refused streamed request (400, not billed), then every call without streaming.
  expect(world.openai.rejected.map((r) => r.status)).toEqual([400])
  expect(world.openai.requests.map((r) => r.body.stream)).toEqual([undefined, undefined])
  await expectFixedOnBranch()
})

test('a reviewer that refuses: error, the draft kept on a draft PR, the refusal in words, not counted as a review', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
  world.anthropic.respond('claude-sonnet-4-6', [{ toolCalls: [edit] }, { toolCalls: [finish] }])
  world.anthropic.respond('claude-opus-4-8', [{ text: 'I will not review this.', stopReason: 'refusal' }])
  const run = await world.run()
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', approved: 'false', reviews: '0' })
  expect(run.exitCode).toBe(1)
  expect(world.anthropic.requests.filter((r) => r.model === 'claude-opus-4-8')).toHaveLength(1) // no repair request
  await expectFixedOnBranch()
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
  expect(progressOf()).toContain('the reviewer model refused (anthropic:claude-opus-4-8): "I will not review this."')
})
