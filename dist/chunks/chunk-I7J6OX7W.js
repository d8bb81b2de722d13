#!/usr/bin/env node
import { createRequire as __draftReviewCreateRequire } from 'node:module';
const require = __draftReviewCreateRequire(import.meta.url);
import {
  mergePrices,
  number,
  object,
  priceOf
} from "./chunk-QMV6HTJ4.js";

// src/settings.ts
var PROVIDERS = ["anthropic", "openai"];
var DEFAULT_TEST_PATHS = [
  "**/*.test.*",
  "**/*.spec.*",
  "**/*_test.*",
  "**/test_*.*",
  "**/__tests__/**",
  "**/__snapshots__/**",
  "test/**",
  "tests/**",
  "spec/**",
  "**/test/**",
  "**/tests/**",
  "**/spec/**",
  "**/testdata/**",
  "**/fixtures/**"
];
var DEFAULTS = {
  label: "draft-review",
  testsLabel: "draft-review:tests",
  drafterModel: "anthropic:claude-haiku-5-5,anthropic:claude-sonnet-5-5",
  reviewerModel: "anthropic:claude-opus-5-5",
  reviewerEffort: "medium",
  commentCommand: "/draft-review",
  maxIterations: 3,
  maxCostUsd: 2,
  maxDiffLines: 2e3,
  modelTimeoutSeconds: 300,
  runTimeoutMinutes: 45,
  routeRejectThreshold: 0.6,
  routeWindow: 10,
  escalateAfter: 2,
  testTimeoutSeconds: 600,
  protectedPaths: [".github/workflows/**"]
};
var InputError = class extends Error {
  constructor(input, message) {
    super(`Input '${input}': ${message}`);
    this.input = input;
    this.name = "InputError";
  }
  input;
};
function readSettings(read) {
  const get = (name) => read(name).trim();
  const prices = mergePrices(parsePrices(get("prices")));
  const drafters = parseModelList("drafter-model", get("drafter-model") || DEFAULTS.drafterModel, prices);
  const reviewer = parseModelList("reviewer-model", get("reviewer-model") || DEFAULTS.reviewerModel, prices);
  if (reviewer.length !== 1) throw new InputError("reviewer-model", "name exactly one model, as provider:model.");
  const triage = bool("triage", get("triage") || "true");
  const triageModels = get("triage-model") ? parseModelList("triage-model", get("triage-model"), prices) : [drafters[0]];
  if (triageModels.length !== 1) throw new InputError("triage-model", "name exactly one model, as provider:model.");
  const anthropic = providerSettings("anthropic", get);
  const openai = providerSettings("openai", get);
  const command = oneOf("command", get("command") || "run", ["run", "report"]);
  const issue = get("issue-number");
  return {
    githubToken: get("github-token"),
    label: get("label") || DEFAULTS.label,
    testsLabel: get("tests-label") || DEFAULTS.testsLabel,
    issueNumber: issue ? positiveInt("issue-number", issue) : void 0,
    drafters,
    reviewer: reviewer[0],
    triage,
    triageModel: triageModels[0],
    reviewerEffort: oneOf("reviewer-effort", get("reviewer-effort") || DEFAULTS.reviewerEffort, ["low", "medium", "high"]),
    anthropic,
    openai,
    maxIterations: positiveInt("max-iterations", get("max-iterations") || String(DEFAULTS.maxIterations)),
    maxCostUsd: positiveNumber("max-cost-usd", get("max-cost-usd") || String(DEFAULTS.maxCostUsd)),
    testCommand: get("test-command"),
    testTimeoutSeconds: positiveNumber(
      "test-timeout-seconds",
      get("test-timeout-seconds") || String(DEFAULTS.testTimeoutSeconds)
    ),
    testPaths: globList(get("test-paths"), DEFAULT_TEST_PATHS),
    protectedPaths: globList(get("protected-paths"), DEFAULTS.protectedPaths),
    prices,
    baseBranch: get("base-branch") || void 0,
    maxDiffLines: positiveInt("max-diff-lines", get("max-diff-lines") || String(DEFAULTS.maxDiffLines)),
    modelTimeoutSeconds: positiveNumber("model-timeout-seconds", get("model-timeout-seconds") || String(DEFAULTS.modelTimeoutSeconds)),
    runTimeoutMinutes: positiveNumber("run-timeout-minutes", get("run-timeout-minutes") || String(DEFAULTS.runTimeoutMinutes)),
    command,
    categoryLabels: globList(get("category-labels"), []),
    ledger: bool("ledger", get("ledger") || "true"),
    routeByHistory: bool("route-by-history", get("route-by-history") || "true"),
    routeRejectThreshold: fraction("route-reject-threshold", get("route-reject-threshold") || String(DEFAULTS.routeRejectThreshold)),
    routeWindow: positiveInt("route-window", get("route-window") || String(DEFAULTS.routeWindow)),
    escalateAfter: positiveInt("escalate-after", get("escalate-after") || String(DEFAULTS.escalateAfter)),
    commentCommand: commandWord(get("comment-command") || DEFAULTS.commentCommand),
    removeLabel: bool("remove-label", get("remove-label") || "true"),
    contextTokens: get("context-tokens") ? positiveInt("context-tokens", get("context-tokens")) : void 0,
    testSandbox: bool("test-sandbox", get("test-sandbox") || "true")
  };
}
function requireProviderKeys(s) {
  const inUse = new Set([...s.drafters, s.reviewer, ...s.triage ? [s.triageModel] : []].map((m) => m.provider));
  for (const p of inUse) {
    const ps = p === "anthropic" ? s.anthropic : s.openai;
    const keyOptional = p === "openai" && ps.baseUrl !== void 0;
    if (!ps.apiKey && !keyOptional) {
      throw new InputError(`${p}-api-key`, `is empty, but provider '${p}' is used by ${whoUses(p, s.drafters, s.reviewer, s.triage ? s.triageModel : void 0)}.`);
    }
  }
}
function secretsOf(s) {
  const raw = [s.githubToken, s.anthropic.apiKey, s.openai.apiKey].filter((v) => v.length > 0);
  const encoded = s.githubToken ? [Buffer.from(`x-access-token:${s.githubToken}`).toString("base64")] : [];
  return [...raw, ...encoded];
}
function providerSettings(p, get) {
  const baseUrl = get(`${p}-base-url`);
  if (baseUrl) {
    let url;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new InputError(`${p}-base-url`, `'${baseUrl}' is not a URL.`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new InputError(`${p}-base-url`, `must be an http(s) URL, not '${url.protocol}'.`);
    }
  }
  return { apiKey: get(`${p}-api-key`), baseUrl: baseUrl ? baseUrl.replace(/\/+$/, "") : void 0 };
}
function whoUses(p, drafters, reviewer, triage) {
  const roles = [];
  if (drafters.some((d) => d.provider === p)) roles.push("drafter-model");
  if (reviewer.provider === p) roles.push("reviewer-model");
  if (triage?.provider === p && !drafters.some((d) => d.provider === p)) roles.push("triage-model");
  return roles.join(" and ");
}
function parseModelList(input, raw, prices) {
  const ids = raw.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
  if (ids.length === 0) throw new InputError(input, "names no model; use provider:model.");
  return ids.map((id) => parseModel(input, id, prices));
}
function parseModel(input, id, prices) {
  const colon = id.indexOf(":");
  const provider = colon > 0 ? id.slice(0, colon) : "";
  const model = colon > 0 ? id.slice(colon + 1) : "";
  if (!provider || !model) {
    throw new InputError(input, `'${id}' is not of the form provider:model (for example anthropic:claude-sonnet-4-6).`);
  }
  if (!PROVIDERS.includes(provider)) {
    throw new InputError(input, `unknown provider '${provider}' in '${id}'; use one of: ${PROVIDERS.join(", ")}.`);
  }
  const price = priceOf(prices, id);
  if (!price) {
    throw new InputError(
      input,
      `no price is known for '${id}'. Add its list prices (US dollars per million tokens) to the 'prices' input, for example prices: '{"${id}": {"input": 0.3, "output": 1.2}}'; a price of 0 counts its tokens as free, so only a model on your own machine should have it.`
    );
  }
  return { id, provider, model, price };
}
var priceNumber = number().finite().nonnegative();
var priceOverride = object({ input: priceNumber, output: priceNumber, cacheRead: priceNumber.optional(), cacheWrite: priceNumber.optional() }).strict();
function parsePrices(raw) {
  if (!raw) return {};
  let json;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    throw new InputError("prices", `is not valid JSON (${e.message}).`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError("prices", 'must be a JSON object: {"provider:model": {"input": 3, "output": 15}}.');
  }
  const out = {};
  for (const [id, value] of Object.entries(json)) {
    if (!/^[a-z]+:.+/.test(id)) throw new InputError("prices", `key '${id}' is not of the form provider:model.`);
    const parsed = priceOverride.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `.${issue.path.join(".")}` : "";
      throw new InputError(
        "prices",
        `'${id}'${where}: ${issue?.message ?? "invalid"}; each entry is {"input": n, "output": n, "cacheRead"?: n, "cacheWrite"?: n} in US dollars per million tokens.`
      );
    }
    out[id] = parsed.data;
  }
  return out;
}
function positiveInt(input, raw) {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError(input, `'${raw}' is not a whole number of at least 1.`);
  }
  return n;
}
function positiveNumber(input, raw) {
  const n = Number(raw);
  if (raw === "" || !Number.isFinite(n) || n <= 0) throw new InputError(input, `'${raw}' is not a number greater than 0.`);
  return n;
}
function bool(input, raw) {
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new InputError(input, `'${raw}' is not true or false.`);
}
function fraction(input, raw) {
  const n = Number(raw);
  if (raw === "" || !Number.isFinite(n) || n < 0 || n > 1) throw new InputError(input, `'${raw}' is not a number from 0 to 1.`);
  return n;
}
function oneOf(input, raw, values) {
  if (!values.includes(raw)) throw new InputError(input, `'${raw}' is not one of: ${values.join(", ")}.`);
  return raw;
}
function commandWord(raw) {
  if (/\s/.test(raw)) throw new InputError("comment-command", `'${raw}' must be a single word, such as /draft-review.`);
  return raw;
}
function globList(raw, fallback) {
  const list = raw.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
  return list.length > 0 ? list : [...fallback];
}

// src/triggers/decision.ts
var WRITE_PERMISSIONS = ["admin", "maintain", "write"];
function branchFor(issue) {
  return `draft-review/issue-${issue}`;
}
function issueOfBranch(ref) {
  const m = /^draft-review\/issue-([1-9]\d*)$/.exec(ref);
  return m ? Number(m[1]) : void 0;
}

// src/triggers/context.ts
import { readFileSync } from "node:fs";
function readRunContext(env) {
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo] = repository.split("/");
  if (!owner || !repo) throw new Error("GITHUB_REPOSITORY is not set to owner/name: is this running in GitHub Actions?");
  const eventPath = env.GITHUB_EVENT_PATH;
  let payload = {};
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, "utf8"));
    } catch (e) {
      throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH (${e.message}).`);
    }
  }
  const serverUrl = (env.GITHUB_SERVER_URL || "https://github.com").replace(/\/+$/, "");
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : void 0;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    payload,
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    serverUrl,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runId: env.GITHUB_RUN_ID,
    runUrl
  };
}
function defaultBranchOf(ctx) {
  const repo = ctx.payload.repository;
  const branch = repo?.default_branch;
  if (typeof branch !== "string" || branch === "") return void 0;
  return String(repo.full_name ?? "").toLowerCase() === `${ctx.owner}/${ctx.repo}`.toLowerCase() ? branch : void 0;
}

// src/triggers/command.ts
function commandText(body, command) {
  const text = body.replace(/^\s+/, "");
  const word = /^\S+/.exec(text)?.[0] ?? "";
  if (word.toLowerCase() !== command.toLowerCase()) return void 0;
  return text.slice(word.length).trim();
}

// src/triggers/comment.ts
function decideComment({ payload, settings, sender, senderType }) {
  if (payload.action !== "created") return { kind: "ignore", reason: `issue_comment event '${payload.action}' is not 'created' (an edited comment asks for nothing)` };
  const comment = payload.comment ?? {};
  const author = String(comment.user?.login ?? "");
  if (comment.user?.type === "Bot") return { kind: "ignore", reason: `the comment is by the bot ${author}; draft-review never answers a bot` };
  const text = commandText(String(comment.body ?? ""), settings.commentCommand);
  if (text === void 0) return { kind: "ignore", reason: `the comment does not start with ${settings.commentCommand}` };
  const number2 = Number(payload.issue?.number);
  if (!Number.isInteger(number2) || number2 < 1) return { kind: "ignore", reason: "the event names no issue" };
  const request = { source: "comment", id: Number(comment.id), nodeId: String(comment.node_id ?? ""), author, text, url: comment.html_url };
  if (payload.issue?.pull_request) return { kind: "run", trigger: "comment", pullNumber: number2, sender, senderType, request };
  return { kind: "run", trigger: "comment", issueNumber: number2, sender, senderType, request };
}

// src/triggers/label.ts
function decideLabel({ payload, settings, sender, senderType }) {
  if (payload.action !== "labeled") return { kind: "ignore", reason: `issues event '${payload.action}' is not 'labeled'` };
  const added = String(payload.label?.name ?? "");
  const mode = added === settings.label ? "changes" : added === settings.testsLabel ? "tests" : void 0;
  if (!mode) return { kind: "ignore", reason: `label '${added}' is neither '${settings.label}' nor '${settings.testsLabel}'` };
  const number2 = Number(payload.issue?.number);
  if (!Number.isInteger(number2) || number2 < 1) return { kind: "ignore", reason: "the event names no issue" };
  if (payload.issue?.pull_request) return { kind: "ignore", reason: `#${number2} is a pull request, not an issue` };
  return { kind: "run", trigger: "label", issueNumber: number2, sender, senderType, mode, label: added };
}
function decideDispatch({ payload, sender, senderType }, issueInput) {
  const fromInputs = Number(payload.inputs?.["issue-number"] ?? payload.inputs?.issue_number ?? NaN);
  const number2 = issueInput ?? (Number.isInteger(fromInputs) && fromInputs > 0 ? fromInputs : void 0);
  if (!number2) throw new InputError("issue-number", "is required for workflow_dispatch runs: name the issue to work on.");
  return { kind: "run", trigger: "dispatch", issueNumber: number2, sender, senderType };
}

// src/triggers/review.ts
function decideReview({ payload, sender, senderType, repository }) {
  if (payload.action !== "submitted") return { kind: "ignore", reason: `pull_request_review event '${payload.action}' is not 'submitted'` };
  const review = payload.review ?? {};
  const state = String(review.state ?? "").toLowerCase();
  if (state !== "changes_requested") return { kind: "ignore", reason: `the review's state is '${state}', not 'changes_requested'` };
  const author = String(review.user?.login ?? "");
  if (review.user?.type === "Bot") return { kind: "ignore", reason: `the review is by the bot ${author}; draft-review never answers a bot` };
  const pr = payload.pull_request ?? {};
  const head = String(pr.head?.ref ?? "");
  const issueNumber = issueOfBranch(head);
  const headRepo = String(pr.head?.repo?.full_name ?? "");
  if (issueNumber === void 0 || headRepo.toLowerCase() !== repository.toLowerCase()) {
    return { kind: "ignore", reason: `pull request #${pr.number} (head ${headRepo}:${head}) is not one draft-review opened` };
  }
  const request = { source: "review", id: Number(review.id), nodeId: String(review.node_id ?? ""), author, text: String(review.body ?? ""), url: review.html_url };
  return { kind: "run", trigger: "review", issueNumber, pullNumber: Number(pr.number), sender, senderType, request };
}

// src/triggers/index.ts
function decideTrigger(ctx, settings, issueInput) {
  const input = {
    payload: ctx.payload,
    settings: { ...settings, commentCommand: settings.commentCommand ?? "/draft-review" },
    sender: String(ctx.payload.sender?.login ?? ""),
    senderType: String(ctx.payload.sender?.type ?? "User"),
    repository: ctx.owner && ctx.repo ? `${ctx.owner}/${ctx.repo}` : String(ctx.payload.repository?.full_name ?? "")
  };
  switch (ctx.eventName) {
    case "issues":
      return decideLabel(input);
    case "workflow_dispatch":
      return decideDispatch(input, issueInput);
    case "issue_comment":
      return decideComment(input);
    case "pull_request_review":
      return decideReview(input);
  }
  if (issueInput) return { kind: "run", trigger: "dispatch", issueNumber: issueInput, sender: input.sender, senderType: input.senderType };
  return { kind: "ignore", reason: `event '${ctx.eventName}' does not start a run (use issues: labeled, issue_comment, pull_request_review or workflow_dispatch)` };
}
function modeFromLabels(labels, testsLabel) {
  return labels.includes(testsLabel) ? "tests" : "changes";
}

// src/secrets.ts
var MIN_SECRET_LENGTH = 6;
var MIN_FORM_LENGTH = 8;
var MIN_WRAPPED_LENGTH = 12;
function formsOf(secret) {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [secret];
  const hex = bytes.toString("hex");
  forms.push(hex, hex.toUpperCase());
  for (let offset = 0; offset < 3; offset++) {
    const core = base64Core(bytes, offset);
    forms.push(core, core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  forms.push(encodeURIComponent(secret));
  const pct = [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  forms.push(pct, pct.toUpperCase());
  forms.push([...secret].reverse().join(""));
  return [...new Set(forms.filter((f, i) => i === 0 || f.length >= MIN_FORM_LENGTH))];
}
function base64Core(bytes, offset) {
  const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
  const whole = Math.floor(padded.length / 3) * 4;
  return padded.toString("base64").slice(offset > 0 ? 4 : 0, whole);
}
function makeRedactor(secrets) {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))];
  if (values.length === 0) return (t) => t;
  const forms = [...new Set(values.flatMap(formsOf))].sort((a, b) => b.length - a.length);
  const wrapped = forms.filter((f) => f.length >= MIN_WRAPPED_LENGTH);
  return (text) => {
    let out = text;
    for (const f of forms) if (out.includes(f)) out = out.split(f).join("***");
    if (/\s/.test(out)) {
      const squeezed = out.replace(/\s+/g, "");
      for (const f of wrapped) {
        if (squeezed.includes(f)) out = out.replace(new RegExp([...f].map(escapeRegExp).join("\\s*"), "g"), "***");
      }
    }
    return out;
  };
}
function escapeRegExp(c) {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
var ENV_SECRETS = ["ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"];
function secretsOfEnv(env) {
  return ENV_SECRETS.map((n) => env[n] ?? "").filter((v) => v.length >= MIN_SECRET_LENGTH);
}
var DROP_NAMES = /^(INPUT_.*|GITHUB_TOKEN|GH_TOKEN|ACTIONS_.*|ANTHROPIC_.*|OPENAI_.*|GITHUB_(ENV|OUTPUT|PATH|STATE|STEP_SUMMARY)|GIT_CONFIG_.*|GIT_ASKPASS|SSH_ASKPASS|SSH_AUTH_SOCK)$/i;
function scrubEnv(env, secrets) {
  const redact = makeRedactor(secrets);
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === void 0 || DROP_NAMES.test(name)) continue;
    if (redact(value) !== value) continue;
    out[name] = value;
  }
  return out;
}

export {
  makeRedactor,
  secretsOfEnv,
  scrubEnv,
  InputError,
  readSettings,
  requireProviderKeys,
  secretsOf,
  WRITE_PERMISSIONS,
  branchFor,
  issueOfBranch,
  readRunContext,
  defaultBranchOf,
  decideTrigger,
  modeFromLabels
};
