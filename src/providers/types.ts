// One small interface both providers implement: messages and tools in, text,
// tool calls and normalised usage out.
import type { ChatMessage, JsonSchema, ToolCall, ToolSpec, Usage } from '../chat'

export interface ModelRequest {
  system: string
  messages: ChatMessage[]
  tools?: ToolSpec[]
  maxTokens: number
  /** Ask for a JSON answer that fits this schema (the reviewer's verdict). */
  answerSchema?: { name: string; schema: JsonSchema }
  /**
   * Mark the conversation so far for the prompt cache (default true). A growing tool
   * conversation reads it back next turn; a one-shot prompt would only pay the write.
   */
  cacheHistory?: boolean
}

export type StopKind = 'end' | 'tool_use' | 'max_tokens' | 'other'

export interface ModelReply {
  text: string
  toolCalls: ToolCall[]
  stop: StopKind
  usage: Usage
}

export interface ChatModel {
  /** `provider:model` */
  readonly id: string
  complete(req: ModelRequest, signal?: AbortSignal): Promise<ModelReply>
}

export interface ClientOptions {
  apiKey: string
  baseUrl?: string
  /** The SDK's own retries (429, 5xx, 529, connection errors), honouring retry-after. */
  maxRetries: number
  /** Per attempt, in milliseconds. */
  timeoutMs: number
}

/**
 * A conservative token estimate for the budget check: UTF-8 bytes / 3. Real
 * tokenizers give about 3.6 (Claude) to 4.75 (o200k, code) bytes per token, so this
 * over-counts, and the budget check fails closed.
 */
export function estimateTokens(req: Omit<ModelRequest, 'maxTokens'>): number {
  const bytes = Buffer.byteLength(
    JSON.stringify([req.system, req.messages, req.tools ?? [], req.answerSchema ?? null]),
    'utf8'
  )
  return Math.ceil(bytes / 3) + 16 * (req.messages.length + 1)
}

export function parseArguments(raw: string): { input: unknown; invalidJson?: string } {
  if (raw.trim() === '') return { input: {} }
  try {
    return { input: JSON.parse(raw) }
  } catch (e) {
    return { input: raw, invalidJson: (e as Error).message }
  }
}
