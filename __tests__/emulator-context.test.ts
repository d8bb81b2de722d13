// The emulators' context windows, driven through the real SDKs: each server's own words
// for a prompt over its window, Ollama's silent truncation, the strict count in usage and
// count_tokens, and a server that reports no usage.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'
import { startAnthropicEmulator, startOpenAIEmulator, type ModelEmulator } from '../emulators/models'

const KEY = 'sk-test-0123456789abcdef'
const open: ModelEmulator[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()))
})
const caught = async (p: Promise<unknown>): Promise<any> => p.then(() => undefined, (e) => e)
const base64 = (n: number): string => Buffer.from(Array.from({ length: n }, (_, i) => (i * 131 + 7) % 256)).toString('base64')

test('Anthropic: a prompt over the window is refused as the API words it; usage and count_tokens use the strict count', async () => {
  const emu = await startAnthropicEmulator({ apiKey: KEY, contextWindows: { 'claude-sonnet-4-6': 5000 } })
  open.push(emu)
  const client = new Anthropic({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 })
  const big = base64(9000) // 12,000 characters of base64: bytes/3 says 4,000 tokens, a real tokenizer far more
  const err = await caught(client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: big }] }))
  expect(err.status).toBe(400)
  expect(err.message).toMatch(/prompt is too long: (\d+) tokens > 5000 maximum/)
  expect(Number(/(\d+) tokens >/.exec(err.message)![1])).toBeGreaterThanOrEqual(Math.ceil(countTokens(big) * 1.3))
  const fits = 'word '.repeat(1000)
  const tooMuch = await caught(client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 4000, messages: [{ role: 'user', content: fits }] }))
  expect(tooMuch.message).toMatch(/input length and `max_tokens` exceed context limit: \d+ \+ 4000 > 5000/)
  emu.respond('claude-sonnet-4-6', [{ text: 'ok' }])
  const ok = await client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 100, messages: [{ role: 'user', content: fits }] })
  const counted = await client.messages.countTokens({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: fits }] })
  expect(ok.usage.input_tokens + (ok.usage.cache_read_input_tokens ?? 0) + (ok.usage.cache_creation_input_tokens ?? 0)).toBe(counted.input_tokens)
  expect(emu.requests.at(-1)!.promptTokens).toBe(counted.input_tokens)
})

test('OpenAI: context_length_exceeded in OpenAI\'s words, for the prompt and for prompt plus completion', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY, contextWindows: { 'local-16k': 16_000 } })
  open.push(emu)
  const client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 })
  const err = await caught(client.chat.completions.create({ model: 'local-16k', max_tokens: 100, messages: [{ role: 'user', content: base64(30_000) }] }))
  expect(err.status).toBe(400)
  expect(err.code).toBe('context_length_exceeded')
  expect(err.message).toMatch(/This model's maximum context length is 16000 tokens\. However, your messages resulted in \d+ tokens/)
  const both = await caught(client.chat.completions.create({ model: 'local-16k', max_tokens: 15_000, messages: [{ role: 'user', content: 'word '.repeat(2000) }] }))
  expect(both.message).toMatch(/you requested \d+ tokens \(\d+ in the messages, 15000 in the completion\)/)
})

test('Ollama: over num_ctx the oldest messages are dropped silently, the issue first', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY, flavor: 'ollama', contextWindows: { qwen: 2000 } })
  open.push(emu)
  const client = new OpenAI({ apiKey: 'x', baseURL: emu.url, maxRetries: 0 })
  emu.respond('qwen', [{ text: 'ok' }])
  const res = await client.chat.completions.create({
    model: 'qwen',
    max_tokens: 100,
    messages: [
      { role: 'system', content: 'You are a drafter.' },
      { role: 'user', content: 'THE ISSUE: fix sum(). ' + 'word '.repeat(900) },
      { role: 'assistant', content: 'Reading.' },
      { role: 'user', content: 'more '.repeat(900) }
    ]
  })
  expect(res.choices[0]!.message.content).toBe('ok') // no error: the server just forgot
  const seen = emu.requests[0]!
  expect(seen.droppedMessages).toBeGreaterThanOrEqual(1)
  expect(seen.system).toBe('You are a drafter.')
  expect(seen.messages.some((m) => m.text.includes('THE ISSUE'))).toBe(false)
  expect(seen.promptTokens).toBeLessThanOrEqual(2000)
})

test('a server that reports no usage sends none', async () => {
  const emu = await startOpenAIEmulator({ apiKey: KEY, flavor: 'bare', noUsage: true })
  open.push(emu)
  const client = new OpenAI({ apiKey: KEY, baseURL: emu.url, maxRetries: 0 })
  emu.respond('m', [{ text: 'ok' }])
  const res = await client.chat.completions.create({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] })
  expect(res.usage).toBeUndefined()
})
