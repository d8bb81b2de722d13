// 7. Long sessions: a 40-turn exploration (38 reads of large files, the fix, finish) on
// an Anthropic model and on an OpenAI-compatible server with a 16K window, both
// enforcing their windows with the strict tokenizer (o200k x 1.3). Reports the largest
// request, the billed input with compaction (as run) and without (the same session's
// messages, each counted once at first sight, replayed with ideal caching), the cache
// read share and the cost. BENCH_ACTION=path/to/old/dist/index.js runs an older bundle.
import { startWorld } from '../emulators/harness'
import type { EmulatorTurn, SeenRequest } from '../emulators/models'
import { anthropicBlockText, openaiMessageText, strictTokens } from '../emulators/models/tokenizer'
import { BUILT_IN_PRICES, costOf, type Price } from '../src/pricing'
import { callLines } from './action-run'
import { log } from './common'
import { ISSUE } from './gen-repo'
import { mulberry32, pick } from './prng'

const READS = 38

/** 40 large source files (600 lines of varied TypeScript, about 40 KB each), and the one file to fix. */
function longRepo(): Record<string, string> {
  const rng = mulberry32(40)
  const words = ['value', 'record', 'offset', 'stream', 'cursor', 'ledger', 'schema', 'tenant', 'window', 'buffer', 'packet', 'signal']
  const files: Record<string, string> = {
    'package.json': '{"name":"widgets","version":"1.0.0","scripts":{"test":"node test.js"}}\n',
    'src/math/sum.ts': 'export function sum(a: number, b: number): number {\n  return a - b\n}\n'
  }
  for (let f = 0; f < 40; f++) {
    const lines: string[] = []
    for (let i = 0; i < 600; i++) {
      const w = pick(rng, words)
      lines.push(i % 7 === 0 ? `// ${pick(rng, words)} ${pick(rng, words)} keeps the ${w} ${i} in step with its ${pick(rng, words)}` : `  const ${w}${i} = ${pick(rng, words)}(${Math.floor(rng() * 1000)}, '${pick(rng, words)}-${f}')`)
    }
    files[`packages/p${f}/src/module${f}.ts`] = lines.join('\n') + '\n'
  }
  return files
}

function script(): EmulatorTurn[] {
  const reads: EmulatorTurn[] = Array.from({ length: READS }, (_, i) => ({
    toolCalls: [{ name: 'read_file', input: { path: `packages/p${i}/src/module${i}.ts`, start_line: null, end_line: null } }]
  }))
  return [
    ...reads,
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/math/sum.ts', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'sum() now adds.' } }] }
  ]
}

/** A message's identity across compaction: its tool call ids, or its text. */
function messageKey(m: any, provider: 'anthropic' | 'openai'): string {
  if (provider === 'openai') {
    if (m.role === 'tool') return `result:${m.tool_call_id}`
    if (m.role === 'assistant' && m.tool_calls?.length) return `call:${m.tool_calls.map((c: any) => c.id).join(',')}`
    return `${m.role}:${typeof m.content === 'string' ? m.content : JSON.stringify(m.content)}`
  }
  const blocks: any[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content
  return blocks.map((b) => (b.type === 'tool_result' ? `result:${b.tool_use_id}` : b.type === 'tool_use' ? `call:${b.id}` : `${m.role}:${b.text ?? b.type}`)).join('|')
}

function messagesOf(r: SeenRequest, provider: 'anthropic' | 'openai'): any[] {
  return provider === 'anthropic' ? r.body.messages : r.body.messages.filter((m: any) => m.role !== 'system' && m.role !== 'developer')
}

const sizeOf = (m: any, provider: 'anthropic' | 'openai'): number =>
  strictTokens([provider === 'anthropic' ? (typeof m.content === 'string' ? m.content : m.content.map(anthropicBlockText).join('\n')) : openaiMessageText(m)])

/**
 * Each message counted once, at its first sight (before any stub replaced it), and per
 * request the tokens first seen in it: the session as it would be with nothing compacted.
 */
function uniqueGrowth(reqs: SeenRequest[], provider: 'anthropic' | 'openai'): number[] {
  const seen = new Set<string>()
  return reqs.map((r) => {
    let added = 0
    for (const m of messagesOf(r, provider)) {
      const key = messageKey(m, provider)
      if (seen.has(key)) continue
      seen.add(key)
      added += sizeOf(m, provider)
    }
    return added
  })
}

export interface LongSessionResult {
  label: string
  model: string
  window: number
  exitCode: number
  stopReason: string
  drafterCalls: number
  largestRequestTokens: number
  uniqueContentTokens: number
  billedInputTokens: number
  billedWeighted: number
  withoutCompactionWeighted: number
  /** The last prompt without compaction: what the window would have had to hold. */
  withoutCompactionLargest: number
  billedToUnique: number
  cacheReadShare: number
  costUsd: number
  compactions: number
  rejected: number
}

export async function longSession(provider: 'anthropic' | 'openai'): Promise<LongSessionResult> {
  const model = provider === 'anthropic' ? 'claude-haiku-5-5' : 'local-16k'
  const window = provider === 'anthropic' ? 1_000_000 : 16_000
  const world = await startWorld({ files: longRepo(), issue: ISSUE, contextWindows: { [model]: window }, openaiFlavor: 'openai' })
  try {
    world[provider].respond(model, script())
    world.anthropic.respond('claude-opus-4-8', [{ json: { verdict: 'approve', summary: 'Correct.', findings: [] } }])
    const price: Price = provider === 'anthropic' ? BUILT_IN_PRICES['anthropic:claude-haiku-5-5']! : { input: 0.2, output: 0.8, cacheRead: 0.02, cacheWrite: 0.25 }
    const inputs: Record<string, string> = { 'drafter-model': `${provider}:${model}`, 'max-cost-usd': '5' }
    if (provider === 'openai') inputs.prices = JSON.stringify({ [`openai:${model}`]: price })
    const run = await world.run({ inputs })
    const reqs = world[provider].requests.filter((r) => r.model === model)
    const calls = callLines(run.stdout).filter((c) => c.role === 'drafter')
    const ratioRead = price.cacheRead / price.input
    const ratioWrite = price.cacheWrite / price.input
    let billed = 0, weighted = 0, read = 0, cost = 0
    for (const c of calls) {
      billed += c.input + c.cacheRead + c.cacheWrite
      weighted += c.input + c.cacheRead * ratioRead + c.cacheWrite * ratioWrite
      read += c.cacheRead
      cost += costOf({ input: c.input, output: c.output, cacheRead: c.cacheRead, cacheWrite: c.cacheWrite }, price)
    }
    const growth = uniqueGrowth(reqs, provider)
    // System prompt and tools: the first prompt less its messages.
    const base = reqs[0] ? (reqs[0].promptTokens ?? 0) - growth[0]! : 0
    const unique = base + growth.reduce((a, b) => a + b, 0)
    // Without compaction: request i carries everything so far; an ideal cache reads the previous prompt and writes the rest.
    let without = 0
    let prev = 0
    let prefix = base
    for (const g of growth) {
      prefix += g
      without += prev * ratioRead + (prefix - prev) * ratioWrite
      prev = prefix
    }
    const rejected = world[provider].rejected.length
    const res: LongSessionResult = {
      label: provider === 'anthropic' ? 'Anthropic, claude-haiku-5-5 (1M window, 100K price band)' : 'OpenAI-compatible, 16K window',
      model: `${provider}:${model}`,
      window,
      exitCode: run.exitCode,
      stopReason: run.outputs['stop-reason'] ?? '',
      drafterCalls: calls.length,
      largestRequestTokens: Math.max(0, ...reqs.map((r) => (r.promptTokens ?? 0) + r.maxTokens)),
      uniqueContentTokens: unique,
      billedInputTokens: billed,
      billedWeighted: Math.round(weighted),
      withoutCompactionWeighted: Math.round(without),
      withoutCompactionLargest: prefix,
      billedToUnique: unique ? Math.round((weighted / unique) * 100) / 100 : 0,
      cacheReadShare: billed ? Math.round((read / billed) * 1000) / 1000 : 0,
      costUsd: Math.round(cost * 1e6) / 1e6,
      compactions: run.stdout.match(/drafter context compacted/g)?.length ?? 0,
      rejected
    }
    log(`long session ${provider}: exit ${run.exitCode}, stop ${res.stopReason}, ${calls.length} drafter calls, largest ${res.largestRequestTokens}/${window}, billed ${res.billedToUnique}x unique, ${rejected} refused`)
    return res
  } finally {
    await world.close()
  }
}

export function renderLongSession(rows: LongSessionResult[]): string[] {
  const out = ['## 7. Long sessions (38 reads of ~40 KB files, the fix, finish; windows enforced with o200k x 1.3)', '']
  out.push('| setup | stop | drafter calls | largest request / window | unique content | billed input (raw) | billed input (cache at its price ratio) | without compaction: billed (same messages, ideal cache) / its last prompt | billed ÷ unique | cache-read share | compaction steps | drafter cost |')
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const r of rows) {
    out.push(`| ${r.label} | ${r.stopReason}${r.rejected ? ` (${r.rejected} refused)` : ''} | ${r.drafterCalls} | ${r.largestRequestTokens.toLocaleString('en-US')} / ${r.window.toLocaleString('en-US')} | ${r.uniqueContentTokens.toLocaleString('en-US')} | ${r.billedInputTokens.toLocaleString('en-US')} | ${r.billedWeighted.toLocaleString('en-US')} | ${r.withoutCompactionWeighted.toLocaleString('en-US')} / ${r.withoutCompactionLargest.toLocaleString('en-US')}${r.withoutCompactionLargest > r.window ? ' (over the window)' : ''} | ${r.billedToUnique}× | ${(r.cacheReadShare * 100).toFixed(1)}% | ${r.compactions} | $${r.costUsd.toFixed(4)} |`)
  }
  out.push('', 'Target: billed input (cache reads and writes at their price ratio to input) ≤ 3× the session\'s unique content.', '')
  return out
}

// Run on its own: `npx tsx bench/long-session.ts` prints the table (used for the before/after figures).
if (process.argv[1]?.endsWith('long-session.ts')) {
  const rows = [await longSession('anthropic'), await longSession('openai')]
  process.stdout.write(renderLongSession(rows).join('\n') + '\n' + JSON.stringify(rows, null, 2) + '\n')
}
