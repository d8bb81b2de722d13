// Local emulators of the model APIs the action talks to, for tests that script the model.
export { startAnthropicEmulator, minCacheableTokens } from './anthropic'
export { startOpenAIEmulator } from './openai'
export { estimateTokens } from './common'
export type {
  AnthropicEmulatorOptions, EmulatorTurn, FaultSpec, ModelEmulator, OpenAIEmulatorOptions, OpenAIFlavor, Responder,
  SeenMessage, SeenRequest
} from './types'
