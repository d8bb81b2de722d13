// What the GitHub emulator remembers: repositories, their issues, pull requests and
// comments, the users it has seen, and the ids it hands out. No HTTP here.
import { randomBytes } from 'node:crypto'

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'
/** A built-in role, or the name of a custom repository role (see Repo.customRoles). */
export type RoleName = Permission | (string & {})

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

export interface Item {
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
  /** who last edited the body and when (GraphQL `editor`, `lastEditedAt`); unset until an edit */
  editor?: string
  last_edited_at?: string
  pull?: { head: string; base: string; draft: boolean; sha: string }
}
export interface Comment extends EmulatedComment {
  issue: number
  node_id: string
}
/** A submitted pull request review; `state` as the REST API spells it. */
export interface Review {
  id: number
  node_id: string
  pull: number
  user: string
  body: string
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'
  commit_id: string
  submitted_at: string
}
/** A line comment that belongs to a review. */
export interface ReviewComment {
  id: number
  node_id: string
  review: number
  pull: number
  user: string
  path: string
  line: number | null
  body: string
  created_at: string
}
/** A reaction on an issue comment (REST) or on any reactable node (GraphQL addReaction). */
export interface Reaction {
  id: number
  node_id: string
  /** the comment's id, or the node id of a review */
  subject: number | string
  user: string
  content: string
  created_at: string
}
export interface Repo {
  owner: string
  name: string
  id: number
  defaultBranch: string
  bareDir?: string
  permissions: Record<string, RoleName>
  /** custom repository roles (Enterprise): name -> the built-in role it is built on */
  customRoles: Record<string, Exclude<Permission, 'admin' | 'none'>>
  private: boolean
  drafts: boolean
  /** the "Allow GitHub Actions to create and approve pull requests" setting */
  actionsCreatePulls: boolean
  items: Map<number, Item>
  comments: Comment[]
  reviews: Review[]
  reviewComments: ReviewComment[]
  reactions: Reaction[]
  nextNumber: number
}

export interface State {
  /** the REST path prefix without a trailing slash: '' on github.com, '/api/v3' on GHES */
  prefix: string
  graphqlPath: string
  /** who the token belongs to: the author of every comment and pull request the action makes */
  botLogin: string
  /** http://127.0.0.1:port, known once the server listens */
  origin: string
  repos: Map<string, Repo>
  /** login (lower case) → user id */
  users: Map<string, number>
  /** one counter for every id (users, repositories, issues, comments), as GitHub's ids are unique */
  newId(): number
  knowUser(login: string): void
  repoOf(ownerName: string): Repo
  apiRoot(): string
  htmlRoot(): string
}

export function createState(opts: { pathPrefix?: string; botLogin?: string }): State {
  const prefix = (opts.pathPrefix ?? '').replace(/\/+$/, '')
  const botLogin = opts.botLogin ?? 'github-actions[bot]'
  let nextId = 1_000_001
  const s: State = {
    prefix,
    // @octokit/graphql maps a GHES base URL ending in /api/v3 to /api/graphql.
    graphqlPath: /\/api\/v3$/.test(prefix) ? prefix.replace(/\/api\/v3$/, '/api/graphql') : `${prefix}/graphql`,
    botLogin,
    origin: '',
    repos: new Map(),
    users: new Map([[botLogin.toLowerCase(), 41898282]]),
    newId: () => nextId++,
    knowUser(login) {
      if (!s.users.has(login.toLowerCase())) s.users.set(login.toLowerCase(), nextId++)
    },
    repoOf(ownerName) {
      const r = s.repos.get(repoKey(ownerName))
      if (!r) throw new Error(`emulator: no repo ${ownerName}; call addRepo first`)
      return r
    },
    apiRoot: () => s.origin + prefix,
    htmlRoot: () => (prefix ? s.origin : 'https://github.com') // GHES serves its web UI at the host root
  }
  return s
}

export const repoKey = (ownerName: string) => ownerName.toLowerCase() // GitHub matches owner/repo case-insensitively
export const pullsOf = (r: Repo) => [...r.items.values()].filter(it => it.pull)

export function roleOf(repo: Repo, login: string): RoleName {
  const explicit = Object.entries(repo.permissions).find(([u]) => u.toLowerCase() === login.toLowerCase())
  if (explicit) return explicit[1]
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'admin'
  // Anyone may read a public repository; a private one grants nothing.
  return repo.private ? 'none' : 'read'
}
/** The built-in role a role stands for: a custom role is its base role. */
export function baseRoleOf(repo: Repo, role: RoleName): Permission {
  return (repo.customRoles[role] ?? role) as Permission
}
export function association(repo: Repo, login: string) {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER'
  return ['admin', 'maintain', 'write', 'triage'].includes(baseRoleOf(repo, roleOf(repo, login))) ? 'COLLABORATOR' : 'NONE'
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') // GitHub omits milliseconds
export const nodeId = (prefix: string) => `${prefix}_kwDO${randomBytes(9).toString('base64url')}`
export const fakeSha = () => randomBytes(20).toString('hex')
