// Drives the real `openai` SDK against the Chat Completions emulator in each
// flavor the action supports (OpenAI, DeepSeek, Ollama, a bare vLLM-like server).
import OpenAI from 'openai'
import { zodResponseFormat } from 'openai/helpers/zod'
import { z } from 'zod'
import type { ModelEmulator } from '../emulators/models'
import { openaiEmulators, rejectedByOpenAI as rejectedWith, user } from './helpers/sdk'

const KEY = 'sk-test-0123456789abcdef'
const MODEL = 'gpt-6.1-sol'
let emu: ModelEmulator
let client: OpenAI
const startOpenAI = openaiEmulators(KEY)
const start = (flavor?: 'openai' | 'ollama' | 'deepseek' | 'bare', models?: string[]) => startOpenAI(flavor, { models })
beforeEach(async () => ({ e: emu, c: client } = await start('openai', [MODEL, 'gpt-4o', 'gpt-5.4'])))

test('plain text answer with the OpenAI usage shape and x-request-id', async () => {
  emu.respond(MODEL, [{ text: 'hello' }])
  const { data, request_id } = await client.chat.completions
    .create({ model: MODEL, max_completion_tokens: 100, messages: [{ role: 'developer', content: 'be brief' }, user('hi')] })
    .withResponse()
  expect(request_id).toMatch(/^req_/)
  expect(data.id).toMatch(/^chatcmpl-/)
  expect(data.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'hello', refusal: null } })
  expect(data.usage).toMatchObject({ completion_tokens_details: { reasoning_tokens: 0 }, prompt_tokens_details: { cached_tokens: 0 } })
  expect(data.usage!.total_tokens).toBe(data.usage!.prompt_tokens + data.usage!.completion_tokens)
  expect(emu.requests[0]).toMatchObject({ provider: 'openai', system: 'be brief', maxTokens: 100, structured: false })
  expect(emu.requests[0]!.messages).toEqual([{ role: 'user', text: 'hi', toolCalls: [], toolResults: [] }])
})

test('tool call round trip, and rawArguments sent verbatim', async () => {
  emu.respond(MODEL, [{ toolCalls: [{ name: 'read_file', input: { path: 'a.ts' } }, { name: 'bad', rawArguments: '{"path": ' }] }, { text: 'done' }])
  const tools = [{ type: 'function' as const, function: { name: 'read_file', parameters: { type: 'object', properties: { path: { type: 'string' } } } } }]
  const first = await client.chat.completions.create({ model: MODEL, tools, messages: [user('read')] })
  const choice = first.choices[0]!
  expect(choice.finish_reason).toBe('tool_calls')
  const calls = choice.message.tool_calls as { id: string; function: { name: string; arguments: string } }[]
  expect(calls.map((c) => c.function)).toEqual([{ name: 'read_file', arguments: '{"path":"a.ts"}' }, { name: 'bad', arguments: '{"path": ' }])
  expect(calls[0]!.id).toMatch(/^call_/)
  const second = await client.chat.completions.create({
    model: MODEL, tools,
    messages: [user('read'), choice.message, ...calls.map((c) => ({ role: 'tool' as const, tool_call_id: c.id, content: `result of ${c.function.name}` }))]
  })
  expect(second.choices[0]!.message.content).toBe('done')
  const seen = emu.requests[1]!
  expect(seen.toolNames).toEqual(['read_file'])
  expect(seen.messages[1]!.toolCalls).toEqual([{ id: calls[0]!.id, name: 'read_file', input: { path: 'a.ts' } }, { id: calls[1]!.id, name: 'bad', input: '{"path": ' }])
  expect(seen.messages[2]).toEqual({ role: 'tool', text: 'result of read_file', toolCalls: [], toolResults: [{ callId: calls[0]!.id, content: 'result of read_file', isError: false }] })
})

test('tool pairing errors are 400 BadRequestError with the API wording', async () => {
  const orphan = await rejectedWith(client.chat.completions.create({ model: MODEL, messages: [user('x'), { role: 'tool', tool_call_id: 'call_x', content: 'r' }] }))
  expect(orphan).toBeInstanceOf(OpenAI.BadRequestError)
  expect(orphan.status).toBe(400)
  expect(orphan.message).toBe("400 Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.")
  expect(orphan.param).toBe('messages.[1].role')
  const asked = { role: 'assistant' as const, content: null, tool_calls: [{ id: 'call_x', type: 'function' as const, function: { name: 't', arguments: '{}' } }] }
  const unanswered = await rejectedWith(client.chat.completions.create({ model: MODEL, messages: [user('x'), asked, user('never mind')] }))
  expect(unanswered).toBeInstanceOf(OpenAI.BadRequestError)
  expect(unanswered.message).toContain('The following tool_call_ids did not have response messages: call_x')
  const wrongId = await rejectedWith(client.chat.completions.create({ model: MODEL, messages: [user('x'), asked, { role: 'tool', tool_call_id: 'call_y', content: 'r' }] }))
  expect(wrongId.status).toBe(400)
  expect(emu.requests).toHaveLength(0)
  expect(emu.rejected).toHaveLength(3)
})

test('wrong key is an AuthenticationError with code invalid_api_key', async () => {
  const bad = new OpenAI({ apiKey: 'sk-wrong-key-123456', baseURL: emu.url, maxRetries: 0 })
  const err = await rejectedWith(bad.chat.completions.create({ model: MODEL, messages: [user('x')] }))
  expect(err).toBeInstanceOf(OpenAI.AuthenticationError)
  expect(err.code).toBe('invalid_api_key')
  expect(err.message).toContain('Incorrect API key provided: sk-')
  expect(err.message).not.toContain('sk-wrong-key-123456')
  expect(err.requestID).toMatch(/^req_/)
})

test('json turn with a strict response_format, parsed by the SDK helper', async () => {
  emu.respond(MODEL, [{ json: { verdict: 'reject', reasons: ['no tests'] } }])
  const done = await client.chat.completions.parse({
    model: MODEL, messages: [user('review')],
    response_format: zodResponseFormat(z.object({ verdict: z.enum(['approve', 'reject']), reasons: z.array(z.string()) }), 'review')
  })
  expect(done.choices[0]!.message.parsed).toEqual({ verdict: 'reject', reasons: ['no tests'] })
  expect(emu.requests[0]!.structured).toBe(true)
  const loose = await rejectedWith(client.chat.completions.create({
    model: MODEL, messages: [user('x')],
    response_format: { type: 'json_schema', json_schema: { name: 'review', strict: true, schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'] } } }
  }))
  expect(loose.message).toContain("Invalid schema for response_format 'review': In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.")
  const open = await rejectedWith(client.chat.completions.create({
    model: MODEL, messages: [user('x')],
    response_format: { type: 'json_schema', json_schema: { name: 'review', strict: true, schema: { type: 'object', properties: {}, required: [] } } }
  }))
  expect(open.message).toContain("'additionalProperties' is required to be supplied and to be false")
})

test('reasoning models refuse max_tokens and a non-default temperature; older models accept them', async () => {
  const maxTokens = await rejectedWith(client.chat.completions.create({ model: MODEL, max_tokens: 10, messages: [user('x')] }))
  expect(maxTokens).toBeInstanceOf(OpenAI.BadRequestError)
  expect(maxTokens.code).toBe('unsupported_parameter')
  expect(maxTokens.message).toContain("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.")
  const temperature = await rejectedWith(client.chat.completions.create({ model: 'gpt-5.4', temperature: 0.2, messages: [user('x')] }))
  expect(temperature.param).toBe('temperature')
  emu.respond('gpt-4o', [{ text: 'ok' }])
  await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 10, temperature: 0.2, messages: [user('x')] })
  const unknown = await rejectedWith(client.chat.completions.create({ model: 'gpt-nope', messages: [user('x')] }))
  expect(unknown).toBeInstanceOf(OpenAI.NotFoundError)
  expect(unknown.code).toBe('model_not_found')
})

test('automatic caching: a long repeated prefix is reported as cached_tokens (128-token steps)', async () => {
  emu.respond('gpt-4o', [{ text: 'a' }, { text: 'b' }, { text: 'c' }])
  const system = { role: 'system' as const, content: 'Project rules. '.repeat(600) }
  const r1 = await client.chat.completions.create({ model: 'gpt-4o', messages: [system, user('first')] })
  expect(r1.usage!.prompt_tokens).toBeGreaterThan(2000)
  expect(r1.usage!.prompt_tokens_details!.cached_tokens).toBe(0)
  expect(r1.usage!.prompt_tokens_details).not.toHaveProperty('cache_write_tokens')
  const r2 = await client.chat.completions.create({ model: 'gpt-4o', messages: [system, user('first'), { role: 'assistant', content: 'a' }, user('second')] })
  const cached = r2.usage!.prompt_tokens_details!.cached_tokens!
  expect(cached).toBeGreaterThanOrEqual(1024)
  expect(cached % 128).toBe(0)
  expect(cached).toBeLessThanOrEqual(r2.usage!.prompt_tokens)
  // Under 1024 tokens nothing is cached, however often it repeats.
  const r3 = await client.chat.completions.create({ model: 'gpt-4o', messages: [user('first')] })
  expect(r3.usage!.prompt_tokens_details!.cached_tokens).toBe(0)
})

test('GPT-5.6+ models report cache writes; an override is reported exactly (prompt_tokens includes cache)', async () => {
  emu.respond(MODEL, [{ text: 'a' }, { text: 'b', usage: { input: 1000, cacheRead: 500, cacheWrite: 200, output: 50 } }])
  const r1 = await client.chat.completions.create({ model: MODEL, messages: [user('Long context. '.repeat(400))] })
  expect(r1.usage!.prompt_tokens_details!.cache_write_tokens).toBeGreaterThanOrEqual(1024)
  const r2 = await client.chat.completions.create({ model: MODEL, messages: [user('x')] })
  expect(r2.usage).toEqual({
    prompt_tokens: 1700, completion_tokens: 50, total_tokens: 1750,
    prompt_tokens_details: { cached_tokens: 500, cache_write_tokens: 200, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 }
  })
})

test('failNext 429 with retry-after 0: the SDK retries and succeeds, two attempts seen', async () => {
  const retrying = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 2 })
  emu.failNext({ status: 429, headers: { 'retry-after': '0' }, model: MODEL })
  emu.respond(MODEL, [{ text: 'after retry' }])
  const r = await retrying.chat.completions.create({ model: MODEL, messages: [user('x')] })
  expect(r.choices[0]!.message.content).toBe('after retry')
  expect(emu.requests).toHaveLength(2)
  expect(emu.requests[1]!.headers['x-stainless-retry-count']).toBe('1')
})

test('an exhausted script answers 500 InternalServerError and is recorded', async () => {
  const err = await rejectedWith(client.chat.completions.create({ model: MODEL, messages: [user('x')] }))
  expect(err).toBeInstanceOf(OpenAI.InternalServerError)
  expect(err.message).toContain(`emulator: no scripted turn left for model ${MODEL}`)
  expect(emu.rejected).toEqual([expect.objectContaining({ status: 500 })])
  expect(emu.requests).toHaveLength(1)
})

test('flavor deepseek: prompt_cache_hit/miss tokens, no prompt_tokens_details', async () => {
  const { e, c } = await start('deepseek')
  e.respond('deepseek-flash', [{ text: 'a' }, { text: 'b' }, { text: 'c', usage: { input: 70, cacheRead: 30, output: 5 } }])
  const system = { role: 'system' as const, content: 'Style guide. '.repeat(600) }
  await c.chat.completions.create({ model: 'deepseek-flash', max_tokens: 10, messages: [system, user('one')] })
  const r2 = await c.chat.completions.create({ model: 'deepseek-flash', messages: [system, user('two')] })
  const usage = r2.usage as any
  expect(usage.prompt_tokens_details).toBeUndefined()
  expect(usage.prompt_cache_hit_tokens).toBeGreaterThanOrEqual(1024)
  expect(usage.prompt_cache_hit_tokens + usage.prompt_cache_miss_tokens).toBe(usage.prompt_tokens)
  const r3 = await c.chat.completions.create({ model: 'deepseek-flash', messages: [user('x')] })
  expect(r3.usage).toMatchObject({ prompt_tokens: 100, prompt_cache_hit_tokens: 30, prompt_cache_miss_tokens: 70, completion_tokens: 5 })
})

test('flavor ollama: any key, tool_choice and strict ignored, bare usage', async () => {
  const { e } = await start('ollama')
  const c = new OpenAI({ apiKey: 'ollama', baseURL: e.url, maxRetries: 0 })
  e.respond('qwen3:8b', [{ toolCalls: [{ name: 't', input: {} }] }])
  const r = await c.chat.completions.create({
    model: 'qwen3:8b', messages: [user('x')], tool_choice: 'required',
    tools: [{ type: 'function', function: { name: 't', strict: true, parameters: { type: 'object', properties: { a: { type: 'string' } } } } }]
  })
  expect(r.choices[0]!.finish_reason).toBe('tool_calls')
  expect(Object.keys(r.usage!).sort()).toEqual(['completion_tokens', 'prompt_tokens', 'total_tokens'])
})

test('flavor bare: json_schema and forced tool_choice are 400, usage has no details, key checked', async () => {
  const { e, c } = await start('bare')
  const schema = await rejectedWith(c.chat.completions.create({
    model: 'local', messages: [user('x')],
    response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object' } } }
  }))
  expect(schema).toBeInstanceOf(OpenAI.BadRequestError)
  expect(schema.message).toContain('not supported by this server')
  const forced = await rejectedWith(c.chat.completions.create({
    model: 'local', messages: [user('x')], tool_choice: 'required',
    tools: [{ type: 'function', function: { name: 't', parameters: { type: 'object' } } }]
  }))
  expect(forced.status).toBe(400)
  e.respond('local', [{ text: 'ok', stopReason: 'max_tokens' }])
  const r = await c.chat.completions.create({ model: 'local', messages: [user('x')] })
  expect(r.choices[0]!.finish_reason).toBe('length')
  expect(Object.keys(r.usage!).sort()).toEqual(['completion_tokens', 'prompt_tokens', 'total_tokens'])
  const bad = new OpenAI({ apiKey: 'wrong', baseURL: e.url, maxRetries: 0 })
  expect(await rejectedWith(bad.chat.completions.create({ model: 'local', messages: [user('x')] }))).toBeInstanceOf(OpenAI.AuthenticationError)
})

test('hang: the SDK times out and close() returns promptly', async () => {
  emu.failNext({ status: 500, hang: true })
  const started = Date.now()
  const err = await rejectedWith(client.chat.completions.create({ model: MODEL, messages: [user('x')] }, { timeout: 200 }))
  // Plain node reports APIConnectionTimeoutError; under jest's vm the abort reason loses its
  // AbortError name, so the SDK can only say APIConnectionError (the timeout's base class).
  expect(err).toBeInstanceOf(OpenAI.APIConnectionError)
  expect(Date.now() - started).toBeGreaterThanOrEqual(190)
  emu.failNext({ status: 500, hang: true })
  const pending = client.chat.completions.create({ model: MODEL, messages: [user('x')] }).catch((e) => e)
  await new Promise((r) => setTimeout(r, 100))
  await emu.close()
  expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError)
})
