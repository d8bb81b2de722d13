import { cutText, fitSummary, GITHUB_BODY_LIMIT } from '../src/posting/fit'
import { renderSummary, type RunReport } from '../src/report'

function report(findings: number, findingChars: number): RunReport {
  return {
    issue: 12,
    mode: 'changes',
    approved: false,
    stopReason: 'max-iterations',
    drafts: 1,
    reviews: [
      {
        round: 1,
        draft: 1,
        drafterModel: 'anthropic:claude-sonnet-4-6',
        review: {
          verdict: {
            verdict: 'reject',
            summary: 'Many things.',
            findings: Array.from({ length: findings }, (_, i) => ({ file: 'a.js', line: i, severity: 'minor' as const, message: `finding ${i} ${'y'.repeat(findingChars)}` }))
          }
        }
      }
    ],
    usage: [],
    calls: [],
    costUsd: 0.01,
    premiumOnlyCostUsd: 0.02,
    savingsPct: 50,
    premiumAloneCostUsd: 0.015,
    savingsVsAlonePct: 33.3,
    reviewerModel: 'anthropic:claude-opus-4-8',
    drafterModels: ['anthropic:claude-sonnet-4-6'],
    category: 'uncategorized',
    testCommand: '',
    testRuns: [],
    toolErrors: 0,
    cutOffs: 0,
    note: '',
    runUrl: 'https://github.example/acme/widgets/actions/runs/1'
  } as unknown as RunReport
}

test('a summary that fits is left whole', () => {
  const r = report(3, 10)
  expect(fitSummary(r, renderSummary)).toEqual({ body: renderSummary(r), cut: false })
})

test('too long: findings go first, the marker and the reviews stay, and it points to the job summary', () => {
  const r = report(100, 1000)
  expect(renderSummary(r).length).toBeGreaterThan(GITHUB_BODY_LIMIT)
  const { body, cut } = fitSummary(r, renderSummary)
  expect(cut).toBe(true)
  expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT)
  expect(body.split('\n')[0]).toMatch(/^<!-- draft-review:summary \{.*\} -->$/)
  expect(body).toContain('Review 1')
  expect(body).not.toContain('finding 0')
  expect(body).toContain("the full report is in the [workflow run](https://github.example/acme/widgets/actions/runs/1)'s job summary")
})

test('a note too long for any render is cut, never the marker line', () => {
  const r = { ...report(0, 0), note: 'n'.repeat(200_000) }
  const { body } = fitSummary(r, renderSummary)
  expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT)
  expect(body.split('\n')[0]).toMatch(/ -->$/)
  expect(cutText('ab🙂cd', 4)).toBe('ab…')
})
