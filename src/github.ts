// The GitHub REST calls the action makes, behind one small class. octokit's retry
// and throttling plugins handle 5xx, rate limits and secondary rate limits.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'

export type Octokit = ReturnType<typeof getOctokit>

export interface IssueInfo {
  number: number
  title: string
  body: string
  labels: string[]
  isPullRequest: boolean
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

export function createOctokit(token: string, apiUrl: string, log: (msg: string) => void): Octokit {
  const octokit = getOctokit(
    token,
    {
      baseUrl: apiUrl,
      retry: { retries: 3 },
      throttle: {
        // The plugin's defaults space every write 1 s apart and every comment or pull
        // request 3 s apart: made for bulk clients, they were 88% of a run's wall time
        // (bench). A run makes about eight writes, far below GitHub's content limits
        // (80 a minute), so keep writes one at a time with a short gap; a secondary
        // rate limit is still retried after its retry-after.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: WRITE_GAP_MS }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: CONTENT_GAP_MS }),
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`)
          return retryCount < 2
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`)
          return retryCount < 2
        }
      }
    },
    retry,
    throttling
  )
  // octokit hands every request the client's one shared `options.request` object, and
  // plugin-retry counts retries on it: the count leaks into later requests and their
  // waits grow 1, 4, 9 s. Give each request its own copy. In place: every hook of a
  // request is bound to the same options object, so a new one would not reach them.
  octokit.hook.wrap('request', (request, options) => {
    options.request = { ...options.request }
    return request(options)
  })
  return octokit
}

export class GitHubClient {
  constructor(
    private readonly octokit: Octokit,
    readonly owner: string,
    readonly repo: string
  ) {}

  private get r(): { owner: string; repo: string } {
    return { owner: this.owner, repo: this.repo }
  }

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
      isPullRequest: data.pull_request !== undefined && data.pull_request !== null
    }
  }

  /** `admin`, `maintain`, `write`, `triage`, `read` or `none`; `none` for a user GitHub does not know. */
  async permission(username: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.r, username })
      // role_name carries the fine-grained roles (maintain, triage); permission folds them into write/read.
      return (data as { role_name?: string }).role_name || data.permission
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

  /** Creates the pull request, or updates the open one for this branch: never a second one. */
  async upsertPull(args: { branch: string; base: string; title: string; body: string; draft: boolean }): Promise<PullInfo> {
    let existing = await this.findOpenPull(args.branch, args.base)
    if (!existing) {
      try {
        const { data } = await this.octokit.rest.pulls.create({
          ...this.r,
          head: args.branch,
          base: args.base,
          title: args.title,
          body: args.body,
          draft: args.draft
        })
        return { number: data.number, url: data.html_url, nodeId: data.node_id, draft: data.draft ?? args.draft }
      } catch (e) {
        // A run for the same issue opened it a moment ago: update that one instead.
        if ((e as { status?: number }).status !== 422) throw e
        existing = await this.findOpenPull(args.branch, args.base)
        if (!existing) throw e
      }
    }
    await this.octokit.rest.pulls.update({ ...this.r, pull_number: existing.number, title: args.title, body: args.body })
    if (existing.draft !== args.draft) {
      // REST cannot flip the draft state; GraphQL can.
      const mutation = args.draft
        ? 'mutation($id: ID!) { convertPullRequestToDraft(input: {pullRequestId: $id}) { pullRequest { isDraft } } }'
        : 'mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { isDraft } } }'
      await this.octokit.graphql(mutation, { id: existing.nodeId })
    }
    return { ...existing, draft: args.draft }
  }

  /** The first comment on the issue or pull request whose body starts a line with `marker`. */
  async findComment(issueNumber: number, marker: string): Promise<CommentInfo | undefined> {
    const iterator = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      ...this.r,
      issue_number: issueNumber,
      per_page: 100
    })
    for await (const page of iterator) {
      for (const c of page.data) {
        if (c.body?.split('\n').some((line) => line.startsWith(marker))) return { id: c.id, url: c.html_url, body: c.body }
      }
    }
    return undefined
  }

  async updateComment(id: number, body: string): Promise<void> {
    await this.octokit.rest.issues.updateComment({ ...this.r, comment_id: id, body })
  }

  async deleteComment(id: number): Promise<void> {
    await this.octokit.rest.issues.deleteComment({ ...this.r, comment_id: id })
  }

  /** Edits the comment that carries `marker` in place, or creates it. */
  async upsertComment(issueNumber: number, marker: string, body: string): Promise<CommentInfo> {
    const existing = await this.findComment(issueNumber, marker)
    if (existing) {
      const { data } = await this.octokit.rest.issues.updateComment({ ...this.r, comment_id: existing.id, body })
      return { id: data.id, url: data.html_url }
    }
    const { data } = await this.octokit.rest.issues.createComment({ ...this.r, issue_number: issueNumber, body })
    return { id: data.id, url: data.html_url }
  }
}
