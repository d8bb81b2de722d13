// Long drafting sessions against servers that enforce their context windows with a
// tokenizer harsher than bytes/3 (o200k x 1.3): the action keeps every request within
// the budget, keeps what must stay whole, recovers from a 400 for length, and holds the
// cap where tokens are dense, a price band applies, or usage is missing.
import { branchFiles } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn, SeenRequest } from '../emulators/models'
import { ISSUE } from './fixtures/sample-repo'
import { exploration, FIXED_SUM, fixAndFinish, largeFiles, readTurn, bigPath } from './fixtures/large-repo'

const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const FINDING = 'Also keep the comment above sum() accurate (FINDING-7731).'
const reject: EmulatorTurn = { json: { verdict: 'reject', summary: 'Almost.', findings: [{ file: 'src/sum.js', line: 1, severity: 'minor', message: FINDING }] } }

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

function drafterRequests(w: World, provider: 'anthropic' | 'openai', model: string): SeenRequest[] {
  return w[provider].requests.filter((r) => r.model === model)
}

/** The budget and the parts that must stay whole, on every request the model saw. */
function expectWithinBudget(reqs: SeenRequest[], window: number, system: string): void {
  expect(reqs.length).toBeGreaterThan(0)
  for (const r of reqs) {
    expect(r.promptTokens).toBeDefined()
    expect(r.promptTokens! + r.maxTokens).toBeLessThanOrEqual(window)
    expect(r.system).toBe(system)
    expect(r.messages[0]!.text).toContain(ISSUE.body)
  }
}

test('Anthropic, 200K window: a 34-read exploration stays within the window, compacts in steps, and opens a PR', async () => {
  world = await startWorld({ files: largeFiles(34, 320), issue: ISSUE, contextWindows: { [SONNET]: 200_000 } })
  world.anthropic.respond(SONNET, [...exploration(0, 34), ...fixAndFinish])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js', 'max-cost-usd': '20' } })
  expect(run.stderr).toBe('')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  expect(world.anthropic.rejected).toEqual([])
  const reqs = drafterRequests(world, 'anthropic', SONNET)
  expectWithinBudget(reqs, 200_000, reqs[0]!.system)
  // Unique content well past the window, so compaction was needed, and it went in steps.
  expect(Math.max(...reqs.map((r) => r.promptTokens!))).toBeGreaterThan(100_000)
  const steps = run.stdout.match(/drafter context compacted/g)?.length ?? 0
  expect(steps).toBeGreaterThanOrEqual(1)
  expect(steps).toBeLessThan(reqs.length / 4)
  // The oldest read became a stub that says how to get it back.
  const last = reqs.at(-1)!
  expect(JSON.stringify(last.messages)).toContain(`[compacted: read_file ${bigPath(0)} lines 1–end was shown here earlier; read it again if needed]`)
  // The cache: between steps every call reads the prefix back (and right after a step, the
  // system prompt and the task, which carry their own breakpoints).
  const reads = [...run.stdout.matchAll(/drafter anthropic:claude-sonnet-4-6: \d+ in, (\d+) cache read/g)].map((m) => Number(m[1]))
  expect(reads.length).toBe(reqs.length)
  expect(reads.slice(1).every((n) => n > 0)).toBe(true)
  expect((await branchFiles(world.bareDir, 'draft-review/issue-12'))?.['src/sum.js']).toBe(FIXED_SUM)
  expect(world.github.pulls(repo)).toHaveLength(1)
  expect(markerOf(world.github.comments(repo, world.github.pulls(repo)[0]!.number)[0]!.body)!.estimated).toBeUndefined()
}, 120_000)

test('OpenAI-compatible 16K server: every request fits, the issue and the latest feedback stay whole through compaction', async () => {
  const MODEL = 'local-coder'
  world = await startWorld({ files: largeFiles(30, 300), issue: ISSUE, openaiFlavor: 'bare', contextWindows: { [MODEL]: 16_000 } })
  const comment: EmulatorTurn = { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: '// Adds two numbers.', new_string: '// Adds two numbers (a + b).', replace_all: false } }] }
  world.openai.respond(MODEL, [...exploration(0, 24), ...fixAndFinish, ...exploration(24, 30), readTurn(bigPath(2)), comment, fixAndFinish[1]!])
  world.anthropic.respond(OPUS, [reject, approve])
  const run = await world.run({
    inputs: { 'drafter-model': `openai:${MODEL}`, prices: JSON.stringify({ [`openai:${MODEL}`]: { input: 0, output: 0 } }), 'test-command': 'node test.js' }
  })
  if (run.outputs['stop-reason'] !== 'approved') console.log(run.stdout.slice(-6000))
  expect(run.stderr).toBe('')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', reviews: '2' })
  expect(world.openai.rejected).toEqual([])
  const reqs = drafterRequests(world, 'openai', MODEL)
  expectWithinBudget(reqs, 16_000, reqs[0]!.system)
  const afterReview = reqs.filter((r) => r.messages.some((m) => m.text.includes('A senior reviewer rejected')))
  expect(afterReview.length).toBeGreaterThan(6)
  for (const r of afterReview) expect(r.messages.some((m) => m.text.includes(FINDING))).toBe(true)
  expect(world.github.pulls(repo)).toHaveLength(1)
}, 120_000)

test('a 400 "prompt is too long" is answered by compacting and retrying once, and the run still ends with a PR', async () => {
  // context-tokens says 60K, the server really has 30K: the action learns it from the 400.
  world = await startWorld({ files: largeFiles(8), issue: ISSUE, contextWindows: { [SONNET]: 30_000 } })
  world.anthropic.respond(SONNET, [...exploration(0, 8), ...fixAndFinish])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'context-tokens': '60000', 'test-command': 'node test.js' } })
  expect(run.stderr).toBe('')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  expect(world.anthropic.rejected.length).toBe(1)
  expect(JSON.stringify(world.anthropic.rejected[0]!.error)).toMatch(/prompt is too long: \d+ tokens > 30000 maximum|exceed context limit: \d+ \+ \d+ > 30000/)
  const accepted = drafterRequests(world, 'anthropic', SONNET)
  for (const r of accepted) expect(r.promptTokens! + r.maxTokens).toBeLessThanOrEqual(30_000)
  expect(world.github.pulls(repo)).toHaveLength(1)
}, 120_000)

test('the cap holds on high-entropy prompts: a base64 file read is priced at what a real tokenizer counts', async () => {
  const MODEL = 'dense-model'
  world = await startWorld({ files: largeFiles(2, 600, 'base64'), issue: ISSUE, openaiFlavor: 'bare', contextWindows: { [MODEL]: 400_000 } })
  world.openai.respond(MODEL, [...exploration(0, 2), ...fixAndFinish])
  world.anthropic.respond(OPUS, [approve])
  const cap = 0.5
  const run = await world.run({
    inputs: {
      'drafter-model': `openai:${MODEL}`,
      'context-tokens': '400000',
      prices: JSON.stringify({ [`openai:${MODEL}`]: { input: 20, output: 1 } }),
      'max-cost-usd': String(cap)
    }
  })
  // The 41 KB of base64 are about 37K tokens (o200k x 1.3): $0.74 at $20/M, over the cap,
  // though bytes/3 would have priced them at $0.35. So the call carrying them is never sent.
  expect(run.outputs['stop-reason']).toBe('max-cost')
  const reqs = drafterRequests(world, 'openai', MODEL)
  expect(reqs).toHaveLength(1)
  const cost = Number(run.outputs['cost-usd'])
  expect(cost).toBeGreaterThan(0)
  expect(cost).toBeLessThanOrEqual(cap)
}, 120_000)

test('a Haiku 5.5 drafter past 100K prompt tokens is priced at its band, in the cap and the summary', async () => {
  const HAIKU = 'claude-haiku-5-5'
  // Six large reads in one turn: the latest results stay whole, so the next prompt passes 100K.
  const wide: EmulatorTurn = { toolCalls: Array.from({ length: 6 }, (_, f) => ({ name: 'read_file', input: { path: bigPath(f), start_line: 1, end_line: 600 } })) }
  const session = async (cap: number) => {
    world = await startWorld({ files: largeFiles(6, 1200), issue: ISSUE, contextWindows: { [HAIKU]: 1_000_000 } })
    world.anthropic.respond(HAIKU, [wide, ...fixAndFinish])
    world.anthropic.respond(OPUS, [approve])
    const run = await world.run({ inputs: { 'drafter-model': `anthropic:${HAIKU}`, 'max-cost-usd': String(cap) } })
    const reqs = drafterRequests(world, 'anthropic', HAIKU)
    const pr = world.github.pulls(repo)[0]
    const body = world.github.comments(repo, pr ? pr.number : ISSUE.number).map((c) => c.body).find((b) => markerOf(b))!
    const result = { run, reqs, body, largest: Math.max(...reqs.map((r) => r.promptTokens!)) }
    await world.close()
    world = undefined
    return result
  }
  // A cap the flat price would pass but the band's worst case would not: the big call is never started.
  const tight = await session(0.08)
  expect(tight.run.outputs['stop-reason']).toBe('max-cost')
  expect(tight.largest).toBeLessThan(100_000)
  // A cap that allows it: billed whole at the band, and said so.
  const roomy = await session(0.5)
  expect(roomy.run.outputs['stop-reason']).toBe('approved')
  expect(roomy.largest).toBeGreaterThan(100_000)
  expect(Number(roomy.run.outputs['cost-usd'])).toBeLessThanOrEqual(0.5)
  const line = markerOf(roomy.body)!.usage.find((u: any) => u.role === 'drafter')
  const flat = (line.inputTokens * 0.1 + line.outputTokens * 0.5 + line.cacheReadTokens * 0.01 + line.cacheWriteTokens * 0.125) / 1e6
  expect(line.costUsd).toBeGreaterThan(flat * 2) // the band (5x) priced the big calls
  expect(roomy.body).toContain('Long-prompt price band')
}, 180_000)

test('a priced server that reports no usage: tokens are estimated, marked, and the cap holds on them', async () => {
  world = await startWorld({ files: largeFiles(20, 300), issue: ISSUE, openaiNoUsage: true })
  world.openai.respond('gpt-5-mini', [...exploration(0, 20), ...fixAndFinish])
  world.anthropic.respond(OPUS, [approve])
  const cap = 0.05
  const run = await world.run({ inputs: { 'drafter-model': 'openai:gpt-5-mini', 'max-cost-usd': String(cap) } })
  expect(run.outputs['stop-reason']).toBe('max-cost')
  const cost = Number(run.outputs['cost-usd'])
  expect(cost).toBeGreaterThan(0)
  expect(cost).toBeLessThanOrEqual(cap)
  const calls = world.openai.requests.length
  expect(calls).toBeLessThan(20)
  const comments = world.github.pulls(repo)[0] ? world.github.comments(repo, world.github.pulls(repo)[0]!.number) : world.github.comments(repo, ISSUE.number)
  const body = comments.map((c) => c.body).find((b) => markerOf(b))!
  expect(markerOf(body)!.estimated).toBe(true)
  expect(body).toContain('Estimated figures')
}, 120_000)

test('loop sense: a third identical call gets a nudge, a fourth ends the draft; the summary counts both', async () => {
  world = await startWorld({ files: largeFiles(1, 50), issue: ISSUE })
  world.anthropic.respond(SONNET, [fixAndFinish[0]!, readTurn(bigPath(0)), readTurn(bigPath(0)), readTurn(bigPath(0)), readTurn(bigPath(0))])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', drafts: '1' })
  const reqs = drafterRequests(world, 'anthropic', SONNET)
  expect(reqs).toHaveLength(5)
  const results = (r: SeenRequest) => r.messages.flatMap((m) => m.toolResults.map((t) => t.content))
  expect(results(reqs[3]!).filter((c) => c.includes('this exact call three times'))).toHaveLength(0)
  expect(results(reqs[4]!).filter((c) => c.includes('this exact call three times'))).toHaveLength(1)
  const pr = world.github.pulls(repo)[0]!
  const body = world.github.comments(repo, pr.number)[0]!.body
  expect(body).toContain('1 identical tool call repeated a third time got a nudge')
  expect(body).toContain('1 draft ended because one tool call came a fourth time')
}, 60_000)

test('Ollama-like server with num_ctx: with context-tokens set to it, nothing is ever silently dropped', async () => {
  const MODEL = 'qwen-local'
  world = await startWorld({ files: largeFiles(16, 200), issue: ISSUE, openaiFlavor: 'ollama', contextWindows: { [MODEL]: 8192 } })
  world.openai.respond(MODEL, [...exploration(0, 16), ...fixAndFinish])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({
    inputs: { 'drafter-model': `openai:${MODEL}`, 'context-tokens': '8192', prices: JSON.stringify({ [`openai:${MODEL}`]: { input: 0, output: 0 } }) }
  })
  if (run.outputs['stop-reason'] !== 'approved') console.log(run.stdout.slice(-6000))
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  const reqs = drafterRequests(world, 'openai', MODEL)
  for (const r of reqs) expect(r.droppedMessages).toBeUndefined()
  expectWithinBudget(reqs, 8192, reqs[0]!.system)
}, 120_000)
