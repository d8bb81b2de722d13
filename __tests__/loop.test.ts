import { BudgetExceeded } from '../src/calls'
import { DiffTooLarge, diffLines, runLoop, type LoopSteps } from '../src/loop'
import type { Review } from '../src/reviewer'
import type { TestRun } from '../src/sandbox/testrun'

const approve: Review = { verdict: { verdict: 'approve', summary: 'good', findings: [] } }
const reject = (msg: string): Review => ({ verdict: { verdict: 'reject', summary: 'no', findings: [{ file: 'a.ts', line: 1, severity: 'major', message: msg }] } })
const pass: TestRun = { passed: true, exitCode: 0, timedOut: false, output: '', durationMs: 1 }
const fail: TestRun = { passed: false, exitCode: 1, timedOut: false, output: 'FAIL a.test.ts', durationMs: 1 }

function script(opts: { diffs: string[]; tests?: TestRun[]; reviews: Review[] }) {
  const messages: string[] = []
  let d = 0
  let t = 0
  let r = 0
  const steps: LoopSteps = {
    draft: async (m) => {
      messages.push(m)
      return { finished: true, summary: `draft ${messages.length}`, turns: 1, toolErrors: 1, cutOffs: 0 }
    },
    commitDraft: async () => opts.diffs[Math.min(d++, opts.diffs.length - 1)]!,
    runTests: opts.tests ? async () => opts.tests![t++]! : undefined,
    review: async () => {
      const next = opts.reviews[r++]
      if (!next) throw new Error('unexpected review')
      return next
    },
    drafterModel: () => 'openai:cheap'
  }
  return { steps, messages, reviewsAsked: () => r }
}

const limits = { maxReviews: 3, maxDrafts: 9, testCommand: 'npm test', maxDiffLines: 100, escalateAfter: 99 }

test('approve first time', async () => {
  const s = script({ diffs: ['+a'], reviews: [approve] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'approved', approved: true, drafts: 1 })
  expect(r.reviews).toHaveLength(1)
})

test('a reject sends its findings back to the drafter, then approve', async () => {
  const s = script({ diffs: ['+a', '+b'], reviews: [reject('handle the empty list'), approve] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'approved', drafts: 2, toolErrors: 2 })
  expect(s.messages[1]).toContain('handle the empty list')
})

test('the review cap stops the run with max-iterations', async () => {
  const s = script({ diffs: ['+a', '+b', '+c'], reviews: [reject('1'), reject('2'), reject('3')] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'max-iterations', approved: false, drafts: 3 })
  expect(r.reviews).toHaveLength(3)
})

test('no review is paid for until the tests pass; the failure output goes back', async () => {
  const s = script({ diffs: ['+a', '+b'], tests: [fail, pass], reviews: [approve] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'approved', drafts: 2 })
  expect(r.reviews[0]!.draft).toBe(2)
  expect(s.messages[1]).toContain('FAIL a.test.ts')
  expect(s.messages[1]).toContain('exited with code 1')
})

test('tests that never pass end at the draft cap without any review', async () => {
  const s = script({ diffs: ['+a'], tests: Array(9).fill(fail), reviews: [] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'max-iterations', drafts: 9 })
  expect(s.reviewsAsked()).toBe(0)
})

test('an empty diff stops with no-changes', async () => {
  const s = script({ diffs: [''], reviews: [] })
  expect(await runLoop('do it', s.steps, limits)).toMatchObject({ stopReason: 'no-changes', drafts: 1 })
})

test('an unchanged diff after a reject is not reviewed again', async () => {
  const s = script({ diffs: ['+a', '+a', '+b'], reviews: [reject('x'), approve] })
  const r = await runLoop('do it', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'approved', drafts: 3 })
  expect(s.messages[2]).toContain('did not change anything')
})

test('the budget stops the run with max-cost; other faults stop it with error and keep the counts', async () => {
  const s = script({ diffs: ['+a'], reviews: [] })
  s.steps.review = async () => {
    throw new BudgetExceeded('reviewer', 'anthropic:claude-opus-4-8', 0.01)
  }
  expect(await runLoop('x', s.steps, limits)).toMatchObject({ stopReason: 'max-cost', drafts: 1 })
  const boom = new Error('socket hang up')
  s.steps.review = async () => {
    throw boom
  }
  const r = await runLoop('x', s.steps, limits)
  expect(r).toMatchObject({ stopReason: 'error', drafts: 1, error: boom })
  expect(r.note).toContain('socket hang up')
})

test('a diff over max-diff-lines is never sent for review: the run stops with an error that says so', async () => {
  const big = Array.from({ length: 101 }, (_, i) => `+line ${i}`).join('\n')
  const s = script({ diffs: [big], reviews: [approve] })
  const r = await runLoop('x', s.steps, limits)
  expect(r.stopReason).toBe('error')
  expect(r.error).toBeInstanceOf(DiffTooLarge)
  expect(r.note).toContain('101 lines, over max-diff-lines (100)')
  expect(s.reviewsAsked()).toBe(0)
  expect(diffLines('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n c')).toBe(2)
})

test('diffLines counts changed lines that begin with ++ or -- (C increments, SQL and Lua comments, markdown rules)', () => {
  const diff = [
    'diff --git a/x.c b/x.c',
    'index 1111111..2222222 100644',
    '--- a/x.c',
    '+++ b/x.c',
    '@@ -1,3 +1,3 @@',
    '---- old rule',
    '+++i;',
    '+-- a SQL comment',
    ' context',
    'diff --git a/y.sql b/y.sql',
    'new file mode 100644',
    '--- /dev/null',
    '+++ b/y.sql',
    '@@ -0,0 +1,2 @@',
    '+++x',
    '+---'
  ].join('\n')
  expect(diffLines(diff)).toBe(5)
})

test('the ladder moves up after the set number of rejections on one tier, and the premium tier is not reviewed again', async () => {
  const ladder = ['openai:intern', 'openai:junior', 'anthropic:claude-opus-4-8']
  let tier = 0
  const s = script({ diffs: ['+1', '+2', '+3', '+4', '+5'], reviews: [reject('a'), reject('b'), reject('c'), reject('d')] })
  s.steps.drafterModel = () => ladder[tier]!
  s.steps.escalate = () => (tier + 1 < ladder.length ? ladder[++tier] : undefined)
  s.steps.selfReviewed = () => ladder[tier] === 'anthropic:claude-opus-4-8'
  const r = await runLoop('x', s.steps, { ...limits, maxReviews: 9, escalateAfter: 2 })
  expect(r.reviews.map((x) => x.drafterModel)).toEqual(['openai:intern', 'openai:intern', 'openai:junior', 'openai:junior'])
  expect(r.drafterModels).toEqual(ladder)
  expect(r).toMatchObject({ stopReason: 'approved', approved: true, drafts: 5 })
  expect(r.note).toContain('no second premium review')
  expect(s.messages[2]).toContain('openai:junior takes over')
  expect(s.reviewsAsked()).toBe(4)
})

test('escalation waits for exactly escalate-after rejections', async () => {
  let tier = 0
  const s = script({ diffs: ['+1', '+2', '+3'], reviews: [reject('a'), reject('b'), approve] })
  s.steps.drafterModel = () => ['t0', 't1'][tier]!
  s.steps.escalate = () => (tier === 0 ? ['t0', 't1'][++tier] : undefined)
  const r = await runLoop('x', s.steps, { ...limits, escalateAfter: 3 })
  expect(r.drafterModels).toEqual(['t0'])
  expect(r.reviews.map((x) => x.drafterModel)).toEqual(['t0', 't0', 't0'])
})

test('after escalation to the reviewer model, an unchanged rejected diff is neither reviewed again nor approved', async () => {
  const ladder = ['openai:cheap', 'anthropic:claude-opus-4-8']
  let tier = 0
  // Draft 1 is rejected; the premium drafter then hands back the same diff, then a new one.
  const s = script({ diffs: ['+same', '+same', '+same', '+new'], reviews: [reject('wrong')] })
  s.steps.drafterModel = () => ladder[tier]!
  s.steps.escalate = () => (tier + 1 < ladder.length ? ladder[++tier] : undefined)
  s.steps.selfReviewed = () => ladder[tier] === 'anthropic:claude-opus-4-8'
  const r = await runLoop('x', s.steps, { ...limits, escalateAfter: 1 })
  expect(s.reviewsAsked()).toBe(1)
  expect(s.messages[2]).toContain('did not change anything')
  expect(s.messages[3]).toContain('did not change anything')
  // Only the changed diff of draft 4 is taken without a second premium review.
  expect(r).toMatchObject({ stopReason: 'approved', approved: true, drafts: 4 })
})

test('an unchanged rejected diff is never approved: the draft cap ends the run unapproved', async () => {
  const ladder = ['openai:cheap', 'anthropic:claude-opus-4-8']
  let tier = 0
  const s = script({ diffs: ['+same'], reviews: [reject('wrong')] })
  s.steps.drafterModel = () => ladder[tier]!
  s.steps.escalate = () => (tier + 1 < ladder.length ? ladder[++tier] : undefined)
  s.steps.selfReviewed = () => ladder[tier] === 'anthropic:claude-opus-4-8'
  const r = await runLoop('x', s.steps, { ...limits, escalateAfter: 1, maxDrafts: 4 })
  expect(r).toMatchObject({ stopReason: 'max-iterations', approved: false, drafts: 4 })
  expect(s.reviewsAsked()).toBe(1)
})

test('diffLines counts changed lines that begin with ++ or --, and skips only file headers', () => {
  const diff = ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,2 +1,2 @@', '---- old rule', '+++ new rule', ' same', '-- gone', '++ added'].join('\n')
  expect(diffLines(diff)).toBe(4)
  const two = `${diff}\ndiff --git a/y b/y\nnew file mode 100644\n--- /dev/null\n+++ b/y\n@@ -0,0 +1 @@\n+y`
  expect(diffLines(two)).toBe(5)
})
