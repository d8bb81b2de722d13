// Both premium baselines, recomputed here from the usage the emulators reported, in a
// run that saves and in one that costs more than the premium model alone; and the
// action's own defaults (Haiku 5.5 -> Sonnet 5.5, Opus 5.5) end to end.
import { checkoutWorkspace } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import { Git } from '../src/git'
import { Ledger } from '../src/ledger'
import { repriceRun } from '../src/cost/whatif'
import type { EmulatorTurn } from '../emulators/models'
import { usd } from '../src/cost/usd'
import { BUILT_IN_PRICES, costOf, roundUsd, savingsPct } from '../src/pricing'
import type { Usage } from '../src/chat'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const reject = (message: string): EmulatorTurn => ({ json: { verdict: 'reject', summary: 'Not yet.', findings: [{ file: 'src/sum.js', line: 3, severity: 'major', message }] } })
const edit = (to: string): EmulatorTurn[] => [
  { toolCalls: [{ name: 'write_file', input: { path: 'src/sum.js', content: `function sum(a, b) {\n  return ${to}\n}\nmodule.exports = { sum }\n` } }] },
  { toolCalls: [{ name: 'finish', input: { summary: `returns ${to}` } }] }
]
const summaryOf = (w: World, pr: string) => w.github.comments(repo, Number(pr)).find((c) => markerOf(c.body))!.body

/** The Anthropic usage of every answer, normalised as the contract counts it. */
function reported(w: World): { model: string; usage: Usage }[] {
  return w.anthropic.replies.map((r) => ({
    model: `anthropic:${r.model}`,
    usage: {
      input: r.body.usage.input_tokens,
      output: r.body.usage.output_tokens,
      cacheRead: r.body.usage.cache_read_input_tokens,
      cacheWrite: r.body.usage.cache_creation_input_tokens
    }
  }))
}

function recompute(w: World, reviewer: string) {
  const premium = BUILT_IN_PRICES[reviewer]!
  let cost = 0
  let only = 0
  let alone = 0
  for (const { model, usage } of reported(w)) {
    cost += costOf(usage, BUILT_IN_PRICES[model]!)
    only += costOf(usage, premium)
    if (model !== reviewer) alone += costOf(usage, premium)
  }
  return { cost: roundUsd(cost), only: roundUsd(only), alone: roundUsd(alone) }
}

let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
})
afterEach(async () => {
  await world.close()
})

test('a run that saves: both baselines match the reported usage, and the summary says so plainly', async () => {
  world.anthropic.respond('claude-haiku-5-5', edit('a + b'))
  world.anthropic.respond('claude-opus-5-5', [approve])
  const run = await world.run({ inputs: { 'drafter-model': 'anthropic:claude-haiku-5-5', 'reviewer-model': 'anthropic:claude-opus-5-5' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  const x = recompute(world, 'anthropic:claude-opus-5-5')
  expect(x.alone).toBeGreaterThan(x.cost)
  expect(run.outputs).toMatchObject({
    'cost-usd': String(x.cost),
    'premium-only-cost-usd': String(x.only),
    'savings-pct': String(savingsPct(x.cost, x.only)),
    'premium-alone-cost-usd': String(x.alone),
    'savings-vs-alone-pct': String(savingsPct(x.cost, x.alone))
  })
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(markerOf(summary)).toMatchObject({ premiumAloneCostUsd: x.alone, savingsVsAlonePct: savingsPct(x.cost, x.alone) })
  expect(summary).toContain(`At Opus 5.5 prices: ${usd(x.only)} (\u2212${savingsPct(x.cost, x.only)}%)`)
  expect(summary).toContain(`Opus 5.5 drafting alone, no review: ${usd(x.alone)} (\u2212${savingsPct(x.cost, x.alone)}%)`)
  expect(summary).not.toContain('more than Opus 5.5 drafting alone')
  expect(summary).not.toMatch(/Same tokens on/i)
  expect(run.stepSummary).toContain('Opus 5.5 drafting alone, no review')
  // The progress comment ends with the cost against both baselines.
  const progress = world.github.comments(repo, 12).find((c) => c.body.startsWith('<!-- draft-review:progress -->'))!
  expect(progress.body).toContain(`Opus 5.5 drafting alone, no review: ${usd(x.alone)}`)
})

test('a run that costs more than the premium model alone says so in the headline', async () => {
  world.anthropic.respond('claude-sonnet-4-6', edit('a + b'))
  // A long (thinking-heavy) review: what makes the split dearer than Opus drafting alone.
  world.anthropic.respond('claude-opus-4-8', [{ ...approve, usage: { output: 4000 } }])
  const run = await world.run()
  expect(run.outputs['stop-reason']).toBe('approved')
  const x = recompute(world, 'anthropic:claude-opus-4-8')
  expect(x.cost).toBeGreaterThan(x.alone)
  const vsAlone = savingsPct(x.cost, x.alone)
  expect(vsAlone).toBeLessThan(0)
  expect(run.outputs).toMatchObject({
    'cost-usd': String(x.cost),
    'premium-only-cost-usd': String(x.only),
    'premium-alone-cost-usd': String(x.alone),
    'savings-vs-alone-pct': String(vsAlone)
  })
  const summary = summaryOf(world, run.outputs['pr-number']!)
  const headline = summary.split('\n').find((l) => l.startsWith('✅'))!
  expect(headline).toContain(`This run cost ${-vsAlone}% more than Opus 4.8 drafting alone with no review would have`)
  expect(summary).toContain(`Opus 4.8 drafting alone, no review: ${usd(x.alone)} (+${-vsAlone}%)`)
})

test("the contract's seed profile: 0.175 and -2.9 in the outputs and the marker, and the headline says it cost more", async () => {
  world.anthropic.respond('claude-sonnet-4-6', [
    {
      toolCalls: [
        { name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } },
        { name: 'finish', input: { summary: 'Fixed.' } }
      ],
      usage: { input: 10_000, output: 5_000 }
    }
  ])
  world.anthropic.respond('claude-opus-4-8', [{ ...approve, usage: { input: 10_000, output: 1_000 } }])
  const run = await world.run()
  expect(run.outputs).toMatchObject({
    'cost-usd': '0.18',
    'premium-only-cost-usd': '0.25',
    'savings-pct': '28',
    'premium-alone-cost-usd': '0.175',
    'savings-vs-alone-pct': '-2.9'
  })
  const summary = summaryOf(world, run.outputs['pr-number']!)
  expect(markerOf(summary)).toMatchObject({ costUsd: 0.18, premiumOnlyCostUsd: 0.25, savingsPct: 28, premiumAloneCostUsd: 0.175, savingsVsAlonePct: -2.9 })
  expect(summary).toContain('At Opus 4.8 prices: $0.250 (\u221228%)')
  expect(summary).toContain('**This run cost 2.9% more than Opus 4.8 drafting alone with no review would have ($0.180 vs $0.175).**')
})

test('the defaults end to end: Haiku 5.5 rejected twice, Sonnet 5.5 takes over the conversation, Opus 5.5 reviews', async () => {
  // Both cheap drafts pass the tests; the reviewer still rejects them.
  world.anthropic.respond('claude-haiku-5-5', [...edit('b + a'), ...edit('(b + a)')])
  world.anthropic.respond('claude-sonnet-5-5', edit('a + b'))
  world.anthropic.respond('claude-opus-5-5', [reject('Use +.'), reject('Still wrong: use +.'), approve])
  // No model inputs at all: the action's own defaults (the harness names older models for older tests).
  const run = await world.run({ inputs: { 'drafter-model': '', 'reviewer-model': '', 'test-command': 'node test.js' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', reviews: '3', rejections: '2' })
  expect(world.anthropic.rejected).toEqual([])
  const takeover = world.anthropic.requests.find((r) => r.model === 'claude-sonnet-5-5')!
  // The cheap tier's whole conversation, its tool calls and both reviews, then the handover note.
  expect(takeover.messages.filter((m) => m.toolCalls.some((c) => c.name === 'write_file'))).toHaveLength(2)
  expect(takeover.messages.some((m) => m.text.includes('Still wrong: use +.'))).toBe(true)
  expect(takeover.messages.at(-1)!.text).toContain('anthropic:claude-sonnet-5-5 takes over')
  const summary = summaryOf(world, run.outputs['pr-number']!)
  const marker = markerOf(summary)!
  expect(marker.drafterModels).toEqual(['anthropic:claude-haiku-5-5', 'anthropic:claude-sonnet-5-5'])
  expect(marker.reviewerModel).toBe('anthropic:claude-opus-5-5')
  const x = recompute(world, 'anthropic:claude-opus-5-5')
  expect(run.outputs).toMatchObject({ 'cost-usd': String(x.cost), 'premium-only-cost-usd': String(x.only), 'premium-alone-cost-usd': String(x.alone) })
  expect(summary).toContain('Opus 5.5 drafting alone, no review')
})

test('the ledger keeps both baselines and the tokens per role and model; report prices them under other pairings', async () => {
  world.anthropic.respond('claude-haiku-5-5', edit('a + b'))
  world.anthropic.respond('claude-opus-5-5', [approve])
  const run = await world.run({ inputs: { 'drafter-model': 'anthropic:claude-haiku-5-5', 'reviewer-model': 'anthropic:claude-opus-5-5' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  const [rec] = (await new Ledger(new Git(await checkoutWorkspace(world.bareDir))).read()).records
  const marker = markerOf(summaryOf(world, run.outputs['pr-number']!))!
  expect(rec).toMatchObject({
    costUsd: Number(run.outputs['cost-usd']),
    premiumOnlyCostUsd: Number(run.outputs['premium-only-cost-usd']),
    premiumAloneCostUsd: Number(run.outputs['premium-alone-cost-usd']),
    usage: marker.usage,
    reviewsByDrafter: { 'anthropic:claude-haiku-5-5': { reviews: 1, rejections: 0 } }
  })
  const report = await world.run({ eventName: 'workflow_dispatch', payload: {}, inputs: { command: 'report' } })
  expect(report.exitCode).toBe(0)
  const luna = repriceRun(rec!, { drafters: ['openai:gpt-6-luna'] }, BUILT_IN_PRICES)!
  expect(report.stepSummary).toContain(`| gpt-6-luna drafting | ${usd(roundUsd(luna))} |`)
  expect(report.stepSummary).toContain(`| **as run** | ${usd(rec!.costUsd)} |`)
  // One run within a day counts as a day's work: seven a week.
  expect(report.stepSummary).toContain("At this repository's rate, 7 runs a week (1 run over 1 day)")
})
