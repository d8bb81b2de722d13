// The Chat Completions API through `openai`: OpenAI itself and every
// OpenAI-compatible server (Ollama, vLLM, llama.cpp, DeepSeek, GLM).
import OpenAI from 'openai'
import type { ChatMessage, ToolCall, Usage } from '../chat'
import { openaiToolId } from './ids'
import {
  parseArguments, STREAM_FROM_TOKENS, type ChatModel, type ClientOptions, type ModelReply, type ModelRequest, type StopKind
} from './types'

type Param = OpenAI.Chat.Completions.ChatCompletionMessageParam
type Body = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming

/** Reasoning-era OpenAI models: max_completion_tokens instead of max_tokens, and reasoning_effort. */
const REASONING_MODEL = /^(gpt-[5-9]|o\d)/

/** What a reply is made of, from a whole completion or gathered from a stream. */
interface Gathered {
  content: string
  /** DeepSeek-style servers' thinking, sent back with the turn. */
  reasoning: string
  refusal: string
  calls: { id?: string; type?: string; name?: string; arguments?: unknown }[]
  finish: string | null | undefined
  usage: CompatUsage | undefined
}

export class OpenAIModel implements ChatModel {
  readonly id: string
  private readonly client: OpenAI
  /** OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens. */
  private completionTokensParam: boolean
  /** Set once a server has refused `response_format: json_schema`: later answers are asked for in the prompt. */
  private schemaUnsupported = false
  /** Set once a server has refused `stream: true`: later calls wait for the whole answer. */
  private streamUnsupported = false

  constructor(
    private readonly model: string,
    opts: ClientOptions
  ) {
    this.id = `openai:${model}`
    // Reasoning-era OpenAI models refuse max_tokens wherever they are served from.
    this.completionTokensParam =
      opts.baseUrl === undefined || /^https:\/\/api\.openai\.com(\/|$)/.test(opts.baseUrl) || REASONING_MODEL.test(model)
    this.client = new OpenAI({
      // Local servers take no key, but the SDK insists on one.
      apiKey: opts.apiKey || 'not-needed',
      baseURL: opts.baseUrl,
      maxRetries: opts.maxRetries,
      timeout: opts.timeoutMs
    })
  }

  async complete(req: ModelRequest, signal?: AbortSignal): Promise<ModelReply> {
    // A 400 is not billed. Three are worth one more try, each learned once per client:
    for (let attempt = 0; ; attempt++) {
      const useSchema = req.answerSchema !== undefined && !this.schemaUnsupported
      const stream = req.maxTokens >= STREAM_FROM_TOKENS && !this.streamUnsupported
      try {
        return await this.send(req, useSchema, stream, signal)
      } catch (e) {
        if (!(e instanceof OpenAI.BadRequestError) || attempt >= 3) throw e
        const about = `${e.param ?? ''} ${e.message}`
        if (e.code === 'unsupported_parameter' && e.param === 'max_tokens' && !this.completionTokensParam) {
          // a newer OpenAI model behind a proxy or compatible base URL
          this.completionTokensParam = true
        } else if (useSchema && /response_format|json_schema/i.test(about)) {
          // A server without json_schema: ask for the JSON in the prompt; the caller validates it.
          // Only a refusal of the format itself turns it off: any other 400 is not about it.
          this.schemaUnsupported = true
        } else if (stream && /\bstream/i.test(about)) {
          this.streamUnsupported = true
        } else throw e
      }
    }
  }

  private async send(req: ModelRequest, useSchema: boolean, stream: boolean, signal?: AbortSignal): Promise<ModelReply> {
    let system = req.system
    if (req.answerSchema && !useSchema) {
      system += `\n\nAnswer with one JSON object only, no prose and no code fence, matching this JSON Schema:\n${JSON.stringify(req.answerSchema.schema)}`
    }
    const body: Body = {
      model: this.model,
      messages: [{ role: 'system', content: system }, ...toOpenAIMessages(req.messages, this.id)]
    }
    if (this.completionTokensParam) body.max_completion_tokens = req.maxTokens
    else body.max_tokens = req.maxTokens
    if (req.effort && REASONING_MODEL.test(this.model)) body.reasoning_effort = req.effort
    if (req.tools?.length) {
      body.tools = req.tools.map((t) => ({
        type: 'function' as const,
        function: { name: t.name, description: t.description, parameters: t.parameters, strict: true }
      }))
    }
    if (req.answerSchema && useSchema) {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: req.answerSchema.name, schema: req.answerSchema.schema, strict: true }
      }
    }
    if (!stream) return replyOf(whole(await this.client.chat.completions.create(body, { signal })), this.id)
    try {
      return replyOf(await this.streamed(body, signal), this.id)
    } catch (e) {
      // An error inside a stream that had started (the SDK's retries end with the 200): one more try.
      if (!brokenStream(e) || signal?.aborted) throw e
      return replyOf(await this.streamed(body, signal), this.id)
    }
  }

  /** `stream: true` with usage in the last chunk; the chunks are gathered here, reasoning and all. */
  private async streamed(body: Body, signal?: AbortSignal): Promise<Gathered> {
    const chunks = await this.client.chat.completions.create(
      { ...body, stream: true, stream_options: { include_usage: true } },
      { signal }
    )
    const got: Gathered = { content: '', reasoning: '', refusal: '', calls: [], finish: undefined, usage: undefined }
    for await (const chunk of chunks) {
      if (chunk.usage) got.usage = chunk.usage
      for (const choice of chunk.choices ?? []) {
        if (choice.index !== 0) continue
        if (choice.finish_reason) got.finish = choice.finish_reason
        const delta = choice.delta as CompatDelta | undefined
        if (!delta) continue
        if (typeof delta.content === 'string') got.content += delta.content
        if (typeof delta.reasoning_content === 'string') got.reasoning += delta.reasoning_content
        if (typeof delta.refusal === 'string') got.refusal += delta.refusal
        for (const d of delta.tool_calls ?? []) {
          const call = (got.calls[d.index ?? got.calls.length] ??= {})
          if (d.id) call.id = d.id
          if (d.type) call.type = d.type
          if (d.function?.name) call.name = (call.name ?? '') + d.function.name
          const args: unknown = d.function?.arguments
          if (typeof args === 'string') call.arguments = (typeof call.arguments === 'string' ? call.arguments : '') + args
          else if (args !== undefined && args !== null) call.arguments = args
        }
      }
    }
    return got
  }
}

/** An error chunk inside a stream: an APIError with no HTTP status, not a timeout, abort or lost connection. */
function brokenStream(e: unknown): boolean {
  return e instanceof OpenAI.APIError && e.status === undefined && !(e instanceof OpenAI.APIConnectionError) && !(e instanceof OpenAI.APIUserAbortError)
}

/** Fields compatible servers add to the message and to stream deltas. */
interface CompatDelta {
  content?: string | null
  reasoning_content?: string | null
  refusal?: string | null
  tool_calls?: { index?: number; id?: string; type?: string; function?: { name?: string; arguments?: unknown } }[]
}

function whole(res: OpenAI.Chat.Completions.ChatCompletion): Gathered {
  const choice = res.choices?.[0]
  const message = choice?.message as (CompatDelta & { tool_calls?: unknown[] }) | undefined
  const calls = ((message?.tool_calls ?? []) as { id?: string; type?: string; function?: { name?: string; arguments?: unknown } }[]).map((c) => ({
    id: c.id,
    type: c.type,
    name: c.function?.name,
    arguments: c.function?.arguments
  }))
  return {
    content: message?.content ?? '',
    reasoning: message?.reasoning_content ?? '',
    refusal: message?.refusal ?? '',
    calls,
    finish: choice?.finish_reason,
    usage: res.usage
  }
}

export function replyOf(got: Gathered, modelId: string): ModelReply {
  // A call without `type` (some compatible servers) is a function call all the same.
  const toolCalls: ToolCall[] = got.calls.flatMap((c, i) =>
    (c.type === undefined || c.type === 'function') && c.name
      ? [{ id: c.id || `call_${i}`, name: c.name, ...parseArguments(c.arguments) }]
      : []
  )
  const refusal = got.refusal.trim()
  const stop: StopKind = refusal ? 'refusal' : stopKind(got.finish)
  return {
    text: got.content,
    toolCalls,
    stop,
    ...(got.reasoning ? { reasoning: { kind: 'openai' as const, model: modelId, text: got.reasoning } } : {}),
    ...(refusal ? { refusal } : {}),
    usage: usageOf(got.usage)
  }
}

function stopKind(reason: string | undefined | null): StopKind {
  switch (reason) {
    case 'stop':
      return 'end'
    case 'tool_calls':
    case 'function_call':
      return 'tool_use'
    case 'length':
      return 'max_tokens'
    case 'content_filter':
      return 'filtered'
    default:
      return 'other'
  }
}

/** DeepSeek reports its cache hits in its own field instead of prompt_tokens_details. */
interface CompatUsage extends OpenAI.CompletionUsage {
  prompt_cache_hit_tokens?: number
}

/** prompt_tokens includes cached tokens: the uncached input is what is left. */
export function usageOf(u: CompatUsage | undefined | null): Usage {
  if (!u) return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 }
  const details = u.prompt_tokens_details as { cached_tokens?: number; cache_write_tokens?: number } | undefined
  const cacheRead = details?.cached_tokens ?? u.prompt_cache_hit_tokens ?? 0
  const cacheWrite = details?.cache_write_tokens ?? 0
  return {
    input: Math.max(0, (u.prompt_tokens ?? 0) - cacheRead - cacheWrite),
    output: u.completion_tokens ?? 0,
    cacheRead,
    cacheWrite
  }
}

/**
 * The conversation in Chat Completions form, `modelId` being the model it is sent to:
 * - an assistant turn with no text and no calls (a reasoning model that spent its whole
 *   budget thinking) is left out: OpenAI refuses `content: null` without `tool_calls`;
 * - `reasoning_content` goes back with the turns of the model that wrote it (DeepSeek's
 *   thinking mode refuses a tool-call turn without it), never to another model;
 * - tool ids are kept to OpenAI's 40 characters.
 */
export function toOpenAIMessages(messages: ChatMessage[], modelId?: string): Param[] {
  const out: Param[] = []
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.text })
    else if (m.role === 'tool') {
      for (const r of m.results) {
        out.push({ role: 'tool', tool_call_id: openaiToolId(r.callId), content: r.isError ? `Error: ${r.content}` : r.content })
      }
    } else {
      const text = m.text.trim() ? m.text : null
      if (text === null && m.toolCalls.length === 0) continue
      const param: OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam & { reasoning_content?: string } = {
        role: 'assistant',
        content: text
      }
      if (m.reasoning?.kind === 'openai' && modelId !== undefined && m.reasoning.model === modelId) {
        param.reasoning_content = m.reasoning.text
      }
      if (m.toolCalls.length > 0) {
        param.tool_calls = m.toolCalls.map((c) => ({
          id: openaiToolId(c.id),
          type: 'function' as const,
          function: {
            name: c.name,
            arguments: c.invalidJson !== undefined ? String(c.input) : JSON.stringify(c.input ?? {})
          }
        }))
      }
      out.push(param)
    }
  }
  return out
}
