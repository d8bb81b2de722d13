// An emulator of the slice of the GitHub REST (and GraphQL) API draft-review
// uses, served on 127.0.0.1 so the real octokit stack (getOctokit +
// plugin-retry + plugin-throttling) runs against it unchanged. It answers the
// way github.com does where the action could notice the difference: status
// codes, error bodies, Link pagination, rate-limit headers, the `permission`
// vs `role_name` split, the silent `head` filter quirk, and 422s on bad PRs.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { git, tip } from './git'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export interface EmulatedIssue {
  number: number
  title: string
  body: string | null
  labels: string[]
  user: string
  state: 'open' | 'closed'
}
export interface EmulatedComment {
  id: number
  body: string
  user: string
  created_at: string
  updated_at: string
}
export interface EmulatedPull {
  number: number
  title: string
  body: string | null
  head: string
  base: string
  draft: boolean
  state: 'open' | 'closed'
  html_url: string
  node_id: string
  user: string
}
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
}
export interface GitHubEmulator {
  url: string
  addRepo(repo: {
    owner: string
    name: string
    defaultBranch?: string
    bareDir?: string
    permissions?: Record<string, Permission>
    private?: boolean
    /** false: a private repository on GitHub Free/Pro, where creating a draft pull request is a 422 */
    draftPullRequests?: boolean
  }): void
  addIssue(ownerName: string, issue: { number: number; title: string; body?: string; labels?: string[]; user?: string }): void
  issues(ownerName: string): EmulatedIssue[]
  comments(ownerName: string, issueNumber: number): EmulatedComment[]
  pulls(ownerName: string): EmulatedPull[]
  requests: RecordedRequest[]
  failNext(fault: Fault): void
  close(): Promise<void>
}
export interface GitHubEmulatorOptions {
  token: string
  pathPrefix?: string
  botLogin?: string
}

// --- state -----------------------------------------------------------------

interface Item {
  // Issues and pull requests share one number space, as on GitHub.
  number: number
  id: number
  node_id: string
  title: string
  body: string | null
  labels: string[]
  user: string
  state: 'open' | 'closed'
  created_at: string
  updated_at: string
  closed_at: string | null
  pull?: { head: string; base: string; draft: boolean; sha: string }
}
interface Comment extends EmulatedComment {
  issue: number
  node_id: string
}
interface Repo {
  owner: string
  name: string
  id: number
  defaultBranch: string
  bareDir?: string
  permissions: Record<string, Permission>
  private: boolean
  drafts: boolean
  items: Map<number, Item>
  comments: Comment[]
  nextNumber: number
}
interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}
interface Ctx {
  method: string
  params: string[]
  query: URLSearchParams
  body: Record<string, unknown>
  pathname: string
}

const DOCS = 'https://docs.github.com/rest'
const MAX_BODY = 65536 // GitHub rejects issue/PR/comment bodies longer than this
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') // GitHub omits milliseconds
const nodeId = (prefix: string) => `${prefix}_kwDO${randomBytes(9).toString('base64url')}`

function fail(status: number, message: string, doc = ''): Reply {
  return { status, body: { message, documentation_url: `${DOCS}${doc}`, status: String(status) } }
}
function invalid(doc: string, ...errors: Record<string, unknown>[]): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors, documentation_url: `${DOCS}${doc}`, status: '422' } }
}
// The message GitHub gives when a required JSON field is absent or mistyped.
function badField(body: Record<string, unknown>, field: string, doc: string, required = true): Reply | null {
  const v = body[field]
  if (v === undefined || v === null) return required ? fail(422, `Invalid request.\n\n"${field}" wasn't supplied.`, doc) : null
  if (typeof v !== 'string') return fail(422, `Invalid request.\n\nFor 'properties/${field}', ${JSON.stringify(v)} is not a string.`, doc)
  return null
}
function tooLong(resource: string, body: unknown, doc: string): Reply | null {
  if (typeof body === 'string' && body.length > MAX_BODY)
    return invalid(doc, { resource, code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY} characters)` })
  return null
}

export async function startGitHubEmulator(opts: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const prefix = (opts.pathPrefix ?? '').replace(/\/+$/, '')
  const botLogin = opts.botLogin ?? 'github-actions[bot]'
  // @octokit/graphql maps a GHES base URL ending in /api/v3 to /api/graphql.
  const graphqlPath = /\/api\/v3$/.test(prefix) ? prefix.replace(/\/api\/v3$/, '/api/graphql') : `${prefix}/graphql`
  const repos = new Map<string, Repo>()
  const users = new Map<string, number>([[botLogin.toLowerCase(), 41898282]])
  const faults: (Fault & { left: number })[] = []
  const requests: RecordedRequest[] = []
  const limits = { core: 5000, graphql: 5000 }
  const resetAt = Math.floor(Date.now() / 1000) + 3600
  let nextId = 1_000_001
  let origin = ''

  const key = (ownerName: string) => ownerName.toLowerCase() // GitHub matches owner/repo case-insensitively
  const knowUser = (login: string) => {
    if (!users.has(login.toLowerCase())) users.set(login.toLowerCase(), nextId++)
  }
  const repoOf = (ownerName: string) => {
    const r = repos.get(key(ownerName))
    if (!r) throw new Error(`emulator: no repo ${ownerName}; call addRepo first`)
    return r
  }
  const apiRoot = () => origin + prefix
  const htmlRoot = () => (prefix ? origin : 'https://github.com') // GHES serves its web UI at the host root
  const userJson = (login: string) => ({
    login,
    id: users.get(login.toLowerCase()) ?? 0,
    node_id: `U_${Buffer.from(login).toString('base64url')}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    url: `${apiRoot()}/users/${encodeURIComponent(login)}`,
    html_url: `${htmlRoot()}/${login.endsWith('[bot]') ? 'apps/' + login.slice(0, -5) : login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${users.get(login.toLowerCase()) ?? 0}?v=4`
  })
  const roleOf = (repo: Repo, login: string): Permission => {
    const explicit = Object.entries(repo.permissions).find(([u]) => u.toLowerCase() === login.toLowerCase())
    if (explicit) return explicit[1]
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'admin'
    // Anyone may read a public repository; a private one grants nothing.
    return repo.private ? 'none' : 'read'
  }
  const association = (repo: Repo, login: string) => {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER'
    return ['admin', 'maintain', 'write', 'triage'].includes(roleOf(repo, login)) ? 'COLLABORATOR' : 'NONE'
  }
  const repoJson = (r: Repo) => ({
    id: r.id,
    node_id: `R_${Buffer.from(`${r.owner}/${r.name}`).toString('base64url')}`,
    name: r.name,
    full_name: `${r.owner}/${r.name}`,
    private: r.private,
    visibility: r.private ? 'private' : 'public',
    owner: userJson(r.owner),
    html_url: `${htmlRoot()}/${r.owner}/${r.name}`,
    url: `${apiRoot()}/repos/${r.owner}/${r.name}`,
    clone_url: `${htmlRoot()}/${r.owner}/${r.name}.git`,
    default_branch: r.defaultBranch,
    fork: false,
    archived: false,
    disabled: false
  })
  const issueJson = (r: Repo, it: Item) => {
    const kind = it.pull ? 'pull' : 'issues'
    return {
      id: it.id,
      node_id: it.node_id,
      number: it.number,
      url: `${apiRoot()}/repos/${r.owner}/${r.name}/issues/${it.number}`,
      html_url: `${htmlRoot()}/${r.owner}/${r.name}/${kind}/${it.number}`,
      title: it.title,
      body: it.body,
      state: it.state,
      state_reason: null,
      locked: false,
      user: userJson(it.user),
      labels: it.labels.map((name, i) => ({ id: i + 1, node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null })),
      assignees: [],
      comments: r.comments.filter(c => c.issue === it.number).length,
      created_at: it.created_at,
      updated_at: it.updated_at,
      closed_at: it.closed_at,
      author_association: association(r, it.user),
      // Present only for pull requests: how clients tell the two apart.
      ...(it.pull
        ? { pull_request: { url: `${apiRoot()}/repos/${r.owner}/${r.name}/pulls/${it.number}`, html_url: `${htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`, merged_at: null } }
        : {})
    }
  }
  const commentJson = (r: Repo, c: Comment) => {
    const it = r.items.get(c.issue)
    return {
      id: c.id,
      node_id: c.node_id,
      url: `${apiRoot()}/repos/${r.owner}/${r.name}/issues/comments/${c.id}`,
      html_url: `${htmlRoot()}/${r.owner}/${r.name}/${it?.pull ? 'pull' : 'issues'}/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${apiRoot()}/repos/${r.owner}/${r.name}/issues/${c.issue}`,
      body: c.body,
      user: userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: association(r, c.user)
    }
  }
  // head.sha follows the branch, as on GitHub when the branch is pushed again.
  const branchSha = async (r: Repo, branch: string, fallback: string) =>
    (r.bareDir ? await tip(r.bareDir, branch) : null) ?? fallback
  const pullJson = async (r: Repo, it: Item) => {
    const p = it.pull!
    const side = async (ref: string, fallback: string) => ({
      label: `${r.owner}:${ref}`,
      ref,
      sha: await branchSha(r, ref, fallback),
      user: userJson(r.owner),
      repo: repoJson(r)
    })
    return {
      url: `${apiRoot()}/repos/${r.owner}/${r.name}/pulls/${it.number}`,
      id: it.id,
      node_id: it.node_id,
      html_url: `${htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`,
      diff_url: `${htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}.diff`,
      issue_url: `${apiRoot()}/repos/${r.owner}/${r.name}/issues/${it.number}`,
      number: it.number,
      state: it.state,
      locked: false,
      title: it.title,
      user: userJson(it.user),
      body: it.body,
      labels: [],
      created_at: it.created_at,
      updated_at: it.updated_at,
      closed_at: it.closed_at,
      merged_at: null,
      merge_commit_sha: null,
      draft: p.draft,
      head: await side(p.head, p.sha),
      base: await side(p.base, '0'.repeat(40)),
      author_association: association(r, it.user),
      merged: false,
      mergeable: null
    }
  }

  // Page like GitHub: per_page default 30, max 100; Link carries prev/next/last/first.
  function page<T>(all: T[], c: Ctx): { items: T[]; headers: Record<string, string> } {
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

  // --- routes --------------------------------------------------------------
  type Handler = (c: Ctx, r: Repo) => Reply | Promise<Reply>
  const routes: [string, RegExp, Handler][] = []
  const on = (method: string, pattern: string, h: Handler) =>
    routes.push([method, new RegExp(`^/repos/([^/]+)/([^/]+)${pattern}$`), h])

  on('GET', '', (_c, r) => ({ status: 200, body: repoJson(r) }))

  on('GET', '/issues/(\\d+)', (c, r) => {
    const it = r.items.get(Number(c.params[2]))
    return it ? { status: 200, body: issueJson(r, it) } : fail(404, 'Not Found', '/issues/issues#get-an-issue')
  })

  on('GET', '/collaborators/([^/]+)/permission', (c, r) => {
    const login = decodeURIComponent(c.params[2] ?? '')
    if (!users.has(login.toLowerCase())) return fail(404, 'Not Found', '/collaborators/collaborators#get-repository-permissions-for-a-user')
    const role = roleOf(r, login)
    // `permission` is the legacy base role: maintain reads as write, triage as read.
    const legacy = role === 'maintain' ? 'write' : role === 'triage' ? 'read' : role
    const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role)
    return {
      status: 200,
      body: {
        permission: legacy,
        role_name: role,
        user: {
          ...userJson(login),
          permissions: { pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5 },
          role_name: role
        }
      }
    }
  })

  const commentDoc = '/issues/comments'
  on('GET', '/issues/(\\d+)/comments', (c, r) => {
    const n = Number(c.params[2])
    if (!r.items.has(n)) return fail(404, 'Not Found', `${commentDoc}#list-issue-comments`)
    const p = page(r.comments.filter(x => x.issue === n), c)
    return { status: 200, body: p.items.map(x => commentJson(r, x)), headers: p.headers }
  })
  on('POST', '/issues/(\\d+)/comments', (c, r) => {
    const n = Number(c.params[2])
    const doc = `${commentDoc}#create-an-issue-comment`
    if (!r.items.has(n)) return fail(404, 'Not Found', doc)
    const bad = badField(c.body, 'body', doc) ?? tooLong('IssueComment', c.body.body, doc)
    if (bad) return bad
    const t = now()
    const cm: Comment = { id: nextId++, node_id: nodeId('IC'), issue: n, body: String(c.body.body), user: botLogin, created_at: t, updated_at: t }
    r.comments.push(cm)
    const json = commentJson(r, cm)
    return { status: 201, body: json, headers: { location: json.url } }
  })
  const findComment = (c: Ctx, r: Repo) => r.comments.find(x => x.id === Number(c.params[2]))
  on('GET', '/issues/comments/(\\d+)', (c, r) => {
    const cm = findComment(c, r)
    return cm ? { status: 200, body: commentJson(r, cm) } : fail(404, 'Not Found', `${commentDoc}#get-an-issue-comment`)
  })
  on('PATCH', '/issues/comments/(\\d+)', (c, r) => {
    const doc = `${commentDoc}#update-an-issue-comment`
    const cm = findComment(c, r)
    if (!cm) return fail(404, 'Not Found', doc)
    const bad = badField(c.body, 'body', doc) ?? tooLong('IssueComment', c.body.body, doc)
    if (bad) return bad
    cm.body = String(c.body.body)
    cm.updated_at = now()
    return { status: 200, body: commentJson(r, cm) }
  })
  on('DELETE', '/issues/comments/(\\d+)', (c, r) => {
    const cm = findComment(c, r)
    if (!cm) return fail(404, 'Not Found', `${commentDoc}#delete-an-issue-comment`)
    r.comments.splice(r.comments.indexOf(cm), 1)
    return { status: 204 }
  })

  const pullDoc = '/pulls/pulls'
  const pullsOf = (r: Repo) => [...r.items.values()].filter(it => it.pull)
  on('GET', '/pulls', async (c, r) => {
    const state = c.query.get('state') ?? 'open'
    const head = c.query.get('head')
    const base = c.query.get('base')
    let list = pullsOf(r).filter(it => state === 'all' || it.state === state)
    // GitHub silently ignores a `head` without the `owner:` part.
    if (head?.includes(':')) {
      const [o, ...b] = head.split(':')
      list = list.filter(it => o?.toLowerCase() === r.owner.toLowerCase() && it.pull?.head === b.join(':'))
    }
    if (base) list = list.filter(it => it.pull?.base === base)
    list.sort((a, b) => b.number - a.number) // default sort: created, desc
    if (c.query.get('direction') === 'asc') list.reverse()
    const p = page(list, c)
    return { status: 200, body: await Promise.all(p.items.map(it => pullJson(r, it))), headers: p.headers }
  })
  on('POST', '/pulls', async (c, r) => {
    const doc = `${pullDoc}#create-a-pull-request`
    const b = c.body
    const bad = badField(b, 'head', doc) ?? badField(b, 'base', doc) ?? badField(b, 'title', doc, false) ?? tooLong('PullRequest', b.body, doc)
    if (bad) return bad
    if (typeof b.title !== 'string' || !b.title) return invalid(doc, { resource: 'PullRequest', code: 'missing_field', field: 'title' })
    const rawHead = String(b.head)
    const base = String(b.base)
    // `owner:branch` names a fork's branch; only same-repository heads are emulated.
    const [headOwner, headBranch] = rawHead.includes(':') ? [rawHead.slice(0, rawHead.indexOf(':')), rawHead.slice(rawHead.indexOf(':') + 1)] : [r.owner, rawHead]
    const headSha = headOwner.toLowerCase() === r.owner.toLowerCase() ? await branchSha(r, headBranch, r.bareDir ? '' : fakeSha()) : ''
    const errors: Record<string, unknown>[] = []
    if (!headSha) errors.push({ resource: 'PullRequest', field: 'head', code: 'invalid' })
    if (r.bareDir && !(await tip(r.bareDir, base))) errors.push({ resource: 'PullRequest', field: 'base', code: 'invalid' })
    if (errors.length) return invalid(doc, ...errors)
    if (b.draft === true && !r.drafts) return fail(422, 'Draft pull requests are not supported in this repository.', doc)
    if (pullsOf(r).some(it => it.state === 'open' && it.pull?.head === headBranch && it.pull.base === base))
      return invalid(doc, { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${r.owner}:${headBranch}.` })
    if (r.bareDir && (await git(r.bareDir, ['rev-list', '--count', `refs/heads/${base}..refs/heads/${headBranch}`])).trim() === '0')
      return invalid(doc, { resource: 'PullRequest', code: 'custom', message: `No commits between ${base} and ${headBranch}` })
    const t = now()
    const it: Item = {
      number: r.nextNumber++, id: nextId++, node_id: nodeId('PR'), title: b.title, body: typeof b.body === 'string' ? b.body : null,
      labels: [], user: botLogin, state: 'open', created_at: t, updated_at: t, closed_at: null,
      pull: { head: headBranch, base, draft: b.draft === true, sha: headSha }
    }
    r.items.set(it.number, it)
    const json = await pullJson(r, it)
    return { status: 201, body: json, headers: { location: json.url } }
  })
  on('GET', '/pulls/(\\d+)', async (c, r) => {
    const it = r.items.get(Number(c.params[2]))
    return it?.pull ? { status: 200, body: await pullJson(r, it) } : fail(404, 'Not Found', `${pullDoc}#get-a-pull-request`)
  })
  on('PATCH', '/pulls/(\\d+)', async (c, r) => {
    const doc = `${pullDoc}#update-a-pull-request`
    const it = r.items.get(Number(c.params[2]))
    if (!it?.pull) return fail(404, 'Not Found', doc)
    const b = c.body
    for (const f of ['title', 'body', 'state', 'base']) {
      const bad = badField(b, f, doc, false)
      if (bad) return bad
    }
    const bad = tooLong('PullRequest', b.body, doc)
    if (bad) return bad
    if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed')
      return invalid(doc, { resource: 'PullRequest', code: 'invalid', field: 'state' })
    if (typeof b.base === 'string' && r.bareDir && !(await tip(r.bareDir, b.base)))
      return invalid(doc, { resource: 'PullRequest', code: 'invalid', field: 'base' })
    const base = typeof b.base === 'string' ? b.base : it.pull.base
    if (b.state === 'open' && it.state === 'closed' && pullsOf(r).some(o => o !== it && o.state === 'open' && o.pull?.head === it.pull?.head && o.pull?.base === base))
      return invalid(doc, { resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${r.owner}:${it.pull.head}.` })
    // `draft` is not a REST field here: GitHub ignores it (GraphQL flips it).
    if (typeof b.title === 'string') it.title = b.title
    if (typeof b.body === 'string') it.body = b.body
    it.pull.base = base
    if (b.state === 'open' || b.state === 'closed') {
      if (b.state !== it.state) it.closed_at = b.state === 'closed' ? now() : null
      it.state = b.state
    }
    it.updated_at = now()
    return { status: 200, body: await pullJson(r, it) }
  })

  // --- GraphQL: the two draft-state mutations, by pull request node_id ------
  const PR_FIELDS: Record<string, (r: Repo, it: Item) => unknown> = {
    id: (_r, it) => it.node_id,
    number: (_r, it) => it.number,
    isDraft: (_r, it) => it.pull?.draft,
    title: (_r, it) => it.title,
    state: (_r, it) => (it.state === 'open' ? 'OPEN' : 'CLOSED'),
    url: (r, it) => `${htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`,
    headRefName: (_r, it) => it.pull?.head,
    baseRefName: (_r, it) => it.pull?.base
  }
  function graphql(body: Record<string, unknown>): Reply {
    const query = typeof body.query === 'string' ? body.query : ''
    const vars = (body.variables ?? {}) as Record<string, unknown>
    if (!query) return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } }
    const data: Record<string, unknown> = {}
    const errors: Record<string, unknown>[] = []
    const re = /(?:(\w+)\s*:\s*)?\b(markPullRequestReadyForReview|convertPullRequestToDraft)\s*\(\s*input\s*:\s*(\{[^}]*\}|\$\w+)\s*\)\s*\{([\s\S]*?\})\s*\}/g
    let m: RegExpExecArray | null
    while ((m = re.exec(query))) {
      const [, alias, field = '', inputSrc = '', selection = ''] = m
      const out = alias ?? field
      let id: unknown
      if (inputSrc.startsWith('$')) id = (vars[inputSrc.slice(1)] as Record<string, unknown> | undefined)?.pullRequestId
      else {
        const arg = /pullRequestId\s*:\s*(?:"([^"]*)"|\$(\w+))/.exec(inputSrc)
        id = arg?.[1] ?? (arg?.[2] ? vars[arg[2]] : undefined)
      }
      const found = [...repos.values()].flatMap(r => [...r.items.values()].filter(it => it.pull && it.node_id === id).map(it => [r, it] as const))[0]
      if (!found) {
        data[out] = null
        errors.push({ type: 'NOT_FOUND', path: [out], message: `Could not resolve to a node with the global id of '${String(id)}'` })
        continue
      }
      const [r, it] = found
      if (field === 'convertPullRequestToDraft' && !r.drafts) {
        data[out] = null
        errors.push({ type: 'UNPROCESSABLE', path: [out], message: 'Draft pull requests are not supported in this repository.' })
        continue
      }
      it.pull!.draft = field === 'convertPullRequestToDraft'
      it.updated_at = now()
      const sel = /pullRequest\s*\{([^}]*)\}/.exec(selection)?.[1] ?? ''
      const pr: Record<string, unknown> = {}
      for (const f of sel.split(/[\s,]+/).filter(Boolean)) {
        const get = PR_FIELDS[f]
        if (!get) return { status: 200, body: { errors: [{ message: `Field '${f}' doesn't exist on type 'PullRequest'` }] } }
        pr[f] = get(r, it)
      }
      data[out] = { pullRequest: sel ? pr : undefined, clientMutationId: null }
    }
    if (!Object.keys(data).length) return { status: 200, body: { errors: [{ message: 'emulator: only markPullRequestReadyForReview and convertPullRequestToDraft are emulated' }] } }
    return { status: 200, body: errors.length ? { data, errors } : { data } }
  }

  async function route(method: string, path: string, c: Ctx): Promise<Reply> {
    if (path === graphqlPath) return method === 'POST' ? graphql(c.body) : fail(404, 'Not Found')
    if (!path.startsWith(`${prefix}/`)) return fail(404, 'Not Found')
    const rel = path.slice(prefix.length)
    if (rel === '/user' && method === 'GET') {
      // An installation token (GITHUB_TOKEN, a GitHub App) has no user: GitHub answers 403.
      if (botLogin.endsWith('[bot]')) return fail(403, 'Resource not accessible by integration', '/users/users#get-the-authenticated-user')
      return { status: 200, body: userJson(botLogin) }
    }
    for (const [m, re, h] of routes) {
      const match = re.exec(rel)
      if (!match || m !== method) continue
      const params = match.slice(1).map(s => decodeURIComponent(s))
      const repo = repos.get(key(`${params[0]}/${params[1]}`))
      if (!repo) return fail(404, 'Not Found', '/repos/repos#get-a-repository')
      return h({ ...c, params }, repo)
    }
    return fail(404, 'Not Found')
  }

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

    const resource = url.pathname === graphqlPath ? 'graphql' : 'core'
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
      send(await route(method, url.pathname, ctx))
    } catch (e) {
      send({ status: 500, body: { message: `emulator error: ${e instanceof Error ? e.message : String(e)}` } })
    }
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: origin + prefix,
    requests,
    addRepo(repo) {
      const k = key(`${repo.owner}/${repo.name}`)
      const prev = repos.get(k)
      knowUser(repo.owner)
      for (const u of Object.keys(repo.permissions ?? {})) knowUser(u)
      // Re-adding a repo reconfigures it and keeps its issues and comments.
      repos.set(k, {
        owner: repo.owner,
        name: repo.name,
        id: prev?.id ?? nextId++,
        defaultBranch: repo.defaultBranch ?? 'main',
        bareDir: repo.bareDir,
        permissions: { ...(repo.permissions ?? {}) },
        private: repo.private ?? false,
        drafts: repo.draftPullRequests ?? true,
        items: prev?.items ?? new Map(),
        comments: prev?.comments ?? [],
        nextNumber: prev?.nextNumber ?? 1
      })
    },
    addIssue(ownerName, issue) {
      const r = repoOf(ownerName)
      if (r.items.has(issue.number)) throw new Error(`emulator: #${issue.number} already exists in ${ownerName}`)
      const user = issue.user ?? r.owner
      knowUser(user)
      const t = now()
      r.items.set(issue.number, {
        number: issue.number, id: nextId++, node_id: nodeId('I'), title: issue.title, body: issue.body ?? null,
        labels: [...(issue.labels ?? [])], user, state: 'open', created_at: t, updated_at: t, closed_at: null
      })
      r.nextNumber = Math.max(r.nextNumber, issue.number + 1)
    },
    issues: ownerName =>
      [...repoOf(ownerName).items.values()]
        .filter(it => !it.pull)
        .map(it => ({ number: it.number, title: it.title, body: it.body, labels: [...it.labels], user: it.user, state: it.state })),
    comments: (ownerName, n) =>
      repoOf(ownerName)
        .comments.filter(c => c.issue === n)
        .map(c => ({ id: c.id, body: c.body, user: c.user, created_at: c.created_at, updated_at: c.updated_at })),
    pulls: ownerName => {
      const r = repoOf(ownerName)
      return pullsOf(r).map(it => ({
        number: it.number, title: it.title, body: it.body, head: it.pull!.head, base: it.pull!.base, draft: it.pull!.draft,
        state: it.state, html_url: `${htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`, node_id: it.node_id, user: it.user
      }))
    },
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

const fakeSha = () => randomBytes(20).toString('hex')
