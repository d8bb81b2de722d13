// The GitHub calls a round needs beyond the run's own: the pull request a comment was
// made on, a review's line comments, the 👀 acknowledgement, and taking the label off.
import { RepoClient } from '../github'
import type { RoundRequest } from './decision'

export interface PullHead {
  number: number
  headRef: string
  /** owner/name of the repository the head branch lives in (a fork's for a fork's pull request). */
  headRepo: string
  base: string
  state: string
}

export interface LineComment {
  path: string
  /** The line in the file the comment is on; null for a comment on the whole file or an outdated one. */
  line: number | null
  body: string
  author: string
}

export class RoundsApi extends RepoClient {

  async pull(number: number): Promise<PullHead> {
    const { data } = await this.octokit.rest.pulls.get({ ...this.r, pull_number: number })
    return { number: data.number, headRef: data.head.ref, headRepo: data.head.repo?.full_name ?? '', base: data.base.ref, state: data.state }
  }

  async reviewComments(pullNumber: number, reviewId: number): Promise<LineComment[]> {
    const all = await this.octokit.paginate(this.octokit.rest.pulls.listCommentsForReview, {
      ...this.r,
      pull_number: pullNumber,
      review_id: reviewId,
      per_page: 100
    })
    return all.map((c) => ({
      path: c.path,
      line: (c as { line?: number | null }).line ?? (c as { original_line?: number | null }).original_line ?? null,
      body: c.body ?? '',
      author: c.user?.login ?? ''
    }))
  }

  /**
   * 👀 on the comment or review that asked. REST has reactions for issue comments but none
   * for a pull request review, which GraphQL's addReaction takes by node id.
   */
  async acknowledge(request: RoundRequest): Promise<void> {
    if (request.source === 'comment') {
      await this.octokit.rest.reactions.createForIssueComment({ ...this.r, comment_id: request.id, content: 'eyes' })
      return
    }
    await this.octokit.graphql('mutation($id: ID!) { addReaction(input: {subjectId: $id, content: EYES}) { reaction { content } } }', {
      id: request.nodeId
    })
  }

  /** Takes the label off the issue; a label someone already removed is no error. */
  async removeLabel(issueNumber: number, name: string): Promise<void> {
    try {
      await this.octokit.rest.issues.removeLabel({ ...this.r, issue_number: issueNumber, name })
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw e
    }
  }
}
