import { renderTriageTable, triageTable } from '../src/routing/report'
import { decideRoute } from '../src/routing/route'
import { parseTriage } from '../src/routing/triage'
import { record } from './fixtures/ledger-records'

const H = 'anthropic:claude-haiku-5-5'
const S = 'anthropic:claude-sonnet-5-5'

describe('parseTriage', () => {
  test('a fitting answer, tiers counted from 1', () => {
    expect(parseTriage('{"kind":"tests","tier":2,"reason":"Skeleton\\n tests."}', 2)).toEqual({ ok: true, answer: { kind: 'tests', tier: 1, reason: 'Skeleton tests.' } })
  })
  test.each([
    ['not json', 'the answer is not JSON'],
    ['{"kind":"chores","tier":1,"reason":"x"}', 'kind:'],
    ['{"kind":"docs","tier":3,"reason":"x"}', 'tier 3 is not on the ladder (1 to 2)'],
    ['{"kind":"docs","tier":1,"reason":"x","extra":1}', 'Unrecognized key'],
    ['{"kind":"docs","tier":1.5,"reason":"x"}', 'tier:']
  ])('%s does not fit', (text, error) => {
    const p = parseTriage(text, 2)
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.error).toContain(error)
  })
})

describe('decideRoute', () => {
  const base = { ladder: [H, S], category: 'uncategorized', records: [], history: { enabled: true, threshold: 0.6, window: 10 } }
  test('premium straight away when the kind\'s own figures say the top tier costs less per approved change', () => {
    const cheapStart = [0, 1, 2].map((i) => record({ runId: `h${i}`, category: 'uncategorized', drafterModels: [H, S], costUsd: 0.3, stopReason: i === 0 ? 'approved' : 'max-iterations', triage: { kind: 'debugging', proposed: H, used: H, chosenBy: 'triage' } }))
    const topStart = [0, 1, 2].map((i) => record({ runId: `s${i}`, category: 'uncategorized', drafterModels: [S], costUsd: 0.2, triage: { kind: 'debugging', proposed: S, used: S, chosenBy: 'triage' } }))
    const d = decideRoute({ ...base, records: [...cheapStart, ...topStart], triage: { ok: true, answer: { kind: 'debugging', tier: 0, reason: 'r' } } })
    expect(d).toMatchObject({ tier: 1, chosenBy: 'history', kind: 'debugging' })
    expect(d.reason).toContain('runs starting there cost $0.2000 per approved change against $0.9000')
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
