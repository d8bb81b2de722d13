// The pure compaction decisions: what goes first, what always stays whole, and that a
// step is stable (the same stubs render the same text, so the cache prefix holds).
import { planBudget, ContextLimits } from '../src/conversation/budget'
import { chooseCompaction, truncateResult } from '../src/conversation/compact'
import { estimateTextTokens } from '../src/conversation/estimate'
import { contextLengthError } from '../src/conversation/length-error'
import { RepeatGuard } from '../src/conversation/repeats'
import { Transcript } from '../src/conversation/transcript'

const big = (tag: string, lines = 400) => Array.from({ length: lines }, (_, i) => `${tag} line ${i}: const value${i} = compute(${i})`).join('\n')
const MAP = Array.from({ length: 60 }, (_, i) => `src/module${i}.ts (${i * 100} bytes)`).join('\n')
const read = (id: string, path: string) => ({ id, name: 'read_file', input: { path, start_line: null, end_line: null } })

function session(): Transcript {
  const t = new Transcript()
  t.addUser('task', `Issue #1: fix it\n\n${MAP}`, { span: MAP, stub: '(map dropped)' })
  t.addAssistant('', [read('c1', 'src/a.ts')])
  t.addResults([read('c1', 'src/a.ts')], [{ callId: 'c1', content: big('a'), isError: false }], new Set())
  t.addAssistant('', [{ id: 'c2', name: 'edit_file', input: { path: 'src/a.ts', old_string: 'x', new_string: 'y' } }])
  t.addResults([{ id: 'c2', name: 'edit_file', input: { path: 'src/a.ts' } }], [{ callId: 'c2', content: 'edited src/a.ts', isError: false }], new Set(['src/a.ts']))
  t.addAssistant('', [read('c3', 'src/b.ts')])
  t.addResults([read('c3', 'src/b.ts')], [{ callId: 'c3', content: big('b'), isError: false }], new Set())
  t.addUser('tests', 'The test command `npm test` exited with code 1.\n' + big('fail-1', 100))
  t.addUser('feedback', 'A senior reviewer rejected the draft.\n' + big('review-1', 50))
  t.addAssistant('', [read('c4', 'src/c.ts')])
  t.addResults([read('c4', 'src/c.ts')], [{ callId: 'c4', content: big('c'), isError: false }], new Set())
  t.addUser('tests', 'The test command `npm test` exited with code 1.\n' + big('fail-2', 100))
  t.addUser('feedback', 'A senior reviewer rejected the draft.\n' + big('review-2', 50))
  t.addAssistant('', [read('c5', 'src/d.ts')])
  t.addResults([read('c5', 'src/d.ts')], [{ callId: 'c5', content: big('d'), isError: false }], new Set())
  return t
}

test('superseded reads go first, then older results oldest first; the last turn, the task and the latest tests and feedback never', () => {
  const t = session()
  const order = chooseCompaction(t.candidates(), 1e9, 0).keys
  // The read of src/a.ts was followed by an edit of src/a.ts: superseded, first to go.
  expect(order[0]).toBe('r2.0')
  // (the edit's own short result is not worth a stub)
  expect(order.slice(1, 5)).toEqual(['r6.0', 'r10.0', 'u7', 'u8'])
  expect(order).toContain('u7') // the older test output
  expect(order).toContain('u8') // the older feedback
  expect(order.at(-1)).toBe('m0') // the repository map last
  expect(order).not.toContain('r14.0') // the latest results: what the model just asked for
  expect(order).not.toContain('u11') // latest tests
  expect(order).not.toContain('u12') // latest feedback
  expect(order).not.toContain('u0') // the task is never stubbed whole
})

test('a step stops at the target, and stubs say what was there and how to get it back', () => {
  const t = session()
  const total = t.render().reduce((n, m) => n + estimateTextTokens(JSON.stringify(m)), 0)
  const choice = chooseCompaction(t.candidates(), total, total - 100)
  expect(choice.keys).toEqual(['r2.0'])
  for (const k of choice.keys) t.stubbed.add(k)
  const rendered = t.render()
  const stub = rendered[2]
  expect(stub).toEqual({ role: 'tool', results: [{ callId: 'c1', isError: false, content: expect.stringContaining('src/a.ts lines 1–end showed the file before a later edit; read it again') }] })
  // The call id stays, so the pairing every provider checks still holds.
  expect(JSON.stringify(t.render())).toBe(JSON.stringify(rendered))
  const old = (t.render()[4] as any).results[0].content
  expect(old).toBe('edited src/a.ts')
  t.stubbed.add('r6.0')
  expect((t.render()[6] as any).results[0].content).toBe('[compacted: read_file src/b.ts lines 1–end was shown here earlier; read it again if needed]')
  t.stubbed.add('m0')
  expect((t.render()[0] as any).text).toBe('Issue #1: fix it\n\n(map dropped)')
})

test('the budget plan: an output reserve, a band ceiling where one applies, steps from high down to low', () => {
  const small = planBudget({ window: 16_000, maxOutput: 16_000, maxTokens: 8192 })
  expect(small).toMatchObject({ window: 16_000, reserve: 4000, inputCeiling: 12_000, high: 12_000, low: 4800 })
  const haiku = planBudget({ window: 1_000_000, maxOutput: 128_000, maxTokens: 8192, bandAbove: 100_000 })
  expect(haiku).toMatchObject({ high: 100_000, low: 40_000, bandAbove: 100_000 })
  // A window smaller than the band: the window decides, and the band is not what limits.
  const tiny = planBudget({ window: 50_000, maxOutput: 128_000, maxTokens: 8192, bandAbove: 100_000 })
  expect(tiny.high).toBe(50_000 - 8192)
  expect(tiny.bandAbove).toBeUndefined()
})

test('a 400 for length is recognised in each provider\'s words, and what it says is learned', () => {
  const anthropic = { status: 400, message: '400 {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 208310 tokens > 200000 maximum"}}' }
  expect(contextLengthError(anthropic)).toEqual({ counted: 208310, limit: 200000 })
  const openai = { status: 400, code: 'context_length_exceeded', message: "400 This model's maximum context length is 16000 tokens. However, your messages resulted in 17210 tokens. Please reduce the length of the messages." }
  expect(contextLengthError(openai)).toEqual({ counted: 17210, limit: 16000 })
  expect(contextLengthError({ status: 400, message: 'max_tokens: Field required' })).toBeUndefined()
  expect(contextLengthError({ status: 500, message: 'prompt is too long: 1 tokens > 0 maximum' })).toBeUndefined()
  const limits = new ContextLimits()
  limits.learn('m', { counted: 17210, limit: 16000 }, 15000)
  expect(limits.window('m', 32000)).toBe(16000)
  const req = { system: 'x'.repeat(3000), messages: [] }
  expect(limits.estimate('m', req)).toBeGreaterThan(new ContextLimits().estimate('m', req) * 1.1)
})

test('an oversized result is cut on line boundaries with a note the model can act on', () => {
  const text = big('z', 2000)
  const cut = truncateResult(text, 1000)
  expect(estimateTextTokens(cut)).toBeLessThanOrEqual(1000)
  expect(cut).toMatch(/\[truncated to fit the context window: showed \d+ of 2000 lines; ask for less/)
  expect(truncateResult('short', 1000)).toBe('short')
})

test('loop sense: a third identical call is nudged, a fourth ends; a write or compaction starts reads afresh', () => {
  const g = new RepeatGuard()
  const call = read('x', 'src/a.ts')
  expect([g.check(call), g.check({ ...call, id: 'y' }), g.check(call)]).toEqual(['run', 'run', 'nudge'])
  expect(g.check(call)).toBe('end')
  const h = new RepeatGuard()
  h.check(call)
  h.check(call)
  h.wrote()
  expect(h.check(call)).toBe('run')
  // Argument order does not make a call different.
  const k = new RepeatGuard()
  k.check({ id: '1', name: 'search', input: { pattern: 'a', path: null } })
  k.check({ id: '2', name: 'search', input: { path: null, pattern: 'a' } })
  expect(k.check({ id: '3', name: 'search', input: { pattern: 'a', path: null } })).toBe('nudge')
})
