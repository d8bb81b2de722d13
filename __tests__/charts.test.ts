import { JSDOM } from 'jsdom'
import { barChart, costPerIteration, iterationChart, ROLE_COLOURS } from '../src/charts'
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

test("the summary's one chart parses with mermaid: stacked bars per iteration, legend, labelled axes", async () => {
  const blocks = mermaidBlocks(renderSummary(sampleReport()))
  // The chart that repeated the cost table is gone.
  expect(blocks).toHaveLength(1)
  await expect(parse(blocks[0]!)).resolves.toMatchObject({ diagramType: 'xychart' })
  const chart = blocks[0]!
  expect(chart).toContain('showLegend: true')
  expect(chart).toMatch(/x-axis "iteration" \["1", "2"\]/)
  expect(chart).toContain('y-axis "cost (USD)" 0 --> ')
  // Drawn from the axis, later over earlier: the reviewer's bar is the total, the drafter's over it.
  const its = costPerIteration(sampleReport().calls)
  const series = (name: string): number[] => JSON.parse(new RegExp(`bar "${name}" (\\[.*\\])`).exec(chart)![1]!)
  expect(series('drafter')).toEqual(its.map((i) => Math.round(i.drafterUsd * 1e4) / 1e4))
  expect(series('reviewer')).toEqual(its.map((i) => Math.round((i.drafterUsd + i.reviewerUsd) * 1e4) / 1e4))
  expect(chart.indexOf('bar "reviewer"')).toBeLessThan(chart.indexOf('bar "drafter"'))
  expect(chart).not.toContain('line [')
})

test('one iteration, the outcome aimed for, is one stacked bar that reaches its total', async () => {
  const chart = iterationChart([{ iteration: 1, drafterUsd: 0.012, reviewerUsd: 0.031 }])
  await expect(parse(chart.slice('```mermaid\n'.length, -'\n```'.length))).resolves.toMatchObject({ diagramType: 'xychart' })
  expect(chart).toContain('x-axis "iteration" ["1"]')
  expect(chart).toContain('bar "reviewer" [0.043]')
  expect(chart).toContain('bar "drafter" [0.012]')
  const max = Number(/0 --> ([\d.]+)/.exec(chart)![1])
  expect(max).toBeGreaterThanOrEqual(0.043)
  expect(max).toBeLessThan(0.1)
})

/** WCAG relative luminance contrast. */
function contrast(a: string, b: string): number {
  const lum = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

test("the bars' colours stand out on GitHub's light and dark backgrounds, and from each other", () => {
  for (const colour of Object.values(ROLE_COLOURS)) {
    expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3)
    expect(contrast(colour, '#0d1117')).toBeGreaterThanOrEqual(3)
  }
  expect(iterationChart([{ iteration: 1, drafterUsd: 1, reviewerUsd: 1 }])).toContain(`plotColorPalette: "${ROLE_COLOURS.reviewer}, ${ROLE_COLOURS.drafter}"`)
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
