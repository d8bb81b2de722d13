// The Chat Completions emulator's rules for empty turns, DeepSeek's reasoning_content,
// compatible servers' tool calls, stop reasons and streaming, through the real `openai`
// SDK: the bad request is refused in the server's words, the good one accepted.
import OpenAI from 'openai'
import { openaiEmulators, rejectedByOpenAI as rejectedWith, user } from './helpers/sdk'

const KEY = 'sk-test-0123456789abcdef'
const start = openaiEmulators(KEY)

type Msg = OpenAI.Chat.Completions.ChatCompletionMessageParam
const tools = [{ type: 'function' as const, function: { name: 'read_file', parameters: { type: 'object', properties: {} } } }]

test('a reasoning model out of budget answers "" with finish_reason length; replaying it as content null is refused', async () => {
  const { e, c } = await start('openai')
  e.respond('gpt-6.1-terra', [{ stopReason: 'max_tokens' }, { text: 'ok' }])
  const cut = await c.chat.completions.create({ model: 'gpt-6.1-terra', max_completion_tokens: 500, messages: [user('x')] })
  expect(cut.choices[0]).toMatchObject({ finish_reason: 'length', message: { content: '' } })
  expect(cut.usage).toMatchObject({ completion_tokens: 500, completion_tokens_details: { reasoning_tokens: 500 } })
  const replay = await rejectedWith(c.chat.completions.create({
    model: 'gpt-6.1-terra', max_completion_tokens: 500, messages: [user('x'), { role: 'assistant', content: null }, user('again')]
  }))
  expect(replay).toBeInstanceOf(OpenAI.BadRequestError)
  expect(replay.error).toMatchObject({ message: "Invalid value for 'content': expected a string, got null.", param: 'messages.[1].content' })
  const ok = await c.chat.completions.create({ model: 'gpt-6.1-terra', max_completion_tokens: 500, messages: [user('x'), user('again')] })
  expect(ok.choices[0]!.message.content).toBe('ok')
})

test('DeepSeek thinking mode: a tool-call turn must carry its reasoning_content back', async () => {
  const { e, c } = await start('deepseek')
  e.respond('deepseek-v4-pro', [{ thinking: 'I need the file.', toolCalls: [{ name: 'read_file', input: {} }] }, { text: 'done' }])
  const first = await c.chat.completions.create({ model: 'deepseek-v4-pro', max_tokens: 100, tools, messages: [user('go')] })
  const message = first.choices[0]!.message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string }
  expect(message.reasoning_content).toBe('I need the file.')
  const call = message.tool_calls![0]!
  const history = (assistant: Record<string, unknown>): Msg[] => [
    user('go'), { role: 'assistant', content: null, tool_calls: [call], ...assistant } as Msg, { role: 'tool', tool_call_id: call.id, content: 'x' }
  ]
  const dropped = await rejectedWith(c.chat.completions.create({ model: 'deepseek-v4-pro', max_tokens: 100, tools, messages: history({}) }))
  expect(dropped).toBeInstanceOf(OpenAI.BadRequestError)
  expect(dropped.error).toMatchObject({ message: 'The `reasoning_content` in the thinking mode must be passed back to the API.', type: 'invalid_request_error', code: 'invalid_request_error' })
  const ok = await c.chat.completions.create({ model: 'deepseek-v4-pro', max_tokens: 100, tools, messages: history({ reasoning_content: 'I need the file.' }) })
  expect(ok.choices[0]!.message.content).toBe('done')
})

test('compatible servers: arguments as an object, a call without type, ids like functions.read_file:0', async () => {
  const { e, c } = await start('bare')
  e.respond('qwen3-coder', [{ toolCalls: [{ name: 'read_file', rawArguments: { path: 'a.ts' }, omitType: true, id: 'functions.read_file:0' }] }])
  const res = await c.chat.completions.create({ model: 'qwen3-coder', max_tokens: 100, tools, messages: [user('go')] })
  expect(res.choices[0]!.message.tool_calls).toEqual([{ id: 'functions.read_file:0', function: { name: 'read_file', arguments: { path: 'a.ts' } } }])
})

test("OpenAI refuses what compatible servers send: object arguments, calls without type, ids over 40 characters", async () => {
  const { c } = await start('openai')
  const send = (call: Record<string, unknown>) => c.chat.completions.create({
    model: 'gpt-6.1-terra', max_completion_tokens: 10, tools,
    messages: [user('go'), { role: 'assistant', content: null, tool_calls: [call] } as unknown as Msg, { role: 'tool', tool_call_id: String(call.id), content: 'x' }]
  })
  const fn = { name: 'read_file', arguments: '{}' }
  expect((await rejectedWith(send({ id: 'c1', type: 'function', function: { name: 'read_file', arguments: { path: 'a' } } }))).error)
    .toMatchObject({ message: "Invalid type for 'messages[1].tool_calls[0].function.arguments': expected a string, but got an object instead." })
  expect((await rejectedWith(send({ id: 'c1', function: fn }))).error).toMatchObject({ message: "Missing required parameter: 'messages[1].tool_calls[0].type'." })
  const long = 'x'.repeat(41)
  expect((await rejectedWith(send({ id: long, type: 'function', function: fn }))).error)
    .toMatchObject({ message: "Invalid 'messages[1].tool_calls[0].id': string too long. Expected a string with maximum length 40, but got a string with length 41 instead." })
})

test('refusal and content filter', async () => {
  const { e, c } = await start('openai')
  e.respond('gpt-6.1-sol', [{ stopReason: 'refusal', text: 'I can not help with that.' }, { text: 'partial', stopReason: 'content_filter' }])
  const refused = await c.chat.completions.create({ model: 'gpt-6.1-sol', max_completion_tokens: 10, messages: [user('x')] })
  expect(refused.choices[0]).toMatchObject({ finish_reason: 'stop', message: { content: null, refusal: 'I can not help with that.' } })
  const filtered = await c.chat.completions.create({ model: 'gpt-6.1-sol', max_completion_tokens: 10, messages: [user('x')] })
  expect(filtered.choices[0]!.finish_reason).toBe('content_filter')
})

test('streaming: chat.completion.chunk events, tool call deltas, usage in a last chunk with no choices, then [DONE]', async () => {
  const { e, c } = await start('deepseek')
  const path = `src/${'deep/'.repeat(30)}file.ts` // longer than one delta
  const plan = 'Plan: read the file first. '.repeat(5)
  e.respond('deepseek-flash', [{ thinking: plan, text: 'Reading.', toolCalls: [{ name: 'read_file', input: { path } }], usage: { input: 900, cacheRead: 100, output: 42 } }])
  const stream = await c.chat.completions.create({ model: 'deepseek-flash', max_tokens: 100, tools, messages: [user('go')], stream: true, stream_options: { include_usage: true } })
  const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = []
  for await (const chunk of stream) chunks.push(chunk)
  const deltas = chunks.flatMap((ch) => ch.choices.map((x) => x.delta as Record<string, any>))
  expect(deltas.filter((d) => d.reasoning_content).length).toBeGreaterThan(1)
  expect(deltas.map((d) => d.reasoning_content ?? '').join('')).toBe(plan)
  expect(deltas.map((d) => d.content ?? '').join('')).toBe('Reading.')
  const args = deltas.flatMap((d) => d.tool_calls ?? []).map((t: any) => t.function?.arguments ?? '').join('')
  expect(JSON.parse(args)).toEqual({ path })
  expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('tool_calls')
  expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 1000, completion_tokens: 42, prompt_cache_hit_tokens: 100 } })

  e.respond('deepseek-flash', [{ text: 'hi' }])
  const raw = await fetch(`${e.url}/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'deepseek-flash', stream: true, messages: [user('x')] })
  })
  expect(raw.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const events = (await raw.text()).split('\n\n').filter(Boolean)
  expect(events.every((ev) => ev.startsWith('data: '))).toBe(true)
  expect(events.at(-1)).toBe('data: [DONE]')
  // without include_usage no chunk carries usage
  expect(events.slice(0, -1).map((ev) => JSON.parse(ev.slice(6))).every((ch) => !('usage' in ch))).toBe(true)
  expect(await rejectedWith(c.chat.completions.create({ model: 'deepseek-flash', messages: [user('x')], stream_options: { include_usage: true } })))
    .toMatchObject({ status: 400 })
})

test('a server without streaming refuses stream: true', async () => {
  const { c } = await start('bare', { noStreaming: true })
  const err = await rejectedWith(c.chat.completions.create({ model: 'qwen3-coder', messages: [user('x')], stream: true }))
  expect(err).toMatchObject({ status: 400, param: 'stream' })
})
