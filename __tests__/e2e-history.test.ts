import { checkoutWorkspace } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { Git } from '../src/git'
import { Ledger } from '../src/ledger'
import { record } from './fixtures/ledger-records'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const reject: EmulatorTurn = { json: { verdict: 'reject', summary: 'Wrong approach.', findings: [{ file: 'src/sum.js', line: 3, severity: 'major', message: 'Use +.' }] } }
const edit = (to: string): EmulatorTurn[] => [
  { toolCalls: [{ name: 'write_file', input: { path: 'src/sum.js', content: `function sum(a, b) {\n  return ${to}\n}\nmodule.exports = { sum }\n` } }] },
  { toolCalls: [{ name: 'finish', input: { summary: `returns ${to}` } }] }
]
const summaryOf = (w: World, pr: string) => w.github.comments(repo, Number(pr)).find((c) => markerOf(c.body))!.body

let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: { ...ISSUE, labels: ['bug'] } })
})
afterEach(async () => {
  await world.close()
})

async function seedLedger(records: ReturnType<typeof record>[]): Promise<void> {
  const ledger = new Ledger(new Git(await checkoutWorkspace(world.bareDir)))
  for (const r of records) await ledger.append(r)
}

test("each run is recorded; the summary's history figures match the ledger", async () => {
  await seedLedger([
    record({ runId: 'old1', category: 'bug' }),
    record({ runId: 'old2', category: 'bug', firstDraftApproved: false, reviews: 2, rejections: 1, costUsd: 0.1, premiumOnlyCostUsd: 0.3 }),
    record({ runId: 'other', category: 'docs' })
  ])
  world.anthropic.respond('claude-sonnet-4-6', edit('a + b'))
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({ inputs: { 'category-labels': 'docs, bug' } })
  expect(run.outputs['stop-reason']).toBe('approved')
  const ws = await checkoutWorkspace(world.bareDir)
  const records = (await new Ledger(new Git(ws)).read()).records
  expect(records.map((r) => r.runId)).toEqual(['old1', 'old2', 'other', '1001'])
  const mine = records.at(-1)!
  expect(mine).toMatchObject({ issue: 12, category: 'bug', mode: 'changes', drafts: 1, reviews: 1, rejections: 0, firstDraftApproved: true, stopReason: 'approved', drafterModels: ['anthropic:claude-sonnet-4-6'] })
  expect(mine.costUsd).toBe(Number(run.outputs['cost-usd']))
  const summary = summaryOf(world, run.outputs['pr-number']!)
  // bug history: old1 (approved), old2 (1 of 2 rejected), this run (approved): 3 runs, 2/3 first drafts, 1/4 reviews rejected.
  expect(summary).toContain('**This kind of task** (`bug` · changes, 3 runs including this one): first drafts approved 66.7% · reject rate 25%')
  const saved = 0.25 - 0.18 + (0.3 - 0.1) + (Number(run.outputs['premium-only-cost-usd']) - Number(run.outputs['cost-usd']))
  expect(summary).toContain(`saved $${saved.toFixed(3)} to date`)
  expect(summary).toContain('Too few reviewed runs to judge yet (3 of 5)')
  expect(markerOf(summary)).toMatchObject({ category: 'bug' })
  expect(summary).toContain('```mermaid')
})

test.each([
  [0.4, 'claude-sonnet-4-6'],
  [0.5, 'claude-opus-4-8']
])('routing at a recent reject rate of %s starts on %s (threshold 0.4)', async (rate, expected) => {
  // 10 reviewed runs with 10 reviews in all: `rate * 10` of them rejected.
  await seedLedger(Array.from({ length: 10 }, (_, i) => record({ runId: `r${i}`, reviews: 1, rejections: i < rate * 10 ? 1 : 0, firstDraftApproved: i >= rate * 10 })))
  world.anthropic.respond(expected, edit('a + b'))
  world.anthropic.respond('claude-opus-4-8', [approve])
  const run = await world.run({
    inputs: { 'category-labels': 'bug', 'route-by-history': 'true', 'route-reject-threshold': '0.4', 'drafter-model': 'anthropic:claude-sonnet-4-6, anthropic:claude-opus-4-8' }
  })
  expect(run.outputs['stop-reason']).toBe('approved')
  const drafterCalls = world.anthropic.requests.filter((r) => r.toolNames.length > 0)
  expect(new Set(drafterCalls.map((r) => r.model))).toEqual(new Set([expected]))
  if (expected === 'claude-opus-4-8') {
    // The premium model drafted: no second premium review was paid for.
    expect(run.outputs.reviews).toBe('0')
    expect(summaryOf(world, run.outputs['pr-number']!)).toContain('Routed to anthropic:claude-opus-4-8')
  } else {
    expect(run.outputs.reviews).toBe('1')
  }
})

test('the ladder: after escalate-after rejections the next tier takes over the same conversation, across providers', async () => {
  world.openai.respond('gpt-6-luna', edit('a * b'))
  world.anthropic.respond('claude-sonnet-4-6', edit('a + b'))
  world.anthropic.respond('claude-opus-4-8', [reject, approve])
  const run = await world.run({ inputs: { 'drafter-model': 'openai:gpt-6-luna, anthropic:claude-sonnet-4-6', 'escalate-after': '1' } })
  expect(run.outputs).toMatchObject({ 'stop-reason': 'approved', reviews: '2', rejections: '1' })
  expect(world.anthropic.rejected).toEqual([])
  const takeover = world.anthropic.requests.find((r) => r.model === 'claude-sonnet-4-6')!
  // The whole conversation so far, the cheap tier's tool calls included, then the handover note.
  expect(takeover.messages.some((m) => m.toolCalls.some((c) => c.name === 'write_file'))).toBe(true)
  expect(takeover.messages.at(-1)!.text).toContain('anthropic:claude-sonnet-4-6 takes over')
  const marker = markerOf(summaryOf(world, run.outputs['pr-number']!))!
  expect(marker.drafterModels).toEqual(['openai:gpt-6-luna', 'anthropic:claude-sonnet-4-6'])
  expect(marker.usage.map((u: any) => `${u.role} ${u.model}`)).toEqual(['drafter openai:gpt-6-luna', 'reviewer anthropic:claude-opus-4-8', 'drafter anthropic:claude-sonnet-4-6'])
  expect(summaryOf(world, run.outputs['pr-number']!)).toContain('(draft 2 by `anthropic:claude-sonnet-4-6`): ✅ approved')
})

test('command: report writes the whole ledger to the job summary, with no model call', async () => {
  await seedLedger([record({ runId: 'a', category: 'bug' }), record({ runId: 'b', category: 'docs', drafterModels: ['openai:gpt-6-luna'], costUsd: 0.01, premiumOnlyCostUsd: 0.2 })])
  const run = await world.run({ eventName: 'workflow_dispatch', payload: {}, inputs: { command: 'report' } })
  expect(run.exitCode).toBe(0)
  expect(run.stepSummary).toContain('| bug · changes | 1 |')
  expect(run.stepSummary).toContain('| openai:gpt-6-luna | 1 |')
  expect(run.stepSummary).toContain('```mermaid')
  expect(world.anthropic.requests).toHaveLength(0)
  // Reading the report records nothing: the ledger holds the two seeded runs only.
  expect((await new Ledger(new Git(await checkoutWorkspace(world.bareDir))).read()).records.map((r) => r.runId)).toEqual(['a', 'b'])
})
