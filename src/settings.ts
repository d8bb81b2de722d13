// Reads every input once into one typed, validated object. Nothing else reads inputs.
// A bad input throws InputError naming the input, before anything is spent.
import * as z from 'zod'
import { mergePrices, priceOf, type Price, type PriceOverride, type PriceTable } from './pricing'
import type { Effort } from './providers/types'

export type Provider = 'anthropic' | 'openai'
export const PROVIDERS: readonly Provider[] = ['anthropic', 'openai']

export interface ModelRef {
  /** `provider:model`, as the user wrote it and as reports name it. */
  id: string
  provider: Provider
  model: string
  price: Price
}

export interface ProviderSettings {
  apiKey: string
  baseUrl?: string
}

export interface Settings {
  githubToken: string
  label: string
  testsLabel: string
  issueNumber?: number
  /** The escalation ladder, cheapest first; the first entry drafts unless escalated. */
  drafters: ModelRef[]
  reviewer: ModelRef
  /** A cheap triage call before the first draft names the kind of task and the tier to start on. */
  triage: boolean
  /** The triage's model: the first drafter tier unless named. */
  triageModel: ModelRef
  /** The reviewer's thinking effort, for the models that take one: thinking is billed as output. */
  reviewerEffort: Effort
  anthropic: ProviderSettings
  openai: ProviderSettings
  maxIterations: number
  maxCostUsd: number
  testCommand: string
  testTimeoutSeconds: number
  testPaths: string[]
  protectedPaths: string[]
  prices: PriceTable
  baseBranch?: string
  /** A diff longer than this is not sent for review. */
  maxDiffLines: number
  /** One model request attempt (the SDKs retry 429/5xx/timeouts on their own). */
  modelTimeoutSeconds: number
  /** The whole run: it stops cleanly, keeping its work, well inside the job's timeout. */
  runTimeoutMinutes: number
  /** `run` works on an issue; `report` writes the ledger's report to the job summary. */
  command: 'run' | 'report'
  /** Labels that name a kind of task; an issue's first such label is its category. */
  categoryLabels: string[]
  /** Keep one record per run on the `draft-review/ledger` branch. */
  ledger: boolean
  /** Start on the next drafter tier when the category's recent reject rate is above the threshold. */
  routeByHistory: boolean
  routeRejectThreshold: number
  routeWindow: number
  /** Rejections on one drafter tier before the ladder moves to the next. */
  escalateAfter: number
  /** A comment whose first word is this asks for another round. */
  commentCommand: string
  /** Take the triggering label off the issue at the end of a label run, so adding it again runs again. */
  removeLabel: boolean
  /** Most tokens one request may use (input plus max_tokens); undefined: the model's own window. */
  contextTokens?: number
  /** Run the test command in its own namespaces, away from the job's secrets and network. */
  testSandbox: boolean
}

export const DEFAULT_TEST_PATHS = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*',
  '**/test_*.*',
  '**/__tests__/**',
  '**/__snapshots__/**',
  'test/**',
  'tests/**',
  'spec/**',
  '**/test/**',
  '**/tests/**',
  '**/spec/**',
  '**/testdata/**',
  '**/fixtures/**'
]

export const DEFAULTS = {
  label: 'draft-review',
  testsLabel: 'draft-review:tests',
  drafterModel: 'anthropic:claude-haiku-5-5,anthropic:claude-sonnet-5-5',
  reviewerModel: 'anthropic:claude-opus-5-5',
  reviewerEffort: 'medium',
  commentCommand: '/draft-review',
  maxIterations: 3,
  maxCostUsd: 2,
  maxDiffLines: 2000,
  modelTimeoutSeconds: 300,
  runTimeoutMinutes: 45,
  routeRejectThreshold: 0.6,
  routeWindow: 10,
  escalateAfter: 2,
  testTimeoutSeconds: 600,
  protectedPaths: ['.github/workflows/**']
} as const

export class InputError extends Error {
  constructor(
    readonly input: string,
    message: string
  ) {
    super(`Input '${input}': ${message}`)
    this.name = 'InputError'
  }
}

/** Reads one input's raw text; '' when unset. `core.getInput` in the action. */
export type InputReader = (name: string) => string

export function readSettings(read: InputReader): Settings {
  const get = (name: string): string => read(name).trim()
  const prices = mergePrices(parsePrices(get('prices')))
  const drafters = parseModelList('drafter-model', get('drafter-model') || DEFAULTS.drafterModel, prices)
  const reviewer = parseModelList('reviewer-model', get('reviewer-model') || DEFAULTS.reviewerModel, prices)
  if (reviewer.length !== 1) throw new InputError('reviewer-model', 'name exactly one model, as provider:model.')
  const triage = bool('triage', get('triage') || 'true')
  const triageModels = get('triage-model') ? parseModelList('triage-model', get('triage-model'), prices) : [drafters[0]!]
  if (triageModels.length !== 1) throw new InputError('triage-model', 'name exactly one model, as provider:model.')
  const anthropic = providerSettings('anthropic', get)
  const openai = providerSettings('openai', get)
  const command = oneOf('command', get('command') || 'run', ['run', 'report'] as const)
  const issue = get('issue-number')
  return {
    githubToken: get('github-token'),
    label: get('label') || DEFAULTS.label,
    testsLabel: get('tests-label') || DEFAULTS.testsLabel,
    issueNumber: issue ? positiveInt('issue-number', issue) : undefined,
    drafters,
    reviewer: reviewer[0]!,
    triage,
    triageModel: triageModels[0]!,
    reviewerEffort: oneOf('reviewer-effort', get('reviewer-effort') || DEFAULTS.reviewerEffort, ['low', 'medium', 'high'] as const),
    anthropic,
    openai,
    maxIterations: positiveInt('max-iterations', get('max-iterations') || String(DEFAULTS.maxIterations)),
    maxCostUsd: positiveNumber('max-cost-usd', get('max-cost-usd') || String(DEFAULTS.maxCostUsd)),
    testCommand: get('test-command'),
    testTimeoutSeconds: positiveNumber(
      'test-timeout-seconds',
      get('test-timeout-seconds') || String(DEFAULTS.testTimeoutSeconds)
    ),
    testPaths: globList(get('test-paths'), DEFAULT_TEST_PATHS),
    protectedPaths: globList(get('protected-paths'), DEFAULTS.protectedPaths),
    prices,
    baseBranch: get('base-branch') || undefined,
    maxDiffLines: positiveInt('max-diff-lines', get('max-diff-lines') || String(DEFAULTS.maxDiffLines)),
    modelTimeoutSeconds: positiveNumber('model-timeout-seconds', get('model-timeout-seconds') || String(DEFAULTS.modelTimeoutSeconds)),
    runTimeoutMinutes: positiveNumber('run-timeout-minutes', get('run-timeout-minutes') || String(DEFAULTS.runTimeoutMinutes)),
    command,
    categoryLabels: globList(get('category-labels'), []),
    ledger: bool('ledger', get('ledger') || 'true'),
    routeByHistory: bool('route-by-history', get('route-by-history') || 'true'),
    routeRejectThreshold: fraction('route-reject-threshold', get('route-reject-threshold') || String(DEFAULTS.routeRejectThreshold)),
    routeWindow: positiveInt('route-window', get('route-window') || String(DEFAULTS.routeWindow)),
    escalateAfter: positiveInt('escalate-after', get('escalate-after') || String(DEFAULTS.escalateAfter)),
    commentCommand: commandWord(get('comment-command') || DEFAULTS.commentCommand),
    removeLabel: bool('remove-label', get('remove-label') || 'true'),
    contextTokens: get('context-tokens') ? positiveInt('context-tokens', get('context-tokens')) : undefined,
    testSandbox: bool('test-sandbox', get('test-sandbox') || 'true')
  }
}

/**
 * A run that calls a model needs a key for every provider it uses. Checked once the run is
 * certain to call one (after the trigger decision and the permission checks), still before
 * anything is spent: a skipped trigger or `command: report` calls no model and needs no key.
 */
export function requireProviderKeys(s: Settings): void {
  const inUse = new Set([...s.drafters, s.reviewer, ...(s.triage ? [s.triageModel] : [])].map((m) => m.provider))
  for (const p of inUse) {
    const ps = p === 'anthropic' ? s.anthropic : s.openai
    // A local OpenAI-compatible server (Ollama, llama.cpp) takes no key: a base URL stands in.
    const keyOptional = p === 'openai' && ps.baseUrl !== undefined
    if (!ps.apiKey && !keyOptional) {
      throw new InputError(`${p}-api-key`, `is empty, but provider '${p}' is used by ${whoUses(p, s.drafters, s.reviewer, s.triage ? s.triageModel : undefined)}.`)
    }
  }
}

/**
 * Every secret the settings hold: registered with the runner and redacted everywhere.
 * The token also in the base64 form actions/checkout writes into .git/config, which
 * a test command could print.
 */
export function secretsOf(s: Settings): string[] {
  const raw = [s.githubToken, s.anthropic.apiKey, s.openai.apiKey].filter((v) => v.length > 0)
  const encoded = s.githubToken ? [Buffer.from(`x-access-token:${s.githubToken}`).toString('base64')] : []
  return [...raw, ...encoded]
}

function providerSettings(p: Provider, get: (name: string) => string): ProviderSettings {
  const baseUrl = get(`${p}-base-url`)
  if (baseUrl) {
    let url: URL
    try {
      url = new URL(baseUrl)
    } catch {
      throw new InputError(`${p}-base-url`, `'${baseUrl}' is not a URL.`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new InputError(`${p}-base-url`, `must be an http(s) URL, not '${url.protocol}'.`)
    }
  }
  return { apiKey: get(`${p}-api-key`), baseUrl: baseUrl ? baseUrl.replace(/\/+$/, '') : undefined }
}

function whoUses(p: Provider, drafters: ModelRef[], reviewer: ModelRef, triage?: ModelRef): string {
  const roles = []
  if (drafters.some((d) => d.provider === p)) roles.push('drafter-model')
  if (reviewer.provider === p) roles.push('reviewer-model')
  if (triage?.provider === p && !drafters.some((d) => d.provider === p)) roles.push('triage-model')
  return roles.join(' and ')
}

export function parseModelList(input: string, raw: string, prices: PriceTable): ModelRef[] {
  const ids = raw
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
  if (ids.length === 0) throw new InputError(input, 'names no model; use provider:model.')
  return ids.map((id) => parseModel(input, id, prices))
}

function parseModel(input: string, id: string, prices: PriceTable): ModelRef {
  const colon = id.indexOf(':')
  const provider = colon > 0 ? id.slice(0, colon) : ''
  const model = colon > 0 ? id.slice(colon + 1) : ''
  if (!provider || !model) {
    throw new InputError(input, `'${id}' is not of the form provider:model (for example anthropic:claude-sonnet-4-6).`)
  }
  if (!PROVIDERS.includes(provider as Provider)) {
    throw new InputError(input, `unknown provider '${provider}' in '${id}'; use one of: ${PROVIDERS.join(', ')}.`)
  }
  const price = priceOf(prices, id)
  if (!price) {
    throw new InputError(
      input,
      `no price is known for '${id}'. Add its list prices (US dollars per million tokens) to the ` +
        `'prices' input, for example prices: '{"${id}": {"input": 0.3, "output": 1.2}}'; ` +
        'a price of 0 counts its tokens as free, so only a model on your own machine should have it.'
    )
  }
  return { id, provider: provider as Provider, model, price }
}

const priceNumber = z.number().finite().nonnegative()
const priceOverride = z
  .object({ input: priceNumber, output: priceNumber, cacheRead: priceNumber.optional(), cacheWrite: priceNumber.optional() })
  .strict()

export function parsePrices(raw: string): Record<string, PriceOverride> {
  if (!raw) return {}
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    throw new InputError('prices', `is not valid JSON (${(e as Error).message}).`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new InputError('prices', 'must be a JSON object: {"provider:model": {"input": 3, "output": 15}}.')
  }
  const out: Record<string, PriceOverride> = {}
  for (const [id, value] of Object.entries(json)) {
    if (!/^[a-z]+:.+/.test(id)) throw new InputError('prices', `key '${id}' is not of the form provider:model.`)
    const parsed = priceOverride.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? `.${issue.path.join('.')}` : ''
      throw new InputError(
        'prices',
        `'${id}'${where}: ${issue?.message ?? 'invalid'}; each entry is {"input": n, "output": n, "cacheRead"?: n, "cacheWrite"?: n} in US dollars per million tokens.`
      )
    }
    out[id] = parsed.data
  }
  return out
}

function positiveInt(input: string, raw: string): number {
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1) {
    throw new InputError(input, `'${raw}' is not a whole number of at least 1.`)
  }
  return n
}

function positiveNumber(input: string, raw: string): number {
  const n = Number(raw)
  if (raw === '' || !Number.isFinite(n) || n <= 0) throw new InputError(input, `'${raw}' is not a number greater than 0.`)
  return n
}

function bool(input: string, raw: string): boolean {
  // The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(input, `'${raw}' is not true or false.`)
}

function fraction(input: string, raw: string): number {
  const n = Number(raw)
  if (raw === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InputError(input, `'${raw}' is not a number from 0 to 1.`)
  return n
}

function oneOf<T extends string>(input: string, raw: string, values: readonly T[]): T {
  if (!values.includes(raw as T)) throw new InputError(input, `'${raw}' is not one of: ${values.join(', ')}.`)
  return raw as T
}

/** One word, matched case-insensitively at the start of a comment. */
function commandWord(raw: string): string {
  if (/\s/.test(raw)) throw new InputError('comment-command', `'${raw}' must be a single word, such as /draft-review.`)
  return raw
}

/** Globs are given one per line or comma-separated; empty means the default list. */
function globList(raw: string, fallback: readonly string[]): string[] {
  const list = raw
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean)
  return list.length > 0 ? list : [...fallback]
}
