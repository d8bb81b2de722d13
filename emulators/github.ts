// An emulator of the slice of the GitHub REST (and GraphQL) API draft-review
// uses, served on 127.0.0.1 so the real octokit stack (getOctokit +
// plugin-retry + plugin-throttling) runs against it unchanged. It answers the
// way github.com does where the action could notice the difference: status
// codes, error bodies, Link pagination, rate-limit headers, the `permission`
// vs `role_name` split, the silent `head` filter quirk, and 422s on bad PRs.
//
// This file is the public entry: the state lives in github/state.ts, the JSON shapes in
// github/json.ts, the routes in github/routes-*.ts and github/graphql.ts, the HTTP
// plumbing (auth, rate-limit headers, faults, recording) in github/server.ts.
import { commentEvent, reviewEvent } from './github/events'
import { createRouter } from './github/router'
import { startServer, type Fault, type RecordedRequest } from './github/server'
import { createState, now, nodeId, pullsOf, repoKey, type EmulatedComment, type EmulatedIssue, type EmulatedPull, type Permission, type Repo, type RoleName } from './github/state'

export type { EmulatedComment, EmulatedIssue, EmulatedPull, Permission, RoleName } from './github/state'
export type { Fault, RecordedRequest } from './github/server'

export interface GitHubEmulator {
  url: string
  addRepo(repo: {
    owner: string
    name: string
    defaultBranch?: string
    bareDir?: string
    permissions?: Record<string, RoleName>
    /** custom repository roles: name -> the built-in role it is built on */
    customRoles?: Record<string, Exclude<Permission, 'admin' | 'none'>>
    private?: boolean
    /** false: a private repository on GitHub Free/Pro, where creating a draft pull request is a 422 */
    draftPullRequests?: boolean
    /** false: "Allow GitHub Actions to create and approve pull requests" is off (new repositories' default) */
    actionsCreatePulls?: boolean
  }): void
  /** Changes some of a repository's settings, keeping the rest. */
  configureRepo(ownerName: string, patch: Partial<Pick<Repo, 'private' | 'drafts' | 'actionsCreatePulls' | 'customRoles' | 'permissions'>>): void
  addIssue(ownerName: string, issue: { number: number; title: string; body?: string; labels?: string[]; user?: string }): void
  /** A person edits an issue's title or body (as in the web UI): updated_at, editor and lastEditedAt change. */
  editIssue(ownerName: string, number: number, edit: { title?: string; body?: string; user: string }): void
  issues(ownerName: string): EmulatedIssue[]
  comments(ownerName: string, issueNumber: number): EmulatedComment[]
  pulls(ownerName: string): EmulatedPull[]
  /** A comment by a person (the action's own comments come through the API). */
  addComment(ownerName: string, issueNumber: number, comment: { user: string; body: string }): { id: number; node_id: string }
  /** A submitted review with its line comments. */
  addReview(
    ownerName: string,
    pullNumber: number,
    review: { user: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; body?: string; comments?: { path: string; line: number | null; body: string; user?: string }[] }
  ): { id: number; node_id: string }
  /** Every reaction: `subject` is the comment id, or the review's node id. */
  reactions(ownerName: string): { subject: number | string; content: string; user: string }[]
  /** The webhook payloads of those events, as GitHub sends them. */
  commentEvent(ownerName: string, commentId: number, action?: 'created' | 'edited' | 'deleted'): Record<string, unknown>
  reviewEvent(ownerName: string, reviewId: number): Promise<Record<string, unknown>>
  requests: RecordedRequest[]
  failNext(fault: Fault): void
  close(): Promise<void>
}
export interface GitHubEmulatorOptions {
  token: string
  pathPrefix?: string
  botLogin?: string
}

export async function startGitHubEmulator(opts: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const s = createState(opts)
  const server = await startServer({ token: opts.token, graphqlPath: s.graphqlPath, route: createRouter(s) })
  s.origin = server.origin

  return {
    url: s.origin + s.prefix,
    requests: server.requests,
    addRepo(repo) {
      const k = repoKey(`${repo.owner}/${repo.name}`)
      const prev = s.repos.get(k)
      s.knowUser(repo.owner)
      for (const u of Object.keys(repo.permissions ?? {})) s.knowUser(u)
      // Re-adding a repo reconfigures it and keeps its issues and comments.
      s.repos.set(k, {
        owner: repo.owner,
        name: repo.name,
        id: prev?.id ?? s.newId(),
        defaultBranch: repo.defaultBranch ?? 'main',
        bareDir: repo.bareDir,
        permissions: { ...(repo.permissions ?? {}) },
        customRoles: { ...(repo.customRoles ?? {}) },
        private: repo.private ?? false,
        drafts: repo.draftPullRequests ?? true,
        actionsCreatePulls: repo.actionsCreatePulls ?? true,
        items: prev?.items ?? new Map(),
        comments: prev?.comments ?? [],
        reviews: prev?.reviews ?? [],
        reviewComments: prev?.reviewComments ?? [],
        reactions: prev?.reactions ?? [],
        nextNumber: prev?.nextNumber ?? 1
      })
    },
    addIssue(ownerName, issue) {
      const r = s.repoOf(ownerName)
      if (r.items.has(issue.number)) throw new Error(`emulator: #${issue.number} already exists in ${ownerName}`)
      const user = issue.user ?? r.owner
      s.knowUser(user)
      const t = now()
      r.items.set(issue.number, {
        number: issue.number, id: s.newId(), node_id: nodeId('I'), title: issue.title, body: issue.body ?? null,
        labels: [...(issue.labels ?? [])], user, state: 'open', created_at: t, updated_at: t, closed_at: null
      })
      r.nextNumber = Math.max(r.nextNumber, issue.number + 1)
    },
    configureRepo(ownerName, patch) {
      const r = s.repoOf(ownerName)
      Object.assign(r, patch)
      for (const u of Object.keys(patch.permissions ?? {})) s.knowUser(u)
    },
    editIssue(ownerName, number, edit) {
      const it = s.repoOf(ownerName).items.get(number)
      if (!it) throw new Error(`emulator: no #${number} in ${ownerName}`)
      s.knowUser(edit.user)
      if (edit.title !== undefined) it.title = edit.title
      if (edit.body !== undefined) it.body = edit.body
      it.updated_at = it.last_edited_at = now()
      it.editor = edit.user
    },
    issues: ownerName =>
      [...s.repoOf(ownerName).items.values()]
        .filter(it => !it.pull)
        .map(it => ({ number: it.number, title: it.title, body: it.body, labels: [...it.labels], user: it.user, state: it.state })),
    comments: (ownerName, n) =>
      s.repoOf(ownerName)
        .comments.filter(c => c.issue === n)
        .map(c => ({ id: c.id, body: c.body, user: c.user, created_at: c.created_at, updated_at: c.updated_at })),
    pulls: ownerName => {
      const r = s.repoOf(ownerName)
      return pullsOf(r).map(it => ({
        number: it.number, title: it.title, body: it.body, head: it.pull!.head, base: it.pull!.base, draft: it.pull!.draft,
        state: it.state, html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`, node_id: it.node_id, user: it.user
      }))
    },
    addComment(ownerName, n, comment) {
      const r = s.repoOf(ownerName)
      if (!r.items.has(n)) throw new Error(`emulator: no issue #${n} in ${ownerName}`)
      s.knowUser(comment.user)
      const t = now()
      const c = { id: s.newId(), node_id: nodeId('IC'), issue: n, body: comment.body, user: comment.user, created_at: t, updated_at: t }
      r.comments.push(c)
      return { id: c.id, node_id: c.node_id }
    },
    addReview(ownerName, n, review) {
      const r = s.repoOf(ownerName)
      const it = r.items.get(n)
      if (!it?.pull) throw new Error(`emulator: no pull request #${n} in ${ownerName}`)
      s.knowUser(review.user)
      const t = now()
      const rv = { id: s.newId(), node_id: nodeId('PRR'), pull: n, user: review.user, body: review.body ?? '', state: review.state, commit_id: it.pull.sha, submitted_at: t }
      r.reviews.push(rv)
      for (const c of review.comments ?? []) {
        s.knowUser(c.user ?? review.user)
        r.reviewComments.push({ id: s.newId(), node_id: nodeId('PRRC'), review: rv.id, pull: n, user: c.user ?? review.user, path: c.path, line: c.line, body: c.body, created_at: t })
      }
      return { id: rv.id, node_id: rv.node_id }
    },
    reactions: ownerName => s.repoOf(ownerName).reactions.map(x => ({ subject: x.subject, content: x.content, user: x.user })),
    commentEvent: (ownerName, id, action) => commentEvent(s, ownerName, id, action),
    reviewEvent: (ownerName, id) => reviewEvent(s, ownerName, id),
    failNext: fault => server.failNext(fault),
    close: () => server.close()
  }
}
