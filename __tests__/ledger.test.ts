import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { checkoutWorkspace, git, makeOrigin } from '../emulators/git'
import { Git } from '../src/git'
import { categoryOf, recentRejectRate, statsOf, verdictWords } from '../src/history'
import { LEDGER_BRANCH, Ledger, parseLedger } from '../src/ledger'
import { record } from './fixtures/ledger-records'

test('written and read back through a real bare origin, without touching the default branch', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n' })
  try {
    const mainBefore = await git(origin.bareDir, ['rev-parse', 'main'])
    const ws = await checkoutWorkspace(origin.bareDir)
    const ledger = new Ledger(new Git(ws))
    expect(await ledger.read()).toEqual({ records: [], tip: '' })
    await ledger.append(record({ runId: 'a' }))
    await ledger.append(record({ runId: 'b', firstDraftApproved: false, rejections: 1 }))
    // A second workspace, as a later run on another runner sees it.
    const later = new Ledger(new Git(await checkoutWorkspace(origin.bareDir)))
    expect((await later.read()).records.map((r) => r.runId)).toEqual(['a', 'b'])
    expect(await git(origin.bareDir, ['rev-parse', 'main'])).toBe(mainBefore)
    expect((await git(origin.bareDir, ['ls-tree', '--name-only', LEDGER_BRANCH])).trim()).toBe('ledger.jsonl')
    expect((await git(origin.bareDir, ['rev-list', '--count', LEDGER_BRANCH])).trim()).toBe('2')
  } finally {
    await origin.cleanup()
  }
})

test('two processes appending at once lose nothing', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n' })
  try {
    const script = resolve(import.meta.dirname, 'fixtures/ledger-append.ts')
    const tsx = resolve(import.meta.dirname, '../node_modules/.bin/tsx')
    const runOne = (tag: string) =>
      new Promise<void>((ok, fail) => {
        const child = spawn(tsx, [script, origin.bareDir, '8', tag], { stdio: ['ignore', 'ignore', 'pipe'] })
        let err = ''
        child.stderr.on('data', (d) => (err += d))
        child.on('close', (code) => (code === 0 ? ok() : fail(new Error(`appender ${tag} exited ${code}: ${err}`))))
      })
    await Promise.all([runOne('p'), runOne('q')])
    const ws = await checkoutWorkspace(origin.bareDir)
    const ids = (await new Ledger(new Git(ws)).read()).records.map((r) => r.runId).sort()
    expect(ids).toEqual([...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `p-${i}`), ...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `q-${i}`)].sort())
  } finally {
    await origin.cleanup()
  }
}, 120_000)

test('the ledger stays bounded: the newest records are kept', async () => {
  const origin = await makeOrigin({ 'a.txt': 'a\n' })
  try {
    const ledger = new Ledger(new Git(await checkoutWorkspace(origin.bareDir)), undefined, 3)
    for (const id of ['1', '2', '3', '4', '5']) await ledger.append(record({ runId: id }))
    expect((await ledger.read()).records.map((r) => r.runId)).toEqual(['3', '4', '5'])
  } finally {
    await origin.cleanup()
  }
})

test('unreadable lines are skipped', () => {
  const good = JSON.stringify(record({ runId: 'x' }))
  expect(parseLedger(`${good}\nnot json\n{"version":1}\n\n${good}`).map((r) => r.runId)).toEqual(['x', 'x'])
})

describe('category history', () => {
  test('the category is the first category label, else uncategorized', () => {
    expect(categoryOf(['p1', 'docs', 'bug'], ['bug', 'docs'])).toBe('bug')
    expect(categoryOf(['p1'], ['bug'])).toBe('uncategorized')
  })

  test('rates, savings and the verdict against 80% / 40%', () => {
    const approved = Array.from({ length: 4 }, (_, i) => record({ runId: `a${i}` }))
    const rejectedOnce = record({ runId: 'r', firstDraftApproved: false, reviews: 2, rejections: 1, costUsd: 0.3, premiumOnlyCostUsd: 0.4 })
    const s = statsOf([...approved, rejectedOnce])
    expect(s).toMatchObject({ runs: 5, reviewedRuns: 5, firstDraftApprovalRate: 0.8, reviews: 6, rejections: 1, costUsd: 1.02, premiumOnlyCostUsd: 1.4, savedUsd: 0.38, verdict: 'split-works' })
    expect(verdictWords(s)).toContain('The split works')
    const bad = Array.from({ length: 5 }, (_, i) => record({ runId: `b${i}`, firstDraftApproved: false, reviews: 2, rejections: 1 }))
    expect(statsOf([...bad, ...approved.slice(0, 1)]).verdict).toBe('premium') // 5 of 11 = 45% rejected
    expect(statsOf(approved).verdict).toBe('too-few')
    expect(verdictWords(statsOf(approved))).toContain('4 of 5')
  })

  test('the recent reject rate looks at the last reviewed runs only', () => {
    const old = Array.from({ length: 10 }, (_, i) => record({ runId: `o${i}`, reviews: 1, rejections: 1 }))
    const recent = Array.from({ length: 3 }, (_, i) => record({ runId: `n${i}`, reviews: 1, rejections: 0 }))
    const unreviewed = record({ reviews: 0, rejections: 0, firstDraftApproved: null })
    expect(recentRejectRate([...old, ...recent, unreviewed], 3)).toEqual({ rate: 0, runs: 3 })
    expect(recentRejectRate([...old, ...recent], 4)).toEqual({ rate: 0.25, runs: 4 })
    expect(recentRejectRate([], 4)).toEqual({ rate: null, runs: 0 })
  })
})
