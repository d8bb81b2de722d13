import type { ChatMessage } from '../src/chat'
import { toAnthropicMessages } from '../src/providers/anthropic'
import { toOpenAIMessages, usageOf } from '../src/providers/openai'

const conversation: ChatMessage[] = [
  { role: 'user', text: 'Fix the bug.' },
  { role: 'assistant', text: '', toolCalls: [{ id: 'c1', name: 'read_file', input: { path: 'a.js' } }, { id: 'c2', name: 'edit_file', input: '{"path": ', invalidJson: 'Unexpected end' }] },
  { role: 'tool', results: [{ callId: 'c1', content: '1| x', isError: false }, { callId: 'c2', content: 'bad JSON', isError: true }] },
  { role: 'user', text: 'The reviewer rejected the draft.' }
]

test('Anthropic: tool results first in one user message with the text after; the last block marked for the cache', () => {
  const out = toAnthropicMessages(conversation)
  expect(out.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
  expect(out[1]!.content).toEqual([
    { type: 'tool_use', id: 'c1', name: 'read_file', input: { path: 'a.js' } },
    { type: 'tool_use', id: 'c2', name: 'edit_file', input: {} }
  ])
  expect(out[2]!.content).toEqual([
    { type: 'tool_result', tool_use_id: 'c1', content: '1| x' },
    { type: 'tool_result', tool_use_id: 'c2', content: 'bad JSON', is_error: true },
    { type: 'text', text: 'The reviewer rejected the draft.', cache_control: { type: 'ephemeral' } }
  ])
})

test('Anthropic: a one-shot prompt is not marked for the cache', () => {
  const out = toAnthropicMessages([{ role: 'user', text: 'Review this.' }], false)
  expect(out).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Review this.' }] }])
})

test('OpenAI: one tool message per result, the raw text of invalid arguments echoed back as sent', () => {
  const out = toOpenAIMessages(conversation)
  expect(out).toEqual([
    { role: 'user', content: 'Fix the bug.' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'c1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.js"}' } },
        { id: 'c2', type: 'function', function: { name: 'edit_file', arguments: '{"path": ' } }
      ]
    },
    { role: 'tool', tool_call_id: 'c1', content: '1| x' },
    { role: 'tool', tool_call_id: 'c2', content: 'Error: bad JSON' },
    { role: 'user', content: 'The reviewer rejected the draft.' }
  ])
})

test.each([
  ['OpenAI with cache reads and writes', { prompt_tokens: 5000, completion_tokens: 300, total_tokens: 5300, prompt_tokens_details: { cached_tokens: 3000, cache_write_tokens: 1024 } }, { input: 976, output: 300, cacheRead: 3000, cacheWrite: 1024 }],
  ['Ollama (no details)', { prompt_tokens: 900, completion_tokens: 50, total_tokens: 950 }, { input: 900, output: 50, cacheRead: 0, cacheWrite: 0 }],
  ['DeepSeek', { prompt_tokens: 2000, completion_tokens: 10, total_tokens: 2010, prompt_cache_hit_tokens: 1500, prompt_cache_miss_tokens: 500 }, { input: 500, output: 10, cacheRead: 1500, cacheWrite: 0 }]
])('usage normalised: %s', (_name, usage, expected) => {
  expect(usageOf(usage as never)).toEqual(expected)
})

import { estimateTokens } from '../src/providers/types'

test('the budget estimate errs high: ASCII at 3 bytes a token, any other byte a token of its own, tools with their hidden prompt', () => {
  const ascii = estimateTokens({ system: '', messages: [{ role: 'user', text: 'x'.repeat(3000) }] })
  expect(ascii).toBeGreaterThanOrEqual(1000)
  expect(ascii).toBeLessThan(1100)
  const emoji = estimateTokens({ system: '', messages: [{ role: 'user', text: '🙂'.repeat(1000) }] })
  expect(emoji).toBeGreaterThanOrEqual(4000) // 4 UTF-8 bytes each: never more tokens than bytes
  const tools = estimateTokens({ system: '', messages: [{ role: 'user', text: 'x' }], tools: [{ name: 't', description: 'd', parameters: { type: 'object' } }] })
  expect(tools).toBeGreaterThan(600)
})
