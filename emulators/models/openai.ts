// Emulator of the OpenAI Chat Completions API and of the OpenAI-compatible
// servers the action also targets (flavors): the `openai` SDK runs against it
// unchanged, and requests a given server refuses are refused here too.
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  EmulatorCore, PromptHistory, estimateTokens, headersOf, isObject, isObjectSchema, noScriptMessage, randomId,
  readBody, resolveUsage, sendJson, serveScripted, walkSchema, type SseEvent
} from './common'
import { openaiPromptTokens } from './tokenizer'
import type { EmulatorTurn, ModelEmulator, OpenAIEmulatorOptions, OpenAIFlavor, SeenMessage, SeenRequest } from './types'

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function']
const MIN_CACHED_TOKENS = 1024
/** OpenAI's longest tool_call id. */
const MAX_ID = 40
const DEEPSEEK_REASONING = 'The `reasoning_content` in the thinking mode must be passed back to the API.'
const CACHE_STEP = 128
/** Reasoning models refuse max_tokens and a non-default temperature. */
const isReasoningModel = (model: string) => /^(gpt-5|gpt-6|o\d)/.test(model)
/** From GPT-5.6 on cache writes are billed, so the usage reports cache_write_tokens. */
const reportsCacheWrites = (model: string) => /^gpt-(5\.([6-9]|\d{2,})|[6-9])/.test(model)

class Invalid extends Error {
  constructor(message: string, readonly param: string | null = null, readonly code: string | null = null) {
    super(message)
  }
}
function fail(message: string, param: string | null = null, code: string | null = null): never {
  throw new Invalid(message, param, code)
}

/** Each server family words its errors differently; the SDK only needs `error` to be there. */
function errorBody(flavor: OpenAIFlavor, status: number, message: string, param: string | null = null, code: string | null = null): unknown {
  if (flavor === 'bare') {
    const type = status === 404 ? 'NotFoundError' : status >= 500 ? 'InternalServerError' : 'BadRequestError'
    return { error: { message, type, param, code: status } }
  }
  if (flavor === 'ollama') {
    const type = status === 400 ? 'invalid_request_error' : status === 404 ? 'not_found_error' : 'api_error'
    return { error: { message, type, param: null, code: null } }
  }
  return { error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', param, code } }
}

function faultBody(flavor: OpenAIFlavor, status: number, model: string): unknown {
  if (flavor !== 'openai' && flavor !== 'deepseek') return errorBody(flavor, status, `emulated ${status} error`)
  if (status === 429) {
    return { error: { message: `Rate limit reached for ${model} in organization org-emulator on tokens per min (TPM): Limit 30000, Used 30000, Requested 1000. Please try again in 2s.`, type: 'tokens', param: null, code: 'rate_limit_exceeded' } }
  }
  if (status === 503) return errorBody(flavor, status, 'The engine is currently overloaded, please try again later')
  if (status >= 500) return errorBody(flavor, status, 'The server had an error while processing your request. Sorry about that!')
  return errorBody(flavor, status, `emulated ${status} error`)
}

function authError(flavor: OpenAIFlavor, key: string | undefined): unknown {
  if (flavor === 'bare') return { error: 'Unauthorized' } // vLLM's --api-key middleware
  if (flavor === 'deepseek') {
    return { error: { message: `Authentication Fails, Your api key: ****${(key ?? '').slice(-4)} is invalid`, type: 'authentication_error', param: null, code: 'invalid_request_error' } }
  }
  if (!key) {
    return { error: { message: "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", type: 'invalid_request_error', param: null, code: null } }
  }
  const masked = key.length > 8 ? `${key.slice(0, 3)}${'*'.repeat(key.length - 7)}${key.slice(-4)}` : '*'.repeat(key.length)
  return { error: { message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }
}

function modelNotFound(flavor: OpenAIFlavor, model: string): [number, unknown] {
  if (flavor === 'ollama') return [404, errorBody(flavor, 404, `model "${model}" not found, try pulling it first`)]
  if (flavor === 'deepseek') return [400, errorBody(flavor, 400, 'Model Not Exist', null, 'invalid_request_error')]
  if (flavor === 'bare') return [404, errorBody(flavor, 404, `The model \`${model}\` does not exist.`, 'model')]
  return [404, errorBody(flavor, 404, `The model \`${model}\` does not exist or you do not have access to it.`, null, 'model_not_found')]
}

/** Strict structured outputs: every object closed and every property required (messages as the API words them). */
function strictSchemaError(schema: unknown): string | undefined {
  if (isObject(schema) && schema.type !== undefined && schema.type !== 'object') {
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema.type)}"'.`
  }
  return walkSchema(schema, (node, path) => {
    const ctx = path.length === 1 ? `'${path[0]}',` : path.map((p) => `'${p}'`).join(', ')
    if (!isObjectSchema(node)) return undefined
    if (node.additionalProperties !== false) return `In context=(${ctx}), 'additionalProperties' is required to be supplied and to be false.`
    const required: unknown[] = Array.isArray(node.required) ? node.required : []
    const missing = Object.keys(node.properties ?? {}).find((p) => !required.includes(p))
    if (missing !== undefined) return `In context=(${ctx}), 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`
    return undefined
  })
}

/** A tool message answers the assistant tool_calls right before it; every call id must be answered. */
function validatePairing(messages: any[]): void {
  let open: { index: number; ids: Set<string>; unanswered: Set<string> } | undefined
  const unanswered = () => {
    if (open?.unanswered.size) {
      fail(`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open.unanswered].join(', ')}`, `messages.[${open.index}].role`)
    }
  }
  messages.forEach((m, n) => {
    if (m.role === 'tool') {
      if (!open) fail("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${n}].role`)
      if (!open.ids.has(m.tool_call_id)) fail(`Invalid parameter: 'tool_call_id' of '${m.tool_call_id}' not found in 'tool_calls' of previous message.`, `messages.[${n}].tool_call_id`)
      open.unanswered.delete(m.tool_call_id)
      return
    }
    unanswered()
    const ids: string[] = m.role === 'assistant' && Array.isArray(m.tool_calls) ? m.tool_calls.map((c: any) => c?.id) : []
    open = ids.length ? { index: n, ids: new Set(ids), unanswered: new Set(ids) } : undefined
  })
  unanswered()
}

function validate(body: any, flavor: OpenAIFlavor): void {
  if (!isObject(body)) fail('We could not parse the JSON body of your request. (HINT: This likely means you aren\'t using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)')
  if (typeof body.model !== 'string' || !body.model) fail('you must provide a model parameter')
  if (body.messages === undefined) fail("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter')
  if (!Array.isArray(body.messages)) fail(`Invalid type for 'messages': expected an array of objects, but got ${typeof body.messages} instead.`, 'messages', 'invalid_type')
  if (!body.messages.length) fail("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array')
  body.messages.forEach((m: any, n: number) => {
    if (!isObject(m)) fail(`Invalid type for 'messages[${n}]': expected an object, but got ${typeof m} instead.`, `messages[${n}]`, 'invalid_type')
    if (!ROLES.includes(m.role)) fail(`Invalid value: '${String(m.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, `messages[${n}].role`, 'invalid_value')
    const needsContent = m.role !== 'assistant' || !Array.isArray(m.tool_calls)
    if (needsContent && m.content === undefined) fail(`Missing required parameter: 'messages[${n}].content'.`, `messages[${n}].content`, 'missing_required_parameter')
    // An assistant turn with neither text nor calls (a reasoning model out of budget, replayed).
    if (needsContent && m.content === null) fail("Invalid value for 'content': expected a string, got null.", `messages.[${n}].content`)
    if (m.role === 'assistant' && Array.isArray(m.tool_calls) && flavor === 'openai') {
      m.tool_calls.forEach((c: any, i: number) => {
        const at = `messages[${n}].tool_calls[${i}]`
        if (c?.type === undefined) fail(`Missing required parameter: '${at}.type'.`, `${at}.type`, 'missing_required_parameter')
        if (typeof c.id === 'string' && c.id.length > MAX_ID) fail(`Invalid '${at}.id': string too long. Expected a string with maximum length ${MAX_ID}, but got a string with length ${c.id.length} instead.`, `${at}.id`, 'string_above_max_length')
        const args = c.function?.arguments
        if (args !== undefined && typeof args !== 'string') fail(`Invalid type for '${at}.function.arguments': expected a string, but got ${Array.isArray(args) ? 'an array' : 'an object'} instead.`, `${at}.function.arguments`, 'invalid_type')
      })
    }
    if (m.role === 'tool' && flavor === 'openai' && typeof m.tool_call_id === 'string' && m.tool_call_id.length > MAX_ID) {
      fail(`Invalid 'messages[${n}].tool_call_id': string too long. Expected a string with maximum length ${MAX_ID}, but got a string with length ${m.tool_call_id.length} instead.`, `messages[${n}].tool_call_id`, 'string_above_max_length')
    }
    if (m.content != null && typeof m.content !== 'string' && !Array.isArray(m.content)) fail(`Invalid type for 'messages[${n}].content': expected one of a string or array of objects, but got ${typeof m.content} instead.`, `messages[${n}].content`, 'invalid_type')
    if (m.role === 'tool' && typeof m.tool_call_id !== 'string') fail(`Missing required parameter: 'messages[${n}].tool_call_id'.`, `messages[${n}].tool_call_id`, 'missing_required_parameter')
  })
  if (body.stream_options != null && body.stream !== true) fail("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', 'invalid_value')
  if (flavor === 'openai' && isReasoningModel(body.model)) {
    if (body.max_tokens != null) fail("Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", 'max_tokens', 'unsupported_parameter')
    if (body.temperature != null && body.temperature !== 1) fail(`Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`, 'temperature', 'unsupported_value')
  }
  const tools: any[] = body.tools ?? []
  if (!Array.isArray(tools)) fail(`Invalid type for 'tools': expected an array of objects, but got ${typeof tools} instead.`, 'tools', 'invalid_type')
  tools.forEach((t, i) => {
    const name = t?.function?.name
    if (t?.type !== 'function' || typeof name !== 'string') fail(`Missing required parameter: 'tools[${i}].function'.`, `tools[${i}].function`, 'missing_required_parameter')
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(name)) fail(`Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, `tools[${i}].function.name`, 'invalid_value')
    const err = flavor === 'openai' && t.function.strict === true ? strictSchemaError(t.function.parameters ?? {}) : undefined
    if (err) fail(`Invalid schema for function '${name}': ${err}`, `tools[${i}].function.parameters`, 'invalid_function_parameters')
  })
  const choice = body.tool_choice
  if (choice !== undefined && flavor !== 'ollama') {
    if (flavor === 'bare' && choice !== 'auto') fail(`tool_choice ${JSON.stringify(choice)} is not supported by this server; only "auto" is`, 'tool_choice')
    if (!tools.length && choice !== 'none') fail("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice')
  }
  const rf = body.response_format
  if (isObject(rf) && rf.type === 'json_schema') {
    if (flavor === 'bare') fail("response_format type 'json_schema' is not supported by this server", 'response_format')
    const js = rf.json_schema
    if (!isObject(js)) fail("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter')
    if (flavor === 'openai') {
      if (typeof js.name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(js.name)) fail("Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", 'response_format.json_schema.name', 'invalid_value')
      const err = js.strict === true ? strictSchemaError(js.schema ?? {}) : undefined
      if (err) fail(`Invalid schema for response_format '${js.name}': ${err}`, 'response_format')
    }
  }
  validateReasoningEffort(body, flavor)
  validatePairing(body.messages)
}

const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh']

/** OpenAI's own API: a known value, and only on a reasoning model. Compatible servers ignore the field. */
function validateReasoningEffort(body: any, flavor: OpenAIFlavor): void {
  const effort = body.reasoning_effort
  if (flavor !== 'openai' || effort === undefined || effort === null) return
  if (!REASONING_EFFORTS.includes(effort)) {
    fail(`Invalid value: '${String(effort)}'. Supported values are: 'none', 'minimal', 'low', 'medium', 'high', and 'xhigh'.`, 'reasoning_effort', 'invalid_value')
  }
  if (!isReasoningModel(body.model)) fail("Unsupported parameter: 'reasoning_effort' is not supported with this model.", 'reasoning_effort', 'unsupported_parameter')
}

const textOf = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.filter((p) => p?.type === 'text').map((p) => p.text).join('\n') : ''

function parseArgs(raw: unknown): unknown {
  try { return JSON.parse(String(raw)) } catch { return raw } // invalid JSON stays visible as the raw string
}

function seenMessage(m: any): SeenMessage {
  return {
    role: m.role === 'function' ? 'tool' : m.role, // legacy function results are tool results too
    text: textOf(m.content),
    toolCalls: (m.role === 'assistant' ? m.tool_calls ?? [] : []).map((c: any) => ({ id: c.id, name: c.function?.name, input: parseArgs(c.function?.arguments) })),
    toolResults: m.role === 'tool' ? [{ callId: m.tool_call_id, content: textOf(m.content), isError: false }] : []
  }
}

function usageBody(flavor: OpenAIFlavor, model: string, u: { input: number; output: number; cacheRead: number; cacheWrite: number }, reasoning = 0): unknown {
  const prompt = u.input + u.cacheRead + u.cacheWrite // prompt_tokens includes cached tokens
  const base = { prompt_tokens: prompt, completion_tokens: u.output, total_tokens: prompt + u.output }
  if (flavor === 'ollama' || flavor === 'bare') return base
  if (flavor === 'deepseek') {
    return { ...base, prompt_cache_hit_tokens: u.cacheRead, prompt_cache_miss_tokens: prompt - u.cacheRead, completion_tokens_details: { reasoning_tokens: reasoning } }
  }
  const writes = reportsCacheWrites(model) || u.cacheWrite > 0 ? { cache_write_tokens: u.cacheWrite } : {}
  return {
    ...base,
    prompt_tokens_details: { cached_tokens: u.cacheRead, audio_tokens: 0, ...writes },
    completion_tokens_details: { reasoning_tokens: reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 }
  }
}

function reply(turn: EmulatorTurn, body: any, flavor: OpenAIFlavor, history: PromptHistory, thought: Set<string>, strict?: number, noUsage = false): unknown {
  const model: string = body.model
  const text = turn.json !== undefined ? JSON.stringify(turn.json) : turn.text
  const calls = (turn.toolCalls ?? []).map((c) => {
    // OpenAI itself always sends a JSON string; some compatible servers send the object.
    const args = c.rawArguments !== undefined && (flavor !== 'openai' || typeof c.rawArguments === 'string') ? c.rawArguments : JSON.stringify(c.input ?? {})
    return { id: c.id ?? randomId('call_', 24), ...(c.omitType && flavor !== 'openai' ? {} : { type: 'function' }), function: { name: c.name, arguments: args } }
  })
  const refused = turn.stopReason === 'refusal'
  // A reasoning model cut off while thinking sends "" (not null) and no calls.
  const content = refused ? null : text ?? (calls.length ? null : '')
  const reasoning = turn.thinking !== undefined && flavor !== 'openai' ? { reasoning_content: turn.thinking } : {}
  if (reasoning.reasoning_content !== undefined) for (const c of calls) thought.add(c.id)
  const message = {
    role: 'assistant', content, ...reasoning, refusal: refused ? (text ?? 'I can\u2019t help with that.') : null, annotations: [],
    ...(calls.length ? { tool_calls: calls } : {})
  }
  const finish = turn.stopReason === 'max_tokens' ? 'length' : turn.stopReason === 'content_filter' ? 'content_filter'
    : calls.length && turn.stopReason !== 'end' ? 'tool_calls' : 'stop'
  // Automatic caching: the prompt's longest prefix shared with an earlier one, in 128-token steps from 1024.
  const prompt = JSON.stringify(body.tools ?? []) + body.messages.map((m: unknown) => JSON.stringify(m)).join('')
  const total = strict ?? estimateTokens(prompt.length)
  let read = 0
  let write = 0
  if ((flavor === 'openai' || flavor === 'deepseek') && total >= MIN_CACHED_TOKENS) {
    const sharedChars = history.longestSharedPrefixChars(model, prompt)
    // With the strict tokenizer the shared prefix is counted at the prompt's own tokens per character.
    const sharedTokens = strict !== undefined ? Math.floor((sharedChars / Math.max(1, prompt.length)) * strict) : Math.floor(sharedChars / 4)
    const shared = Math.floor(sharedTokens / CACHE_STEP) * CACHE_STEP
    read = shared >= MIN_CACHED_TOKENS ? shared : 0
    if (flavor === 'openai' && reportsCacheWrites(model)) write = Math.max(0, Math.floor(total / CACHE_STEP) * CACHE_STEP - read)
    history.add(model, prompt)
  }
  const outOfBudget = turn.stopReason === 'max_tokens' && !text && !calls.length
  const u = resolveUsage(turn, {
    input: total - read - write, cacheRead: read, cacheWrite: write,
    output: outOfBudget
      ? (body.max_completion_tokens ?? body.max_tokens ?? 1) // the whole budget went to reasoning
      : Math.max(1, estimateTokens(JSON.stringify({ content: message.content, reasoning, tool_calls: calls }).length))
  })
  return {
    id: randomId('chatcmpl-', 29), object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
    choices: [{ index: 0, message, finish_reason: finish, logprobs: null }],
    ...(noUsage ? {} : { usage: usageBody(flavor, model, u, outOfBudget ? u.output : 0) }),
    service_tier: 'default', system_fingerprint: flavor === 'ollama' ? 'fp_ollama' : null
  }
}

const requestIdHeader = () => ({ 'x-request-id': `req_${randomBytes(16).toString('hex')}` })

/** The completion as `chat.completion.chunk` events: role, then content, reasoning and call deltas, finish, usage last. */
function streamChunks(completion: any, includeUsage: boolean): SseEvent[] {
  const { choices, usage, object: _object, ...head } = completion
  const choice = choices[0]
  const m = choice.message
  const chunk = (delta: unknown, finish: string | null = null) => ({
    data: { ...head, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...(includeUsage ? { usage: null } : {}) }
  })
  const events: SseEvent[] = [chunk({ role: 'assistant', content: '', refusal: null })]
  if (typeof m.reasoning_content === 'string') for (const part of pieces(m.reasoning_content)) events.push(chunk({ reasoning_content: part }))
  if (typeof m.content === 'string') for (const part of pieces(m.content)) events.push(chunk({ content: part }))
  if (typeof m.refusal === 'string') for (const part of pieces(m.refusal)) events.push(chunk({ refusal: part }))
  ;(m.tool_calls ?? []).forEach((c: any, index: number) => {
    const { arguments: args, ...fn } = c.function
    events.push(chunk({ tool_calls: [{ index, ...c, function: { ...fn, arguments: typeof args === 'string' ? '' : args } }] }))
    if (typeof args === 'string') for (const part of pieces(args)) events.push(chunk({ tool_calls: [{ index, function: { arguments: part } }] }))
  })
  events.push(chunk({}, choice.finish_reason))
  if (includeUsage) events.push({ data: { ...head, object: 'chat.completion.chunk', choices: [], usage } })
  events.push({ data: '[DONE]' })
  return events
}

function pieces(text: string, size = 64): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

/** DeepSeek's thinking mode: a tool-call turn that was reasoned about must carry its reasoning_content back. */
function checkReasoningReturned(body: any, thought: Set<string>): void {
  for (const m of body.messages) {
    if (m.role !== 'assistant' || !Array.isArray(m.tool_calls)) continue
    const reasoned = m.tool_calls.some((c: any) => thought.has(c?.id))
    if (reasoned && (typeof m.reasoning_content !== 'string' || m.reasoning_content === '')) fail(DEEPSEEK_REASONING, null, 'invalid_request_error')
  }
}

export async function startOpenAIEmulator(opts: OpenAIEmulatorOptions): Promise<ModelEmulator> {
  const flavor = opts.flavor ?? 'openai'
  const core = new EmulatorCore()
  /** call ids answered with reasoning_content */
  const thought = new Set<string>()
  const history = new PromptHistory()
  const known = opts.models ? new Set(opts.models) : undefined

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const idHeader = requestIdHeader()
    const path = (req.url ?? '').split('?')[0]
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      return sendJson(res, 404, errorBody(flavor, 404, `Invalid URL (${req.method} ${path})`), idHeader)
    }
    const read = await readBody(req)
    if ('tooLarge' in read) return sendJson(res, 413, errorBody(flavor, 413, 'Request too large.'), idHeader)
    let body: any
    try { body = JSON.parse(read.text) } catch { body = read.text }
    const reject = (status: number, error: unknown) => {
      core.rejected.push({ body, status, error })
      sendJson(res, status, error, idHeader)
    }
    const headers = headersOf(req)
    const key = headers.authorization?.match(/^Bearer\s+(.*)$/i)?.[1]
    if (flavor !== 'ollama' && key !== opts.apiKey) return reject(401, authError(flavor, key))
    try {
      validate(body, flavor)
      if (body.stream === true && opts.noStreaming) fail("'stream' is not supported by this server", 'stream')
      if (flavor === 'deepseek') checkReasoningReturned(body, thought)
    } catch (e) {
      if (e instanceof Invalid) return reject(400, errorBody(flavor, 400, e.message, e.param, e.code))
      throw e
    }
    if (known && !known.has(body.model)) return reject(...modelNotFound(flavor, body.model))
    const isSystem = (m: any) => m.role === 'system' || m.role === 'developer'
    const window = opts.contextWindows?.[body.model]
    let strict: number | undefined
    let dropped = 0
    if (window !== undefined) {
      const maxOut = body.max_completion_tokens ?? body.max_tokens ?? 0
      strict = openaiPromptTokens(body.messages, body.tools)
      if (flavor === 'ollama') {
        // Ollama fits num_ctx silently: the oldest non-system messages go, and nobody is told.
        while (strict > window && body.messages.some((m: any) => !isSystem(m))) {
          body.messages.splice(body.messages.findIndex((m: any) => !isSystem(m)), 1)
          dropped++
          strict = openaiPromptTokens(body.messages, body.tools)
        }
      } else if (strict > window) {
        return reject(400, errorBody(flavor, 400, `This model's maximum context length is ${window} tokens. However, your messages resulted in ${strict} tokens. Please reduce the length of the messages.`, 'messages', 'context_length_exceeded'))
      } else if (strict + maxOut > window) {
        return reject(400, errorBody(flavor, 400, `This model's maximum context length is ${window} tokens. However, you requested ${strict + maxOut} tokens (${strict} in the messages, ${maxOut} in the completion). Please reduce the length of the messages or completion.`, 'messages', 'context_length_exceeded'))
      }
    }
    const rf = body.response_format
    const seen: SeenRequest = {
      provider: 'openai', model: body.model,
      system: body.messages.filter(isSystem).map((m: any) => textOf(m.content)).join('\n'),
      messages: body.messages.filter((m: any) => !isSystem(m)).map(seenMessage),
      toolNames: (body.tools ?? []).map((t: any) => t.function.name),
      structured: isObject(rf) && rf.type === 'json_schema',
      maxTokens: body.max_completion_tokens ?? body.max_tokens ?? 0,
      headers, body,
      ...(strict !== undefined ? { promptTokens: strict } : {}),
      ...(dropped ? { droppedMessages: dropped } : {})
    }
    await serveScripted(core, res, seen, {
      headers: idHeader,
      faultBody: (status) => faultBody(flavor, status, body.model),
      noScriptBody: () => errorBody(flavor, 500, noScriptMessage(body.model)),
      reply: (turn) => reply(turn, body, flavor, history, thought, strict, opts.noUsage),
      stream: (completion) => streamChunks(completion, body.stream_options?.include_usage === true),
      streamFault: (status) => [
        { data: { id: randomId('chatcmpl-', 29), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, logprobs: null, finish_reason: null }] } },
        { data: faultBody(flavor, status, body.model) }
      ]
    })
  }

  // A throwing responder (or an emulator bug) still gets an API-shaped answer instead of a hung socket.
  const port = await core.listen(handle, (res, err) =>
    sendJson(res, 500, errorBody(flavor, 500, `emulator: ${err instanceof Error ? err.message : String(err)}`), requestIdHeader()))
  return core.emulator(`http://127.0.0.1:${port}/v1`)
}
