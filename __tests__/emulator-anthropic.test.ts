// Drives the real @anthropic-ai/sdk against the Anthropic emulator, so the
// emulator is checked against the same client code the action runs.
import Anthropic from '@anthropic-ai/sdk'
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod'
import { z } from 'zod'
import type { ModelEmulator } from '../emulators/models'
import { anthropicWithClient, rejectedByAnthropic as rejectedWith, user } from './helpers/sdk'

const KEY = 'sk-ant-test-key'
const MODEL = 'claude-sonnet-4-6'
let emu: ModelEmulator
let client: Anthropic

beforeEach(async () => ({ emu, client } = await anthropicWithClient(KEY, [MODEL, 'claude-opus-4-8', 'claude-opus-5-5'])))
afterEach(() => emu.close())

test('plain text answer, with the request recorded in neutral form', async () => {
  emu.respond(MODEL, [{ text: 'hello there' }])
  const msg = await client.messages.create({ model: MODEL, max_tokens: 100, system: 'be brief', messages: [user('hi')] })
  expect(msg.content).toEqual([{ type: 'text', text: 'hello there' }])
  expect(msg.stop_reason).toBe('end_turn')
  expect(msg.id).toMatch(/^msg_/)
  expect(msg.usage.output_tokens).toBeGreaterThan(0)
  expect(msg.usage.cache_read_input_tokens).toBe(0)
  const seen = emu.requests[0]!
  expect(seen).toMatchObject({ provider: 'anthropic', model: MODEL, system: 'be brief', maxTokens: 100, structured: false })
  expect(seen.messages).toEqual([{ role: 'user', text: 'hi', toolCalls: [], toolResults: [] }])
  expect(seen.headers.authorization).toBe(`Bearer ${KEY}`)
  expect(seen.headers['anthropic-version']).toBe('2026-10-21')
})

test('tool call round trip: tool_use, then tool_result accepted', async () => {
  emu.respond(MODEL, [{ toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }] }, { text: 'done' }])
  const tools = [{ name: 'read_file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } }]
  const first = await client.messages.create({ model: MODEL, max_tokens: 100, tools, messages: [user('read a.ts')] })
  expect(first.stop_reason).toBe('tool_use')
  const call = first.content[0]
  if (call?.type !== 'tool_use') throw new Error('expected a tool_use block')
  expect(call).toMatchObject({ name: 'read_file', input: { path: 'a.ts' } })
  expect(call.id).toMatch(/^toolu_/)
  const second = await client.messages.create({
    model: MODEL, max_tokens: 100, tools,
    messages: [user('read a.ts'), { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: call.id, content: 'export {}', is_error: false }] }]
  })
  expect(second.content).toEqual([{ type: 'text', text: 'done' }])
  expect(emu.requests[1]!.toolNames).toEqual(['read_file'])
  expect(emu.requests[1]!.messages[1]!.toolCalls).toEqual([{ id: call.id, name: 'read_file', input: { path: 'a.ts' } }])
  expect(emu.requests[1]!.messages[2]!.toolResults).toEqual([{ callId: call.id, content: 'export {}', isError: false }])
})

test('tool pairing errors are 400 BadRequestError, worded like the API', async () => {
  const use = { role: 'assistant' as const, content: [{ type: 'tool_use' as const, id: 'toolu_x', name: 't', input: {} }] }
  const missing = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('go'), use, user('ignored the tool')] }))
  expect(missing).toBeInstanceOf(Anthropic.BadRequestError)
  expect(missing.status).toBe(400)
  expect(missing.message).toContain('messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_x.')
  // A tool_result that is not the first block does not count.
  const late = await rejectedWith(client.messages.create({
    model: MODEL, max_tokens: 10,
    messages: [user('go'), use, { role: 'user', content: [{ type: 'text', text: 'first' }, { type: 'tool_result', tool_use_id: 'toolu_x', content: 'ok' }] }]
  }))
  expect(late.message).toContain('`tool_use` ids were found without `tool_result` blocks')
  const stray = await rejectedWith(client.messages.create({
    model: MODEL, max_tokens: 10,
    messages: [user('go'), { role: 'assistant', content: 'ok' }, { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_y', content: 'x' }] }]
  }))
  expect(stray).toBeInstanceOf(Anthropic.BadRequestError)
  expect(stray.message).toContain('messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_y.')
  expect(stray.type).toBe('invalid_request_error')
  expect(emu.requests).toHaveLength(0)
  expect(emu.rejected.map((r) => r.status)).toEqual([400, 400, 400])
})

test('wrong key is a 401 AuthenticationError; missing anthropic-version is a 400', async () => {
  const bad = new Anthropic({ apiKey: 'wrong', baseURL: emu.url, maxRetries: 0 })
  const err = await rejectedWith(bad.messages.create({ model: MODEL, max_tokens: 10, messages: [user('hi')] }))
  expect(err).toBeInstanceOf(Anthropic.AuthenticationError)
  expect(err.requestID).toMatch(/^req_/)
  const raw = await fetch(`${emu.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'nope' }, body: '{}' })
  expect(raw.status).toBe(401)
  const json = (await raw.json()) as any
  expect(json).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: expect.stringMatching(/^req_/) })
  expect(raw.headers.get('request-id')).toBe(json.request_id)
  const noVersion = await fetch(`${emu.url}/v1/messages`, {
    method: 'POST', headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
    body: JSON.stringify({ model: MODEL, max_tokens: 10, messages: [user('hi')] })
  })
  expect(noVersion.status).toBe(400)
  expect(((await noVersion.json()) as any).error.message).toContain('anthropic-version')
})

test('json turn with output_config.format comes back as a text block the SDK parses', async () => {
  emu.respond(MODEL, [{ json: { verdict: 'approve', notes: ['ok'] } }])
  const msg = await client.messages.parse({
    model: MODEL, max_tokens: 200, messages: [user('review')],
    output_config: { format: zodOutputFormat(z.object({ verdict: z.enum(['approve', 'reject']), notes: z.array(z.string()) })) }
  })
  expect(msg.parsed_output).toEqual({ verdict: 'approve', notes: ['ok'] })
  expect(emu.requests[0]!.structured).toBe(true)
  const open = await rejectedWith(client.messages.create({
    model: MODEL, max_tokens: 10, messages: [user('x')],
    output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } } } }
  }))
  expect(open.message).toContain("'additionalProperties' must be explicitly set to false")
  const minLength = await rejectedWith(client.messages.create({
    model: MODEL, max_tokens: 10, messages: [user('x')],
    output_config: { format: { type: 'json_schema', schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string', minLength: 2 } } } } }
  }))
  expect(minLength.status).toBe(400)
})

test('parameters the 2026-10-21 API refuses', async () => {
  const temperature = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')], temperature: 0 } as any))
  expect(temperature).toBeInstanceOf(Anthropic.BadRequestError)
  expect(temperature.message).toContain('temperature')
  const forced = await rejectedWith(client.messages.create({
    model: 'claude-opus-5-5', max_tokens: 10, messages: [user('x')],
    tools: [{ name: 't', input_schema: { type: 'object' } }], tool_choice: { type: 'any' }
  }))
  expect(forced.apiMessage).toBe('tool_choice: type "tool" and "any" are not supported for this model.')
  const cc = { cache_control: { type: 'ephemeral' as const } }
  const five = await rejectedWith(client.messages.create({
    model: MODEL, max_tokens: 10,
    messages: [{ role: 'user', content: ['a', 'b', 'c', 'd', 'e'].map((text) => ({ type: 'text' as const, text, ...cc })) }]
  }))
  expect(five.message).toContain('A maximum of 4 blocks with cache_control may be provided. Found 5.')
  const empty = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }] }))
  expect(empty.message).toContain('text content blocks must be non-empty')
  const stream = await fetch(`${emu.url}/v1/messages`, {
    method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'anthropic-version': '2026-10-21' },
    body: JSON.stringify({ model: MODEL, max_tokens: 10, stream: 'yes', messages: [user('x')] })
  })
  expect(stream.status).toBe(400)
  expect(((await stream.json()) as any).error.message).toBe('stream: Input should be a valid boolean')
  const unknown = await rejectedWith(client.messages.create({ model: 'claude-nope', max_tokens: 10, messages: [user('x')] }))
  expect(unknown).toBeInstanceOf(Anthropic.NotFoundError)
})

test('prompt caching: a growing conversation reads the prefix written by the turn before', async () => {
  emu.respond(MODEL, [{ text: 'first answer' }, { text: 'second answer' }, { text: 'short' }])
  const system = [{ type: 'text' as const, text: 'You review diffs. '.repeat(400), cache_control: { type: 'ephemeral' as const } }]
  const turn1 = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'diff one', cache_control: { type: 'ephemeral' as const } }] }]
  const r1 = await client.messages.create({ model: MODEL, max_tokens: 50, system, messages: turn1 })
  const total1 = (await client.messages.countTokens({ model: MODEL, system, messages: turn1 })).input_tokens
  expect(r1.usage.cache_read_input_tokens).toBe(0)
  expect(r1.usage.cache_creation_input_tokens).toBeGreaterThanOrEqual(1024)
  expect(r1.usage.input_tokens + r1.usage.cache_creation_input_tokens!).toBe(total1)
  const turn2 = [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'diff one' }] },
    { role: 'assistant' as const, content: 'first answer' },
    { role: 'user' as const, content: [{ type: 'text' as const, text: 'diff two', cache_control: { type: 'ephemeral' as const } }] }]
  const r2 = await client.messages.create({ model: MODEL, max_tokens: 50, system, messages: turn2 })
  const total2 = (await client.messages.countTokens({ model: MODEL, system, messages: turn2 })).input_tokens
  expect(r2.usage.cache_read_input_tokens).toBe(r1.usage.cache_creation_input_tokens)
  expect(r2.usage.cache_creation_input_tokens).toBeGreaterThan(0)
  expect(r2.usage.input_tokens + r2.usage.cache_read_input_tokens! + r2.usage.cache_creation_input_tokens!).toBe(total2)
  expect(r2.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: r2.usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 })
  // Below the model's minimum (1024 here) nothing is cached.
  const r3 = await client.messages.create({ model: MODEL, max_tokens: 50, messages: [user('tiny')], cache_control: { type: 'ephemeral' } })
  expect(r3.usage.cache_creation_input_tokens).toBe(0)
})

test('a usage override is reported exactly', async () => {
  emu.respond(MODEL, [{ text: 'x', usage: { input: 10000, output: 5000, cacheRead: 300 } }])
  const msg = await client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] })
  expect(msg.usage).toMatchObject({ input_tokens: 10000, output_tokens: 5000, cache_read_input_tokens: 300, cache_creation_input_tokens: 0 })
})

test('failNext 429 with retry-after 0: the SDK retries and succeeds, two attempts seen', async () => {
  const retrying = new Anthropic({ apiKey: KEY, baseURL: emu.url, maxRetries: 2 })
  emu.failNext({ status: 429, headers: { 'retry-after': '0' } })
  emu.respond(MODEL, [{ text: 'after retry' }])
  const msg = await retrying.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] })
  expect(msg.content).toEqual([{ type: 'text', text: 'after retry' }])
  expect(emu.requests).toHaveLength(2)
  expect(emu.requests[1]!.headers['x-stainless-retry-count']).toBe('1')
  expect(emu.rejected).toHaveLength(0)
})

test('default fault bodies use the API error types; a scripted fault answers one call', async () => {
  emu.failNext({ status: 529 })
  const overloaded = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }))
  expect(overloaded).toBeInstanceOf(Anthropic.OverloadedError)
  expect(overloaded.type).toBe('overloaded_error')
  emu.respond(MODEL, [{ fault: { status: 500 } }, { text: 'fine' }])
  const failed = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }))
  expect(failed).toBeInstanceOf(Anthropic.InternalServerError)
  expect(failed.type).toBe('api_error')
  expect((await client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] })).content).toHaveLength(1)
})

test('an exhausted script answers 500 and is recorded as rejected', async () => {
  emu.respond(MODEL, [{ text: 'only one' }])
  await client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] })
  const err = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }))
  expect(err.status).toBe(500)
  expect(err.message).toContain(`emulator: no scripted turn left for model ${MODEL}`)
  expect(emu.rejected).toHaveLength(1)
  expect(emu.rejected[0]!.status).toBe(500)
})

test('responder functions get the request and a per-model call index', async () => {
  emu.respond(MODEL, (req, i) => ({ text: `${i}:${req.messages[0]!.text}` }))
  const a = await client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('a')] })
  const b = await client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('b')] })
  expect([a.content[0], b.content[0]]).toEqual([{ type: 'text', text: '0:a' }, { type: 'text', text: '1:b' }])
  emu.respond(MODEL, () => { throw new Error('boom') })
  const err = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('c')] }))
  expect(err.status).toBe(500)
  expect(err.apiMessage).toBe('emulator: boom')
  expect(err.requestID).toMatch(/^req_/)
})

test('hang and delayMs: the client times out, and close() does not wait for them', async () => {
  emu.failNext({ status: 500, hang: true })
  const hung = await rejectedWith(client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }, { timeout: 200 }))
  expect(hung).toBeInstanceOf(Anthropic.APIConnectionTimeoutError)
  emu.respond(MODEL, [{ text: 'late', delayMs: 60_000 }])
  const pending = client.messages.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }).catch((e) => e)
  await new Promise((r) => setTimeout(r, 100))
  const started = Date.now()
  await emu.close()
  expect(Date.now() - started).toBeLessThan(2000)
  expect(await pending).toBeInstanceOf(Anthropic.APIConnectionError)
})
