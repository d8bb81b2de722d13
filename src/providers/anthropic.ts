// The Anthropic Messages API through @anthropic-ai/sdk.
import Anthropic from '@anthropic-ai/sdk'
import type { AnthropicThinking, ChatMessage, ToolCall } from '../chat'
import { anthropicToolId } from './ids'
import { STREAM_FROM_TOKENS, type ChatModel, type ClientOptions, type ModelReply, type ModelRequest, type StopKind } from './types'

type Block = Anthropic.ContentBlockParam
type Param = Anthropic.MessageParam

const EPHEMERAL = { type: 'ephemeral' } as const
/** Effort came with Opus 4.5: the models before it refuse `output_config.effort` outright. */
const REFUSES_EFFORT = /^claude-(?:(?:haiku-4-5|sonnet-4-5|opus-4-1|opus-4-0|sonnet-4-0|opus-4|sonnet-4)(?:-\d{8})?$|3)/

export class AnthropicModel implements ChatModel {
  readonly id: string
  private readonly client: Anthropic
  private readonly timeoutMs: number

  constructor(
    private readonly model: string,
    opts: ClientOptions
  ) {
    this.id = `anthropic:${model}`
    this.timeoutMs = opts.timeoutMs
    this.client = new Anthropic({
      apiKey: opts.apiKey,
      baseURL: opts.baseUrl,
      maxRetries: opts.maxRetries,
      timeout: opts.timeoutMs
    })
  }

  async complete(req: ModelRequest, signal?: AbortSignal): Promise<ModelReply> {
    const body: Anthropic.MessageCreateParamsNonStreaming = {
      model: this.model,
      max_tokens: req.maxTokens,
      // The system prompt (with the tools before it) is the stable prefix: cache it.
      system: [{ type: 'text', text: req.system, cache_control: EPHEMERAL }],
      messages: toAnthropicMessages(req.messages, req.cacheHistory ?? true, this.id, req.cacheMarks)
    }
    if (req.tools?.length) {
      body.tools = req.tools.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters as Anthropic.Tool.InputSchema
      }))
    }
    const config: Anthropic.OutputConfig = {}
    if (req.answerSchema) {
      // Structured outputs, not a forced tool_choice: the newest models refuse the latter.
      config.format = { type: 'json_schema', schema: req.answerSchema.schema }
    }
    if (req.effort && !REFUSES_EFFORT.test(this.model)) config.effort = req.effort
    if (Object.keys(config).length > 0) body.output_config = config
    const options = { timeout: this.timeoutMs, signal }
    // A long answer streams, so no proxy cuts the connection while the model thinks; the
    // stream helper gathers the events (thinking signatures included) into the message.
    // The explicit timeout also lifts the SDK's "streaming is required" guard for a
    // short call that is not streamed.
    if (req.maxTokens < STREAM_FROM_TOKENS) return replyOf(await this.client.messages.create(body, options), this.id)
    const stream = () => this.client.messages.stream(body, options).finalMessage()
    try {
      return replyOf(await stream(), this.id)
    } catch (e) {
      // A stream that broke after its 200 (an `error` event, say overloaded mid-answer) is
      // not retried by the SDK, whose retries end when the response starts: one more try.
      if (!brokenStream(e) || signal?.aborted) throw e
      return replyOf(await stream(), this.id)
    }
  }
}

/** An error event inside a stream: an APIError with no HTTP status, not a timeout, abort or lost connection. */
function brokenStream(e: unknown): boolean {
  return e instanceof Anthropic.APIError && e.status === undefined && !(e instanceof Anthropic.APIConnectionError) && !(e instanceof Anthropic.APIUserAbortError)
}

export function replyOf(msg: Anthropic.Message, modelId: string): ModelReply {
  const toolCalls: ToolCall[] = []
  const thinking: AnthropicThinking[] = []
  let text = ''
  for (const block of msg.content) {
    if (block.type === 'text') text += block.text
    else if (block.type === 'tool_use') toolCalls.push({ id: block.id, name: block.name, input: block.input })
    // Exactly the fields the API sent: a block changed in any way is refused when sent back.
    else if (block.type === 'thinking') thinking.push({ type: 'thinking', thinking: block.thinking, signature: block.signature })
    else if (block.type === 'redacted_thinking') thinking.push({ type: 'redacted_thinking', data: block.data })
  }
  const stop = stopKind(msg.stop_reason)
  return {
    text,
    toolCalls,
    stop,
    ...(thinking.length ? { reasoning: { kind: 'anthropic' as const, model: modelId, blocks: thinking } } : {}),
    ...(stop === 'refusal' ? { refusal: text.trim() } : {}),
    usage: {
      input: msg.usage.input_tokens,
      output: msg.usage.output_tokens,
      cacheRead: msg.usage.cache_read_input_tokens ?? 0,
      cacheWrite: msg.usage.cache_creation_input_tokens ?? 0
    }
  }
}

function stopKind(reason: string | null): StopKind {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'end'
    case 'tool_use':
      return 'tool_use'
    case 'max_tokens':
      return 'max_tokens'
    case 'pause_turn':
      return 'pause'
    case 'refusal':
      return 'refusal'
    case 'model_context_window_exceeded':
      return 'context_full'
    default:
      return 'other'
  }
}

/**
 * Tool results travel in a user message, first in its content; a user message that
 * follows them (feedback) joins the same message so the roles alternate. The last
 * block carries a cache breakpoint, so the next call reads the conversation so far
 * from the cache.
 *
 * The API's own rules for what goes back:
 * - thinking blocks go back unchanged, first in their turn, but only to the model that
 *   wrote them (`modelId`): another model cannot verify the signature;
 * - a text block must hold more than white space, so `"\n\n"` is left out;
 * - an assistant turn with nothing left (an empty answer) is left out whole, never
 *   sent as an empty or placeholder turn;
 * - tool ids from another provider are rewritten to `^[a-zA-Z0-9_-]+$`;
 * - a final assistant turn (a paused turn sent back to be continued) may not end in
 *   white space.
 */
export function toAnthropicMessages(messages: ChatMessage[], cacheHistory = true, modelId?: string, cacheMarks: number[] = []): Param[] {
  const out: Param[] = []
  /** Wire messages that end a marked message (user messages may merge into one). */
  const marked = new Set<number>()
  const push = (role: 'user' | 'assistant', blocks: Block[]): void => {
    const last = out[out.length - 1]
    if (last?.role === role && Array.isArray(last.content)) last.content.push(...blocks)
    else out.push({ role, content: blocks })
  }
  for (const [i, m] of messages.entries()) {
    if (i > 0 && cacheMarks.includes(i - 1) && cacheHistory && out.length > 0) marked.add(out.length - 1)
    if (m.role === 'user') {
      push('user', [{ type: 'text', text: m.text.trim() ? m.text : '(empty)', ...(m.cacheBreakpoint ? { cache_control: EPHEMERAL } : {}) }])
    } else if (m.role === 'tool') {
      push(
        'user',
        m.results.map((r) => ({
          type: 'tool_result' as const,
          tool_use_id: anthropicToolId(r.callId),
          content: r.content.trim() ? r.content : '(no output)',
          ...(r.isError ? { is_error: true } : {})
        }))
      )
    } else {
      const blocks: Block[] = []
      if (m.text.trim()) blocks.push({ type: 'text', text: m.text })
      for (const c of m.toolCalls) {
        // A call whose arguments were not JSON is echoed as an empty object: the API only takes objects.
        const input = c.invalidJson === undefined && isObject(c.input) ? c.input : {}
        blocks.push({ type: 'tool_use', id: anthropicToolId(c.id), name: c.name, input })
      }
      if (blocks.length === 0) continue
      const own = m.reasoning?.kind === 'anthropic' && modelId !== undefined && m.reasoning.model === modelId
      if (own && m.reasoning?.kind === 'anthropic') blocks.unshift(...m.reasoning.blocks.map((b) => ({ ...b })))
      push('assistant', blocks)
    }
  }
  const last = out[out.length - 1]
  if (last?.role === 'assistant' && Array.isArray(last.content)) {
    const tail = last.content[last.content.length - 1]
    if (tail?.type === 'text') tail.text = tail.text.trimEnd()
  }
  if (cacheHistory && out.length > 0) marked.add(out.length - 1)
  // At most 4 breakpoints in all: the system prompt, up to two stable messages, the end.
  for (const n of [...marked].slice(-3)) {
    const content = out[n]?.content
    if (!Array.isArray(content) || content.length === 0) continue
    const block = content[content.length - 1] as Block & { cache_control?: unknown }
    if (block.type === 'text' || block.type === 'tool_result') block.cache_control = EPHEMERAL
  }
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
