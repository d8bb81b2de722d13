// The adapters against the emulators' quirk rules: what goes back to each provider,
// and what one turn does with each stop reason.
import type { ChatMessage } from '../src/chat'
import { AnthropicModel, toAnthropicMessages } from '../src/providers/anthropic'
import { anthropicToolId, openaiToolId } from '../src/providers/ids'
import { OpenAIModel, toOpenAIMessages } from '../src/providers/openai'
import { completeTurn, ModelStopped } from '../src/providers/turn'
import type { ModelReply, ModelRequest } from '../src/providers/types'
import { startAnthropicEmulator, startOpenAIEmulator, type ModelEmulator } from '../emulators/models'

const KEY = 'sk-test-key-0001'
const opts = (url: string) => ({ apiKey: KEY, baseUrl: url, maxRetries: 0, timeoutMs: 10_000 })
const tools = [{ name: 'read_file', description: 'read', parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'], additionalProperties: false } }]
const emulators: ModelEmulator[] = []
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()))
})

const thinking = { kind: 'anthropic' as const, model: 'anthropic:claude-opus-5-5', blocks: [{ type: 'thinking' as const, thinking: 'hm', signature: 'sig' }] }

test('Anthropic: no whitespace-only text, no empty turn, thinking first and only for its own model, ids to the pattern', () => {
  const conversation: ChatMessage[] = [
    { role: 'user', text: 'Fix it.' },
    { role: 'assistant', text: '\n\n', toolCalls: [{ id: 'functions.read_file:0', name: 'read_file', input: { path: 'a' } }], reasoning: thinking },
    { role: 'tool', results: [{ callId: 'functions.read_file:0', content: 'x', isError: false }] },
    { role: 'assistant', text: '', toolCalls: [] },
    { role: 'user', text: 'Go on.' }
  ]
  const own = toAnthropicMessages(conversation, false, 'anthropic:claude-opus-5-5')
  const id = anthropicToolId('functions.read_file:0')
  expect(id).toMatch(/^[a-zA-Z0-9_-]+$/)
  expect(own).toEqual([
    { role: 'user', content: [{ type: 'text', text: 'Fix it.' }] },
    { role: 'assistant', content: [thinking.blocks[0], { type: 'tool_use', id, name: 'read_file', input: { path: 'a' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'x' }, { type: 'text', text: 'Go on.' }] }
  ])
  const other = toAnthropicMessages(conversation, false, 'anthropic:claude-sonnet-5-5')
  expect(other[1]!.content).toEqual([{ type: 'tool_use', id, name: 'read_file', input: { path: 'a' } }])
  // Two ids that differ only in replaced characters stay apart.
  expect(anthropicToolId('a.b')).not.toBe(anthropicToolId('a:b'))
  expect(anthropicToolId('toolu_01abc')).toBe('toolu_01abc')
})

test('OpenAI: an empty turn is left out, reasoning_content only to its own model, long ids shortened the same way twice', () => {
  const long = `toolu_${'x'.repeat(60)}`
  const conversation: ChatMessage[] = [
    { role: 'user', text: 'Fix it.' },
    { role: 'assistant', text: '', toolCalls: [] },
    { role: 'user', text: 'Again.' },
    { role: 'assistant', text: ' ', toolCalls: [{ id: long, name: 'read_file', input: {} }], reasoning: { kind: 'openai', model: 'openai:deepseek-flash', text: 'why' } },
    { role: 'tool', results: [{ callId: long, content: 'x', isError: false }] }
  ]
  const out = toOpenAIMessages(conversation, 'openai:deepseek-flash') as any[]
  expect(out.map((m) => m.role)).toEqual(['user', 'user', 'assistant', 'tool'])
  expect(out[2]).toMatchObject({ content: null, reasoning_content: 'why' })
  expect(out[2].tool_calls[0].id).toBe(openaiToolId(long))
  expect(out[2].tool_calls[0].id.length).toBeLessThanOrEqual(40)
  expect(out[3].tool_call_id).toBe(out[2].tool_calls[0].id)
  expect((toOpenAIMessages(conversation, 'openai:gpt-6.1-terra') as any[])[2].reasoning_content).toBeUndefined()
})

test('Opus 5.5 through the adapter: the thinking block comes back signed, long calls stream, short ones do not', async () => {
  const emu = await startAnthropicEmulator({ apiKey: KEY })
  emulators.push(emu)
  emu.respond('claude-opus-5-5', [{ text: '\n\n', toolCalls: [{ name: 'read_file', input: { path: 'a' } }] }, { text: 'done' }])
  const model = new AnthropicModel('claude-opus-5-5', opts(emu.url))
  const messages: ChatMessage[] = [{ role: 'user', text: 'read a' }]
  const first = await model.complete({ system: 's', messages, tools, maxTokens: 8192 })
  expect(first.reasoning).toMatchObject({ kind: 'anthropic', model: 'anthropic:claude-opus-5-5', blocks: [{ type: 'thinking' }] })
  messages.push({ role: 'assistant', text: first.text, toolCalls: first.toolCalls, reasoning: first.reasoning }, { role: 'tool', results: [{ callId: first.toolCalls[0]!.id, content: 'x', isError: false }] })
  const second = await model.complete({ system: 's', messages, tools, maxTokens: 1000 })
  expect(second.text).toBe('done')
  expect(emu.rejected).toEqual([])
  expect(emu.requests.map((r) => r.body.stream)).toEqual([true, undefined])
  expect(emu.requests[1]!.body.messages[1].content[0]).toEqual(first.reasoning!.kind === 'anthropic' && first.reasoning!.blocks[0])
})

test('DeepSeek through the adapter: reasoning_content goes back with the tool-call turn', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY, flavor: 'deepseek' })
  emulators.push(emu)
  emu.respond('deepseek-v4-pro', [{ thinking: 'need a', toolCalls: [{ name: 'read_file', input: { path: 'a' } }] }, { text: 'done' }])
  const model = new OpenAIModel('deepseek-v4-pro', opts(emu.url))
  const messages: ChatMessage[] = [{ role: 'user', text: 'read a' }]
  const first = await model.complete({ system: 's', messages, tools, maxTokens: 8192 })
  expect(first.reasoning).toEqual({ kind: 'openai', model: 'openai:deepseek-v4-pro', text: 'need a' })
  messages.push({ role: 'assistant', text: first.text, toolCalls: first.toolCalls, reasoning: first.reasoning }, { role: 'tool', results: [{ callId: first.toolCalls[0]!.id, content: 'x', isError: false }] })
  expect((await model.complete({ system: 's', messages, tools, maxTokens: 8192 })).text).toBe('done')
  expect(emu.rejected).toEqual([])
  expect(emu.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } })
})

test('a compatible server: object arguments and calls without type are kept; no streaming is learned once', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY, flavor: 'bare', noStreaming: true })
  emulators.push(emu)
  emu.respond('qwen3-coder', [
    { toolCalls: [{ name: 'read_file', rawArguments: { path: 'a' }, omitType: true, id: 'functions.read_file:0' }] },
    { text: 'ok' }
  ])
  const model = new OpenAIModel('qwen3-coder', opts(emu.url))
  const reply = await model.complete({ system: 's', messages: [{ role: 'user', text: 'x' }], tools, maxTokens: 8192 })
  expect(reply.toolCalls).toEqual([{ id: 'functions.read_file:0', name: 'read_file', input: { path: 'a' } }])
  await model.complete({ system: 's', messages: [{ role: 'user', text: 'y' }], maxTokens: 8192 })
  expect(emu.rejected).toHaveLength(1)
  expect(emu.requests.map((r) => r.body.stream)).toEqual([undefined, undefined])
})

test('a 400 that is not about response_format does not turn structured output off', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY })
  emulators.push(emu)
  const model = new OpenAIModel('gpt-6.1-sol', opts(emu.url))
  const answerSchema = { name: 'v', schema: { type: 'object', properties: {}, required: [], additionalProperties: false } }
  emu.failNext({ status: 400, body: { error: { message: "Invalid value for 'content': expected a string, got null.", type: 'invalid_request_error', param: 'messages.[2].content', code: null } } })
  await expect(model.complete({ system: 's', messages: [{ role: 'user', text: 'x' }], answerSchema, maxTokens: 1000 })).rejects.toThrow(/got null/)
  emu.respond('gpt-6.1-sol', [{ json: {} }])
  await model.complete({ system: 's', messages: [{ role: 'user', text: 'x' }], answerSchema, maxTokens: 1000 })
  expect(emu.requests.map((r) => r.structured)).toEqual([true, true])
})

describe('one turn over several calls', () => {
  const usage = { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }
  const reply = (r: Partial<ModelReply>): ModelReply => ({ text: '', toolCalls: [], stop: 'end', usage, ...r })
  const who = { role: 'drafter', model: 'openai:gpt-6.1-terra' }
  const req = { system: 's', messages: [{ role: 'user' as const, text: 'go' }] }

  function scripted(...replies: ModelReply[]) {
    const calls: { req: Omit<ModelRequest, 'maxTokens'>; max: number }[] = []
    const once = async (r: Omit<ModelRequest, 'maxTokens'>, max: number) => {
      calls.push({ req: r, max })
      return replies.shift()!
    }
    return { once, calls }
  }

  test('out of budget while reasoning: one retry with twice the budget and a low effort', async () => {
    const s = scripted(reply({ stop: 'max_tokens' }), reply({ text: 'answer' }))
    expect((await completeTurn(s.once, req, 4000, who)).text).toBe('answer')
    expect(s.calls.map((c) => [c.max, c.req.effort])).toEqual([[4000, undefined], [8000, 'low']])
  })

  test('a paused turn is sent back as the last assistant turn and joined with its continuation', async () => {
    const s = scripted(reply({ stop: 'pause', text: 'Part one.' }), reply({ text: ' Part two.', toolCalls: [{ id: 'c', name: 'finish', input: {} }], stop: 'tool_use' }))
    const joined = await completeTurn(s.once, req, 4000, who)
    expect(joined).toMatchObject({ text: 'Part one. Part two.', stop: 'tool_use', usage: { input: 2, output: 2 } })
    expect(s.calls[1]!.req.messages.at(-1)).toEqual({ role: 'assistant', text: 'Part one.', toolCalls: [] })
  })

  test.each([
    ['refusal', 'the drafter model refused (openai:gpt-6.1-terra): "No."'],
    ['filtered', "the provider's content filter stopped the drafter's answer (openai:gpt-6.1-terra)"],
    ['context_full', "the drafter's answer stopped at the model's context window (openai:gpt-6.1-terra)"]
  ] as const)('%s stops the turn with ModelStopped, in words', async (stop, words) => {
    const s = scripted(reply({ stop, text: 'No.', ...(stop === 'refusal' ? { refusal: 'No.' } : {}) }))
    const err = await completeTurn(s.once, req, 4000, who).catch((e) => e)
    expect(err).toBeInstanceOf(ModelStopped)
    expect(err.message).toBe(words)
  })
})

test.each(['anthropic', 'openai'] as const)('%s: a stream that breaks after its 200 (an error event) is tried once more; twice fails', async (provider) => {
  const emu = provider === 'anthropic' ? await startAnthropicEmulator({ apiKey: KEY }) : await startOpenAIEmulator({ apiKey: KEY })
  emulators.push(emu)
  const name = provider === 'anthropic' ? 'claude-sonnet-4-6' : 'gpt-6.1-terra'
  const model = provider === 'anthropic' ? new AnthropicModel(name, opts(emu.url)) : new OpenAIModel(name, opts(emu.url))
  const req = { system: 's', messages: [{ role: 'user' as const, text: 'x' }], maxTokens: 8192 }
  emu.failNext({ status: provider === 'anthropic' ? 529 : 500, midStream: true })
  emu.respond(name, [{ text: 'after the break' }])
  expect((await model.complete(req)).text).toBe('after the break')
  expect(emu.requests).toHaveLength(2)
  emu.failNext({ status: provider === 'anthropic' ? 529 : 500, midStream: true, times: 2 })
  await expect(model.complete(req)).rejects.toThrow(provider === 'anthropic' ? /Overloaded/ : /server had an error/)
})
