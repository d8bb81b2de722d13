// Emulator of the Anthropic Messages API (anthropic-version 2026-10-21), close
// enough to the wire format that @anthropic-ai/sdk 1.x runs against it unchanged,
// and strict enough that requests the real API refuses are refused here too.
import { createHmac, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  EmulatorCore, PrefixCache, chainHash, estimateTokens, headersOf, isObject, isObjectSchema, noScriptMessage,
  randomId, readBody, resolveUsage, sendJson, serveScripted, walkSchema, type SseEvent
} from './common'
import { anthropicPromptTokens } from './tokenizer'
import type { AnthropicEmulatorOptions, EmulatorTurn, ModelEmulator, SeenMessage, SeenRequest } from './types'

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error', 401: 'authentication_error', 402: 'billing_error', 403: 'permission_error',
  404: 'not_found_error', 413: 'request_too_large', 429: 'rate_limit_error', 500: 'api_error',
  504: 'timeout_error', 529: 'overloaded_error'
}
const FAULT_MESSAGES: Record<number, string> = {
  429: 'This request would exceed your organization\'s rate limit. Please try again later.',
  500: 'Internal server error', 529: 'Overloaded', 504: 'Request timed out'
}
/** From this version on temperature/top_p/top_k are refused even at their defaults. */
const NO_SAMPLING_VERSION = '2026-10-21'
const BLOCK_TYPES = ['text', 'image', 'document', 'search_result', 'thinking', 'redacted_thinking', 'tool_use',
  'tool_result', 'server_tool_use', 'web_search_tool_result', 'web_fetch_tool_result', 'code_execution_tool_result',
  'container_upload', 'tool_reference']
const LOOKBACK_BLOCKS = 20
const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 }

class Invalid extends Error {}
function fail(message: string): never {
  throw new Invalid(message)
}

/** Minimum cacheable prefix per model family (PROVIDERS.md); below it a breakpoint is silently not cached. */
export function minCacheableTokens(model: string): number {
  if (/-5-5|fable|mythos|opus-5($|-\d{8})/.test(model)) return 512
  if (/opus-4-7/.test(model)) return 2048
  if (/opus-4-[56]|haiku-4-5/.test(model)) return 4096
  return 1024
}
const forcedToolChoiceRefused = (model: string): boolean => /-5-5|fable|mythos/.test(model)
/** Thinking cannot be turned off on these (PROVIDERS.md: "adaptive, always on"). */
const thinksAlways = (model: string): boolean => /opus-5-5|fable|mythos/.test(model)
const ID_PATTERN = /^[a-zA-Z0-9_-]+$/
const THINKING_DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking'

function errorBody(status: number, message: string, requestId: string): unknown {
  const type = ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error')
  return { type: 'error', error: { type, message }, request_id: requestId }
}

type Ttl = '5m' | '1h'
const ttlOf = (cc: unknown): Ttl | undefined => (isObject(cc) ? (cc.ttl === '1h' ? '1h' : '5m') : undefined)

function validateBlock(b: unknown, where: string, role: string, emptyScope: string): void {
  if (!isObject(b)) return fail(`${where}: Input should be a valid dictionary`)
  if (!BLOCK_TYPES.includes(b.type)) {
    fail(`${where}.type: Input tag '${String(b.type)}' found using 'type' does not match any of the expected tags: ${BLOCK_TYPES.map((t) => `'${t}'`).join(', ')}`)
  }
  if (b.type === 'text') {
    if (typeof b.text !== 'string') fail(`${where}.text: Field required`)
    if (b.text === '') fail(`${emptyScope}: text content blocks must be non-empty`)
    if (b.text.trim() === '') fail(`${emptyScope}: text content blocks must contain non-whitespace text`)
  }
  if (b.type === 'tool_use') {
    if (role !== 'assistant') fail(`${where}: \`tool_use\` blocks can only appear in \`assistant\` messages`)
    if (typeof b.id !== 'string' || typeof b.name !== 'string') fail(`${where}: \`tool_use\` blocks need an \`id\` and a \`name\``)
    if (!ID_PATTERN.test(b.id)) fail(`${where}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'`)
    if (!isObject(b.input)) fail(`${where}.input: Input should be a valid dictionary`)
  }
  if (b.type === 'tool_result') {
    if (role !== 'user') fail(`${where}: \`tool_result\` blocks can only appear in \`user\` messages`)
    if (typeof b.tool_use_id !== 'string') fail(`${where}.tool_use_id: Field required`)
    if (!ID_PATTERN.test(b.tool_use_id)) fail(`${where}.tool_result.tool_use_id: String should match pattern '^[a-zA-Z0-9_-]+$'`)
    if (Array.isArray(b.content)) b.content.forEach((c: unknown, i: number) => validateBlock(c, `${where}.content.${i}`, role, emptyScope))
  }
}

/** tool_use ids must be answered by leading tool_result blocks of the very next message, and only those. */
function validatePairing(messages: any[]): void {
  messages.forEach((m, n) => {
    const blocks: any[] = Array.isArray(m.content) ? m.content : []
    if (m.role === 'user') {
      const prev = messages[n - 1]
      const asked = new Set<string>(prev?.role === 'assistant' && Array.isArray(prev.content)
        ? prev.content.filter((b: any) => b.type === 'tool_use').map((b: any) => b.id) : [])
      blocks.forEach((b, i) => {
        if (b.type === 'tool_result' && !asked.has(b.tool_use_id)) {
          fail(`messages.${n}.content.${i}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${b.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`)
        }
      })
    }
    if (m.role !== 'assistant') return
    const ids = blocks.filter((b) => b.type === 'tool_use').map((b) => b.id as string)
    if (!ids.length) return
    const next = messages[n + 1]
    const answered = new Set<string>()
    if (next?.role === 'user' && Array.isArray(next.content)) {
      for (const b of next.content) {
        if (b.type !== 'tool_result') break // only the leading tool_result blocks count
        answered.add(b.tool_use_id)
      }
    }
    const missing = ids.filter((id) => !answered.has(id))
    if (missing.length) {
      fail(`messages.${n}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`)
    }
  })
}

function validateOutputFormat(format: unknown): void {
  if (format === undefined || format === null) return
  if (!isObject(format)) return fail('output_config.format: Input should be a valid dictionary')
  if (format.type !== 'json_schema') fail(`output_config.format.type: Input tag '${String(format.type)}' found using 'type' does not match any of the expected tags: 'json_schema'`)
  if (!isObject(format.schema)) fail('output_config.format.schema: Field required')
  const err = walkSchema(format.schema, (node) => {
    if (isObjectSchema(node) && node.additionalProperties !== false) return "For 'object' type, 'additionalProperties' must be explicitly set to false"
    if ('minLength' in node || 'maxLength' in node) return "For 'string' type, properties maxLength, minLength are not supported"
    if ('minItems' in node && node.minItems !== 0 && node.minItems !== 1) return "For 'array' type, 'minItems' values other than 0 or 1 are not supported"
    return undefined
  })
  if (err) fail(`output_config.format.schema: ${err}`)
}

const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max']
/** Effort came with Opus 4.5; the models before it refuse the field outright. */
const refusesEffort = (model: string): boolean => /^claude-(?:(?:haiku-4-5|sonnet-4-5|opus-4-1|opus-4-0|sonnet-4-0|opus-4|sonnet-4)(?:-\d{8})?$|3)/.test(model)

function validateEffort(model: string, effort: unknown): void {
  if (effort === undefined || effort === null) return
  if (typeof effort !== 'string' || !EFFORTS.includes(effort)) fail("output_config.effort: Input should be 'low', 'medium', 'high', 'xhigh' or 'max'")
  if (refusesEffort(model)) fail('This model does not support the effort parameter.')
}

/** Validation in roughly the order the API reports problems; the first one wins. */
function validate(body: any, version: string, countOnly: boolean): void {
  if (!isObject(body)) fail('Input should be a valid dictionary')
  if (body.model === undefined) fail('model: Field required')
  if (typeof body.model !== 'string') fail('model: Input should be a valid string')
  if (!countOnly) {
    if (body.max_tokens === undefined) fail('max_tokens: Field required')
    if (!Number.isInteger(body.max_tokens)) fail('max_tokens: Input should be a valid integer')
    if (body.max_tokens < 1) fail('max_tokens: Input should be greater than or equal to 1')
    if (body.stream !== undefined && typeof body.stream !== 'boolean') fail('stream: Input should be a valid boolean')
  }
  for (const p of ['temperature', 'top_p', 'top_k']) {
    if (p in body && version >= NO_SAMPLING_VERSION) fail(`${p}: \`${p}\` is not supported in anthropic-version ${NO_SAMPLING_VERSION} and later. Remove it from the request.`)
  }
  if (body.messages === undefined) fail('messages: Field required')
  if (!Array.isArray(body.messages)) fail('messages: Input should be a valid list')
  if (body.messages.length === 0) fail('messages: at least one message is required')
  body.messages.forEach((m: unknown, n: number) => {
    if (!isObject(m)) return fail(`messages.${n}: Input should be a valid dictionary`)
    if (m.role !== 'user' && m.role !== 'assistant') fail(`messages.${n}.role: Input should be 'user' or 'assistant'`)
    const last = n === body.messages.length - 1 && m.role === 'assistant'
    if (m.content === undefined) fail(`messages.${n}.content: Field required`)
    if (typeof m.content === 'string' || Array.isArray(m.content)) {
      if (m.content.length === 0 && !last) fail(`messages.${n}: all messages must have non-empty content except for the optional final assistant message`)
      if (Array.isArray(m.content)) m.content.forEach((b: unknown, i: number) => validateBlock(b, `messages.${n}.content.${i}`, m.role, 'messages'))
    } else fail(`messages.${n}.content: Input should be a valid string or a valid list`)
  })
  if (body.system !== undefined && typeof body.system !== 'string') {
    if (!Array.isArray(body.system)) fail('system: Input should be a valid string or a valid list')
    body.system.forEach((b: any, i: number) => {
      if (!isObject(b) || b.type !== 'text') fail(`system.${i}.type: Input tag '${String(b?.type)}' found using 'type' does not match any of the expected tags: 'text'`)
      validateBlock(b, `system.${i}`, 'system', 'system')
    })
  }
  const tools: any[] = body.tools ?? []
  if (!Array.isArray(tools)) fail('tools: Input should be a valid list')
  const names = new Set<string>()
  tools.forEach((t, i) => {
    if (!isObject(t)) return fail(`tools.${i}: Input should be a valid dictionary`)
    if (t.type !== undefined && t.type !== 'custom') return // server tools have their own shapes
    if (typeof t.name !== 'string' || !/^[a-zA-Z0-9_-]{1,128}$/.test(t.name)) fail(`tools.${i}.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`)
    if (!isObject(t.input_schema)) fail(`tools.${i}.custom.input_schema: Field required`)
    if (names.has(t.name)) fail('tools: Tool names must be unique.')
    names.add(t.name)
  })
  const choice = body.tool_choice
  if (choice !== undefined) {
    if (!isObject(choice) || !['auto', 'any', 'tool', 'none'].includes(choice.type)) fail(`tool_choice.type: Input tag '${String(choice?.type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`)
    if ((choice.type === 'any' || choice.type === 'tool') && forcedToolChoiceRefused(body.model)) fail('tool_choice: type "tool" and "any" are not supported for this model.')
    if (choice.type === 'tool' && !names.has(choice.name)) fail(`tool_choice.name: Tool '${String(choice.name)}' not found in provided tools`)
  }
  // Breakpoints in prefix order: at most 4, and a 1h TTL may not follow a 5m one.
  const ttls = breakpointTtls(body)
  if (ttls.length > 4) fail(`A maximum of 4 blocks with cache_control may be provided. Found ${ttls.length}.`)
  if (ttls.join(',').includes('5m,1h')) fail("cache_control: a ttl='1h' cache_control block must not come after a ttl='5m' block. Longer TTLs must come first.")
  if (body.output_config !== undefined && body.output_config !== null && !isObject(body.output_config)) fail('output_config: Input should be a valid dictionary')
  validateOutputFormat(body.output_config?.format)
  validateEffort(body.model, body.output_config?.effort)
  validatePairing(body.messages)
  const final = body.messages[body.messages.length - 1]
  const finalBlocks: any[] = final.role === 'assistant' ? (typeof final.content === 'string' ? [{ type: 'text', text: final.content }] : final.content) : []
  const tail = finalBlocks[finalBlocks.length - 1]
  if (tail?.type === 'text' && /\s$/.test(tail.text)) fail('messages: final assistant content cannot end with trailing whitespace')
}

/**
 * Thinking blocks are signed by the server: one sent back must carry the signature it
 * came with, for the model it came from. With thinking on, a tool-use continuation (the
 * request ends in tool results) must send the assistant turn back with its thinking first.
 */
class ThinkingSigner {
  private readonly secret = randomBytes(32)
  private readonly redacted = new Set<string>()
  sign(model: string, thinking: string): string {
    return createHmac('sha256', this.secret).update(model).update('\u0000').update(thinking).digest('base64')
  }
  redact(model: string): string {
    const data = `${randomBytes(24).toString('base64')}${this.sign(model, 'redacted').slice(0, 16)}`
    this.redacted.add(`${model}\u0000${data}`)
    return data
  }
  validate(body: any, thinking: boolean): void {
    const model: string = body.model
    body.messages.forEach((m: any, n: number) => {
      if (!Array.isArray(m.content)) return
      m.content.forEach((b: any, i: number) => {
        if (b?.type === 'thinking' && (typeof b.signature !== 'string' || b.signature !== this.sign(model, String(b.thinking)))) {
          fail(`messages.${n}.content.${i}: Invalid \`signature\` in \`thinking\` block`)
        }
        if (b?.type === 'redacted_thinking' && !this.redacted.has(`${model}\u0000${String(b.data)}`)) {
          fail(`messages.${n}.content.${i}: Invalid \`data\` in \`redacted_thinking\` block`)
        }
      })
    })
    if (!thinking) return
    const msgs: any[] = body.messages
    const last = msgs[msgs.length - 1]
    const continuing = last?.role === 'user' && Array.isArray(last.content) && last.content.length > 0 && last.content.every((b: any) => b?.type === 'tool_result')
    if (!continuing) return
    const n = msgs.length - 2
    const turn = msgs[n]
    if (turn?.role !== 'assistant') return
    const first = typeof turn.content === 'string' ? { type: 'text' } : turn.content[0]
    if (first?.type !== 'thinking' && first?.type !== 'redacted_thinking') {
      fail(`messages.${n}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first?.type)}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at ${THINKING_DOCS}`)
    }
  }
}

const STOP_REASONS: Record<string, string> = {
  max_tokens: 'max_tokens', pause: 'pause_turn', refusal: 'refusal', context_window: 'model_context_window_exceeded', end: 'end_turn'
}

function breakpointTtls(body: any): Ttl[] {
  const out: (Ttl | undefined)[] = []
  for (const t of body.tools ?? []) out.push(ttlOf(t.cache_control))
  if (Array.isArray(body.system)) for (const b of body.system) out.push(ttlOf(b.cache_control))
  for (const m of body.messages) {
    if (!Array.isArray(m.content)) continue
    for (const b of m.content) {
      out.push(ttlOf(b.cache_control))
      if (b.type === 'tool_result' && Array.isArray(b.content)) for (const c of b.content) out.push(ttlOf(c?.cache_control))
    }
  }
  out.push(ttlOf(body.cache_control))
  return out.filter((t): t is Ttl => t !== undefined)
}

interface Unit { key: string; chars: number; ttl?: Ttl }

/** The prompt as cacheable blocks in prefix order (tools -> system -> messages); cache_control is not content. */
function promptUnits(body: any): Unit[] {
  const units: Unit[] = []
  const add = (tag: string, block: any) => {
    const { cache_control, ...rest } = block
    let ttl = ttlOf(cache_control)
    if (rest.type === 'tool_result' && Array.isArray(rest.content)) {
      rest.content = rest.content.map(({ cache_control: inner, ...c }: any) => ((ttl ??= ttlOf(inner)), c))
    }
    const json = JSON.stringify(rest)
    units.push({ key: tag + json, chars: json.length, ttl })
  }
  for (const t of body.tools ?? []) add('tool:', t)
  if (typeof body.system === 'string') add('system:', { type: 'text', text: body.system })
  else for (const b of body.system ?? []) add('system:', b)
  for (const m of body.messages) {
    if (typeof m.content === 'string') add(`${m.role}:`, { type: 'text', text: m.content })
    else for (const b of m.content) add(`${m.role}:`, b)
  }
  // Top-level cache_control (automatic caching) marks the last cacheable block.
  const last = units[units.length - 1]
  const auto = ttlOf(body.cache_control)
  if (last && auto && !last.ttl) last.ttl = auto
  return units
}

/** Reads the longest prefix written before (with the 20-block lookback), writes up to the last breakpoint. */
function cacheUsage(cache: PrefixCache, model: string, units: Unit[]) {
  let chars = 0
  let hash = `anthropic:${model}`
  const tokens: number[] = []
  const keys: string[] = []
  for (const u of units) {
    chars += u.chars
    hash = chainHash(hash, u.key)
    tokens.push(estimateTokens(chars))
    keys.push(hash)
  }
  const total = estimateTokens(chars)
  const bps = units.flatMap((u, i) => (u.ttl ? [i] : []))
  let readIdx = -1
  for (const bp of bps) {
    for (let j = bp; j >= Math.max(0, bp - LOOKBACK_BLOCKS) && j > readIdx; j--) {
      if (cache.has(keys[j]!)) { readIdx = j; break }
    }
  }
  const read = readIdx >= 0 ? tokens[readIdx]! : 0
  if (readIdx >= 0) cache.touch(keys[readIdx]!)
  const min = minCacheableTokens(model)
  let prev = read
  const write = { '5m': 0, '1h': 0 }
  for (const bp of bps) {
    if (bp <= readIdx || tokens[bp]! < min) continue
    const ttl = units[bp]!.ttl!
    write[ttl] += tokens[bp]! - prev
    prev = tokens[bp]!
    cache.put(keys[bp]!, TTL_MS[ttl])
  }
  return { total, read, write }
}

function seenMessage(m: any): SeenMessage {
  const blocks: any[] = typeof m.content === 'string' ? [{ type: 'text', text: m.content }] : m.content
  const textOf = (bs: any[]) => bs.filter((b) => b?.type === 'text').map((b) => b.text).join('\n')
  return {
    role: m.role,
    text: textOf(blocks),
    toolCalls: blocks.filter((b) => b.type === 'tool_use').map((b) => ({ id: b.id, name: b.name, input: b.input })),
    toolResults: blocks.filter((b) => b.type === 'tool_result').map((b) => ({
      callId: b.tool_use_id,
      content: typeof b.content === 'string' ? b.content : Array.isArray(b.content) ? textOf(b.content) : '',
      isError: b.is_error === true
    }))
  }
}

function reply(turn: EmulatorTurn, model: string, cache: PrefixCache, body: any, signer: ThinkingSigner, thinking: boolean, strict?: number): unknown {
  const content: unknown[] = []
  const text = turn.json !== undefined ? JSON.stringify(turn.json) : turn.text
  const toolUse = (turn.toolCalls?.length ?? 0) > 0
  // A model that thinks always thinks before it calls a tool; a scripted thought is used as is.
  const thought = turn.thinking ?? (thinking && toolUse ? `I should call ${turn.toolCalls!.map((c) => c.name).join(' and ')} next.` : undefined)
  if (turn.redactedThinking) content.push({ type: 'redacted_thinking', data: signer.redact(model) })
  else if (thought !== undefined) content.push({ type: 'thinking', thinking: thought, signature: signer.sign(model, thought) })
  if (text !== undefined) content.push({ type: 'text', text })
  for (const c of turn.toolCalls ?? []) content.push({ type: 'tool_use', id: c.id ?? randomId('toolu_01', 22), name: c.name, input: c.input ?? {} })
  const stop = (turn.stopReason && STOP_REASONS[turn.stopReason]) ?? (toolUse ? 'tool_use' : 'end_turn')
  const est = cacheUsage(cache, model, promptUnits(body))
  if (strict !== undefined && est.total > 0) {
    // A model with a context window counts with the strict tokenizer; the cache split keeps its proportions.
    const f = strict / est.total
    est.read = Math.floor(est.read * f)
    est.write = { '5m': Math.floor(est.write['5m'] * f), '1h': Math.floor(est.write['1h'] * f) }
    est.total = strict
  }
  const estWrite = est.write['5m'] + est.write['1h']
  const u = resolveUsage(turn, {
    input: est.total - est.read - estWrite,
    cacheRead: est.read,
    cacheWrite: estWrite,
    output: Math.max(1, estimateTokens(JSON.stringify(content).length))
  })
  // An override's cache write is all 5-minute; the estimate keeps its own TTL split.
  const write1h = u.cacheWrite === estWrite ? est.write['1h'] : 0
  return {
    id: randomId('msg_01', 22), type: 'message', role: 'assistant', model, content,
    stop_reason: stop, stop_sequence: null,
    usage: {
      input_tokens: u.input, output_tokens: u.output,
      cache_creation_input_tokens: u.cacheWrite, cache_read_input_tokens: u.cacheRead,
      cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite - write1h, ephemeral_1h_input_tokens: write1h },
      service_tier: 'standard'
    }
  }
}

/** The message as the SSE events the API streams: deltas per block, usage in message_delta. */
function streamEvents(msg: any): SseEvent[] {
  const { content, usage, stop_reason, stop_sequence, ...head } = msg
  const events: SseEvent[] = [
    { event: 'message_start', data: { type: 'message_start', message: { ...head, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } } },
    { event: 'ping', data: { type: 'ping' } }
  ]
  content.forEach((b: any, index: number) => {
    const start = b.type === 'text' ? { type: 'text', text: '' }
      : b.type === 'thinking' ? { type: 'thinking', thinking: '', signature: '' }
      : b.type === 'tool_use' ? { ...b, input: {} } : b
    events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: start } })
    const delta = (d: unknown) => events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: d } })
    if (b.type === 'text') for (const part of pieces(b.text)) delta({ type: 'text_delta', text: part })
    if (b.type === 'thinking') {
      for (const part of pieces(b.thinking)) delta({ type: 'thinking_delta', thinking: part })
      delta({ type: 'signature_delta', signature: b.signature })
    }
    if (b.type === 'tool_use') for (const part of pieces(JSON.stringify(b.input))) delta({ type: 'input_json_delta', partial_json: part })
    events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } })
  })
  events.push(
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason, stop_sequence }, usage } },
    { event: 'message_stop', data: { type: 'message_stop' } }
  )
  return events
}

/** Splits text the way a stream does: a few pieces, never empty ones. */
function pieces(text: string, size = 64): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

export async function startAnthropicEmulator(opts: AnthropicEmulatorOptions): Promise<ModelEmulator> {
  const core = new EmulatorCore()
  const cache = new PrefixCache()
  const signer = new ThinkingSigner()
  const alwaysThinks = opts.alwaysThinking ?? thinksAlways
  const known = opts.models ? new Set(opts.models) : undefined

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomId('req_011C', 20)
    const idHeader = { 'request-id': requestId }
    const path = (req.url ?? '').split('?')[0]
    const error = (status: number, message: string) => sendJson(res, status, errorBody(status, message, requestId), idHeader)
    if (req.method !== 'POST' || (path !== '/v1/messages' && path !== '/v1/messages/count_tokens')) return error(404, 'Not Found')
    const read = await readBody(req)
    if ('tooLarge' in read) return error(413, 'Request exceeds the maximum allowed number of bytes.')
    let body: any
    try { body = JSON.parse(read.text) } catch { body = read.text }
    const reject = (status: number, message: string) => {
      const err = errorBody(status, message, requestId)
      core.rejected.push({ body, status, error: err })
      sendJson(res, status, err, idHeader)
    }
    const headers = headersOf(req)
    // SDK 1.x authenticates with `Authorization: Bearer`; older clients and proxies send x-api-key, which wins when present.
    const key = headers['x-api-key'] ?? headers.authorization?.replace(/^Bearer\s+/i, '')
    if (key !== opts.apiKey) return reject(401, 'invalid x-api-key')
    const version = headers['anthropic-version']
    if (!version) return reject(400, 'anthropic-version: header is required')
    if (typeof body === 'string') return reject(400, 'There was an error parsing the body: the request body is not valid JSON.')
    const countOnly = path.endsWith('/count_tokens')
    const thinking = alwaysThinks(String(body?.model)) || ['enabled', 'adaptive'].includes(body?.thinking?.type)
    try {
      validate(body, version, countOnly)
      signer.validate(body, thinking)
    } catch (e) {
      if (e instanceof Invalid) return reject(400, e.message)
      throw e
    }
    if (known && !known.has(body.model)) return reject(404, `model: ${body.model}`)
    const window = opts.contextWindows?.[body.model]
    const strict = window !== undefined ? anthropicPromptTokens(body) : undefined
    if (countOnly && strict !== undefined) return sendJson(res, 200, { input_tokens: strict }, idHeader)
    if (window !== undefined && strict !== undefined) {
      if (strict > window) return reject(400, `prompt is too long: ${strict} tokens > ${window} maximum`)
      if (strict + body.max_tokens > window) {
        return reject(400, `input length and \`max_tokens\` exceed context limit: ${strict} + ${body.max_tokens} > ${window}, decrease input length or \`max_tokens\` and try again`)
      }
    }
    if (countOnly) {
      const chars = promptUnits(body).reduce((n, u) => n + u.chars, 0)
      return sendJson(res, 200, { input_tokens: estimateTokens(chars) }, idHeader)
    }
    const system = typeof body.system === 'string' ? body.system : (body.system ?? []).map((b: any) => b.text).join('\n')
    const seen: SeenRequest = {
      provider: 'anthropic', model: body.model, system,
      messages: body.messages.map(seenMessage),
      toolNames: (body.tools ?? []).map((t: any) => t.name).filter((n: unknown) => typeof n === 'string'),
      structured: isObject(body.output_config?.format),
      maxTokens: body.max_tokens, headers, body,
      ...(strict !== undefined ? { promptTokens: strict } : {})
    }
    await serveScripted(core, res, seen, {
      headers: idHeader,
      faultBody: (status) => errorBody(status, FAULT_MESSAGES[status] ?? `emulated ${status} error`, requestId),
      noScriptBody: () => errorBody(500, noScriptMessage(body.model), requestId),
      reply: (turn) => reply(turn, body.model, cache, body, signer, thinking, strict),
      stream: streamEvents,
      streamFault: (status) => [
        { event: 'message_start', data: { type: 'message_start', message: { id: randomId('msg_01', 22), type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } } },
        { event: 'ping', data: { type: 'ping' } },
        { event: 'error', data: errorBody(status, FAULT_MESSAGES[status] ?? `emulated ${status} error`, requestId) }
      ]
    })
  }

  // A throwing responder (or an emulator bug) still gets an API-shaped answer instead of a hung socket.
  const port = await core.listen(handle, (res, err) => {
    const requestId = randomId('req_011C', 20)
    sendJson(res, 500, errorBody(500, `emulator: ${err instanceof Error ? err.message : String(err)}`, requestId), { 'request-id': requestId })
  })
  return core.emulator(`http://127.0.0.1:${port}`)
}
