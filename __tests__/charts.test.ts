import { JSDOM } from 'jsdom'
import { barChart, costPerIteration, iterationChart } from '../src/charts'
import { renderLedgerReport } from '../src/ledger-report'
import { CostMeter } from '../src/meter'
import { BUILT_IN_PRICES } from '../src/pricing'
import { renderSummary, type RunReport } from '../src/report'
import { record } from './fixtures/ledger-records'

// mermaid's own parser (the library GitHub renders these blocks with) needs a DOM.
let parse: (text: string) => Promise<unknown>
beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>')
  Object.assign(globalThis, { window: dom.window, document: dom.window.document })
  const { default: mermaid } = await import('mermaid')
  mermaid.initialize({ startOnLoad: false })
  parse = (text) => mermaid.parse(text)
})

function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!)
}

const opus = BUILT_IN_PRICES['anthropic:claude-opus-4-8']!
const sonnet = BUILT_IN_PRICES['anthropic:claude-sonnet-4-6']!

function sampleReport(): RunReport {
  const meter = new CostMeter(2, opus)
  const u = (input: number, output: number) => ({ input, output, cacheRead: 0, cacheWrite: 0 })
  meter.record('drafter', 'anthropic:claude-sonnet-4-6', sonnet, u(3000, 400))
  meter.record('drafter', 'anthropic:claude-sonnet-4-6', sonnet, u(3500, 200))
  meter.record('reviewer', 'anthropic:claude-opus-4-8', opus, u(2500, 600))
  meter.record('drafter', 'anthropic:claude-sonnet-4-6', sonnet, u(4000, 300))
  meter.record('reviewer', 'anthropic:claude-opus-4-8', opus, u(2600, 200))
  return {
    issue: 7, mode: 'changes', approved: true, stopReason: 'approved', drafts: 2, reviews: [],
    usage: meter.usage(), calls: meter.history(), ...meter.totals(), reviewerModel: 'anthropic:claude-opus-4-8',
    drafterModels: ['anthropic:claude-sonnet-4-6'], category: 'bug', testCommand: '', testRuns: [], toolErrors: 0, cutOffs: 0, note: ''
  }
}

test('iterations: drafting up to and including a review; a drafter call after a review starts the next', () => {
  const its = costPerIteration(sampleReport().calls)
  expect(its.map((i) => i.iteration)).toEqual([1, 2])
  expect(its[0]!.drafterUsd).toBeCloseTo((3000 * 3 + 400 * 15 + 3500 * 3 + 200 * 15) / 1e6, 10)
  expect(its[1]!.reviewerUsd).toBeCloseTo((2600 * 5 + 200 * 25) / 1e6, 10)
})

test("the summary's charts parse with mermaid", async () => {
  const blocks = mermaidBlocks(renderSummary(sampleReport()))
  expect(blocks).toHaveLength(2)
  for (const b of blocks) await expect(parse(b)).resolves.toMatchObject({ diagramType: 'xychart' })
})

test("the ledger report's chart parses with mermaid, titles and labels with quotes included", async () => {
  const report = renderLedgerReport([record({ category: 'say "hi"' }), record({ category: 'docs', mode: 'tests' })])
  const blocks = mermaidBlocks(report)
  expect(blocks).toHaveLength(1)
  await expect(parse(blocks[0]!)).resolves.toMatchObject({ diagramType: 'xychart' })
  await expect(parse(barChart('a "quoted" title', [['x "y"', 1]]).slice('```mermaid\n'.length, -'\n```'.length))).resolves.toBeTruthy()
})

test('a broken chart is rejected (the check can fail)', async () => {
  await expect(parse(iterationChart([{ iteration: 1, drafterUsd: 1, reviewerUsd: 1 }]).replace('bar [', 'bar [,'))).rejects.toThrow()
})
