// The reviewer's cost levers: effort (refused by the emulators as the real APIs refuse
// it), the cached stable prefix, and an input that grows with the diff only.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import { startAnthropicEmulator, startOpenAIEmulator, type EmulatorTurn } from '../emulators/models'
import { readSettings } from '../src/settings'
import { SAMPLE_FILES } from './fixtures/sample-repo'

const rejectedWith = async (p: Promise<unknown>): Promise<any> => {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error('expected the request to fail')
}

describe('effort on the wire', () => {
  test('Anthropic: output_config.effort takes the API values, and models before Opus 4.5 refuse it', async () => {
    const emu = await startAnthropicEmulator({ apiKey: 'k' })
    const client = new Anthropic({ apiKey: 'k', baseURL: emu.url, maxRetries: 0 })
    try {
      emu.respond('claude-opus-5-5', [{ text: 'ok' }])
      const ask = (model: string, effort: any) =>
        client.messages.create({ model, max_tokens: 16, messages: [{ role: 'user', content: 'x' }], output_config: { effort } })
      await ask('claude-opus-5-5', 'low')
      expect(emu.requests[0]!.body.output_config).toEqual({ effort: 'low' })
      const bad = await rejectedWith(ask('claude-opus-5-5', 'minimal'))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'")
      const old = await rejectedWith(ask('claude-haiku-4-5', 'low'))
      expect(old.status).toBe(400)
      expect(old.message).toContain('This model does not support the effort parameter.')
      const dated = await rejectedWith(ask('claude-sonnet-4-5-20250929', 'medium'))
      expect(dated.message).toContain('This model does not support the effort parameter.')
    } finally {
      await emu.close()
    }
  })

  test('OpenAI: reasoning_effort takes the API values, on reasoning models only', async () => {
    const emu = await startOpenAIEmulator({ apiKey: 'k' })
    const client = new OpenAI({ apiKey: 'k', baseURL: emu.url, maxRetries: 0 })
    try {
      emu.respond('gpt-6.1-sol', [{ text: 'ok' }])
      await client.chat.completions.create({ model: 'gpt-6.1-sol', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'low' })
      expect(emu.requests[0]!.body.reasoning_effort).toBe('low')
      const bad = await rejectedWith(client.chat.completions.create({ model: 'gpt-6.1-sol', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'extreme' as any }))
      expect(bad.status).toBe(400)
      expect(bad.param).toBe('reasoning_effort')
      expect(bad.message).toContain("Invalid value: 'extreme'.")
      const chat = await rejectedWith(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'low' }))
      expect(chat.code).toBe('unsupported_parameter')
    } finally {
      await emu.close()
    }
  })

  test('reviewer-effort is low, medium or high, medium by default', () => {
    const read = (v: Record<string, string>) => (n: string) => ({ 'anthropic-api-key': 'k', ...v })[n] ?? ''
    expect(readSettings(read({})).reviewerEffort).toBe('medium')
    expect(readSettings(read({ 'reviewer-effort': 'low' })).reviewerEffort).toBe('low')
    expect(() => readSettings(read({ 'reviewer-effort': 'max' }))).toThrow("Input 'reviewer-effort': 'max' is not one of: low, medium, high.")
  })
})

describe('the reviewer in a run', () => {
  const repo = `${OWNER}/${REPO}`
  // An issue long enough that the system prompt plus the issue pass Opus 5.5's 512-token minimum.
  const longIssue = {
    number: 12,
    title: 'sum() subtracts instead of adding',
    body: 'Calling sum(2, 3) returns -1. It should return 5.\n\n' + 'The helper is used by the billing export and the dashboard totals; both are wrong today. '.repeat(40)
  }
  const draft = (to: string): EmulatorTurn[] => [
    { toolCalls: [{ name: 'write_file', input: { path: 'src/sum.js', content: `function sum(a, b) {\n  return ${to}\n}\nmodule.exports = { sum }\n` } }] },
    { toolCalls: [{ name: 'finish', input: { summary: `returns ${to}` } }] }
  ]
  let world: World
  afterEach(async () => {
    await world.close()
  })

  test('Opus 5.5 reviews at the set effort; a re-review reads the system prompt and the issue from the cache', async () => {
    world = await startWorld({ files: SAMPLE_FILES, issue: longIssue })
    world.anthropic.respond('claude-haiku-5-5', [...draft('b + a'), ...draft('a + b')])
    world.anthropic.respond('claude-opus-5-5', [
      { json: { verdict: 'reject', summary: 'Keep the operand order.', findings: [{ file: 'src/sum.js', line: 2, severity: 'minor', message: 'a + b' }] } },
      { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
    ])
    const run = await world.run({ inputs: { 'drafter-model': 'anthropic:claude-haiku-5-5', 'reviewer-model': 'anthropic:claude-opus-5-5', 'reviewer-effort': 'low' } })
    expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', reviews: '2' })
    expect(world.anthropic.rejected).toEqual([])
    const reviews = world.anthropic.requests.filter((r) => r.model === 'claude-opus-5-5')
    expect(reviews.map((r) => r.body.output_config.effort)).toEqual(['low', 'low'])
    // The drafter gets no effort: the input names the reviewer's.
    expect(world.anthropic.requests.filter((r) => r.model === 'claude-haiku-5-5').every((r) => r.body.output_config?.effort === undefined)).toBe(true)
    const usage = world.anthropic.replies.filter((r) => r.model === 'claude-opus-5-5').map((r) => r.body.usage)
    expect(usage[0].cache_creation_input_tokens).toBeGreaterThanOrEqual(512)
    expect(usage[0].cache_read_input_tokens).toBe(0)
    // The re-review reads exactly what the first review wrote: the system prompt and the issue.
    expect(usage[1].cache_read_input_tokens).toBe(usage[0].cache_creation_input_tokens)
    // What it pays full price for is its own round: the diff, the summary, the test result.
    expect(usage[1].input_tokens).toBeLessThan(usage[1].cache_read_input_tokens)
    const marker = markerOf(world.github.comments(repo, Number(run.outputs['pr-number'])).find((c) => markerOf(c.body))!.body)!
    const line = marker.usage.find((u: any) => u.role === 'reviewer')
    expect(line.cacheReadTokens).toBe(usage[1].cache_read_input_tokens)
  })

  test('an OpenAI reviewer gets reasoning_effort; the prefix comes first so the automatic cache can serve it', async () => {
    world = await startWorld({ files: SAMPLE_FILES, issue: longIssue })
    world.anthropic.respond('claude-haiku-5-5', draft('a + b'))
    world.openai.respond('gpt-6.1-sol', [{ json: { verdict: 'approve', summary: 'Correct.', findings: [] } }])
    const run = await world.run({ inputs: { 'drafter-model': 'anthropic:claude-haiku-5-5', 'reviewer-model': 'openai:gpt-6.1-sol' } })
    expect(run.outputs['stop-reason']).toBe('approved')
    expect(world.openai.rejected).toEqual([])
    const review = world.openai.requests[0]!
    expect(review.body.reasoning_effort).toBe('medium')
    expect(review.messages[0]!.text).toContain('billing export')
    expect(review.messages[0]!.text).not.toContain('The diff against the base branch')
    expect(review.messages[1]!.text).toContain('+  return a + b')
  })
})
