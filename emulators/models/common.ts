// Server plumbing shared by the Anthropic and OpenAI emulators: the HTTP
// server, body reading, per-model scripts, injected faults, recording, the
// chars/4 token estimate and the bookkeeping of both caching schemes.
import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EmulatorTurn, FaultSpec, ModelEmulator, Responder, SeenRequest } from './types'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Random id in the style of the real APIs (msg_01..., toolu_01..., call_...). */
export function randomId(prefix: string, length = 24): string {
  const bytes = randomBytes(length)
  let out = prefix
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length]
  return out
}

/** The one token estimate used everywhere, so tests can predict it: ceil(chars / 4). */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4)
}

export function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Lower-cased header map; repeated headers joined like fetch's Headers does. */
export function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

/** Both APIs refuse bodies past 32 MB; reading stops there so a runaway test fails fast. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export async function readBody(req: IncomingMessage): Promise<{ text: string } | { tooLarge: true }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { tooLarge: true }
    chunks.push(chunk as Buffer)
  }
  return { text: Buffer.concat(chunks).toString('utf8') }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // The client may have given up (timeout) while we were waiting: nothing to answer.
  if (res.destroyed || res.writableEnded) return
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}

/** Calls a validator on every subschema (properties, items, combinators, definitions) with its path. */
export function walkSchema(schema: unknown, visit: (node: Record<string, any>, path: string[]) => string | undefined, path: string[] = []): string | undefined {
  if (!isObject(schema)) return undefined
  const found = visit(schema, path)
  if (found) return found
  const children: [string[], unknown][] = []
  for (const key of ['properties', '$defs', 'definitions', 'patternProperties']) {
    if (isObject(schema[key])) for (const [name, sub] of Object.entries(schema[key])) children.push([[key, name], sub])
  }
  for (const key of ['items', 'additionalProperties', 'not', 'contains']) {
    if (isObject(schema[key])) children.push([[key], schema[key]])
  }
  for (const key of ['anyOf', 'allOf', 'oneOf', 'prefixItems']) {
    if (Array.isArray(schema[key])) schema[key].forEach((sub: unknown, i: number) => children.push([[key, String(i)], sub]))
  }
  for (const [sub, child] of children) {
    const err = walkSchema(child, visit, [...path, ...sub])
    if (err) return err
  }
  return undefined
}

export function isObjectSchema(node: Record<string, any>): boolean {
  const t = node.type
  return t === 'object' || (Array.isArray(t) && t.includes('object')) || (t === undefined && isObject(node.properties))
}

/** Anthropic-style cache: entries are prefix hashes written at breakpoints, with a TTL refreshed on read. */
export class PrefixCache {
  private entries = new Map<string, { expires: number; ttlMs: number }>()
  has(key: string, now = Date.now()): boolean {
    const e = this.entries.get(key)
    return e !== undefined && e.expires > now
  }
  put(key: string, ttlMs: number, now = Date.now()): void {
    const e = this.entries.get(key)
    const ttl = Math.max(ttlMs, e?.ttlMs ?? 0)
    this.entries.set(key, { expires: now + ttl, ttlMs: ttl })
  }
  /** A read refreshes the entry for its own TTL, as the real cache does. */
  touch(key: string, now = Date.now()): void {
    const e = this.entries.get(key)
    if (e) e.expires = now + e.ttlMs
  }
}

/** Chained hash of a growing list of units, so every prefix has a cheap identity. */
export function chainHash(prev: string, unit: string): string {
  return createHash('sha256').update(prev).update('\u0000').update(unit).digest('hex')
}

/** OpenAI-style automatic cache: any earlier prompt of the model shares its longest common prefix. */
export class PromptHistory {
  private prompts: { model: string; text: string; at: number }[] = []
  constructor(private ttlMs = 10 * 60_000) {}
  longestSharedPrefixChars(model: string, text: string, now = Date.now()): number {
    let best = 0
    for (const p of this.prompts) {
      if (p.model !== model || p.at + this.ttlMs < now) continue
      const n = Math.min(p.text.length, text.length)
      let i = 0
      while (i < n && p.text.charCodeAt(i) === text.charCodeAt(i)) i++
      best = Math.max(best, i)
    }
    return best
  }
  add(model: string, text: string, now = Date.now()): void {
    this.prompts.push({ model, text, at: now })
  }
}

interface Script {
  fn?: Responder
  queue: EmulatorTurn[]
  calls: number
}

/**
 * The provider-independent half of a ModelEmulator: recording, scripts, faults,
 * timers and the server's lifetime. Provider modules supply the request handler.
 */
export class EmulatorCore {
  readonly requests: SeenRequest[] = []
  readonly rejected: { body: any; status: number; error: unknown }[] = []
  readonly replies: { model: string; body: any }[] = []
  private scripts = new Map<string, Script>()
  private faults: (FaultSpec & { left: number })[] = []
  private timers = new Map<NodeJS.Timeout, () => void>()
  private server: Server | undefined
  private closing: Promise<void> | undefined
  closed = false

  respond(model: string, script: Responder | EmulatorTurn[]): void {
    const existing = this.scripts.get(model)
    if (typeof script === 'function') {
      this.scripts.set(model, { fn: script, queue: [], calls: existing?.calls ?? 0 })
    } else if (existing && !existing.fn) {
      existing.queue.push(...script)
    } else {
      this.scripts.set(model, { queue: [...script], calls: existing?.calls ?? 0 })
    }
  }

  failNext(fault: FaultSpec): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 })
  }

  /** The next injected fault that applies to this model, consuming one of its `times`. */
  takeFault(model: string): FaultSpec | undefined {
    const i = this.faults.findIndex((f) => f.model === undefined || f.model === model)
    if (i < 0) return undefined
    const f = this.faults[i]!
    if (--f.left <= 0) this.faults.splice(i, 1)
    return f
  }

  /** The scripted turn for this call, or undefined when the model has nothing left. */
  async nextTurn(req: SeenRequest): Promise<EmulatorTurn | undefined> {
    const script = this.scripts.get(req.model)
    if (!script) return undefined
    const index = script.calls
    if (script.fn) {
      script.calls++
      return await script.fn(req, index)
    }
    const turn = script.queue.shift()
    if (turn) script.calls++
    return turn
  }

  /** Resolves true after ms, or false as soon as the emulator closes (unref'd: never holds the process). */
  sleep(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false)
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t)
        resolve(true)
      }, ms)
      t.unref()
      this.timers.set(t, () => resolve(false))
    })
  }

  async listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>, fallback: (res: ServerResponse, err: unknown) => void): Promise<number> {
    const server = createServer((req, res) => {
      handler(req, res).catch((err) => fallback(res, err))
    })
    this.server = server
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => resolve())
    })
    return (server.address() as AddressInfo).port
  }

  close(): Promise<void> {
    if (this.closing) return this.closing
    this.closed = true
    for (const [t, wake] of this.timers) {
      clearTimeout(t)
      wake()
    }
    this.timers.clear()
    const server = this.server
    this.closing = new Promise<void>((resolve) => {
      if (!server) return resolve()
      server.close(() => resolve())
      // Hung requests and idle keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections()
    })
    return this.closing
  }

  /** The ModelEmulator view handed to tests. */
  emulator(url: string): ModelEmulator {
    return {
      url,
      requests: this.requests,
      replies: this.replies,
      rejected: this.rejected,
      respond: (model, script) => this.respond(model, script),
      failNext: (fault) => this.failNext(fault),
      close: () => this.close()
    }
  }
}

/** Input-side usage override as a group (see EmulatorTurn.usage), output falls back to the estimate. */
export function resolveUsage(
  turn: EmulatorTurn,
  estimate: { input: number; output: number; cacheRead: number; cacheWrite: number }
): { input: number; output: number; cacheRead: number; cacheWrite: number } {
  const u = turn.usage
  if (!u) return estimate
  const inputSide = u.input !== undefined || u.cacheRead !== undefined || u.cacheWrite !== undefined
  return {
    input: inputSide ? (u.input ?? 0) : estimate.input,
    cacheRead: inputSide ? (u.cacheRead ?? 0) : estimate.cacheRead,
    cacheWrite: inputSide ? (u.cacheWrite ?? 0) : estimate.cacheWrite,
    output: u.output ?? estimate.output
  }
}

export function noScriptMessage(model: string): string {
  return `emulator: no scripted turn left for model ${model}`
}

export interface ScriptedAnswer {
  /** headers every answer carries (the request id) */
  headers: Record<string, string>
  /** the provider's error JSON for an injected fault without a body */
  faultBody(status: number): unknown
  /** the provider's error JSON for "no scripted turn left" (a 500) */
  noScriptBody(): unknown
  /** the success body; only called for a real answer, so cache bookkeeping belongs here */
  reply(turn: EmulatorTurn): unknown
  /** the same answer as server-sent events, for a request with `stream: true` */
  stream(reply: unknown): SseEvent[]
  /** the first events of a stream that then fails with this status (FaultSpec.midStream) */
  streamFault(status: number): SseEvent[]
}

/** One server-sent event: `event:` line (Anthropic names its events; OpenAI does not), then `data:`. */
export interface SseEvent {
  event?: string
  data: unknown
}

/** Writes the events as `text/event-stream`, one write each, the way the real servers flush them. */
export function sendSse(res: ServerResponse, events: SseEvent[], headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', ...headers })
  for (const e of events) {
    const data = typeof e.data === 'string' ? e.data : JSON.stringify(e.data)
    res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${data}\n\n`)
  }
  res.end()
}

/** After validation: record, then injected faults, then the model's script. */
export async function serveScripted(core: EmulatorCore, res: ServerResponse, seen: SeenRequest, p: ScriptedAnswer): Promise<void> {
  core.requests.push(seen)
  const fault = core.takeFault(seen.model)
  if (fault) {
    // A hung request stays open until the client times out or close() drops the socket.
    if (fault.hang) return
    if (fault.midStream && seen.body?.stream === true) return sendSse(res, p.streamFault(fault.status), p.headers)
    return sendJson(res, fault.status, fault.body ?? p.faultBody(fault.status), { ...p.headers, ...fault.headers })
  }
  const turn = await core.nextTurn(seen)
  if (!turn) {
    const error = p.noScriptBody()
    core.rejected.push({ body: seen.body, status: 500, error })
    return sendJson(res, 500, error, p.headers)
  }
  if (turn.delayMs && !(await core.sleep(turn.delayMs))) return
  if (turn.fault) {
    return sendJson(res, turn.fault.status, turn.fault.body ?? p.faultBody(turn.fault.status), { ...p.headers, ...turn.fault.headers })
  }
  const body = p.reply(turn)
  core.replies.push({ model: seen.model, body })
  if (seen.body?.stream === true) return sendSse(res, p.stream(body), p.headers)
  sendJson(res, 200, body, p.headers)
}
