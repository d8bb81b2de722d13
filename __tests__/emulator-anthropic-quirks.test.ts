// The Anthropic emulator's rules for thinking, text, tool ids, stop reasons and
// streaming, driven through the real @anthropic-ai/sdk: the bad request is refused in
// the API's words, the good one is accepted.
import Anthropic from '@anthropic-ai/sdk'
import type { ModelEmulator } from '../emulators/models'
import { anthropicWithClient, rejectedByAnthropic as rejectedWith, user } from './helpers/sdk'

const KEY = 'sk-ant-test-key'
const OPUS = 'claude-opus-5-5'
const SONNET = 'claude-sonnet-4-6'
let emu: ModelEmulator
let client: Anthropic

beforeEach(async () => ({ emu, client } = await anthropicWithClient(KEY)))
afterEach(() => emu.close())

const tools = [{ name: 'read_file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } }]

async function toolTurn(model: string) {
  const first = await client.messages.create({ model, max_tokens: 100, tools, messages: [user('read a.ts')] })
  const call = first.content.find((b) => b.type === 'tool_use')
  if (call?.type !== 'tool_use') throw new Error('expected a tool_use block')
  const result = { role: 'user' as const, content: [{ type: 'tool_result' as const, tool_use_id: call.id, content: 'export {}' }] }
  return { first, call, result }
}

test('Opus 5.5 thinks on a tool-use turn; the continuation needs the thinking block back, unchanged', async () => {
  emu.respond(OPUS, [{ toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }] }, { text: 'done' }])
  const { first, result } = await toolTurn(OPUS)
  expect(first.content[0]).toMatchObject({ type: 'thinking', thinking: expect.any(String), signature: expect.any(String) })
  expect(first.stop_reason).toBe('tool_use')
  const history = (content: unknown[]) => [user('read a.ts'), { role: 'assistant' as const, content: content as Anthropic.ContentBlockParam[] }, result]

  const dropped = await rejectedWith(client.messages.create({ model: OPUS, max_tokens: 100, tools, messages: history(first.content.slice(1)) }))
  expect(dropped).toBeInstanceOf(Anthropic.BadRequestError)
  expect(dropped.apiMessage).toBe(
    'messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking'
  )
  const thinking = first.content[0] as Anthropic.ThinkingBlock
  const altered = await rejectedWith(client.messages.create({
    model: OPUS, max_tokens: 100, tools, messages: history([{ ...thinking, thinking: `${thinking.thinking} (edited)` }, ...first.content.slice(1)])
  }))
  expect(altered.apiMessage).toBe('messages.1.content.0: Invalid `signature` in `thinking` block')
  const ok = await client.messages.create({ model: OPUS, max_tokens: 100, tools, messages: history(first.content) })
  expect(ok.content).toEqual([{ type: 'text', text: 'done' }])
  expect(emu.rejected.map((r) => r.status)).toEqual([400, 400])
})

test('a signature is bound to the model that wrote it; redacted_thinking must come back as it was sent', async () => {
  emu.respond(OPUS, [{ redactedThinking: true, toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }] }, { text: 'done' }])
  emu.respond(SONNET, [{ thinking: 'Sonnet thought.', toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }] }])
  const { first, result } = await toolTurn(OPUS)
  expect(first.content[0]).toMatchObject({ type: 'redacted_thinking', data: expect.any(String) })
  const redacted = first.content[0] as Anthropic.RedactedThinkingBlock
  const history = (content: unknown[]) => [user('read a.ts'), { role: 'assistant' as const, content: content as Anthropic.ContentBlockParam[] }, result]
  const forged = await rejectedWith(client.messages.create({ model: OPUS, max_tokens: 100, tools, messages: history([{ ...redacted, data: `x${redacted.data}` }, ...first.content.slice(1)]) }))
  expect(forged.apiMessage).toBe('messages.1.content.0: Invalid `data` in `redacted_thinking` block')
  await client.messages.create({ model: OPUS, max_tokens: 100, tools, messages: history(first.content) })

  const sonnet = await toolTurn(SONNET)
  const foreign = await rejectedWith(client.messages.create({
    model: OPUS, max_tokens: 100, tools, messages: [user('read a.ts'), { role: 'assistant', content: sonnet.first.content }, sonnet.result]
  }))
  expect(foreign.apiMessage).toBe('messages.1.content.0: Invalid `signature` in `thinking` block')
})

test('a model without thinking on takes a continuation without thinking blocks', async () => {
  emu.respond(SONNET, [{ toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }] }, { text: 'done' }])
  const { first, result } = await toolTurn(SONNET)
  expect(first.content.map((b) => b.type)).toEqual(['tool_use'])
  const ok = await client.messages.create({ model: SONNET, max_tokens: 100, tools, messages: [user('read a.ts'), { role: 'assistant', content: first.content }, result] })
  expect(ok.stop_reason).toBe('end_turn')
})

test('white space: a whitespace-only text block, and a final assistant turn ending in white space, are refused', async () => {
  emu.respond(SONNET, [{ text: 'fine' }])
  const blank = await rejectedWith(client.messages.create({
    model: SONNET, max_tokens: 10,
    messages: [user('a'), { role: 'assistant', content: [{ type: 'text', text: '\n\n' }] }, user('b')]
  }))
  expect(blank.apiMessage).toBe('messages: text content blocks must contain non-whitespace text')
  const trailing = await rejectedWith(client.messages.create({
    model: SONNET, max_tokens: 10, messages: [user('a'), { role: 'assistant', content: 'So far \n' }]
  }))
  expect(trailing.apiMessage).toBe('messages: final assistant content cannot end with trailing whitespace')
  const ok = await client.messages.create({ model: SONNET, max_tokens: 10, messages: [user('a'), { role: 'assistant', content: 'So far' }] })
  expect(ok.content).toEqual([{ type: 'text', text: 'fine' }])
})

test('tool ids from another provider break the id pattern', async () => {
  const messages = (id: string): Anthropic.MessageParam[] => [
    user('go'),
    { role: 'assistant', content: [{ type: 'tool_use', id, name: 'read_file', input: {} }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'x' }] }
  ]
  const bad = await rejectedWith(client.messages.create({ model: SONNET, max_tokens: 10, tools, messages: messages('functions.read_file:0') }))
  expect(bad.apiMessage).toBe("messages.1.content.0.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'")
  emu.respond(SONNET, [{ text: 'ok' }])
  await client.messages.create({ model: SONNET, max_tokens: 10, tools, messages: messages('functions_read_file_0') })
})

test.each([
  ['refusal', 'refusal'],
  ['pause', 'pause_turn'],
  ['context_window', 'model_context_window_exceeded'],
  ['max_tokens', 'max_tokens']
] as const)('stop reason %s is sent as %s', async (script, wire) => {
  emu.respond(SONNET, [{ text: 'partial', stopReason: script }])
  const msg = await client.messages.create({ model: SONNET, max_tokens: 10, messages: [user('x')] })
  expect(msg.stop_reason).toBe(wire)
})

test('streaming: real SSE events, the SDK helper gathers thinking, text, tool input and the final usage', async () => {
  emu.respond(OPUS, [
    { thinking: 'A long thought. '.repeat(20), text: 'Reading it now.', toolCalls: [{ name: 'read_file', input: { path: `src/${'deep/'.repeat(30)}a.ts` } }], usage: { input: 1200, cacheRead: 300, output: 77 } },
    { text: 'plain', usage: { input: 10, output: 3 } }
  ])
  const msg = await client.messages.stream({ model: OPUS, max_tokens: 30000, tools, messages: [user('read it')] }).finalMessage()
  expect(msg.content).toEqual([
    { type: 'thinking', thinking: 'A long thought. '.repeat(20), signature: expect.any(String) },
    expect.objectContaining({ type: 'text', text: 'Reading it now.' }),
    { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'read_file', input: { path: `src/${'deep/'.repeat(30)}a.ts` } }
  ])
  expect(msg.stop_reason).toBe('tool_use')
  expect(msg.usage).toMatchObject({ input_tokens: 1200, cache_read_input_tokens: 300, output_tokens: 77 })
  expect(emu.requests[0]!.body.stream).toBe(true)

  const raw = await fetch(`${emu.url}/v1/messages`, {
    method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'anthropic-version': '2026-10-21', 'content-type': 'application/json' },
    body: JSON.stringify({ model: OPUS, max_tokens: 10, stream: true, messages: [user('x')] })
  })
  expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const names = [...(await raw.text()).matchAll(/^event: (\S+)$/gm)].map((m) => m[1])
  expect(names).toEqual(['message_start', 'ping', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop'])
})
