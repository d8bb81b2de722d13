// The Chat Completions API through `openai`: OpenAI itself and every
// OpenAI-compatible server (Ollama, vLLM, llama.cpp, DeepSeek, GLM).
import OpenAI from 'openai'
import type { ChatMessage, Usage } from '../chat'
import { parseArguments, type ChatModel, type ClientOptions, type ModelReply, type ModelRequest, type StopKind } from './types'

type Param = OpenAI.Chat.Completions.ChatCompletionMessageParam

export class OpenAIModel implements ChatModel {
  readonly id: string
  private readonly client: OpenAI
  /** OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens. */
  private completionTokensParam: boolean
  /** Set once a server has refused `response_format: json_schema`: later answers are asked for in the prompt. */
  private schemaUnsupported = false

  constructor(
    private readonly model: string,
    opts: ClientOptions
  ) {
    this.id = `openai:${model}`
    // Reasoning-era OpenAI models refuse max_tokens wherever they are served from.
    this.completionTokensParam =
      opts.baseUrl === undefined || /^https:\/\/api\.openai\.com(\/|$)/.test(opts.baseUrl) || /^(gpt-[5-9]|o\d)/.test(model)
    this.client = new OpenAI({
      // Local servers take no key, but the SDK insists on one.
      apiKey: opts.apiKey || 'not-needed',
      baseURL: opts.baseUrl,
      maxRetries: opts.maxRetries,
      timeout: opts.timeoutMs
    })
  }

  async complete(req: ModelRequest, signal?: AbortSignal): Promise<ModelReply> {
    // A 400 is not billed. Two are worth one more try, each learned once per client:
    for (let attempt = 0; ; attempt++) {
      const useSchema = req.answerSchema !== undefined && !this.schemaUnsupported
      try {
        return await this.send(req, useSchema, signal)
      } catch (e) {
        if (!(e instanceof OpenAI.BadRequestError) || attempt >= 2) throw e
        if (e.code === 'unsupported_parameter' && e.param === 'max_tokens' && !this.completionTokensParam) {
          // a newer OpenAI model behind a proxy or compatible base URL
          this.completionTokensParam = true
        } else if (useSchema) {
          // a server without json_schema: ask for the JSON in the prompt; the caller validates it
          this.schemaUnsupported = true
        } else throw e
      }
    }
  }

  private async send(req: ModelRequest, useSchema: boolean, signal?: AbortSignal): Promise<ModelReply> {
    let system = req.system
    if (req.answerSchema && !useSchema) {
      system += `\n\nAnswer with one JSON object only, no prose and no code fence, matching this JSON Schema:\n${JSON.stringify(req.answerSchema.schema)}`
    }
    const body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = {
      model: this.model,
      messages: [{ role: 'system', content: system }, ...toOpenAIMessages(req.messages)]
    }
    if (this.completionTokensParam) body.max_completion_tokens = req.maxTokens
    else body.max_tokens = req.maxTokens
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
    const res = await this.client.chat.completions.create(body, { signal })
    const choice = res.choices[0]
    const message = choice?.message
    const toolCalls = (message?.tool_calls ?? []).flatMap((c) =>
      c.type === 'function' ? [{ id: c.id, name: c.function.name, ...parseArguments(c.function.arguments) }] : []
    )
    return {
      text: message?.content ?? '',
      toolCalls,
      stop: stopKind(choice?.finish_reason),
      usage: usageOf(res.usage)
    }
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
    default:
      return 'other'
  }
}

/** DeepSeek reports its cache hits in its own field instead of prompt_tokens_details. */
interface CompatUsage extends OpenAI.CompletionUsage {
  prompt_cache_hit_tokens?: number
}

/** prompt_tokens includes cached tokens: the uncached input is what is left. */
export function usageOf(u: CompatUsage | undefined): Usage {
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

export function toOpenAIMessages(messages: ChatMessage[]): Param[] {
  const out: Param[] = []
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.text })
    else if (m.role === 'tool') {
      for (const r of m.results) {
        out.push({ role: 'tool', tool_call_id: r.callId, content: r.isError ? `Error: ${r.content}` : r.content })
      }
    } else {
      const param: OpenAI.Chat.Completions.ChatCompletionAssistantMessageParam = {
        role: 'assistant',
        content: m.text || null
      }
      if (m.toolCalls.length > 0) {
        param.tool_calls = m.toolCalls.map((c) => ({
          id: c.id,
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
