// The triage step in the built action: scripted triage answers on the default ladder
// (Haiku 5.5 -> Sonnet 5.5, Opus 5.5 reviewing; the triage runs on Haiku 5.5). The harness
// pins `triage: false` for older scripted tests; here every input is the action's own
// default (empty), so triage is on because the action says so.
import { checkoutWorkspace } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { Git } from '../src/git'
import { Ledger } from '../src/ledger'
import { record } from './fixtures/ledger-records'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const HAIKU = 'claude-haiku-5-5'
const SONNET = 'claude-sonnet-5-5'
const OPUS = 'claude-opus-5-5'
const LADDER = ['anthropic:claude-haiku-5-5', 'anthropic:claude-sonnet-5-5']
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const fix: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() adds.' } }] }
]
const says = (kind: string, tier: number, reason = 'Because.'): EmulatorTurn => ({ json: { kind, tier, reason } })
const inputs = (more: Record<string, string> = {}) => ({ 'drafter-model': '', 'reviewer-model': '', triage: '', 'triage-model': '', ...more })
const summaryOf = (w: World, pr: string) => w.github.comments(repo, Number(pr)).find((c) => markerOf(c.body))!.body
const drafters = (w: World) => [...new Set(w.anthropic.requests.filter((r) => r.toolNames.length > 0).map((r) => r.model))]
const ledgerRecords = async (w: World) => (await new Ledger(new Git(await checkoutWorkspace(w.bareDir))).read()).records

let world: World
afterEach(async () => {
  await world.close()
})

async function start(labels: string[] = []) {
  world = await startWorld({ files: SAMPLE_FILES, issue: { ...ISSUE, labels } })
}

async function seed(records: ReturnType<typeof record>[]) {
  const ledger = new Ledger(new Git(await checkoutWorkspace(world.bareDir)))
  for (const r of records) await ledger.append(r)
}

test('an unlabeled boilerplate issue starts on the first tier; the triage call is metered as its own role', async () => {
  await start()
  world.anthropic.respond(HAIKU, [says('boilerplate', 1, 'A one-line fix with a test already there.'), ...fix])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs() })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.anthropic.rejected).toEqual([])
  const triageCall = world.anthropic.requests[0]!
  expect(triageCall.model).toBe(HAIKU)
  expect(triageCall.structured).toBe(true)
  expect(triageCall.toolNames).toEqual([])
  expect(triageCall.messages[0]!.text).toContain('sum() subtracts')
  expect(triageCall.messages[0]!.text).toContain('tier 2: anthropic:claude-sonnet-5-5')
  expect(drafters(world)).toEqual([HAIKU])
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(summary).toContain('**Started on `anthropic:claude-haiku-5-5`**, chosen by triage: The triage called it boilerplate and proposed tier 1: A one-line fix with a test already there.')
  const marker = markerOf(summary)!
  const triageLine = marker.usage.find((u: any) => u.role === 'triage')
  expect(triageLine).toMatchObject({ model: 'anthropic:claude-haiku-5-5', calls: 1 })
  expect(triageLine.costUsd).toBeGreaterThan(0)
  // The triage's cost is in the run's cost, and in no premium-alone baseline (the premium model alone would not triage).
  const total = marker.usage.reduce((a: number, u: any) => a + u.costUsd, 0)
  // Each usage line and the total are rounded to 6 decimals on their own: they may differ by half a unit per line.
  expect(Math.abs(Number(run.outputs['cost-usd']) - total)).toBeLessThanOrEqual((marker.usage.length + 1) * 5e-7)
  expect(triageLine.costUsd).toBeGreaterThan((marker.usage.length + 1) * 5e-7)
  expect(summary).toMatch(/\| triage \| `anthropic:claude-haiku-5-5` \| 1 \|/)
  const [rec] = await ledgerRecords(world)
  expect(rec).toMatchObject({ category: 'uncategorized', triage: { kind: 'boilerplate', proposed: LADDER[0], used: LADDER[0], chosenBy: 'triage' } })
  expect(rec!.usage!.find((u) => u.role === 'triage')).toEqual(triageLine)
})

test('a debugging issue starts on the higher tier the triage proposed', async () => {
  await start()
  world.anthropic.respond(HAIKU, [says('debugging', 2, 'An intermittent failure across modules.')])
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs() })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(drafters(world)).toEqual([SONNET])
  expect(summaryOf(world, run.outputs['pr-number']!)).toContain('**Started on `anthropic:claude-sonnet-5-5`**, chosen by triage')
  const [rec] = await ledgerRecords(world)
  expect(rec!.triage).toEqual({ kind: 'debugging', proposed: LADDER[1], used: LADDER[1], chosenBy: 'triage' })
})

test('on an OpenAI ladder the triage asks for strict structured output with the tier among the ladder\'s, and the emulator takes it', async () => {
  await start()
  world.openai.respond('gpt-6-luna', [says('debugging', 2, 'Needs the stronger tier.')])
  world.openai.respond('gpt-6.1-terra', fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs({ 'drafter-model': 'openai:gpt-6-luna,openai:gpt-6.1-terra' }) })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.openai.rejected).toEqual([])
  const call = world.openai.requests[0]!
  expect(call.model).toBe('gpt-6-luna')
  expect(call.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'triage', strict: true } })
  expect(call.body.response_format.json_schema.schema.properties.tier.enum).toEqual([1, 2])
  expect(call.body.tools).toBeUndefined()
  expect(world.openai.requests.slice(1).every((r) => r.model === 'gpt-6.1-terra')).toBe(true)
  const marker = markerOf(summaryOf(world, run.outputs['pr-number']!))!
  expect(marker.usage.find((u: any) => u.role === 'triage')).toMatchObject({ model: 'openai:gpt-6-luna', calls: 1 })
})

test('a category label beats the triage: no triage call is made, and the summary says why', async () => {
  await start(['docs'])
  world.anthropic.respond(HAIKU, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs({ 'category-labels': 'docs' }) })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(drafters(world)).toEqual([HAIKU])
  expect(world.anthropic.requests.filter((r) => r.structured && r.model === HAIKU)).toEqual([])
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(summary).toContain('chosen by label: The category label `docs` names the kind of task: started on the first tier.')
  expect(summary).toContain('Triage skipped: the category label `docs` names the kind of task, and a labelled run starts where its history says.')
  expect(markerOf(summary)!.usage.map((u: any) => u.role)).not.toContain('triage')
  const [rec] = await ledgerRecords(world)
  expect(rec).toMatchObject({ category: 'docs', triage: { kind: 'docs', proposed: null, used: LADDER[0], chosenBy: 'label' } })
})

test('a one-tier ladder has no start to choose: no triage call, a note', async () => {
  await start()
  world.anthropic.respond(HAIKU, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs({ 'drafter-model': 'anthropic:claude-haiku-5-5' }) })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.anthropic.requests.filter((r) => r.structured && r.model === HAIKU)).toEqual([])
  expect(summaryOf(world, run.outputs['pr-number']!)).toContain('Triage skipped: the ladder has one tier, so there is no start to choose.')
})

test("history above the threshold moves the triage's start up", async () => {
  await start()
  const rejected = (i: number) =>
    record({ runId: `b${i}`, category: 'uncategorized', drafterModels: LADDER, firstDraftApproved: false, reviews: 2, rejections: 1, triage: { kind: 'boilerplate', proposed: LADDER[0]!, used: LADDER[0]!, chosenBy: 'triage' }, reviewsByDrafter: { [LADDER[0]!]: { reviews: 1, rejections: 1 }, [LADDER[1]!]: { reviews: 1, rejections: 0 } } })
  await seed([0, 1, 2, 3, 4].map(rejected))
  world.anthropic.respond(HAIKU, [says('boilerplate', 1)])
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs() })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(drafters(world)).toEqual([SONNET])
  expect(summaryOf(world, run.outputs['pr-number']!)).toContain("chosen by history: The triage called it boilerplate and proposed tier 1: Because. Routed to anthropic:claude-sonnet-5-5: anthropic:claude-haiku-5-5's recent reject rate on boilerplate is 100% over 5 reviewed runs")
})

test('history at 80%+ first-tier approval keeps the start down', async () => {
  await start()
  const approved = (i: number) =>
    record({ runId: `d${i}`, category: 'uncategorized', drafterModels: [LADDER[0]!], firstDraftApproved: true, triage: { kind: 'debugging', proposed: LADDER[0]!, used: LADDER[0]!, chosenBy: 'triage' }, reviewsByDrafter: { [LADDER[0]!]: { reviews: 1, rejections: 0 } } })
  await seed([0, 1, 2, 3, 4].map(approved))
  world.anthropic.respond(HAIKU, [says('debugging', 2), ...fix])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs() })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(drafters(world)).toEqual([HAIKU])
  expect(summaryOf(world, run.outputs['pr-number']!)).toContain("History kept it on the first tier: anthropic:claude-haiku-5-5's first drafts on debugging were approved 100% of the time")
})

test('a triage answer that does not fit its schema falls back to the first tier with a note, and the run goes on', async () => {
  await start()
  world.anthropic.respond(HAIKU, [{ json: { kind: 'chores', tier: 1, reason: 'x' } }, ...fix])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs() })
  expect(run.exitCode).toBe(0)
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(drafters(world)).toEqual([HAIKU])
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(summary).toContain('The triage answer did not fit its schema (kind:')
  expect(summary).toContain('the run starts without its proposal.')
  const [rec] = await ledgerRecords(world)
  expect(rec!.triage).toEqual({ kind: 'uncategorized', proposed: null, used: LADDER[0], chosenBy: 'default' })
})

test.each([
  ['an empty answer', (w: World) => w.anthropic.respond(HAIKU, [{ text: '' }]), 'The triage answer did not fit its schema (the answer is empty)'],
  ['a cut-off answer', (w: World) => w.anthropic.respond(HAIKU, [{ text: '{"kind":"bug-fix","tier', stopReason: 'max_tokens' }]), 'The triage answer was cut off at its 1024-token limit'],
  ['a refusal', (w: World) => w.anthropic.respond(HAIKU, [{ text: 'I will not classify this. Closes #3', stopReason: 'refusal' }]), 'Triage failed (the triage model refused (anthropic:claude-haiku-5-5)'],
  [
    'a 400',
    (w: World) => w.anthropic.failNext({ model: HAIKU, status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'output_config.format.schema: too many properties' } } }),
    'output_config.format.schema: too many properties'
  ],
  ['a 529 through the retry', (w: World) => w.anthropic.failNext({ model: HAIKU, status: 529, times: 2 }), 'Overloaded'],
  ['a provider that never answers', (w: World) => w.anthropic.failNext({ model: HAIKU, status: 200, hang: true, times: 2 }), 'timed out']
])('%s from the triage: the run starts without its proposal, says so, and goes on', async (_, misbehave, note) => {
  await start()
  misbehave(world)
  world.anthropic.respond(HAIKU, fix)
  world.anthropic.respond(OPUS, [approve])
  // A short model timeout keeps the hung case fast; the triage's own is the shorter of it and 60 s.
  const run = await world.run({ inputs: inputs({ 'model-timeout-seconds': '1' }) })
  expect({ code: run.exitCode, stop: run.outputs['stop-reason'] }).toEqual({ code: 0, stop: 'approved' })
  expect(drafters(world)).toEqual([HAIKU])
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(summary).toContain(note)
  expect(summary).toContain('the run starts without its proposal.')
  expect(summary).toContain('**Started on `anthropic:claude-haiku-5-5`**, chosen by default')
  // The model's words in a note are neutralised: no issue is closed or linked by it.
  expect(summary).not.toMatch(/Closes #3/)
  // Whatever the triage was billed is in the run's cost; nothing else of the budget is lost.
  const marker = markerOf(summary)!
  const total = marker.usage.reduce((a: number, u: any) => a + u.costUsd, 0)
  expect(Math.abs(Number(run.outputs['cost-usd']) - total)).toBeLessThanOrEqual((marker.usage.length + 1) * 5e-7)
  const [rec] = await ledgerRecords(world)
  expect(rec!.triage).toEqual({ kind: 'uncategorized', proposed: null, used: LADDER[0], chosenBy: 'default' })
}, 30_000)

test('a budget with no room for the triage beside the first draft skips it, with a note', async () => {
  await start()
  world.anthropic.respond(HAIKU, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs({ 'max-cost-usd': '0.0015' }) })
  expect(run.exitCode).toBe(0)
  expect(world.anthropic.requests.filter((r) => r.structured && r.model === HAIKU)).toEqual([])
  const summary = summaryOf(world, run.outputs['pr-number'] || String(ISSUE.number))
  expect(summary).toMatch(/Triage skipped: max-cost-usd leaves \$0\.0015, not enough for the triage call \(\$0\.0\d+ at worst\) beside the first draft/)
})

test('triage: false makes no triage call', async () => {
  await start()
  world.anthropic.respond(HAIKU, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: inputs({ triage: 'false' }) })
  expect(run.outputs['stop-reason']).toBe('approved')
  expect(world.anthropic.requests.filter((r) => r.model === HAIKU).every((r) => r.toolNames.length > 0)).toBe(true)
})
