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

export type ChatMessage =
  | { role: 'user'; text: string }
  | { role: 'assistant'; text: string; toolCalls: ToolCall[] }
  | { role: 'tool'; results: ToolResult[] }

/** Token counts as the provider reported them, normalised: `input` is the uncached input. */
export interface Usage {
  input: number
  output: number
  cacheRead: number
  cacheWrite: number
}

export const ZERO_USAGE: Usage = Object.freeze({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 })
