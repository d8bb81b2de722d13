// The routing question on a mixed week of tasks (the seed article's 400 routine and 100
// complex a week): first tier always, history routing alone, triage plus history, and
// the premium model alone. Exact expectations from the ladder model (cost-ladder.ts).
import { BUILT_IN_PRICES } from '../src/pricing'
import { expectTask, SEED_TASK, type LadderSetup, type Tier } from './cost-ladder'

const tier = (id: string, minCacheable = 512): Tier => ({ id, price: BUILT_IN_PRICES[id]!, minCacheable })
const LADDER = [tier('anthropic:claude-haiku-5-5'), tier('anthropic:claude-sonnet-5-5')]
const REVIEWER = tier('anthropic:claude-opus-5-5')

/** Stated assumptions: first-draft reject rates per tier, by class of task. */
export const STREAM = {
  routine: { perWeek: 400, rejectRates: [0.1, 0.05] },
  complex: { perWeek: 100, rejectRates: [0.7, 0.3] }
}
/** The triage's answer is right this often (stated); a wrong one sends the task to the other tier. */
export const TRIAGE_ACCURACY = 0.9
/** One triage call on Haiku 5.5: the issue and the head of the repository map in, a short answer out. */
export const TRIAGE_TOKENS = { input: 2_500, output: 120 }
/** The seed article's weekly figures for the same stream. */
export const SEED_WEEKLY = { premiumOnly: 125, routing: 115, cascade: 43 }

const LOOP = { maxReviews: 3, escalateAfter: 2, caching: true }
const run = (rejectRates: number[], startTier: number) =>
  expectTask({ ...LOOP, ladder: LADDER, reviewer: REVIEWER, rejectRates, startTier } satisfies LadderSetup)

interface Mix { cost: number; approved: number }
const mix = (parts: [number, ReturnType<typeof run>][]): Mix =>
  parts.reduce((a, [n, x]) => ({ cost: a.cost + n * x.costUsd, approved: a.approved + n * x.approved }), { cost: 0, approved: 0 })

export function routingStream() {
  const { routine, complex } = STREAM
  const triageCall = (TRIAGE_TOKENS.input * LADDER[0]!.price.input + TRIAGE_TOKENS.output * LADDER[0]!.price.output) / 1e6
  const tasks = routine.perWeek + complex.perWeek
  // Unlabelled, the two classes are one kind to the ledger: its first-tier reject rate is the mix's.
  const mixedRate = (routine.perWeek * routine.rejectRates[0]! + complex.perWeek * complex.rejectRates[0]!) / tasks
  const threshold = 0.6
  const historyMovesMix = mixedRate > threshold
  const strategies: { name: string; week: Mix; note: string }[] = [
    {
      name: 'first tier always',
      week: mix([[routine.perWeek, run(routine.rejectRates, 0)], [complex.perWeek, run(complex.rejectRates, 0)]]),
      note: 'every task starts on Haiku 5.5; the ladder escalates after 2 rejections'
    },
    {
      name: 'history routing only',
      week: mix([[routine.perWeek, run(routine.rejectRates, historyMovesMix ? 1 : 0)], [complex.perWeek, run(complex.rejectRates, historyMovesMix ? 1 : 0)]]),
      note: `unlabelled, both classes are one kind whose first-tier reject rate is ${(mixedRate * 100).toFixed(0)}%, under the 60% threshold: history alone cannot tell them apart`
    },
    {
      name: 'history routing, complex tasks labelled',
      week: mix([[routine.perWeek, run(routine.rejectRates, 0)], [complex.perWeek, run(complex.rejectRates, complex.rejectRates[0]! > threshold ? 1 : 0)]]),
      note: 'a category label on every complex issue: its 70% first-tier rejects move it to Sonnet 5.5'
    },
    {
      name: 'triage plus history',
      week: (() => {
        const m = mix([
          [routine.perWeek * TRIAGE_ACCURACY, run(routine.rejectRates, 0)],
          [routine.perWeek * (1 - TRIAGE_ACCURACY), run(routine.rejectRates, 1)],
          [complex.perWeek * TRIAGE_ACCURACY, run(complex.rejectRates, 1)],
          [complex.perWeek * (1 - TRIAGE_ACCURACY), run(complex.rejectRates, 0)]
        ])
        return { cost: m.cost + tasks * triageCall, approved: m.approved }
      })(),
      note: `a triage call per task (${TRIAGE_TOKENS.input} in / ${TRIAGE_TOKENS.output} out on Haiku 5.5, $${triageCall.toFixed(5)}), right ${TRIAGE_ACCURACY * 100}% of the time`
    },
    {
      name: 'premium only',
      week: { cost: tasks * expectTask({ ...LOOP, ladder: [REVIEWER], reviewer: REVIEWER, rejectRates: [0], maxReviews: 1 }).premiumAloneUsd, approved: tasks },
      note: 'Opus 5.5 drafts every task once; as the reviewer model it gets no second review (approval assumed)'
    }
  ]
  return {
    stream: STREAM,
    triageAccuracy: TRIAGE_ACCURACY,
    profile: SEED_TASK,
    seedWeekly: SEED_WEEKLY,
    strategies: strategies.map((s) => ({
      name: s.name,
      note: s.note,
      weeklyUsd: Math.round(s.week.cost * 100) / 100,
      approvedPerWeek: Math.round(s.week.approved * 10) / 10,
      perApprovedUsd: Math.round((s.week.cost / s.week.approved) * 1e4) / 1e4
    }))
  }
}
