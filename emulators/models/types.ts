// Shared types of the model API emulators. Tests of the action script the
// "model" with these, so the shapes are a contract: change them only together
// with every test that uses them.

/** One scripted answer of the emulated model. */
export interface EmulatorTurn {
  /** assistant text */
  text?: string
  /**
   * rawArguments: openai only, sent verbatim as function.arguments: a string (to test invalid
   * JSON) or an object (as some compatible servers send it); anthropic ignores it.
   * id: the call id as sent (default: the provider's own style), e.g. `functions.write_file:0`.
   * omitType: openai only, the call is sent without `type: "function"` (some compatible servers).
   */
  toolCalls?: { name: string; input?: unknown; rawArguments?: string | Record<string, unknown>; id?: string; omitType?: boolean }[]
  /**
   * The model's reasoning before its answer: anthropic a `thinking` block (signed by the
   * emulator; models that always think get one on every tool-use turn without it),
   * openai-compatible `reasoning_content` (deepseek flavor).
   */
  thinking?: string
  /** anthropic: a `redacted_thinking` block instead of `thinking` */
  redactedThinking?: boolean
  /** a structured answer: sent as the text content, JSON.stringify'd (wins over `text`) */
  json?: unknown
  /**
   * default: tool use when toolCalls present, else end.
   * pause: anthropic `pause_turn`; refusal: anthropic `refusal`, openai `message.refusal` (the text);
   * content_filter: openai `finish_reason: content_filter`; context_window: anthropic
   * `model_context_window_exceeded`.
   */
  stopReason?: 'end' | 'max_tokens' | 'pause' | 'refusal' | 'content_filter' | 'context_window'
  /**
   * Exact override of the reported usage, normalised meaning: input = uncached input.
   * The input side (input, cacheRead, cacheWrite) is overridden as a group: once any
   * of them is given the others default to 0, so an override never mixes with the
   * emulator's own cache estimate. A missing `output` keeps the estimate.
   */
  usage?: Partial<{ input: number; output: number; cacheRead: number; cacheWrite: number }>
  /** answer this call with an HTTP error instead (body defaults to the provider's error shape) */
  fault?: { status: number; body?: unknown; headers?: Record<string, string> }
  /** wait before answering (timeouts); never keeps the process alive after close() */
  delayMs?: number
}

export interface SeenMessage {
  /** the wire role: Anthropic tool results stay in 'user' messages, OpenAI's are 'tool' */
  role: 'user' | 'assistant' | 'tool'
  text: string
  toolCalls: { id: string; name: string; input: unknown }[]
  toolResults: { callId: string; content: string; isError: boolean }[]
}

export interface SeenRequest {
  provider: 'anthropic' | 'openai'
  model: string
  /** anthropic: system string or blocks joined; openai: system/developer messages joined */
  system: string
  /** the conversation in neutral form (openai system/developer messages excluded) */
  messages: SeenMessage[]
  toolNames: string[]
  /** a schema-constrained answer was requested (anthropic output_config.format, openai response_format json_schema) */
  structured: boolean
  /** max_tokens (openai: max_completion_tokens ?? max_tokens); 0 when the request set none */
  maxTokens: number
  /** lower-cased header names */
  headers: Record<string, string>
  /** the raw JSON body */
  body: any
  /** the prompt's tokens by the strict tokenizer, for models with a context window (after any silent truncation) */
  promptTokens?: number
  /** ollama: how many of the oldest messages the server silently dropped to fit num_ctx */
  droppedMessages?: number
}

export type Responder = (req: SeenRequest, callIndex: number) => EmulatorTurn | Promise<EmulatorTurn>

export interface FaultSpec {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** how many calls this fault answers (default 1) */
  times?: number
  /** only calls for this model (default: any model) */
  model?: string
  /** never answer (until the client gives up or close()) */
  hang?: boolean
  /**
   * A streamed request gets 200 and the stream's first events, then an `error` event
   * with the provider's error for `status` (a non-streamed request gets the plain error).
   */
  midStream?: boolean
}

export interface ModelEmulator {
  /** baseURL for the SDK: anthropic 'http://127.0.0.1:PORT', openai 'http://127.0.0.1:PORT/v1' */
  url: string
  /** every request that passed validation, in order (including ones answered by an injected fault) */
  requests: SeenRequest[]
  /** requests answered with a validation/auth error (not injected faults), plus exhausted-script 500s */
  rejected: { body: any; status: number; error: unknown }[]
  /** every successful answer's body, in order, with the model it was for (its `usage` is what the API reported) */
  replies: { model: string; body: any }[]
  /** array = queue, one turn per call for that model (appends to a queued script); a function replaces the script */
  respond(model: string, script: Responder | EmulatorTurn[]): void
  /** injected before scripts; hang = never answer (until close) */
  failNext(fault: FaultSpec): void
  close(): Promise<void>
}

export interface AnthropicEmulatorOptions {
  apiKey: string
  /** models that think on every turn whatever the request says (default: Opus 5.5, Fable, Mythos) */
  alwaysThinking?: (model: string) => boolean
  /** known model ids; anything else gets the API's not-found error */
  models?: string[]
  /**
   * Context windows per model, enforced as the API does (400 "prompt is too long"), with
   * the strict tokenizer (o200k x 1.3), which then also counts the usage.
   */
  contextWindows?: Record<string, number>
}

export type OpenAIFlavor = 'openai' | 'ollama' | 'deepseek' | 'bare'

export interface OpenAIEmulatorOptions {
  apiKey: string
  flavor?: OpenAIFlavor
  /** refuse `stream: true` with a 400, as a server without streaming does (default: streams) */
  noStreaming?: boolean
  /** known model ids; anything else gets the server's not-found error */
  models?: string[]
  /**
   * Context windows per model, counted with the strict tokenizer (o200k x 1.3), which
   * then also counts the usage. Over it: 400 context_length_exceeded, except on the
   * ollama flavor, which silently drops the oldest messages to fit (its num_ctx).
   */
  contextWindows?: Record<string, number>
  /** the server reports no `usage` at all (some compatible servers and proxies) */
  noUsage?: boolean
}
