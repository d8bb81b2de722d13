#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  barChart,
  modelName,
  pct,
  signedChange,
  statsOf,
  usd,
  verdictWords
} from "./chunk-YSMCARUW.js";
import {
  BUILT_IN_PRICES,
  costOf,
  roundUsd,
  savingsPct
} from "./chunk-QMV6HTJ4.js";

// src/cost/whatif.ts
var DRAFTER_LADDERS = [
  ["anthropic:claude-haiku-5-5", "anthropic:claude-sonnet-5-5"],
  ["openai:gpt-6-luna", "openai:gpt-6.1-terra"],
  ["anthropic:claude-sonnet-5-5"],
  ["openai:gpt-6-luna"]
];
var REVIEWERS = ["anthropic:claude-opus-5-5", "openai:gpt-6.1-sol", "anthropic:claude-opus-4-8"];
function priceable(records) {
  return records.filter((r) => r.usage && r.usage.length > 0);
}
function repriceRun(r, p, prices) {
  let total = 0;
  for (const u of r.usage ?? []) {
    const step = Math.max(0, r.drafterModels.indexOf(u.model));
    let model = u.model;
    if (u.role === "reviewer") model = p.reviewer ?? u.model;
    else if (p.drafters) model = u.role === "drafter" ? p.drafters[Math.min(step, p.drafters.length - 1)] : p.drafters[0];
    const price = prices[model];
    if (!price) return void 0;
    total += costOf({ input: u.inputTokens, output: u.outputTokens, cacheRead: u.cacheReadTokens, cacheWrite: u.cacheWriteTokens }, price);
  }
  return total;
}
function whatIf(records, prices) {
  const runs = priceable(records);
  const actualUsd = roundUsd(runs.reduce((a, r) => a + r.costUsd, 0));
  const pairings = [
    ...DRAFTER_LADDERS.map((d) => ({ label: `${d.map(modelName).join(" \u2192 ")} drafting`, pairing: { drafters: d } })),
    ...REVIEWERS.map((rv) => ({ label: `${modelName(rv)} reviewing`, pairing: { reviewer: rv } }))
  ];
  const rows = [];
  for (const { label, pairing } of pairings) {
    let sum = 0;
    let ok = true;
    for (const r of runs) {
      const c = repriceRun(r, pairing, prices);
      if (c === void 0) ok = false;
      else sum += c;
    }
    if (ok) rows.push({ label, pairing, costUsd: roundUsd(sum) });
  }
  return { runs: runs.length, leftOut: records.length - runs.length, actualUsd, rows };
}
function runRate(records) {
  if (records.length === 0) return { runs: 0, days: 0, perWeek: 0 };
  const times = records.map((r) => Date.parse(r.time)).filter(Number.isFinite);
  const span = times.length ? (Math.max(...times) - Math.min(...times)) / 864e5 : 0;
  const days = Math.max(1, span);
  return { runs: records.length, days: Math.round(days * 10) / 10, perWeek: records.length / days * 7 };
}
var WEEKS_PER_MONTH = 52 / 12;
function project(totalUsd, runs, perWeek) {
  const perRun = runs ? totalUsd / runs : 0;
  return { week: roundUsd(perRun * perWeek), month: roundUsd(perRun * perWeek * WEEKS_PER_MONTH) };
}

// src/routing/report.ts
function triageTable(records) {
  const byKind = /* @__PURE__ */ new Map();
  for (const r of records) if (r.triage) byKind.set(r.triage.kind, [...byKind.get(r.triage.kind) ?? [], r]);
  return [...byKind].map(([kind, rs]) => {
    const on = rs.filter((r) => r.triage.proposed !== null && r.triage.used === r.triage.proposed && r.firstDraftApproved !== null);
    const perApproved = {};
    for (const start of new Set(rs.map((r) => r.triage.used))) {
      const runs = rs.filter((r) => r.triage.used === start);
      const approved = runs.filter((r) => r.stopReason === "approved").length;
      if (approved > 0) perApproved[start] = runs.reduce((a, r) => a + r.costUsd, 0) / approved;
    }
    const cheapest = Object.entries(perApproved).sort((a, b) => a[1] - b[1])[0]?.[0];
    return {
      kind,
      runs: rs.length,
      onProposal: on.length,
      proposalApproved: on.length ? on.filter((r) => r.firstDraftApproved).length / on.length : null,
      perApproved,
      cheapest
    };
  });
}
function renderTriageTable(records) {
  const rows = triageTable(records);
  if (rows.length === 0) return [];
  return [
    "#### The triage, by kind of task",
    "",
    "| kind | runs | first drafts approved on the proposed tier | $ per approved change, by starting tier | cheapest start in hindsight |",
    "|---|---:|---:|---|---|",
    ...rows.map((r) => {
      const per = Object.entries(r.perApproved).map(([m, usdPer]) => `${modelName(m)} ${usd(usdPer)}`).join(" \xB7 ") || "n/a";
      return `| ${r.kind} | ${r.runs} | ${pct(r.proposalApproved)} (${r.onProposal} runs) | ${per} | ${r.cheapest ? modelName(r.cheapest) : "n/a"} |`;
    }),
    "",
    "When the proposed tier's first drafts are approved 80% or more of the time, the triage is right for that kind; when another start is cheaper per approved change, the ladder or the triage is the thing to tune.",
    ""
  ];
}

// src/ledger-report.ts
function renderLedgerReport(records, title = "draft-review: what the ledger says", prices = BUILT_IN_PRICES) {
  if (records.length === 0) return `### ${title}

The ledger is empty: no run has been recorded yet.`;
  const byCategory = groupBy(records, (r) => `${r.category} \xB7 ${r.mode}`);
  const byDrafter = groupBy(records, (r) => r.drafterModels[r.drafterModels.length - 1] ?? "unknown");
  const all = statsOf(records);
  const first = records[0].time.slice(0, 10);
  const last = records[records.length - 1].time.slice(0, 10);
  return [
    `### ${title}`,
    "",
    `${records.length} runs from ${first} to ${last}: ${usd(all.costUsd)} spent; the same tokens at the reviewer model's prices ${usd(all.premiumOnlyCostUsd)} (**${usd(all.savedUsd)} saved**, ${savingPct(all.costUsd, all.premiumOnlyCostUsd)}); ${aloneWords(all)}.`,
    "",
    "#### By kind of task",
    "",
    table(byCategory, "kind of task"),
    "",
    ...[...byCategory].map(([kind, rs]) => `- **${kind}**: ${verdictWords(statsOf(rs))}`),
    "",
    "#### By drafter model",
    "",
    table(byDrafter, "drafter model"),
    "",
    barChart(
      "Spent vs premium-only, by kind of task (USD; pairs of bars)",
      [...byCategory].flatMap(([kind, rs]) => {
        const s = statsOf(rs);
        return [
          [`${kind}`, s.costUsd],
          [`${kind} (premium)`, s.premiumOnlyCostUsd]
        ];
      })
    ),
    "",
    ...renderTriageTable(records),
    ...whatIfSection(records, prices),
    "Rule of thumb: when the reviewer approves 80% or more of first drafts the split works; when it rejects more than 40%, give that kind of task to the premium model."
  ].join("\n");
}
function table(groups, label) {
  const rows = [...groups].map(([key, rs]) => {
    const s = statsOf(rs);
    return `| ${key} | ${s.runs} | ${pct(s.firstDraftApprovalRate)} | ${pct(s.rejectRate)} | ${usd(s.costUsd)} | ${usd(s.premiumOnlyCostUsd)} | ${usd(s.savedUsd)} (${savingPct(s.costUsd, s.premiumOnlyCostUsd)}) | ${aloneCell(s)} |`;
  });
  return [
    `| ${label} | runs | first drafts approved | reject rate | cost | at reviewer prices | saved | reviewer drafting alone, no review |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows
  ].join("\n");
}
function aloneWords(s) {
  if (s.premiumAloneRuns === 0) return "the reviewer model drafting alone: not recorded for these runs";
  const over = s.premiumAloneRuns === s.runs ? "" : ` (over the ${s.premiumAloneRuns} runs that recorded it, which cost ${usd(s.costOfAloneRunsUsd)})`;
  const change = signedChange(savingsPct(s.costOfAloneRunsUsd, s.premiumAloneCostUsd));
  return `the reviewer model drafting alone, no review, ${usd(s.premiumAloneCostUsd)}${over}: this setup ${change}`;
}
function aloneCell(s) {
  if (s.premiumAloneRuns === 0) return "n/a";
  const partial = s.premiumAloneRuns === s.runs ? "" : ` (${s.premiumAloneRuns} runs)`;
  return `${usd(s.premiumAloneCostUsd)} (${signedChange(savingsPct(s.costOfAloneRunsUsd, s.premiumAloneCostUsd))})${partial}`;
}
function savingPct(cost, premium) {
  return premium > 0 ? `${Math.round(1e3 * (1 - cost / premium)) / 10}%` : "n/a";
}
function groupBy(xs, key) {
  const m = /* @__PURE__ */ new Map();
  for (const x of xs) m.set(key(x), [...m.get(key(x)) ?? [], x]);
  return m;
}
function whatIfSection(records, prices) {
  const w = whatIf(records, prices);
  if (w.runs === 0) return ["#### What if", "", "No run in the ledger kept its token counts yet (runs recorded from now on do), so there is nothing to reprice.", ""];
  const runs = priceable(records);
  const rate = runRate(records);
  const only = roundUsd(runs.reduce((a, r) => a + r.premiumOnlyCostUsd, 0));
  const alone = roundUsd(runs.reduce((a, r) => a + (r.premiumAloneCostUsd ?? 0), 0));
  const n = `${w.runs} run${w.runs === 1 ? "" : "s"}`;
  const row = (label, cost) => {
    const p = project(cost, w.runs, rate.perWeek);
    return `| ${label} | ${usd(cost)} | ${cost === w.actualUsd ? "" : signedChange(savingsPct(cost, w.actualUsd))} | ${usd(p.week)} | ${usd(p.month)} |`;
  };
  const cheapest = [...w.rows].sort((a, b) => a.costUsd - b.costUsd)[0];
  const headline = cheapest && cheapest.costUsd < w.actualUsd ? `With ${cheapest.label}, these ${n} would have cost ${usd(cheapest.costUsd)} instead of ${usd(w.actualUsd)}.` : `No other pairing of the built-in table prices these ${n} below the ${usd(w.actualUsd)} they cost.`;
  return [
    "#### What if: other models on these runs",
    "",
    headline + ` At this repository's rate, ${Math.round(rate.perWeek * 10) / 10} runs a week (${rate.runs} run${rate.runs === 1 ? "" : "s"} over ${rate.days} day${rate.days === 1 ? "" : "s"}), the setup as run costs ${usd(project(w.actualUsd, w.runs, rate.perWeek).week)} a week and ${usd(project(w.actualUsd, w.runs, rate.perWeek).month)} a month.`,
    "",
    `| ${n}, priced with the same tokens | cost | vs as run | per week | per month |`,
    "|---|---:|---:|---:|---:|",
    row("**as run**", w.actualUsd),
    row("every token at the reviewer model's prices", only),
    row("the reviewer model drafting alone, no review", alone),
    ...w.rows.map((r) => row(r.label, r.costUsd)),
    "",
    `Same tokens, other prices (built-in table, each model's own cache prices, no long-prompt bands): another model would use other token counts and be rejected at its own rate, so read these as what the prices alone change. A drafter ladder maps step to step (a run's second tier to the other ladder's second tier).` + (w.leftOut ? ` ${w.leftOut} older run${w.leftOut === 1 ? "" : "s"} recorded without token counts ${w.leftOut === 1 ? "is" : "are"} left out.` : ""),
    ""
  ];
}

export {
  renderLedgerReport
};
