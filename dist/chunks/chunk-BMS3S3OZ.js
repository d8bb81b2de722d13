#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  external_exports,
  roundUsd
} from "./chunk-WAJCCAE4.js";

// src/git.ts
import { execFile } from "node:child_process";
var BOT_NAME = "github-actions[bot]";
var BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com";
var GitError = class extends Error {
  constructor(args, stderr) {
    super(`git ${args[0]} failed: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
    this.args = args;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  stderr;
};
var Git = class {
  constructor(cwd, redact = (t) => t) {
    this.cwd = cwd;
    this.redact = redact;
  }
  cwd;
  redact;
  exec(args, opts = {}) {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" };
    if (opts.auth) Object.assign(env, authEnv(opts.auth));
    return new Promise((resolve, reject) => {
      const child = execFile("git", args, { cwd: this.cwd, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new GitError(args, this.redact(String(stderr) || err.message)));
        else resolve(String(stdout));
      });
      if (opts.input !== void 0) child.stdin?.end(opts.input);
    });
  }
  /**
   * Fetches `base` from origin and points `branch` at it, checked out. Returns the base
   * commit and where `branch` stood on origin (the lease for the push; '' when absent).
   */
  async startBranch(base, branch, auth) {
    await this.exec(["fetch", "--no-tags", "--depth=1", "origin", `+refs/heads/${base}:refs/remotes/origin/${base}`], { auth });
    await this.exec(["checkout", "--force", "--no-track", "-B", branch, `refs/remotes/origin/${base}`]);
    const baseSha = (await this.exec(["rev-parse", "HEAD"])).trim();
    return { baseSha, remoteSha: await this.remoteSha(branch, auth) };
  }
  /** Local mode: branches off the current HEAD, with no fetch. Refuses a tree with uncommitted changes. */
  async startLocalBranch(branch) {
    const dirty = await this.exec(["status", "--porcelain", "--untracked-files=no"]);
    if (dirty.trim()) throw new Error("the working tree has uncommitted changes: commit or stash them first, so that the draft starts from a known state");
    const previous = (await this.exec(["rev-parse", "--abbrev-ref", "HEAD"])).trim();
    const baseSha = (await this.exec(["rev-parse", "HEAD"])).trim();
    await this.exec(["checkout", "--quiet", "--no-track", "-B", branch, baseSha]);
    return { baseSha, previous };
  }
  async remoteSha(branch, auth) {
    const out = await this.exec(["ls-remote", "origin", `refs/heads/${branch}`], { auth });
    return out.split(/\s/)[0] ?? "";
  }
  /** Stages exactly these paths (adds, edits, deletions) and commits them; false when nothing changed. */
  async commitPaths(paths, message) {
    if (paths.length === 0) return false;
    await this.exec(["add", "--all", "--pathspec-from-file=-", "--pathspec-file-nul", "--"], { input: paths.join("\0") });
    const staged = await this.exec(["diff", "--cached", "--name-only"]);
    if (staged.trim() === "") return false;
    await this.exec([
      "-c",
      `user.name=${BOT_NAME}`,
      "-c",
      `user.email=${BOT_EMAIL}`,
      "-c",
      "commit.gpgsign=false",
      "commit",
      "--no-verify",
      "--quiet",
      "-m",
      message
    ]);
    return true;
  }
  /** The change from `baseSha` to HEAD, with `context` lines around each hunk. */
  diff(baseSha, context = 10) {
    return this.exec(["diff", `-U${context}`, "--no-color", "--no-ext-diff", `${baseSha}`, "HEAD", "--"]);
  }
  async changedFiles(baseSha) {
    const out = await this.exec(["diff", "--name-only", "-z", baseSha, "HEAD", "--"]);
    return out.split("\0").filter(Boolean);
  }
  /**
   * Replaces the remote branch with this one (a re-run starts the branch anew), but only
   * if it still stands where it stood when this run began: a run that overlapped ours
   * is not overwritten. Throws LeaseLost then.
   */
  async push(branch, lease, auth) {
    try {
      await this.exec(["push", "--quiet", `--force-with-lease=refs/heads/${branch}:${lease}`, "origin", `HEAD:refs/heads/${branch}`], { auth });
    } catch (e) {
      if (e instanceof GitError && /stale info|\[rejected\]|fetch first|non-fast-forward/.test(e.stderr)) throw new LeaseLost(branch);
      throw e;
    }
  }
};
var LeaseLost = class extends Error {
  constructor(branch) {
    super(`${branch} changed on origin while this run worked (another run for the same issue?)`);
    this.branch = branch;
    this.name = "LeaseLost";
  }
  branch;
};
function authEnv(auth) {
  const key = `http.${auth.serverUrl.replace(/\/+$/, "")}/.extraheader`;
  const basic = Buffer.from(`x-access-token:${auth.token}`).toString("base64");
  return {
    GIT_CONFIG_COUNT: "2",
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: "",
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`
  };
}

// src/history.ts
var usageLineSchema = external_exports.object({
  role: external_exports.string(),
  model: external_exports.string(),
  calls: external_exports.number().int(),
  inputTokens: external_exports.number(),
  outputTokens: external_exports.number(),
  cacheReadTokens: external_exports.number(),
  cacheWriteTokens: external_exports.number(),
  costUsd: external_exports.number()
});
var ledgerRecordSchema = external_exports.object({
  version: external_exports.literal(1),
  issue: external_exports.number().int(),
  category: external_exports.string(),
  mode: external_exports.enum(["changes", "tests"]),
  drafterModels: external_exports.array(external_exports.string()),
  reviewerModel: external_exports.string(),
  drafts: external_exports.number().int(),
  reviews: external_exports.number().int(),
  rejections: external_exports.number().int(),
  /** The first review's verdict; null when nothing was reviewed. */
  firstDraftApproved: external_exports.boolean().nullable(),
  costUsd: external_exports.number(),
  premiumOnlyCostUsd: external_exports.number(),
  /** The drafter calls' tokens at the reviewer's prices; absent in records written before it existed. */
  premiumAloneCostUsd: external_exports.number().optional(),
  /** Token counts per (role, model); absent in older records. */
  usage: external_exports.array(usageLineSchema).optional(),
  /** Reviews and rejections per drafter model whose draft was reviewed; absent in older records. */
  reviewsByDrafter: external_exports.record(external_exports.string(), external_exports.object({ reviews: external_exports.number().int(), rejections: external_exports.number().int() })).optional(),
  stopReason: external_exports.string(),
  time: external_exports.string(),
  runId: external_exports.string()
});
var SPLIT_WORKS_AT = 0.8;
var PREMIUM_ABOVE = 0.4;
var MIN_RUNS_TO_JUDGE = 5;
function statsOf(records) {
  const reviewed = records.filter((r) => r.firstDraftApproved !== null);
  const reviews = sum(records, (r) => r.reviews);
  const rejections = sum(records, (r) => r.rejections);
  const costUsd = roundUsd(sum(records, (r) => r.costUsd));
  const premiumOnlyCostUsd = roundUsd(sum(records, (r) => r.premiumOnlyCostUsd));
  const firstDraftApprovalRate = reviewed.length ? reviewed.filter((r) => r.firstDraftApproved).length / reviewed.length : null;
  const rejectRate = reviews ? rejections / reviews : null;
  const withAlone = records.filter((r) => r.premiumAloneCostUsd !== void 0);
  return {
    runs: records.length,
    reviewedRuns: reviewed.length,
    firstDraftApprovalRate,
    reviews,
    rejections,
    rejectRate,
    costUsd,
    premiumOnlyCostUsd,
    savedUsd: roundUsd(premiumOnlyCostUsd - costUsd),
    premiumAloneCostUsd: roundUsd(sum(withAlone, (r) => r.premiumAloneCostUsd ?? 0)),
    costOfAloneRunsUsd: roundUsd(sum(withAlone, (r) => r.costUsd)),
    premiumAloneRuns: withAlone.length,
    verdict: verdictOf(reviewed.length, firstDraftApprovalRate, rejectRate)
  };
}
function verdictOf(reviewedRuns, approval, rejectRate) {
  if (reviewedRuns < MIN_RUNS_TO_JUDGE || approval === null || rejectRate === null) return "too-few";
  if (rejectRate > PREMIUM_ABOVE) return "premium";
  if (approval >= SPLIT_WORKS_AT) return "split-works";
  return "borderline";
}
function verdictWords(s) {
  switch (s.verdict) {
    case "split-works":
      return `The split works for this kind of task: the reviewer approved ${pct(s.firstDraftApprovalRate)} of first drafts (80% or more).`;
    case "premium":
      return `This kind of task belongs to the premium model: the reviewer rejected ${pct(s.rejectRate)} of drafts (more than 40%).`;
    case "borderline":
      return `Borderline: ${pct(s.firstDraftApprovalRate)} of first drafts approved (the split works at 80%), ${pct(s.rejectRate)} of drafts rejected (premium above 40%).`;
    case "too-few":
      return `Too few reviewed runs to judge yet (${s.reviewedRuns} of ${MIN_RUNS_TO_JUDGE}).`;
  }
}
function categoryOf(labels, categoryLabels) {
  return categoryLabels.find((c) => labels.includes(c)) ?? "uncategorized";
}
function sameKind(r, category, mode) {
  return r.category === category && r.mode === mode;
}
function recentRejectRate(records, window, tier) {
  const counts = (r) => tier && r.reviewsByDrafter ? r.reviewsByDrafter[tier] ?? { reviews: 0, rejections: 0 } : r;
  const recent = records.filter((r) => counts(r).reviews > 0).slice(-window);
  const reviews = sum(recent, (r) => counts(r).reviews);
  return { rate: reviews ? sum(recent, (r) => counts(r).rejections) / reviews : null, runs: recent.length };
}
function pct(x) {
  return x === null ? "n/a" : `${Math.round(x * 1e3) / 10}%`;
}
function sum(xs, f) {
  return xs.reduce((a, x) => a + f(x), 0);
}
function chooseStartTier(ladder, history, opts) {
  if (!opts.enabled || ladder.length < 2) return { tier: 0, reason: "" };
  const { rate, runs } = recentRejectRate(history, opts.window, ladder[0]);
  if (rate === null || runs < Math.min(MIN_RUNS_TO_JUDGE, opts.window) || rate <= opts.threshold) return { tier: 0, reason: "" };
  return {
    tier: 1,
    reason: `Routed to ${ladder[1]}: ${ladder[0]}'s recent reject rate on this kind of task is ${pct(rate)} over ${runs} reviewed runs, above route-reject-threshold ${pct(opts.threshold)}.`
  };
}

// src/ledger.ts
import { setTimeout as sleep } from "node:timers/promises";
var LEDGER_BRANCH = "draft-review/ledger";
var LEDGER_FILE = "ledger.jsonl";
var MAX_RECORDS = 5e3;
var LOCAL_REF = "refs/draft-review/ledger";
var Ledger = class {
  constructor(git, auth, maxRecords = MAX_RECORDS) {
    this.git = git;
    this.auth = auth;
    this.maxRecords = maxRecords;
  }
  git;
  auth;
  maxRecords;
  async read() {
    const tip = await this.fetchTip();
    if (!tip) return { records: [], tip };
    const text = await this.git.exec(["cat-file", "blob", `${tip}:${LEDGER_FILE}`]).catch(() => "");
    return { records: parseLedger(text), tip };
  }
  /** Appends one record; retries on a concurrent append until it lands. */
  async append(record, attempts = 8) {
    for (let attempt = 1; ; attempt++) {
      const { records, tip } = await this.read();
      const next = [...records, record].slice(-this.maxRecords);
      const commit = await this.commit(next, tip, `ledger: issue #${record.issue} (${record.stopReason}) run ${record.runId}`);
      try {
        await this.git.exec(["push", "--quiet", "origin", `${commit}:refs/heads/${LEDGER_BRANCH}`], { auth: this.auth });
        return;
      } catch (e) {
        if (!(e instanceof GitError) || attempt >= attempts) throw e;
        await sleep(50 + Math.random() * 200 * attempt);
      }
    }
  }
  async fetchTip() {
    try {
      await this.git.exec(["fetch", "--quiet", "--no-tags", "--depth=1", "origin", `+refs/heads/${LEDGER_BRANCH}:${LOCAL_REF}`], { auth: this.auth });
    } catch (e) {
      if (e instanceof GitError && /couldn't find remote ref|not our ref|no such ref/i.test(e.stderr)) return "";
      throw e;
    }
    return (await this.git.exec(["rev-parse", LOCAL_REF])).trim();
  }
  async commit(records, parent, message) {
    const text = records.map((r) => JSON.stringify(r)).join("\n") + "\n";
    const blob = (await this.git.exec(["hash-object", "-w", "--stdin"], { input: text })).trim();
    const tree = (await this.git.exec(["mktree"], { input: `100644 blob ${blob}	${LEDGER_FILE}
` })).trim();
    const args = ["-c", `user.name=${BOT_NAME}`, "-c", `user.email=${BOT_EMAIL}`, "commit-tree", tree, "-m", message];
    if (parent) args.push("-p", parent);
    return (await this.git.exec(args)).trim();
  }
};
function parseLedger(text) {
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = ledgerRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
    }
  }
  return out;
}

// src/charts.ts
function costPerIteration(calls) {
  const out = [];
  let current;
  let previousRole;
  for (const c of calls) {
    if (!current || c.role === "drafter" && previousRole === "reviewer") {
      current = { iteration: out.length + 1, drafterUsd: 0, reviewerUsd: 0 };
      out.push(current);
    }
    if (c.role === "drafter") current.drafterUsd += c.costUsd;
    else current.reviewerUsd += c.costUsd;
    previousRole = c.role;
  }
  return out;
}
function axisMax(values) {
  const max = Math.max(0, ...values);
  if (max === 0) return 0.01;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max * 1.1 / magnitude) * magnitude;
}
var n = (x) => String(Math.round(x * 1e4) / 1e4);
function iterationChart(iterations) {
  if (iterations.length === 0) return "";
  const d = iterations.map((i) => i.drafterUsd);
  const r = iterations.map((i) => i.reviewerUsd);
  return [
    "```mermaid",
    "xychart-beta",
    '    title "Cost per iteration, USD (bars: drafter, line: reviewer)"',
    `    x-axis [${iterations.map((i) => `"${i.iteration}"`).join(", ")}]`,
    `    y-axis "USD" 0 --> ${n(axisMax([...d, ...r]))}`,
    `    bar [${d.map(n).join(", ")}]`,
    `    line [${r.map(n).join(", ")}]`,
    "```"
  ].join("\n");
}
function barChart(title, bars) {
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${title.replace(/"/g, "'")}"`,
    `    x-axis [${bars.map(([l]) => `"${l.replace(/"/g, "'")}"`).join(", ")}]`,
    `    y-axis "USD" 0 --> ${n(axisMax(bars.map(([, v]) => v)))}`,
    `    bar [${bars.map(([, v]) => n(v)).join(", ")}]`,
    "```"
  ].join("\n");
}

// src/cost/usd.ts
function usd(n2) {
  if (n2 === 0) return "$0";
  return n2 < 0.01 ? `$${n2.toFixed(4)}` : `$${n2.toFixed(n2 < 1 ? 3 : 2)}`;
}

// src/cost/model-name.ts
function modelName(id) {
  const model = id.slice(id.indexOf(":") + 1);
  const claude = /^claude-([a-z]+)-(\d+)(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(model);
  if (claude) {
    const family = claude[1].charAt(0).toUpperCase() + claude[1].slice(1);
    return `${family} ${claude[2]}${claude[3] ? `.${claude[3]}` : ""}`;
  }
  return model;
}

// src/cost/baselines.ts
function signedChange(savingsPct) {
  if (savingsPct === 0) return "\xB10%";
  return savingsPct > 0 ? `\u2212${savingsPct}%` : `+${-savingsPct}%`;
}
function premiumOnlyWords(t, reviewer) {
  return `At ${modelName(reviewer)} prices: ${usd(t.premiumOnlyCostUsd)} (${signedChange(t.savingsPct)})`;
}
function premiumAloneWords(t, reviewer) {
  return `${modelName(reviewer)} drafting alone, no review: ${usd(t.premiumAloneCostUsd)} (${signedChange(t.savingsVsAlonePct)})`;
}
function dearerThanAlone(t) {
  return t.premiumAloneCostUsd > 0 && t.costUsd > t.premiumAloneCostUsd;
}
function dearerWords(t, reviewer) {
  if (!dearerThanAlone(t)) return "";
  return `This run cost ${-t.savingsVsAlonePct}% more than ${modelName(reviewer)} drafting alone with no review would have (${usd(t.costUsd)} vs ${usd(t.premiumAloneCostUsd)}).`;
}
function costLine(t, reviewer) {
  return `Cost ${usd(t.costUsd)} \xB7 ${premiumOnlyWords(t, reviewer)} \xB7 ${premiumAloneWords(t, reviewer)}`;
}

export {
  BOT_EMAIL,
  GitError,
  Git,
  LeaseLost,
  statsOf,
  verdictWords,
  categoryOf,
  sameKind,
  pct,
  chooseStartTier,
  Ledger,
  costPerIteration,
  iterationChart,
  barChart,
  usd,
  modelName,
  signedChange,
  premiumOnlyWords,
  premiumAloneWords,
  dearerWords,
  costLine
};
