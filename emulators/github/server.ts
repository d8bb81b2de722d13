// The HTTP side of the GitHub emulator: it records every request, injects the faults a
// test asked for, checks the token, parses JSON like GitHub (400 on bad JSON), and sends
// each answer with GitHub's rate-limit and request-id headers.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { DOCS, fail, type Ctx, type Reply } from './replies'
import type { Router } from './router'

export interface RecordedRequest {
  method: string
  path: string
  body: unknown
  headers: Record<string, string>
}
export interface Fault {
  method?: string
  path: RegExp
  status: number
  headers?: Record<string, string>
  body?: unknown
  times?: number
  /** never answer (until close): a GitHub that hangs */
  hang?: boolean
}

export interface EmulatorServer {
  /** http://127.0.0.1:port */
  origin: string
  /** every request, in order, faulted and rejected ones included */
  requests: RecordedRequest[]
  failNext(fault: Fault): void
  close(): Promise<void>
}

export async function startServer(opts: { token: string; graphqlPath: string; route: Router }): Promise<EmulatorServer> {
  const faults: (Fault & { left: number })[] = []
  const requests: RecordedRequest[] = []
  const limits = { core: 5000, graphql: 5000 }
  const resetAt = Math.floor(Date.now() / 1000) + 3600
  let origin = ''

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = []
    for await (const ch of req) chunks.push(ch as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', origin)
    const method = req.method ?? 'GET'
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v
    let body: unknown = raw
    let parsed = true
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      parsed = false
    }
    requests.push({ method, path: req.url ?? '/', body, headers })

    const resource = url.pathname === opts.graphqlPath ? 'graphql' : 'core'
    const send = (reply: Reply) => {
      limits[resource] = Math.max(0, limits[resource] - 1)
      const h: Record<string, string> = {
        'x-github-request-id': `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`,
        'x-github-media-type': 'github.v3; format=json',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(limits[resource]),
        'x-ratelimit-reset': String(resetAt),
        'x-ratelimit-used': String(5000 - limits[resource]),
        'x-ratelimit-resource': resource
      }
      if (reply.body !== undefined) h['content-type'] = 'application/json; charset=utf-8'
      for (const [k, v] of Object.entries(reply.headers ?? {})) h[k.toLowerCase()] = v
      res.writeHead(reply.status, h)
      res.end(reply.body === undefined ? undefined : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
    }

    const fault = faults.find(f => {
      f.path.lastIndex = 0 // a /g or /y regex would otherwise remember where it stopped
      return f.left > 0 && (!f.method || f.method.toUpperCase() === method) && f.path.test(url.pathname)
    })
    if (fault) {
      fault.left--
      if (fault.hang) return
      return send({ status: fault.status, headers: fault.headers, body: fault.body ?? { message: STATUS_CODES[fault.status] ?? 'Error', documentation_url: DOCS } })
    }
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(headers.authorization ?? '')
    if (!headers.authorization) return send(fail(401, 'Requires authentication'))
    if (auth?.[1] !== opts.token) return send(fail(401, 'Bad credentials'))
    if (!parsed) return send(fail(400, 'Problems parsing JSON'))
    if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body)) && method !== 'GET')
      return send(fail(400, 'Problems parsing JSON'))
    const ctx: Ctx = { method, params: [], query: url.searchParams, body: (body ?? {}) as Record<string, unknown>, pathname: url.pathname }
    try {
      send(await opts.route(method, url.pathname, ctx))
    } catch (e) {
      send({ status: 500, body: { message: `emulator error: ${e instanceof Error ? e.message : String(e)}` } })
    }
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    requests,
    failNext(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 })
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()))
        server.closeAllConnections() // octokit's fetch keeps connections alive
      })
  }
}
