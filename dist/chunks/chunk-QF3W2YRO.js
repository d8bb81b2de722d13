#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  barChart,
  pct,
  signedChange,
  statsOf,
  usd,
  verdictWords
} from "./chunk-ZM4I6SRF.js";
import {
  savingsPct
} from "./chunk-BMU7JN73.js";

// src/ledger-report.ts
function renderLedgerReport(records, title = "draft-review: what the ledger says") {
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

export {
  renderLedgerReport
};
