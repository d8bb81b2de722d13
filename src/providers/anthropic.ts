// The Anthropic Messages API through @anthropic-ai/sdk.
import Anthropic from '@anthropic-ai/sdk'
import type { ChatMessage, ToolCall } from '../chat'
import type { ChatModel, ClientOptions, ModelReply, ModelRequest, StopKind } from './types'

type Block = Anthropic.ContentBlockParam
type Param = Anthropic.MessageParam

const EPHEMERAL = { type: 'ephemeral' } as const

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
      messages: toAnthropicMessages(req.messages, req.cacheHistory ?? true)
    }
    if (req.tools?.length) {
      body.tools = req.tools.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters as Anthropic.Tool.InputSchema
      }))
    }
    if (req.answerSchema) {
      // Structured outputs, not a forced tool_choice: the newest models refuse the latter.
      body.output_config = { format: { type: 'json_schema', schema: req.answerSchema.schema } }
    }
    // An explicit timeout also lifts the SDK's "streaming is required" guard for large max_tokens.
    const msg = await this.client.messages.create(body, { timeout: this.timeoutMs, signal })
    const toolCalls: ToolCall[] = []
    let text = ''
    for (const block of msg.content) {
      if (block.type === 'text') text += block.text
      else if (block.type === 'tool_use') toolCalls.push({ id: block.id, name: block.name, input: block.input })
    }
    return {
      text,
      toolCalls,
      stop: stopKind(msg.stop_reason),
      usage: {
        input: msg.usage.input_tokens,
        output: msg.usage.output_tokens,
        cacheRead: msg.usage.cache_read_input_tokens ?? 0,
        cacheWrite: msg.usage.cache_creation_input_tokens ?? 0
      }
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
    default:
      return 'other'
  }
}

/**
 * Tool results travel in a user message, first in its content; a user message that
 * follows them (feedback) joins the same message so the roles alternate. The last
 * block carries a cache breakpoint, so the next call reads the conversation so far
 * from the cache.
 */
export function toAnthropicMessages(messages: ChatMessage[], cacheHistory = true): Param[] {
  const out: Param[] = []
  const pushUser = (blocks: Block[]): void => {
    const last = out[out.length - 1]
    if (last?.role === 'user' && Array.isArray(last.content)) last.content.push(...blocks)
    else out.push({ role: 'user', content: blocks })
  }
  for (const m of messages) {
    if (m.role === 'user') {
      pushUser([{ type: 'text', text: m.text || '(empty)' }])
    } else if (m.role === 'tool') {
      pushUser(
        m.results.map((r) => ({
          type: 'tool_result' as const,
          tool_use_id: r.callId,
          content: r.content || '(no output)',
          ...(r.isError ? { is_error: true } : {})
        }))
      )
    } else {
      const blocks: Block[] = []
      if (m.text) blocks.push({ type: 'text', text: m.text })
      for (const c of m.toolCalls) {
        // A call whose arguments were not JSON is echoed as an empty object: the API only takes objects.
        const input = c.invalidJson === undefined && isObject(c.input) ? c.input : {}
        blocks.push({ type: 'tool_use', id: c.id, name: c.name, input })
      }
      if (blocks.length === 0) blocks.push({ type: 'text', text: '(no answer)' })
      out.push({ role: 'assistant', content: blocks })
    }
  }
  const last = out[out.length - 1]
  if (cacheHistory && last && Array.isArray(last.content) && last.content.length > 0) {
    const block = last.content[last.content.length - 1] as Block & { cache_control?: unknown }
    if (block.type === 'text' || block.type === 'tool_result') block.cache_control = EPHEMERAL
  }
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
