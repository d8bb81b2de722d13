// How a route sees a request and answers it: the error bodies, validation messages and
// Link pagination of github.com, so that clients meet the same answers here as there.
import type { Repo } from './state'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
export interface Ctx {
  method: string
  params: string[]
  query: URLSearchParams
  body: Record<string, unknown>
  pathname: string
}
export type Handler = (c: Ctx, r: Repo) => Reply | Promise<Reply>
export type Route = [method: string, pattern: RegExp, handler: Handler]

/** A route under /repos/{owner}/{repo}: params[0] and params[1] are the owner and the name. */
export const repoRoute = (method: string, pattern: string, h: Handler): Route =>
  [method, new RegExp(`^/repos/([^/]+)/([^/]+)${pattern}$`), h]

export const DOCS = 'https://docs.github.com/rest'
const MAX_BODY = 65536 // GitHub rejects issue/PR/comment bodies longer than this

export function fail(status: number, message: string, doc = ''): Reply {
  return { status, body: { message, documentation_url: `${DOCS}${doc}`, status: String(status) } }
}
export function invalid(doc: string, ...errors: Record<string, unknown>[]): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: `${DOCS}${doc}`, status: '422' } }
}
// The message GitHub gives when a required JSON field is absent or mistyped.
export function badField(body: Record<string, unknown>, field: string, doc: string, required = true): Reply | null {
  const v = body[field]
  if (v === undefined || v === null) return required ? fail(422, `Invalid request.\n\n"${field}" wasn't supplied.`, doc) : null
  if (typeof v !== 'string') return fail(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not a string.`, doc)
  return null
}
export function tooLong(resource: string, body: unknown, doc: string): Reply | null {
  if (typeof body === 'string' && body.length > MAX_BODY)
    return invalid(doc, { resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` })
  return null
}

// Page like GitHub: per_page default 30, max 100; Link carries prev/next/last/first.
export function page<T>(all: T[], c: Ctx, origin: string): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number.parseInt(c.query.get('per_page') ?? '', 10) || 30))
  const pageNo = Math.max(1, Number.parseInt(c.query.get('page') ?? '', 10) || 1)
  const last = Math.max(1, Math.ceil(all.length / perPage))
  const link = (n: number, rel: string) => {
    const q = new URLSearchParams(c.query)
    q.set('page', String(n))
    return `<${origin}${c.pathname}?${q.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNo > 1) links.push(link(Math.min(pageNo - 1, last), 'prev'))
  if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'))
  if (pageNo > 1) links.push(link(1, 'first'))
  return { items: all.slice((pageNo - 1) * perPage, pageNo * perPage), headers: links.length ? { link: links.join(', ') } : {} }
}
