// The report: bench/RESULTS.md from the figures of every section, as Markdown tables.
import { REVIEWER, type CacheFigures, type CachingResult } from './caching'
import { TARGETS } from './common'
import { renderLongSession } from './long-session'
import type { OverheadSummary } from './overhead'

const fmtMs = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`
const fmtPct = (x: number): string => `${(x * 100).toFixed(1)}%`
const usd = (x: number): string => `${x < 0 ? '−' : ''}$${Math.abs(x).toFixed(4)}`
const vs = (x: number, target: number, unit = ''): string => `${x <= target ? 'within' : 'over'} (≤ ${target.toLocaleString('en-US')}${unit})`

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

export function render(r: any): string {
  const L: OverheadSummary = r.overhead.large.summary
  const S: OverheadSummary = r.overhead.small.summary
  const lr = r.overhead.large.repo
  const sr = r.overhead.small.repo
  const out: string[] = []
  out.push('# draft-review bench', '')
  const src = r.source.changedInSrc.length ? ` plus uncommitted changes to ${r.source.changedInSrc.join(', ')}` : ''
  out.push(`${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memGb} GB, node ${r.machine.node}, git ${r.machine.git}, ${r.when}; dist/index.js built from ${r.source.commit}${src}. The bench took ${Math.round(r.benchSeconds)} s. Raw figures: bench/results.json.`, '')

  out.push(`## 1. Overhead (one edit + finish, one approval; emulators answer at once; median of ${r.reps} probed runs)`, '')
  const row = (name: string, f: (s: OverheadSummary) => string, target = ''): string[] => [name, f(L), f(S), target]
  out.push(table(['', `${lr.files.toLocaleString('en-US')} files, ${(lr.bytes / 1e6).toFixed(1)} MB, ${lr.dirs} dirs`, `${sr.files} files, ${(sr.bytes / 1e6).toFixed(2)} MB`, 'target (issue)'], [
    row('**wall time**, spawn → exit (range)', (s) => `**${fmtMs(s.wallMs)}** (${fmtMs(s.wallRangeMs[0])}–${fmtMs(s.wallRangeMs[1])})`),
    row('wall time, one run without the probe', (s) => fmtMs(s.plainWallMs)),
    row('start-up: spawn → first output', (s) => fmtMs(s.startupMs), vs(L.startupMs, TARGETS.startupMs, ' ms')),
    row('git', (s) => `${fmtMs(s.gitMs)} (${s.gitCount} commands)`),
    row('GitHub HTTP', (s) => `${fmtMs(s.githubMs)} (${s.githubCount} requests, ${s.githubWrites} writes)`),
    row('throttle wait, not overlapped', (s) => `${fmtMs(s.throttleMs)} = ${fmtPct(s.throttleMs / s.wallMs)} of wall (all waits ${fmtMs(s.throttleTotalMs)})`),
    row('model HTTP', (s) => `${fmtMs(s.modelMs)} (${s.modelCount} calls)`),
    row("the action's own work", (s) => fmtMs(s.ownMs)),
    row('process exit → parent sees close', (s) => fmtMs(s.exitMs)),
    row('**overhead** = wall − throttle − model', (s) => `**${fmtMs(s.overheadWithoutThrottleMs)}**`, vs(L.overheadWithoutThrottleMs, TARGETS.overheadMs, ' ms')),
    row('overhead counting throttle waits', (s) => fmtMs(s.wallMs - s.modelMs), vs(L.wallMs - L.modelMs, TARGETS.overheadMs, ' ms')),
    row('peak RSS, action process', (s) => `${s.peakRssMb.toFixed(1)} MB`, vs(L.peakRssMb, TARGETS.peakRssMb, ' MB')),
    row('CPU user + sys, action process', (s) => fmtMs(s.cpuMs))
  ]))
  out.push('')
  out.push('GitHub HTTP includes the emulator answering in the bench process (it runs git for pull requests); model HTTP is the emulators answering at once. The probe\'s own cost is the difference between the probed and the unprobed wall time.', '')
  const slow = r.slowModels?.split
  if (slow) {
    out.push(`Same run, ${sr.files} files, every model answer 3 s late: wall ${fmtMs(r.slowModels.wallMs)}, model ${fmtMs(slow.exclusiveMs.model)}, throttle wait not overlapped ${fmtMs(slow.exclusiveMs.throttle)} (after the last model answer: ${fmtMs(slow.throttleAfterModelsMs)}), git ${fmtMs(slow.exclusiveMs.git)}, own work ${fmtMs(slow.exclusiveMs.own)}.`, '')
  }
  const first = r.overhead.large.runs[0]
  const topGit = (first?.gitCommands ?? []).slice(0, 5).map((g: any) => `\`git ${g.args}\` ${fmtMs(g.ms)}`).join(', ')
  out.push(`Slowest git commands (${lr.files.toLocaleString('en-US')} files, run 1): ${topGit}.`, '')
  const own = (first?.split?.ownByPhase ?? []).slice(0, 4).map((o: any) => `${fmtMs(o.ms)} after "${o.phase.replace(/\|/g, '/')}"`).join('; ')
  out.push(`Own work by phase (${lr.files.toLocaleString('en-US')} files, run 1; a phase runs from one line of output to the next): ${own}.`, '')
  const waits = (first?.split?.throttleWaits ?? []).map((w: any) => `${fmtMs(w.waitMs)} → ${w.request}`).join('; ')
  out.push(`Throttle waits (run 1; each wait → the next GitHub request): ${waits || 'none'}.`, '')

  out.push('## 2. Tokens (the emulators\' estimate, ceil(chars / 4))', '')
  const T = r.tokens
  out.push(table(['', `${lr.files.toLocaleString('en-US')} files`, `${sr.files} files`, 'difference'], [
    ['reviewer input, same diff', T.large.reviewerInput, T.small.reviewerInput, fmtPct(T.reviewerDiff)],
    ["drafter's first request", T.large.firstDrafterRequest, T.small.firstDrafterRequest, fmtPct(T.firstRequestDiff)],
    ['  repository map in it, chars (budget 6,000)', T.large.mapChars, T.small.mapChars, ''],
    ['  request body, bytes', T.large.firstDrafterRequestBytes, T.small.firstDrafterRequestBytes, '']
  ]))
  out.push('')
  if (r.mapScaling?.length) {
    out.push(`renderRepoMap with the 6,000-char budget: ${r.mapScaling.map((m: any) => `${m.files.toLocaleString('en-US')} files → ${m.chars} chars in ${m.ms} ms`).join('; ')}.`, '')
  }

  out.push('## 3. Prompt caching (50 files: 8-turn first draft, rejection, 2-turn re-draft, approval)', '')
  const C = r.caching as CachingResult[]
  const cRow = (name: string, f: CacheFigures): (string | number)[] =>
    [name, f.calls, f.promptTokens, f.cacheReadTokens, f.cacheWriteTokens, fmtPct(f.cachedShare), usd(f.costUsd), usd(f.uncachedCostUsd), `${usd(f.savedUsd)} (${String(f.savedPct).replace('-', '−')}%)`]
  const rowsC: (string | number)[][] = []
  for (const c of C) {
    rowsC.push(cRow(`**${c.drafterModel}** drafter, all`, c.drafter), cRow('  first draft', c.firstDraft), cRow('  re-draft', c.reDraft))
  }
  if (C[0]) rowsC.push(cRow(`${REVIEWER} review 1`, C[0].firstReview), cRow(`${REVIEWER} review 2 (reads the system prompt and the issue)`, C[0].reReview))
  out.push(table(['model calls', 'n', 'prompt tokens', 'cache read', 'cache write', 'cached share', 'cost as reported', 'all as uncached input', 'saved'], rowsC))
  out.push('')

  out.push(...renderCostModel(r.costModel))

  const B = r.bundle
  out.push('## 5. Bundle', '')
  out.push(table(['', 'value', 'target'], [
    ['dist/ (dist/index.js + chunks loaded on demand)', `${(B.bytes / 1e6).toFixed(2)} MB in ${B.chunks + 1} files (${(B.gzipBytes / 1e6).toFixed(2)} MB gzipped); dist/index.js ${(B.entryBytes / 1e3).toFixed(0)} kB`, ''],
    ['cold start, `node dist/index.js` → exit, median of 10', `**${fmtMs(B.coldStartMedianMs)}**`, vs(B.coldStartMedianMs, TARGETS.startupMs, ' ms')],
    ['  with V8 compile cache warm (NODE_COMPILE_CACHE)', fmtMs(B.compileCachedMedianMs), ''],
    ['  `node -e 0`', fmtMs(B.nodeBareMedianMs), ''],
    ['  loading the bundle (difference)', fmtMs(B.loadCostMedianMs), ''],
    ['peak RSS: cold start / `node -e 0`', B.coldRssMb === null ? 'n/a' : `${B.coldRssMb} MB / ${B.nodeBareRssMb} MB`, '']
  ]))
  out.push('')
  const prof = Object.entries(B.cpuProfileMs).filter(([k]) => k !== 'total').slice(0, 9).map(([k, v]) => `${k} ${v} ms`).join(', ')
  out.push(`Cold start by CPU profile (mean of 5, total ${B.cpuProfileMs.total} ms profiled): ${prof}.`, '')
  out.push(`Largest packages in the bundle: ${B.byPackage.slice(0, 8).map((p: any) => `${p.name} ${(p.bytes / 1e3).toFixed(0)} kB`).join(', ')}.`, '')

  const SB = r.sandbox
  if (SB) {
    out.push(`## 6. Test sandbox (\`test-command: true\`, median of ${SB.runs} runs each)`, '')
    if (!SB.launcher) out.push(`The sandbox is not available on this machine: ${SB.error}`, '')
    const med = (xs: number[]): string => (xs.length ? fmtMs([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!) : 'n/a')
    out.push(table(['', 'value'], [
      ['launcher', SB.launcher ?? 'none'],
      ['preflight (once per run, before any model call)', SB.preflightMs === null ? 'n/a' : fmtMs(SB.preflightMs)],
      ['one test run, sandboxed', med(SB.sandboxedMs)],
      ['one test run, unisolated', med(SB.unisolatedMs)],
      ['**sandbox start-up cost per test run**', SB.startupMedianMs === null ? 'n/a' : `**${fmtMs(SB.startupMedianMs)}**`],
      ...SB.tenThousandLines.map((l: any) => [`10,000 lines of output, ${l.mode}: wall / CPU of the action`, `${fmtMs(l.wallMs)} / ${fmtMs(l.cpuMs)} (${l.outputChars} chars kept)`]),
      ['10,000 lines as 10,000 chunks, collector before (concat per chunk)', `${fmtMs(SB.collector.before.ms)}, ${SB.collector.before.copiedMb} MB copied`],
      ['  after (head and tail, each chunk looked at once)', `${SB.collector.after.ms} ms, ${SB.collector.after.copiedMb} MB copied`]
    ]))
    out.push('')
  }

  if (r.longSessions) out.push(...renderLongSession(r.longSessions))
  out.push('## How it was measured', '')
  out.push([
    '- Every action run is `world.run()` of emulators/harness.ts (`node dist/index.js`, the runner\'s environment), one fresh world (origin, workspace, emulators) per run. Repositories are generated from a seeded PRNG (bench/gen-repo.ts).',
    '- Probed runs preload bench/probe.cjs (`NODE_OPTIONS=--require`), which only watches: fetch requests through undici\'s diagnostics channels, child processes through node\'s `child_process` channel (spawn → close), octokit throttling waits as the Bottleneck timers set from its `_run` (set → fire), stdout lines, and at exit `process.resourceUsage().maxRSS` and CPU time, all on the process\'s own clock. bench/timeline.ts gives every instant to the first busy bucket in the order start-up, git, other process, model HTTP, GitHub HTTP, throttle, own work, so the rows add up to the wall time. The GitHub emulator\'s requests are also time-stamped by wrapping its `requests.push`.',
    '- Tokens are the usage the emulators report (the action logs one line per call); cached share = cache read / (input + cache read + cache write); "all as uncached input" prices the same prompt tokens at the input price (src/pricing.ts `costOf`, `BUILT_IN_PRICES`).',
    '- Cold start: `node dist/index.js` with only PATH and HOME set, so it fails at once (no GITHUB_REPOSITORY: not running in Actions) after reading its inputs, timed from spawn to exit in the bench process.'
  ].join('\n'), '')
  return out.join('\n')
}

const orNever = (x: number | null): string => (x === null ? 'never' : fmtPct(x))

/** Section 4 on its own: pure, from costModel()'s figures (bench/cost-ratios.ts). */
export function renderCostModel(M: any): string[] {
  const out: string[] = []
  const P = M.profile
  out.push(`## 4. Cost model: the current lineup (expected values over every reject/approve path; at most ${M.loop.maxReviews} reviews, escalation after ${M.loop.escalateAfter} rejections)`, '')
  out.push(`Profile (the seed article's): a first draft reads ${P.draft.input} tokens and writes ${P.draft.output}; a review reads ${P.review.prefix + P.review.rest} (${P.review.prefix} of them the system prompt and the issue, the cached prefix) and writes ${P.review.output}; a rejection sends ${P.feedbackTokens} tokens of findings back, and the re-draft continues the conversation (its prompt is the last prompt, the last answer and the findings). The first tier's drafts are rejected at the rate shown, the second tier's at half of it (stated assumption). Caching as the action does it: each drafter call writes what is new and reads what the previous call on the same model wrote (a tier that takes over reads nothing); the first review writes the prefix, re-reviews read it.`, '')
  const cell = (x: any) => `${x.ratioPremiumOnly} / ${x.ratioPremiumAlone} / ${x.ratioOneDraft} (${usd(x.costUsd)})`
  out.push(table(['drafter ladder', 'reviewer', ...M.rejectRates.map((p: number) => `${p * 100}% rejects: ×premium-only / ×premium-alone / ×one premium draft ($/task)`)],
    M.lineup.map((row: any) => [row.ladder, row.reviewer, ...row.at.map(cell)])))
  out.push('')
  const D = M.defaultAt20
  out.push(`**The default setup** (Haiku 5.5 → Sonnet 5.5, Opus 5.5 reviewing) at ${M.targets.at * 100}% first-draft rejects: **${D.ratioPremiumOnly}× premium-only** (target ≤ ${M.targets.premiumOnly}) and **${D.ratioPremiumAlone}× premium-alone** (target ≤ ${M.targets.premiumAlone}); ${usd(D.costUsd)} a task, ${D.reviews} reviews a task, ${fmtPct(D.approved)} approved within the cap. Without caching it would be ${usd(D.noCaching.costUsd)} a task (${D.noCaching.ratioPremiumOnly}× / ${D.noCaching.ratioPremiumAlone}×). The limit of any split on this profile: one premium review of the diff per task is **${M.limit}×** premium-only. Against one premium draft per task with no review and no re-draft (the strictest reading of "Opus alone"), the default is ${D.ratioOneDraft}×.`, '')
  out.push('premium-only = every token of the run at the reviewer\'s prices (`premium-only-cost-usd`); premium-alone = the drafter calls\' tokens at the reviewer\'s prices, no review (`premium-alone-cost-usd`); one premium draft = the reviewer model drafting each task once, nothing else.', '')
  out.push(`The seed article's pair (Sonnet 4.6 drafting, Opus 4.8 reviewing, one round, no caching): ${usd(M.seedPair.costUsd)} against ${usd(M.seedPair.premiumOnlyUsd)} at Opus prices (${M.seedPair.savingsPct}% saved) and ${usd(M.seedPair.premiumAloneUsd)} for Opus drafting alone (${M.seedPair.savingsVsAlonePct}%: the split costs more).`, '')
  out.push('### Routing: start on the second tier?', '')
  out.push(table(['ladder (Opus 5.5 reviews)', 'first-tier rejects', 'start on tier 1: $/approved change (approved)', 'start on tier 2: $/approved change (approved)', 'cheaper'],
    M.routing.map((x: any) => [x.ladder, fmtPct(x.rejectRate), `${usd(x.first.perApprovedUsd)} (${fmtPct(x.first.approved)})`, `${usd(x.up.perApprovedUsd)} (${fmtPct(x.up.approved)})`, x.first.perApprovedUsd <= x.up.perApprovedUsd ? 'tier 1' : 'tier 2'])))
  out.push('')
  out.push('First-tier reject rate above which starting on the second tier costs less per approved change, by what the second tier\'s reject rate is: ' +
    M.breakEven.map((b: any) => `${b.ladder}: ${orNever(b.half)} (half the first tier's), ${orNever(b.quarter)} (a quarter), ${orNever(b.perfect)} (never rejected)`).join('; ') +
    '. Hence `route-by-history` is on by default with `route-reject-threshold` 0.6.', '')
  const S = M.stream
  out.push('### A mixed week: triage, history, or neither', '')
  out.push(`The seed article's stream: ${S.stream.routine.perWeek} routine and ${S.stream.complex.perWeek} complex tasks a week, default ladder and reviewer, seed profile. Stated first-draft reject rates: routine ${S.stream.routine.rejectRates.map((x: number) => fmtPct(x)).join(' on Haiku 5.5, ')} on Sonnet 5.5; complex ${S.stream.complex.rejectRates.map((x: number) => fmtPct(x)).join(' on Haiku 5.5, ')} on Sonnet 5.5. The seed article's own weekly figures for its stream: $${S.seedWeekly.premiumOnly} premium only, $${S.seedWeekly.routing} with routing, $${S.seedWeekly.cascade} with the cascade.`, '')
  out.push(table(['strategy', '$ per approved change', 'approved a week', 'reviews a week', 'weekly total', 'how'], S.strategies.map((x: any) => [x.name, usd(x.perApprovedUsd), x.approvedPerWeek, x.reviewsPerWeek, `$${x.weeklyUsd.toFixed(2)}`, x.note])))
  out.push('')
  const T = S.triageCall
  out.push(`The triage call, measured on the action's own prompt (a 600-file generated repository's map cut to its head, estimated high): ${T.typicalInput} input tokens for the bench's issue, ${T.longestInput} for an issue at the cut, ${T.output} out (stated): $${T.typicalUsd.toFixed(5)} to $${T.longestUsd.toFixed(5)} on Haiku 5.5; the week above is priced at the longer. Its proposals pay per approved change only when at most ${S.breakEvenFalsePositive === null ? 'no' : fmtPct(S.breakEvenFalsePositive)} of routine tasks are sent up (at ${fmtPct(S.triageAccuracy)} of complex tasks sent up).`, '')

  return out
}
