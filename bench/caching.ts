// 3. Prompt caching: the long run with an Anthropic and with an OpenAI drafter, and what
// the cache read and write of each phase saved against the same tokens uncached.
import { BUILT_IN_PRICES, costOf } from '../src/pricing'
import { newWorld, promptTokens, runAction, type CallLine } from './action-run'
import { log } from './common'

export const REVIEWER = 'anthropic:claude-opus-5-5'
import type { GeneratedRepo } from './gen-repo'
import { cachingScript } from './model-scripts'

export type CacheFigures = ReturnType<typeof cacheFigures>

export interface CachingResult {
  provider: string
  drafterModel: string
  exitCode: number
  stopReason: string
  calls: CallLine[]
  drafter: CacheFigures
  firstDraft: CacheFigures
  reDraft: CacheFigures
  firstReview: CacheFigures
  reReview: CacheFigures
}

export function cacheFigures(calls: CallLine[], price: { input: number; output: number; cacheRead: number; cacheWrite: number }) {
  let input = 0, read = 0, write = 0, output = 0, reported = 0, uncached = 0
  for (const c of calls) {
    input += c.input
    read += c.cacheRead
    write += c.cacheWrite
    output += c.output
    reported += costOf({ input: c.input, output: c.output, cacheRead: c.cacheRead, cacheWrite: c.cacheWrite }, price)
    uncached += costOf({ input: promptTokens(c), output: c.output, cacheRead: 0, cacheWrite: 0 }, price)
  }
  const prompt = input + read + write
  return {
    calls: calls.length,
    promptTokens: prompt,
    inputTokens: input,
    cacheReadTokens: read,
    cacheWriteTokens: write,
    outputTokens: output,
    cachedShare: prompt ? Math.round((read / prompt) * 1e4) / 1e4 : 0,
    writeShare: prompt ? Math.round((write / prompt) * 1e4) / 1e4 : 0,
    costUsd: Math.round(reported * 1e6) / 1e6,
    uncachedCostUsd: Math.round(uncached * 1e6) / 1e6,
    savedUsd: Math.round((uncached - reported) * 1e6) / 1e6,
    savedPct: uncached ? Math.round((1000 * (uncached - reported)) / uncached) / 10 : 0
  }
}

export async function caching(repo: GeneratedRepo, provider: 'anthropic' | 'openai'): Promise<CachingResult> {
  const world = await newWorld(repo.files)
  try {
    const script = cachingScript(repo)
    // The first tier of each provider's ladder, and the default reviewer.
    const drafterModel = provider === 'anthropic' ? 'anthropic:claude-haiku-5-5' : 'openai:gpt-6-luna'
    if (provider === 'anthropic') world.anthropic.respond('claude-haiku-5-5', script.drafter)
    else world.openai.respond('gpt-6-luna', script.drafter)
    world.anthropic.respond(REVIEWER.split(':')[1]!, script.reviewer)
    const rec = await runAction(world, { probe: false, inputs: { 'drafter-model': drafterModel, 'reviewer-model': REVIEWER } })
    log(`caching ${provider}: exit ${rec.exitCode}, ${rec.calls.length} calls, stop ${rec.outputs['stop-reason']}`)
    const drafterCalls = rec.calls.filter((c) => c.role === 'drafter')
    const reviewerCalls = rec.calls.filter((c) => c.role === 'reviewer')
    const dPrice = BUILT_IN_PRICES[drafterModel]!
    const rPrice = BUILT_IN_PRICES[REVIEWER]!
    return {
      provider,
      drafterModel,
      exitCode: rec.exitCode,
      stopReason: rec.outputs['stop-reason'] ?? '',
      calls: rec.calls,
      drafter: cacheFigures(drafterCalls, dPrice),
      firstDraft: cacheFigures(drafterCalls.slice(0, 8), dPrice),
      reDraft: cacheFigures(drafterCalls.slice(8), dPrice),
      firstReview: cacheFigures(reviewerCalls.slice(0, 1), rPrice),
      reReview: cacheFigures(reviewerCalls.slice(1), rPrice)
    }
  } finally {
    await world.close()
  }
}
