// The report: bench/RESULTS.md from the figures of every section, as Markdown tables.
import type { CacheFigures, CachingResult } from './caching'
import { TARGETS } from './common'
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
  if (C[0]) rowsC.push(cRow('anthropic:claude-opus-4-8 review 1', C[0].firstReview), cRow('anthropic:claude-opus-4-8 review 2', C[0].reReview))
  out.push(table(['model calls', 'n', 'prompt tokens', 'cache read', 'cache write', 'cached share', 'cost as reported', 'all as uncached input', 'saved'], rowsC))
  out.push('')

  const M = r.costModel
  out.push(`## 4. Cost model (${M.profile.tasks} tasks, seed profile, at most ${M.profile.maxReviews} reviews per task, PRNG seed ${M.profile.seed})`, '')
  out.push(`One round, no caching: Sonnet draft ${usd(M.oneRound.draftSonnetUsd)} + Opus review ${usd(M.oneRound.reviewOpusUsd)} = ${usd(M.oneRound.orchestratedUsd)}; the same tokens at Opus prices ${usd(M.oneRound.draftOpusUsd)} + ${usd(M.oneRound.reviewOpusUsd)} = ${usd(M.oneRound.premiumOnlyUsd)}; ratio **${M.oneRound.ratio}**.`, '')
  out.push(table(['reject rate (drawn)', 'drafts / task', 'orchestrated $/task: none / (b) / (c)', 'A none', 'A (b)', 'A (c)', 'B none', 'C none'],
    M.rows.map((x: any) => [
      `${x.rejectRate * 100}% (${fmtPct(x.none.realizedRejectRate)})`, x.none.draftsPerTask,
      `${usd(x.none.orchestratedPerTaskUsd)} / ${usd(x.stablePrefix.orchestratedPerTaskUsd)} / ${x.asToday ? usd(x.asToday.orchestratedPerTaskUsd) : 'n/a'}`,
      x.none.ratio, x.stablePrefix.ratio, x.asToday?.ratio ?? 'n/a', x.none.ratioVsOpusAlone, x.none.ratioVsOpusOneRound
    ])))
  out.push('')
  out.push('Ratios are orchestrated cost over: **A** every token of the orchestrated run (same counts, same cache split) at Opus 4.8 prices, which is the action\'s `premium-only-cost-usd`; **B** Opus drafting each task once with no review; **C** Opus drafting once and reviewing once. Each review rejects independently with the given rate; a task stops at approval or after 3 reviews.', '')
  out.push(`Caching: none = every input token uncached. (b) stable prefix: a re-draft reads ${fmtPct(M.shares.reDraftShare)} of its input from the cache (the share the emulated Anthropic re-draft read), a re-review ${fmtPct(M.shares.reReviewShare)} (assumed: system prompt, issue and the diff up to the first changed hunk); the first draft and first review write those prefixes at 1.25× input. (c) every phase with the read and write shares the emulated Anthropic run reported. Expected break-even reject rate where caching starts to cost less than none: (b) ${M.breakEven.stablePrefix === null ? 'never' : fmtPct(M.breakEven.stablePrefix)}, (c) ${M.breakEven.asToday === null ? 'never' : fmtPct(M.breakEven.asToday)}.`, '')

  out.push('Against A, the ratio cannot fall below the drafter\'s price relative to the reviewer\'s on the drafting share: every Sonnet 4.6 price is 0.6× Opus 4.8\'s, so with the seed profile the ratio is 0.72 however many rounds and whatever the caching. What reaches ≤ 0.5 is a cheaper first tier of the drafter ladder, at a 20% reject rate with Opus 4.8 reviewing:', '')
  out.push(table(['drafter (Opus 4.8 reviews)', 'A, no caching', 'A, caching as today (c)'], M.drafterChoice.map((d: any) => [d.drafter, d.none, d.asToday ?? 'n/a'])))
  out.push('')

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

  out.push('## How it was measured', '')
  out.push([
    '- Every action run is `world.run()` of emulators/harness.ts (`node dist/index.js`, the runner\'s environment), one fresh world (origin, workspace, emulators) per run. Repositories are generated from a seeded PRNG (bench/gen-repo.ts).',
    '- Probed runs preload bench/probe.cjs (`NODE_OPTIONS=--require`), which only watches: fetch requests through undici\'s diagnostics channels, child processes through node\'s `child_process` channel (spawn → close), octokit throttling waits as the Bottleneck timers set from its `_run` (set → fire), stdout lines, and at exit `process.resourceUsage().maxRSS` and CPU time, all on the process\'s own clock. bench/timeline.ts gives every instant to the first busy bucket in the order start-up, git, other process, model HTTP, GitHub HTTP, throttle, own work, so the rows add up to the wall time. The GitHub emulator\'s requests are also time-stamped by wrapping its `requests.push`.',
    '- Tokens are the usage the emulators report (the action logs one line per call); cached share = cache read / (input + cache read + cache write); "all as uncached input" prices the same prompt tokens at the input price (src/pricing.ts `costOf`, `BUILT_IN_PRICES`).',
    '- Cold start: `node dist/index.js` with only PATH and HOME set, so it fails at once on the missing anthropic-api-key input, timed from spawn to exit in the bench process.'
  ].join('\n'), '')
  return out.join('\n')
}
