// The provider-neutral conversation: what the drafter and reviewer say to a model,
// and what comes back. Each provider adapter maps these to its own wire format.

/** A JSON Schema object, as sent to the providers for tools and structured answers. */
export type JsonSchema = Record<string, unknown>

/** A tool the model may call. */
export interface ToolSpec {
  name: string
  description: string
  /** JSON Schema of the arguments object. */
  parameters: JsonSchema
}

export interface ToolCall {
  id: string
  name: string
  /** Parsed arguments, or the raw text when the model sent invalid JSON. */
  input: unknown
  /** Set when the arguments were not valid JSON: the tool is not run, the error goes back. */
  invalidJson?: string
}

export interface ToolResult {
  callId: string
  content: string
  isError: boolean
}

/**
 * A model's own reasoning, kept exactly as its provider sent it: Anthropic refuses a
 * tool-use continuation whose thinking block is missing or altered, DeepSeek one whose
 * `reasoning_content` is missing. `model` (provider:model) says whose it is: another
 * model cannot verify it, so it is dropped when the conversation changes hands.
 */
export type Reasoning =
  | { kind: 'anthropic'; model: string; blocks: AnthropicThinking[] }
  | { kind: 'openai'; model: string; text: string }

export type AnthropicThinking =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }

export type ChatMessage =
  | { role: 'user'; text: string; /** The stable prefix ends here: a cache breakpoint where the provider takes one. */ cacheBreakpoint?: boolean }
  | { role: 'assistant'; text: string; toolCalls: ToolCall[]; reasoning?: Reasoning }
  | { role: 'tool'; results: ToolResult[] }

/** Token counts as the provider reported them, normalised: `input` is the uncached input. */
export interface Usage {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

export const ZERO_USAGE: Usage = Object.freeze({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 })
