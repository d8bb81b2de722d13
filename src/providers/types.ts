// One small interface both providers implement: messages and tools in, text,
// tool calls and normalised usage out.
import type { ChatMessage, JsonSchema, Reasoning, ToolCall, ToolSpec, Usage } from '../chat'

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
  /**
   * Ask a reasoning model to think less (OpenAI `reasoning_effort`, Anthropic
   * `output_config.effort`); sent only to models that take it.
   */
  effort?: Effort
  /**
   * Indexes of messages that stay the same across compaction steps (the task): a cache
   * breakpoint after each, so a step re-reads them from the cache instead of writing them again.
   */
  cacheMarks?: number[]
}

export type Effort = 'low' | 'medium' | 'high'

/**
 * Why the answer ended, in the terms the run acts on:
 * - `pause`: the provider paused a long turn; it is continued by sending it back as is;
 * - `refusal`: the model declined (Anthropic `refusal`, OpenAI `message.refusal`);
 * - `filtered`: a content filter cut the answer (OpenAI `content_filter`);
 * - `context_full`: the answer stopped at the context window (Anthropic `model_context_window_exceeded`).
 */
export type StopKind = 'end' | 'tool_use' | 'max_tokens' | 'pause' | 'refusal' | 'filtered' | 'context_full' | 'other'

/**
 * Calls allowed this many output tokens or more stream (the drafter's turns and the
 * reviewer): a proxy that cuts idle connections never sees one idle while the model
 * thinks. Usage then comes from the stream's final event.
 */
export const STREAM_FROM_TOKENS = 4096

export interface ModelReply {
  text: string
  toolCalls: ToolCall[]
  stop: StopKind
  usage: Usage
  /** The provider's reasoning for this answer, to send back with it unchanged. */
  reasoning?: Reasoning
  /** The model's own words when it refused. */
  refusal?: string
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
 * A token estimate for the budget check that errs high, so the check fails closed.
 * ASCII text: bytes / 3 (real tokenizers give about 3.6 bytes a token on Claude and 4.75
 * on o200k for code). Other text: one token per byte, the most a byte-level BPE can
 * produce, so emoji or rare scripts cannot slip past. Plus the per-message framing and,
 * with tools, the tool-use system prompt the provider adds and bills.
 */
export function estimateTokens(req: Omit<ModelRequest, 'maxTokens'>): number {
  const text = JSON.stringify([req.system, req.messages, req.tools ?? [], req.answerSchema ?? null])
  let ascii = 0
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) ascii++
  const otherBytes = Buffer.byteLength(text, 'utf8') - ascii
  const toolPrompt = req.tools?.length ? TOOL_USE_OVERHEAD : 0
  return Math.ceil(ascii / 3) + otherBytes + 16 * (req.messages.length + 1) + toolPrompt
}

/** Anthropic's hidden tool-use system prompt is a few hundred tokens; count a safe 600. */
const TOOL_USE_OVERHEAD = 600

/**
 * Tool-call arguments as OpenAI sends them (a JSON string), or as some compatible
 * servers do (the object itself, or nothing).
 */
export function parseArguments(raw: unknown): { input: unknown; invalidJson?: string } {
  if (raw === undefined || raw === null) return { input: {} }
  if (typeof raw === 'object') return { input: raw }
  if (typeof raw !== 'string') return { input: String(raw), invalidJson: `arguments were a ${typeof raw}, not a JSON object` }
  if (raw.trim() === '') return { input: {} }
  try {
    return { input: JSON.parse(raw) }
  } catch (e) {
    return { input: raw, invalidJson: (e as Error).message }
  }
}
