import type { ModelRef, Settings } from '../settings'
import { AnthropicModel } from './anthropic'
import { OpenAIModel } from './openai'
import type { ChatModel } from './types'

export type { ChatModel, ModelReply, ModelRequest } from './types'

export interface CallLimits {
  maxRetries: number
  timeoutMs: number
}

export function createModel(ref: ModelRef, settings: Settings, limits: CallLimits): ChatModel {
  const p = ref.provider === 'anthropic' ? settings.anthropic : settings.openai
  const opts = { apiKey: p.apiKey, baseUrl: p.baseUrl, ...limits }
  return ref.provider === 'anthropic' ? new AnthropicModel(ref.model, opts) : new OpenAIModel(ref.model, opts)
}
