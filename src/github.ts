// The GitHub REST calls the action makes, behind one small class. octokit's retry
// and throttling plugins handle 5xx, rate limits and secondary rate limits, within the
// run's deadline: a wait that would pass it is given up, with a message that says so.
//
// The client is @actions/github's (octokit core with the REST methods and pagination) built
// here, on Node's own fetch: @actions/github sends every request through a bundled undici
// (800 kB of code evaluated at start-up, on every run) for the sake of a proxy. A runner
// with a proxy for the API's host still gets one (http-client's rules: https_proxy,
// no_proxy), and only then is undici loaded.
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Octokit as OctokitCore } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { restEndpointMethods } from '@octokit/plugin-rest-endpoint-methods'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

const GitHubOctokit = OctokitCore.plugin(restEndpointMethods, paginateRest, retry, throttling)
export type Octokit = InstanceType<typeof GitHubOctokit>

export interface IssueInfo {
  number: number
  title: string
  body: string
  labels: string[]
  isPullRequest: boolean
  /** Who opened it, and when it was last changed (title, body, labels, state). */
  author?: string
  updatedAt?: string
}

export interface PullInfo {
  number: number
  url: string
  nodeId: string
  draft: boolean
  body?: string
}

export interface CommentInfo {
  id: number
  url: string
  body?: string
}

export const WRITE_GAP_MS = 100
export const CONTENT_GAP_MS = 500

/** By when every GitHub request, its retries and rate-limit waits included, must be done (epoch ms). */
export interface GitHubDeadline {
  until?: number
}

/** A GitHub request given up because waiting for it would pass the run's deadline. */
export class GitHubDeadlinePassed extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitHubDeadlinePassed'
  }
}

/** plugin-retry's hook for a retryable error: `retries` left, the wait before the next in seconds. */
type RetryRequest = (error: { status: number }, retries: number, retryAfter: number) => unknown

export function createOctokit(token: string, apiUrl: string, log: (msg: string) => void, deadline: GitHubDeadline = {}): Octokit {
  const left = (): number => (deadline.until === undefined ? Infinity : deadline.until - Date.now())
  // A rate-limit wait is taken only when it ends before the deadline; otherwise the request
  // fails, and the reason is kept on the request for the message below.
  const rateLimited = (kind: string) => (retryAfter: number, options: { method: string; url: string; request?: Record<string, unknown> }, _o: unknown, retryCount: number) => {
    if (retryCount >= 2) return false
    if (retryAfter * 1000 > left()) {
      const why = `GitHub asked to wait ${retryAfter} s (${kind}) on ${options.method} ${options.url}, which would pass the run's deadline: gave up on it`
      log(why)
      if (options.request) options.request.gaveUp = why
      return false
    }
    log(`GitHub ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter}s`)
    return true
  }
  const octokit = new GitHubOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent: 'draft-review',
    request: { fetch: proxiedFetch(apiUrl) },
    retry: { retries: 3 },
    throttle: {
      // The plugin's defaults space every write 1 s apart and every comment or pull
      // request 3 s apart: made for bulk clients, they were 88% of a run's wall time
      // (bench). A run makes about eight writes, far below GitHub's content limits
      // (80 a minute), so keep writes one at a time with a short gap; a secondary
      // rate limit is still retried after its retry-after.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: WRITE_GAP_MS }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: CONTENT_GAP_MS }),
      onRateLimit: rateLimited('rate limit'),
      onSecondaryRateLimit: rateLimited('secondary rate limit')
    }
  })
  // plugin-retry waits 1, 4, 9 s between 5xx retries on a Bottleneck timer that nothing
  // cancels: the deadline race below ends the wait for the run, not for the timer, which then
  // holds the process open seconds after its last output. So a retry whose wait would pass
  // the deadline is never scheduled: the request fails at once, and says why.
  const plugin = (octokit as unknown as { retry: { retryRequest: RetryRequest } }).retry
  const retryRequest = plugin.retryRequest.bind(plugin)
  plugin.retryRequest = (error, retries, retryAfter) => {
    if (retryAfter * 1000 <= left()) return retryRequest(error, retries, retryAfter)
    // Marked on the error itself: the hook below sees it come back (the request's own
    // options object is a copy by then).
    Object.assign(error, { gaveUpRetry: { status: error.status, retryAfter } })
    return retryRequest(error, 0, retryAfter)
  }
  // Registered last, so it wraps both plugins: it sees one call with all its retries.
  octokit.hook.wrap('request', async (request, options) => {
    // octokit hands every request the client's one shared `options.request` object, and
    // plugin-retry counts retries on it: the count leaks into later requests and their
    // waits grow 1, 4, 9 s. Give each request its own copy. In place: every hook of a
    // request is bound to the same options object, so a new one would not reach them.
    const own: Record<string, unknown> = { ...options.request }
    options.request = own as typeof options.request
    const ms = left()
    const what = `${options.method} ${String(options.url)}`
    if (ms <= 0) throw new GitHubDeadlinePassed(`the run's deadline had passed before ${what} could be sent`)
    if (ms === Infinity) return request(options)
    // At the deadline the request is aborted: a hung one frees its socket and its place in
    // the write queue. A plain AbortError (no reason), which plugin-retry does not retry.
    // Not `own.retries` for the 5xx retries: plugin-retry would then retry 4xx too; a retry
    // that would end past the deadline is not scheduled (above), and the race bounds the rest.
    const abort = new AbortController()
    const given = own.signal as AbortSignal | undefined
    own.signal = given ? AbortSignal.any([given, abort.signal]) : abort.signal
    let timer: NodeJS.Timeout | undefined
    const late = (): GitHubDeadlinePassed => new GitHubDeadlinePassed(`GitHub did not answer ${what} before the run's deadline`)
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort()
        reject(late())
      }, ms)
      timer.unref()
    })
    try {
      return await Promise.race([Promise.resolve(request(options)), limit])
    } catch (e) {
      if (typeof own.gaveUp === 'string') throw new GitHubDeadlinePassed(own.gaveUp)
      const retry = (e as { gaveUpRetry?: { status: number; retryAfter: number } } | undefined)?.gaveUpRetry
      if (retry) {
        const why = `GitHub answered ${retry.status} on ${what}, and its retry in ${retry.retryAfter} s would pass the run's deadline: gave up on it`
        log(why)
        throw new GitHubDeadlinePassed(why)
      }
      if (abort.signal.aborted) throw late()
      throw e
    } finally {
      clearTimeout(timer)
    }
  })
  return octokit
}

/**
 * fetch through the proxy the runner sets for `apiUrl`'s host, or undefined (octokit then
 * uses Node's fetch). A proxy's user and password (decoded by getProxyUrl) become its Basic
 * authorization, as @actions/http-client sends them.
 */
export function proxiedFetch(apiUrl: string): typeof fetch | undefined {
  const proxy = getProxyUrl(new URL(apiUrl))
  if (!proxy?.hostname) return undefined
  let client: Promise<{ fetch: typeof fetch; dispatcher: unknown }> | undefined
  return async (input, init) => {
    client ??= import('undici').then((undici) => ({
      fetch: undici.fetch as unknown as typeof fetch,
      dispatcher: new undici.ProxyAgent({
        uri: proxy.href,
        ...(proxy.username || proxy.password ? { token: `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}` } : {})
      })
    }))
    const { fetch: viaProxy, dispatcher } = await client
    return viaProxy(input, { ...init, dispatcher } as RequestInit)
  }
}

/** The two 422s of creating a pull request that are not a bad request, told apart by their words. */
export function pullCreateRefusal(e: unknown): 'exists' | 'no-drafts' | 'actions-not-permitted' | undefined {
  const status = (e as { status?: number }).status
  const data = (e as { response?: { data?: { message?: string; errors?: { message?: string }[] } } }).response?.data
  const words = [data?.message ?? '', ...(data?.errors ?? []).map((x) => x?.message ?? ''), e instanceof Error ? e.message : ''].join('\n')
  if (status === 403 && /GitHub Actions is not permitted to create or approve pull requests/i.test(words)) return 'actions-not-permitted'
  if (status !== 422) return undefined
  if (/Draft pull requests are not supported/i.test(words)) return 'no-drafts'
  if (/A pull request already exists for/i.test(words)) return 'exists'
  return undefined
}

/** The calls on one repository: its octokit, and the `{ owner, repo }` every REST call takes. */
export class RepoClient {
  constructor(
    protected readonly octokit: Octokit,
    readonly owner: string,
    readonly repo: string
  ) {}

  protected get r(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo }
  }
}

export class GitHubClient extends RepoClient {

  async defaultBranch(): Promise<string> {
    const { data } = await this.octokit.rest.repos.get(this.r)
    return data.default_branch
  }

  async issue(number: number): Promise<IssueInfo> {
    const { data } = await this.octokit.rest.issues.get({ ...this.r, issue_number: number })
    return {
      number: data.number,
      title: data.title,
      body: data.body ?? '',
      labels: data.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
      isPullRequest: data.pull_request !== undefined && data.pull_request !== null,
      author: data.user?.login,
      updatedAt: data.updated_at
    }
  }

  /** Who last edited the issue's text and when (GraphQL only); undefined where it cannot be read. */
  async issueEditor(number: number): Promise<{ editor?: string; lastEditedAt?: string } | undefined> {
    try {
      const q = 'query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name: $name) { issue(number: $number) { lastEditedAt editor { login } } } }'
      const res = await this.octokit.graphql<{ repository: { issue: { lastEditedAt: string | null; editor: { login: string } | null } | null } }>(q, {
        owner: this.owner,
        name: this.repo,
        number
      })
      const issue = res.repository.issue
      return issue ? { editor: issue.editor?.login, lastEditedAt: issue.lastEditedAt ?? undefined } : undefined
    } catch {
      return undefined
    }
  }

  /** `admin`, `write`, `read` or `none`; `none` for a user GitHub does not know. */
  async permission(username: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.r, username })
      // `permission` decides: it folds every role into its base (maintain and a custom role
      // built on write read as write, triage as read). `role_name` names the role itself,
      // custom ones included ("deployer"), so it cannot be compared with a fixed list.
      return data.permission
    } catch (e) {
      if ((e as { status?: number }).status === 404) return 'none'
      throw e
    }
  }

  async findOpenPull(branch: string, base: string): Promise<PullInfo | undefined> {
    const { data } = await this.octokit.rest.pulls.list({ ...this.r, state: 'open', head: `${this.owner}:${branch}`, base })
    const pr = data[0]
    return pr ? { number: pr.number, url: pr.html_url, nodeId: pr.node_id, draft: pr.draft ?? false, body: pr.body ?? '' } : undefined
  }

  /**
   * Creates the pull request, or updates the open one for this branch: never a second one.
   * Where the repository cannot have draft pull requests, `notDraft` gives the title and
   * body of the ready one that stands in for the draft.
   */
  async upsertPull(args: {
    branch: string
    base: string
    title: string
    body: string
    draft: boolean
    notDraft?: (title: string, body: string) => { title: string; body: string }
    /** The caller knows none was open (it looked at the run's start): it is created without looking first. */
    noneOpen?: boolean
  }): Promise<PullInfo & { draftsUnsupported?: boolean; created: boolean }> {
    let want = { title: args.title, body: args.body, draft: args.draft }
    let draftsUnsupported = false
    let existing = args.noneOpen ? undefined : await this.findOpenPull(args.branch, args.base)
    if (!existing) {
      for (;;) {
        try {
          const { data } = await this.octokit.rest.pulls.create({ ...this.r, head: args.branch, base: args.base, ...want })
          return { number: data.number, url: data.html_url, nodeId: data.node_id, draft: data.draft ?? want.draft, draftsUnsupported, created: true }
        } catch (e) {
          const refusal = pullCreateRefusal(e)
          if (refusal === 'no-drafts' && want.draft) {
            // A private repository on GitHub Free or Pro: a ready pull request that says it is not approved.
            draftsUnsupported = true
            want = { ...(args.notDraft?.(args.title, args.body) ?? { title: args.title, body: args.body }), draft: false }
            continue
          }
          // A run for the same issue opened it a moment ago: update that one instead.
          if (refusal !== 'exists') throw e
          existing = await this.findOpenPull(args.branch, args.base)
          if (!existing) throw e
          break
        }
      }
    }
    if (existing.draft !== want.draft) {
      // REST cannot flip the draft state; GraphQL can.
      const mutation = want.draft
        ? 'mutation($id: ID!) { convertPullRequestToDraft(input: {pullRequestId: $id}) { pullRequest { isDraft } } }'
        : 'mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { isDraft } } }'
      try {
        await this.octokit.graphql(mutation, { id: existing.nodeId })
      } catch (e) {
        if (!want.draft || !/Draft pull requests are not supported/i.test(e instanceof Error ? e.message : String(e))) throw e
        draftsUnsupported = true
        want = { ...(args.notDraft?.(args.title, args.body) ?? want), draft: false }
      }
    }
    await this.octokit.rest.pulls.update({ ...this.r, pull_number: existing.number, title: want.title, body: want.body })
    return { ...existing, draft: want.draft, draftsUnsupported, created: false }
  }

  private me: string | undefined
  private meKnown = false

  /**
   * The login the token acts as: `GET /user` for a personal token; for an installation
   * token (GITHUB_TOKEN, a GitHub App), which has no user, GraphQL's `viewer`, its bot.
   * Undefined when neither answers: then no found comment is taken for ours, and the
   * first comment this run creates tells (its author is us).
   */
  async identity(): Promise<string | undefined> {
    if (this.meKnown) return this.me
    try {
      this.me = (await this.octokit.rest.users.getAuthenticated()).data.login
    } catch {
      try {
        this.me = (await this.octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }')).viewer.login
      } catch {
        this.me = undefined
      }
    }
    this.meKnown = this.me !== undefined
    return this.me
  }

  private learn(login: string | undefined): void {
    if (login && !this.meKnown) Object.assign(this, { me: login, meKnown: true })
  }

  /**
   * The first comment on the issue or pull request that this token wrote and whose body
   * starts a line with `marker`. A comment by anyone else that holds the marker is not ours.
   */
  async findComment(issueNumber: number, marker: string): Promise<CommentInfo | undefined> {
    return (await this.findComments(issueNumber, [marker])).get(marker)
  }

  /** findComment for several markers, in one pass over the comments (each page a round trip). */
  async findComments(issueNumber: number, markers: string[]): Promise<Map<string, CommentInfo>> {
    const found = new Map<string, CommentInfo>()
    const iterator = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      ...this.r,
      issue_number: issueNumber,
      per_page: 100
    })
    for await (const page of iterator) {
      for (const c of page.data) {
        const lines = c.body?.split('\n') ?? []
        for (const marker of markers) {
          if (found.has(marker) || !lines.some((line) => line.startsWith(marker))) continue
          const me = await this.identity()
          if (me && isAuthor(c.user, me)) found.set(marker, { id: c.id, url: c.html_url, body: c.body })
        }
      }
      if (found.size === markers.length) break
    }
    return found
  }

  async updateComment(id: number, body: string): Promise<void> {
    await this.octokit.rest.issues.updateComment({ ...this.r, comment_id: id, body })
  }

  async deleteComment(id: number): Promise<void> {
    await this.octokit.rest.issues.deleteComment({ ...this.r, comment_id: id })
  }

  async createComment(issueNumber: number, body: string): Promise<CommentInfo> {
    const { data } = await this.octokit.rest.issues.createComment({ ...this.r, issue_number: issueNumber, body })
    this.learn(data.user?.login)
    return { id: data.id, url: data.html_url }
  }

  /**
   * Edits our comment that carries `marker` in place, or creates it. `known`: what the caller
   * already found (findComments; null: there is none), so the comments are not read again.
   */
  async upsertComment(issueNumber: number, marker: string, body: string, known?: CommentInfo | null): Promise<CommentInfo> {
    const existing = known === undefined ? await this.findComment(issueNumber, marker) : known
    if (existing) {
      const { data } = await this.octokit.rest.issues.updateComment({ ...this.r, comment_id: existing.id, body })
      return { id: data.id, url: data.html_url }
    }
    return this.createComment(issueNumber, body)
  }
}

/**
 * GitHub logins compare case-insensitively. GraphQL may name a bot without the `[bot]`
 * REST adds: that form matches only an account GitHub marks as a Bot, never a person.
 */
function isAuthor(user: { login?: string; type?: string } | null | undefined, me: string): boolean {
  const login = user?.login?.toLowerCase()
  if (!login) return false
  return login === me.toLowerCase() || (user?.type === 'Bot' && login === `${me.toLowerCase()}[bot]`)
}
