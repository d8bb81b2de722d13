// The routing question on a mixed week of tasks (the seed article's 400 routine and 100
// complex a week): first tier always, history routing alone, triage plus history, and
// the premium model alone. Exact expectations from the ladder model (cost-ladder.ts); the
// triage call's size is measured on the action's own triage prompt, not assumed.
import { estimateRequestTokens } from '../src/conversation/estimate'
import { BUILT_IN_PRICES, costOf } from '../src/pricing'
import { triageRequest, TRIAGE_ISSUE_CHARS } from '../src/routing/triage'
import { renderRepoMap } from '../src/workspace/repo-map-render'
import { expectTask, SEED_TASK, type LadderSetup, type Tier } from './cost-ladder'
import { generateRepo, ISSUE } from './gen-repo'

const tier = (id: string, minCacheable = 512): Tier => ({ id, price: BUILT_IN_PRICES[id]!, minCacheable })
const LADDER = [tier('anthropic:claude-haiku-5-5'), tier('anthropic:claude-sonnet-5-5')]
const REVIEWER = tier('anthropic:claude-opus-5-5')

/** Stated assumptions: first-draft reject rates per tier (Haiku 5.5, Sonnet 5.5), by class of task. */
export const STREAM = {
  routine: { perWeek: 400, rejectRates: [0.1, 0.05] },
  complex: { perWeek: 100, rejectRates: [0.7, 0.3] }
}
/**
 * Stated: the triage's answer is right this often, for either class; a wrong answer is
 * wrong on both kind and tier (a routine task called complex goes up, and the reverse).
 */
export const TRIAGE_ACCURACY = 0.9
/** Stated: the answer is ~40 tokens of JSON; Haiku 5.5 thinks a little even at effort low. */
export const TRIAGE_OUTPUT_TOKENS = 200
/** The seed article's weekly figures for the same stream. */
export const SEED_WEEKLY = { premiumOnly: 125, routing: 115, cascade: 43 }
/** The action's default `route-reject-threshold`. */
const THRESHOLD = 0.6

const LOOP = { maxReviews: 3, escalateAfter: 2, caching: true }
const run = (rejectRates: number[], startTier: number) =>
  expectTask({ ...LOOP, ladder: LADDER, reviewer: REVIEWER, rejectRates, startTier } satisfies LadderSetup)

interface Mix { cost: number; approved: number; reviews: number }
const mix = (parts: [number, ReturnType<typeof run>][], extra = 0): Mix =>
  parts.reduce((a, [n, x]) => ({ cost: a.cost + n * x.costUsd, approved: a.approved + n * x.approved, reviews: a.reviews + n * x.reviews }), { cost: extra, approved: 0, reviews: 0 })
const perApproved = (m: Mix) => m.cost / m.approved

/**
 * The first tier's reject rate as the ledger counts it (rejections / reviews of its drafts)
 * over a group of tasks that start there: a task rejected once gets a second draft on the
 * same tier (escalate-after 2), so a hard task weighs more than its share of the group.
 */
function firstTierRate(group: { n: number; r: number }[]): number {
  const reviews = group.reduce((a, g) => a + g.n * (1 + g.r), 0)
  const rejections = group.reduce((a, g) => a + g.n * g.r * (1 + g.r), 0)
  return rejections / reviews
}

/** The triage prompt of the action, measured: a generated repository's map, the bench's issue, and an issue at the cut. */
export function triageCallSize() {
  const repo = generateRepo({ count: 600, totalBytes: 3_000_000, seed: 4 })
  const files = Object.entries(repo.files).map(([path, text]) => ({ path, bytes: Buffer.byteLength(text) }))
  const map = renderRepoMap(files, 6000, `${ISSUE.title}\n${ISSUE.body}`)
  const ladder = LADDER.map((t) => t.id)
  const typical = estimateRequestTokens(triageRequest(ISSUE, map, ladder))
  const longest = estimateRequestTokens(triageRequest({ ...ISSUE, body: 'word '.repeat(TRIAGE_ISSUE_CHARS) }, map, ladder))
  const price = LADDER[0]!.price
  const usd = (input: number) => costOf({ input, output: TRIAGE_OUTPUT_TOKENS, cacheRead: 0, cacheWrite: 0 }, price)
  return { typicalInput: typical, longestInput: longest, output: TRIAGE_OUTPUT_TOKENS, typicalUsd: usd(typical), longestUsd: usd(longest) }
}

/** A week with a triage of the given sensitivity (complex called complex) and false-positive rate (routine called complex). */
function triaged(o: { sensitivity: number; falsePositive: number; callUsd: number; steady: boolean }) {
  const { routine, complex } = STREAM
  const upRoutine = routine.perWeek * o.falsePositive
  const upComplex = complex.perWeek * o.sensitivity
  // The kinds the triage sends up, as history sees them once they have 5 reviewed runs.
  const upRate = firstTierRate([{ n: upRoutine, r: routine.rejectRates[0]! }, { n: upComplex, r: complex.rejectRates[0]! }])
  const downRate = firstTierRate([{ n: routine.perWeek - upRoutine, r: routine.rejectRates[0]! }, { n: complex.perWeek - upComplex, r: complex.rejectRates[0]! }])
  // Cold start: the triage's tier stands. Steady state: history decides each group by route-reject-threshold.
  const upStart = !o.steady || upRate > THRESHOLD ? 1 : 0
  const downStart = o.steady && downRate > THRESHOLD ? 1 : 0
  const week = mix(
    [
      [routine.perWeek - upRoutine, run(routine.rejectRates, downStart)],
      [upRoutine, run(routine.rejectRates, upStart)],
      [upComplex, run(complex.rejectRates, upStart)],
      [complex.perWeek - upComplex, run(complex.rejectRates, downStart)]
    ],
    (routine.perWeek + complex.perWeek) * o.callUsd
  )
  // What the model says the "up" group should do, to check the threshold rule against it.
  const upGroup = (start: number) => mix([[upRoutine, run(routine.rejectRates, start)], [upComplex, run(complex.rejectRates, start)]])
  return { week, upRate, upStart, upGroupCheaper: perApproved(upGroup(1)) < perApproved(upGroup(0)) ? 1 : 0 }
}

export function routingStream() {
  const { routine, complex } = STREAM
  const tasks = routine.perWeek + complex.perWeek
  const size = triageCallSize()
  const callUsd = size.longestUsd
  const firstAlways = mix([[routine.perWeek, run(routine.rejectRates, 0)], [complex.perWeek, run(complex.rejectRates, 0)]])
  // Unlabelled, the two classes are one kind to the ledger: its first-tier reject rate is the mix's.
  const mixedRate = firstTierRate([{ n: routine.perWeek, r: routine.rejectRates[0]! }, { n: complex.perWeek, r: complex.rejectRates[0]! }])
  const historyMoves = mixedRate > THRESHOLD ? 1 : 0
  const labelledMoves = complex.rejectRates[0]! > THRESHOLD ? 1 : 0
  const cold = triaged({ sensitivity: TRIAGE_ACCURACY, falsePositive: 1 - TRIAGE_ACCURACY, callUsd, steady: false })
  const steady = triaged({ sensitivity: TRIAGE_ACCURACY, falsePositive: 1 - TRIAGE_ACCURACY, callUsd, steady: true })
  const perfect = triaged({ sensitivity: 1, falsePositive: 0, callUsd, steady: true })
  // How few routine tasks the triage may send up (at the stated sensitivity) for its proposals to pay per approved change.
  const target = perApproved(firstAlways)
  const gain = (fp: number) => perApproved(triaged({ sensitivity: TRIAGE_ACCURACY, falsePositive: fp, callUsd, steady: false }).week) - target
  let lo = 0
  let hi = 0.5
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2
    if (gain(mid) < 0) lo = mid
    else hi = mid
  }
  const breakEvenFalsePositive = gain(0) < 0 ? Math.round(lo * 1e4) / 1e4 : null
  const pctOf = (x: number) => `${(x * 100).toFixed(1)}%`
  const strategies: { name: string; week: Mix; note: string }[] = [
    { name: 'first tier always', week: firstAlways, note: 'every task starts on Haiku 5.5; the ladder escalates after 2 rejections' },
    {
      name: 'history routing only',
      week: mix([[routine.perWeek, run(routine.rejectRates, historyMoves)], [complex.perWeek, run(complex.rejectRates, historyMoves)]]),
      note: `unlabelled, both classes are one kind whose first-tier reject rate is ${pctOf(mixedRate)}, not above the ${THRESHOLD * 100}% threshold: history alone cannot tell them apart`
    },
    {
      name: 'history routing, complex tasks labelled',
      week: mix([[routine.perWeek, run(routine.rejectRates, 0)], [complex.perWeek, run(complex.rejectRates, labelledMoves)]]),
      note: `a category label on every complex issue (no triage call then): its ${pctOf(complex.rejectRates[0]!)} first-tier rejects move it to Sonnet 5.5`
    },
    {
      name: 'triage plus history, cold start',
      week: cold.week,
      note: `each kind's first 5 reviewed runs: the triage's tier stands, ${TRIAGE_ACCURACY * 100}% right; ${Math.round(routine.perWeek * (1 - TRIAGE_ACCURACY))} routine tasks a week go to Sonnet 5.5 by mistake`
    },
    {
      name: 'triage plus history, steady state',
      week: steady.week,
      note: `the kinds the triage sends up are ${pctOf(steady.upRate)} rejected on Haiku 5.5 (its misroutes dilute them), not above ${THRESHOLD * 100}%: history keeps them on the first tier${steady.upGroupCheaper ? ' (the model says starting them higher would pay: the threshold is wrong here)' : ' (the model agrees: starting them higher costs more per approved change)'}`
    },
    {
      name: 'triage plus history, a perfect triage',
      week: perfect.week,
      note: 'the upper bound: every complex task, and no routine one, starts on Sonnet 5.5'
    },
    {
      name: 'premium only',
      week: { cost: tasks * expectTask({ ...LOOP, ladder: [REVIEWER], reviewer: REVIEWER, rejectRates: [0], maxReviews: 1 }).premiumAloneUsd, approved: tasks, reviews: 0 },
      note: 'Opus 5.5 drafts every task once; as the reviewer model it gets no second review (approval assumed)'
    }
  ]
  return {
    stream: STREAM,
    triageAccuracy: TRIAGE_ACCURACY,
    triageCall: size,
    breakEvenFalsePositive,
    threshold: THRESHOLD,
    profile: SEED_TASK,
    seedWeekly: SEED_WEEKLY,
    strategies: strategies.map((s) => ({
      name: s.name,
      note: s.note,
      weeklyUsd: Math.round(s.week.cost * 100) / 100,
      approvedPerWeek: Math.round(s.week.approved * 10) / 10,
      reviewsPerWeek: Math.round(s.week.reviews),
      perApprovedUsd: Math.round(perApproved(s.week) * 1e4) / 1e4
    }))
  }
}
