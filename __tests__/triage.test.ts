import { renderTriageTable, triageTable } from '../src/routing/report'
import { decideRoute } from '../src/routing/route'
import { parseTriage, triageAffordable, triageMessage, triageNeedless, TRIAGE_ISSUE_CHARS, TRIAGE_MAP_CHARS, worstCaseUsd } from '../src/routing/triage'
import { BUILT_IN_PRICES } from '../src/pricing'
import { record } from './fixtures/ledger-records'

const H = 'anthropic:claude-haiku-5-5'
const S = 'anthropic:claude-sonnet-5-5'

describe('parseTriage', () => {
  test('a fitting answer, tiers counted from 1', () => {
    expect(parseTriage('{"kind":"tests","tier":2,"reason":"Skeleton\\n tests."}', 2)).toEqual({ ok: true, answer: { kind: 'tests', tier: 1, reason: 'Skeleton tests.' } })
  })
  test('a fenced answer, or one wrapped in words (a local server that ignores response_format), is read', () => {
    const want = { ok: true, answer: { kind: 'docs', tier: 0, reason: 'r' } }
    expect(parseTriage('```json\n{"kind":"docs","tier":1,"reason":"r"}\n```', 2)).toEqual(want)
    expect(parseTriage('Here it is: {"kind":"docs","tier":1,"reason":"r"} Hope it helps.', 2)).toEqual(want)
  })
  test.each([
    ['not json', 'the answer is not JSON'],
    ['{"kind":"docs","tier":1,', 'the answer is not JSON'],
    ['{"kind":"chores","tier":1,"reason":"x"}', 'kind:'],
    ['{"kind":"docs","tier":3,"reason":"x"}', 'tier 3 is not on the ladder (1 to 2)'],
    ['{"kind":"docs","tier":1,"reason":"x","extra":1}', 'Unrecognized key'],
    ['{"kind":"docs","tier":1.5,"reason":"x"}', 'tier:'],
    ['', 'the answer is empty'],
    ['  \n', 'the answer is empty']
  ])('%s does not fit', (text, error) => {
    const p = parseTriage(text, 2)
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.error).toContain(error)
  })
})

test("the reason is a model's words: it cannot mention, link or close anything in the summary", () => {
  const p = parseTriage('{"kind":"docs","tier":1,"reason":"Closes #7, ping @maria"}', 2)
  expect(p.ok && p.answer.reason).toBe('Cl\u200Doses #\u200D7, ping @\u200Dmaria')
})

test('the triage reads the issue and a short map, both cut to size', () => {
  const map = Array.from({ length: 400 }, (_, i) => `src/file-${i}.ts (1 KB)`).join('\n')
  const text = triageMessage({ number: 3, title: 't', body: 'x'.repeat(10_000) }, map, [H, S])
  expect(text).toContain('… (issue cut)')
  expect(text).toContain('… (map cut)')
  expect(text.length).toBeLessThan(TRIAGE_ISSUE_CHARS + TRIAGE_MAP_CHARS + 1000)
  // The map is cut at a line: no half path.
  expect(text.split('\n… (map cut)')[0]!.split('\n').at(-1)).toMatch(/^src\/file-\d+\.ts \(1 KB\)$/)
})

test('the triage is skipped where it can change nothing, or where the budget has no room for it beside the first draft', () => {
  expect(triageNeedless([H, S], 'docs')).toContain('the category label `docs` names the kind')
  expect(triageNeedless([H], 'uncategorized')).toContain('the ladder has one tier')
  expect(triageNeedless([H, S], 'uncategorized')).toBeUndefined()
  const haiku = BUILT_IN_PRICES[H]!
  // 1,000 tokens in at the cache-write price ($0.125/M), 1,024 out at $0.50/M.
  expect(worstCaseUsd(haiku, 1000, 1024)).toBeCloseTo(0.000125 + 0.000512, 9)
  expect(triageAffordable(0.01, 0.0006, 0.0012)).toBeUndefined()
  expect(triageAffordable(0.0015, 0.0006, 0.0012)).toContain('Triage skipped: max-cost-usd leaves $0.0015')
})

describe('decideRoute', () => {
  const base = { ladder: [H, S], category: 'uncategorized', records: [], history: { enabled: true, threshold: 0.6, window: 10 } }
  test('premium straight away when the kind\'s own figures say the top tier costs less per approved change', () => {
    const cheapStart = [0, 1, 2].map((i) => record({ runId: `h${i}`, category: 'uncategorized', drafterModels: [H, S], costUsd: 0.3, stopReason: i === 0 ? 'approved' : 'max-iterations', firstDraftApproved: false, reviewsByDrafter: { [H]: { reviews: 2, rejections: 2 }, [S]: { reviews: 1, rejections: i === 0 ? 0 : 1 } }, triage: { kind: 'debugging', proposed: H, used: H, chosenBy: 'triage' } }))
    const topStart = [0, 1, 2].map((i) => record({ runId: `s${i}`, category: 'uncategorized', drafterModels: [S], costUsd: 0.2, reviewsByDrafter: { [S]: { reviews: 1, rejections: 0 } }, triage: { kind: 'debugging', proposed: S, used: S, chosenBy: 'triage' } }))
    const d = decideRoute({ ...base, records: [...cheapStart, ...topStart], triage: { ok: true, answer: { kind: 'debugging', tier: 0, reason: 'r' } } })
    expect(d).toMatchObject({ tier: 1, chosenBy: 'history', kind: 'debugging' })
    expect(d.reason).toContain('runs starting there cost $0.2000 per approved change against $0.9000')
  })
  test("the kind's own figures move a triage's higher start down when the first tier cost less per approved change", () => {
    const run = (id: string, start: string, costUsd: number, approved: boolean) =>
      record({ runId: id, category: 'uncategorized', drafterModels: start === H ? [H, S] : [S], costUsd, stopReason: approved ? 'approved' : 'max-iterations', firstDraftApproved: null, reviewsByDrafter: {}, triage: { kind: 'refactor', proposed: S, used: start, chosenBy: 'triage' } })
    const records = [run('a', H, 0.1, true), run('b', H, 0.1, true), run('c', H, 0.1, true), run('d', S, 0.2, true), run('e', S, 0.2, true), run('f', S, 0.2, false)]
    const d = decideRoute({ ...base, records, triage: { ok: true, answer: { kind: 'refactor', tier: 1, reason: 'Wide.' } } })
    expect(d).toMatchObject({ tier: 0, chosenBy: 'history', proposedTier: 1 })
    expect(d.reason).toContain('History started it on the first tier: on refactor, runs starting there cost $0.1000 per approved change against $0.3000 starting on anthropic:claude-sonnet-5-5.')
  })
  test('a kind approved 80%+ on the first tier is never started higher, whatever its other figures say', () => {
    const approvedOnHaiku = [0, 1, 2, 3, 4].map((i) =>
      record({ runId: `h${i}`, category: 'uncategorized', drafterModels: [H], costUsd: 0.5, firstDraftApproved: true, reviewsByDrafter: { [H]: { reviews: 1, rejections: 0 } }, triage: { kind: 'docs', proposed: H, used: H, chosenBy: 'triage' } })
    )
    const cheapOnSonnet = [0, 1, 2].map((i) => record({ runId: `s${i}`, category: 'uncategorized', drafterModels: [S], costUsd: 0.1, reviewsByDrafter: { [S]: { reviews: 1, rejections: 0 } }, triage: { kind: 'docs', proposed: S, used: S, chosenBy: 'triage' } }))
    const d = decideRoute({ ...base, records: [...approvedOnHaiku, ...cheapOnSonnet], triage: { ok: true, answer: { kind: 'docs', tier: 0, reason: 'r' } } })
    expect(d).toMatchObject({ tier: 0, chosenBy: 'triage' })
  })
  test("history below the threshold keeps a triage's higher start down: a higher start costs more per approved change there", () => {
    // Debugging runs on Haiku 5.5: 2 of 5 first drafts rejected (40%, under 0.6, and under 80% approval).
    const past = [0, 1, 2, 3, 4].map((i) =>
      record({ runId: `k${i}`, category: 'uncategorized', drafterModels: [H], firstDraftApproved: i >= 2, reviews: 1, rejections: i < 2 ? 1 : 0, reviewsByDrafter: { [H]: { reviews: 1, rejections: i < 2 ? 1 : 0 } }, triage: { kind: 'debugging', proposed: S, used: H, chosenBy: 'history' } })
    )
    const d = decideRoute({ ...base, records: past, triage: { ok: true, answer: { kind: 'debugging', tier: 1, reason: 'Hard.' } } })
    expect(d).toMatchObject({ tier: 0, chosenBy: 'history', kind: 'debugging', proposedTier: 1 })
    expect(d.reason).toContain("History kept it on the first tier: anthropic:claude-haiku-5-5's recent reject rate on debugging is 40% over 5 reviewed runs, not above route-reject-threshold 60%")
    // Above the threshold the triage's higher start stands.
    const worse = past.map((r, i) => ({ ...r, firstDraftApproved: i >= 4, rejections: i < 4 ? 1 : 0, reviewsByDrafter: { [H]: { reviews: 1, rejections: i < 4 ? 1 : 0 } } }))
    expect(decideRoute({ ...base, records: worse, triage: { ok: true, answer: { kind: 'debugging', tier: 1, reason: 'Hard.' } } })).toMatchObject({ tier: 1, chosenBy: 'triage' })
    // Fewer than 5 reviewed runs say too little: the triage's proposal stands.
    expect(decideRoute({ ...base, records: past.slice(0, 4), triage: { ok: true, answer: { kind: 'debugging', tier: 1, reason: 'Hard.' } } })).toMatchObject({ tier: 1, chosenBy: 'triage' })
  })
  test('a skipped triage leaves its note for the summary and proposes nothing', () => {
    expect(decideRoute({ ...base, category: 'docs', triage: { ok: false, note: 'Triage skipped: x.', skipped: true } })).toMatchObject({ tier: 0, chosenBy: 'label', kind: 'docs', triageNote: 'Triage skipped: x.', proposedTier: undefined })
  })
  test('no triage and no label: the first tier, by default', () => {
    expect(decideRoute({ ...base, triage: undefined })).toMatchObject({ tier: 0, chosenBy: 'default', kind: 'uncategorized' })
  })
})

test("report's triage table against seeded ledger records", () => {
  const t = (kind: string, proposed: string | null, used: string) => ({ kind, proposed, used, chosenBy: 'triage' as const })
  const records = [
    record({ runId: '1', costUsd: 0.02, firstDraftApproved: true, triage: t('docs', H, H) }),
    record({ runId: '2', costUsd: 0.04, firstDraftApproved: false, triage: t('docs', H, H) }),
    record({ runId: '3', costUsd: 0.1, firstDraftApproved: true, triage: t('docs', H, S) }),
    record({ runId: '4', costUsd: 0.3, firstDraftApproved: false, stopReason: 'max-iterations', triage: t('debugging', H, H) }),
    record({ runId: '5', costUsd: 0.2, firstDraftApproved: true, triage: t('debugging', S, S) }),
    record({ runId: '6', costUsd: 0.5 })
  ]
  const rows = triageTable(records)
  expect(rows).toEqual([
    { kind: 'docs', runs: 3, onProposal: 2, proposalApproved: 0.5, perApproved: { [H]: 0.03, [S]: 0.1 }, cheapest: H },
    { kind: 'debugging', runs: 2, onProposal: 2, proposalApproved: 0.5, perApproved: { [S]: 0.2 }, cheapest: S }
  ])
  const md = renderTriageTable(records).join('\n')
  expect(md).toContain('| docs | 3 | 50% (2 runs) | Haiku 5.5 $0.030 · Sonnet 5.5 $0.100 | Haiku 5.5 |')
  expect(md).toContain('| debugging | 2 | 50% (2 runs) | Sonnet 5.5 $0.200 | Sonnet 5.5 |')
})
