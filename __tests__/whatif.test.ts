import { repriceRun, runRate, whatIf, project, WEEKS_PER_MONTH } from '../src/cost/whatif'
import { usd } from '../src/cost/usd'
import { renderLedgerReport } from '../src/ledger-report'
import { BUILT_IN_PRICES } from '../src/pricing'
import { record } from './fixtures/ledger-records'

const line = (role: string, model: string, inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0) =>
  ({ role, model, calls: 1, inputTokens, outputTokens, cacheReadTokens, cacheWriteTokens, costUsd: 0 })

// Two runs over seven days: one the seed pair (Sonnet 4.6 drafting, Opus 4.8 reviewing), one
// escalated Haiku 5.5 -> Sonnet 5.5 with Opus 5.5 reviewing; and one older run without token counts.
const seeded = [
  record({
    runId: 'a', time: '2026-11-01T00:00:00.000Z', costUsd: 0.18, premiumOnlyCostUsd: 0.25, premiumAloneCostUsd: 0.175,
    usage: [line('drafter', 'anthropic:claude-sonnet-4-6', 10_000, 5_000), line('reviewer', 'anthropic:claude-opus-4-8', 10_000, 1_000)]
  }),
  record({
    runId: 'b', time: '2026-11-08T00:00:00.000Z', drafterModels: ['anthropic:claude-haiku-5-5', 'anthropic:claude-sonnet-5-5'], reviewerModel: 'anthropic:claude-opus-5-5',
    costUsd: 0.2, premiumOnlyCostUsd: 0.5, premiumAloneCostUsd: 0.3,
    usage: [
      line('drafter', 'anthropic:claude-haiku-5-5', 1_000, 2_000, 20_000, 4_000),
      line('reviewer', 'anthropic:claude-opus-5-5', 6_000, 3_000, 2_000, 2_000),
      line('drafter', 'anthropic:claude-sonnet-5-5', 0, 1_000, 0, 30_000)
    ]
  }),
  record({ runId: 'old', time: '2026-11-04T00:00:00.000Z', costUsd: 0.4, premiumOnlyCostUsd: 0.5 })
]

test('a run is repriced line by line: tiers map step to step, the reviewer to the other reviewer', () => {
  const luna = BUILT_IN_PRICES['openai:gpt-6-luna']!
  const terra = BUILT_IN_PRICES['openai:gpt-6.1-terra']!
  const opus48 = BUILT_IN_PRICES['anthropic:claude-opus-4-8']!
  const got = repriceRun(seeded[1]!, { drafters: ['openai:gpt-6-luna', 'openai:gpt-6.1-terra'], reviewer: 'anthropic:claude-opus-4-8' }, BUILT_IN_PRICES)!
  const want =
    (1_000 * luna.input + 2_000 * luna.output + 20_000 * luna.cacheRead + 4_000 * luna.cacheWrite) / 1e6 +
    (6_000 * opus48.input + 3_000 * opus48.output + 2_000 * opus48.cacheRead + 2_000 * opus48.cacheWrite) / 1e6 +
    (1_000 * terra.output + 30_000 * terra.cacheWrite) / 1e6
  expect(got).toBeCloseTo(want, 12)
  // A one-tier ladder takes every drafter line.
  expect(repriceRun(seeded[0]!, { drafters: ['openai:gpt-6-luna'] }, BUILT_IN_PRICES)).toBeCloseTo((10_000 * 0.1 + 5_000 * 0.5) / 1e6 + 0.075, 12)
  expect(repriceRun(seeded[0]!, { drafters: ['openai:unknown'] }, BUILT_IN_PRICES)).toBeUndefined()
})

test('the what-if over the seeded ledger, and its projection at the ledger run rate', () => {
  const w = whatIf(seeded, BUILT_IN_PRICES)
  expect(w).toMatchObject({ runs: 2, leftOut: 1, actualUsd: 0.38 })
  const luna = w.rows.find((r) => r.label === 'gpt-6-luna drafting')!
  const expected = repriceRun(seeded[0]!, { drafters: ['openai:gpt-6-luna'] }, BUILT_IN_PRICES)! + repriceRun(seeded[1]!, { drafters: ['openai:gpt-6-luna'] }, BUILT_IN_PRICES)!
  expect(luna.costUsd).toBeCloseTo(expected, 6)
  // Three runs over seven days: three a week.
  expect(runRate(seeded)).toEqual({ runs: 3, days: 7, perWeek: 3 })
  expect(project(0.38, 2, 3)).toEqual({ week: 0.57, month: Math.round(0.57 * WEEKS_PER_MONTH * 1e6) / 1e6 })

  const md = renderLedgerReport(seeded, 'r')
  const cheapest = [...w.rows].sort((a, b) => a.costUsd - b.costUsd)[0]!
  expect(md).toContain(`With ${cheapest.label}, these 2 runs would have cost ${usd(cheapest.costUsd)} instead of $0.380.`)
  expect(md).toContain("At this repository's rate, 3 runs a week (3 runs over 7 days), the setup as run costs $0.570 a week and $2.47 a month.")
  expect(md).toContain('| **as run** | $0.380 |  | $0.570 | $2.47 |')
  expect(md).toContain(`| gpt-6-luna drafting | ${usd(luna.costUsd)} |`)
  expect(md).toContain('| the reviewer model drafting alone, no review | $0.475 | +25% |')
  expect(md).toContain('1 older run recorded without token counts is left out.')
  // Both baselines in the headline and the tables; old records say n/a rather than a guess.
  expect(md).toContain('the reviewer model drafting alone, no review, $0.475 (over the 2 runs that recorded it, which cost $0.380): this setup \u221220%')
})

test('an empty what-if says why', () => {
  expect(renderLedgerReport([record()], 'r')).toContain('No run in the ledger kept its token counts yet')
})
