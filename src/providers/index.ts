import type { ModelRef, Settings } from '../settings'
import type { ChatModel } from './types'

export type { ChatModel, ModelReply, ModelRequest } from './types'

export interface CallLimits {
  maxRetries: number
  timeoutMs: number
}

/**
 * Each SDK is loaded only when a model of its provider is made (a separate chunk of
 * the bundle): a run never pays for the SDK it does not use, a skipped run for none.
 */
export async function createModel(ref: ModelRef, settings: Settings, limits: CallLimits): Promise<ChatModel> {
  const p = ref.provider === 'anthropic' ? settings.anthropic : settings.openai
  const opts = { apiKey: p.apiKey, baseUrl: p.baseUrl, ...limits }
  if (ref.provider === 'anthropic') {
    const { AnthropicModel } = await import('./anthropic')
    return new AnthropicModel(ref.model, opts)
  }
  const { OpenAIModel } = await import('./openai')
  return new OpenAIModel(ref.model, opts)
}

/**
 * Starts loading the SDKs these models need, without waiting: the chunks compile while the
 * run waits on GitHub and git, not when the first model call is made.
 */
export function preloadProviders(refs: ModelRef[]): void {
  const providers = new Set(refs.map((r) => r.provider))
  if (providers.has('anthropic')) void import('./anthropic').catch(() => undefined)
  if ([...providers].some((p) => p !== 'anthropic')) void import('./openai').catch(() => undefined)
}
