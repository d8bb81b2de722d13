// REST routes a new round uses: a review's line comments, reactions on issue comments,
// and taking a label off an issue. Shapes and errors as github.com answers them.
import { userJson } from './json'
import { fail, page, repoRoute, type Route } from './replies'
import { association, now, nodeId, type Reaction, type Repo, type Review, type ReviewComment, type State } from './state'

/** REST `content` values; GraphQL spells them THUMBS_UP, EYES, ... */
export const REACTIONS = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes']

export function reviewJson(s: State, r: Repo, rv: Review) {
  return {
    id: rv.id,
    node_id: rv.node_id,
    user: userJson(s, rv.user),
    body: rv.body,
    state: rv.state,
    html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${rv.pull}#pullrequestreview-${rv.id}`,
    pull_request_url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/${rv.pull}`,
    author_association: association(r, rv.user),
    submitted_at: rv.submitted_at,
    commit_id: rv.commit_id
  }
}

export function reviewCommentJson(s: State, r: Repo, c: ReviewComment) {
  const html = `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${c.pull}#discussion_r${c.id}`
  return {
    url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/comments/${c.id}`,
    pull_request_review_id: c.review,
    id: c.id,
    node_id: c.node_id,
    diff_hunk: '@@',
    path: c.path,
    position: c.line,
    original_position: c.line,
    commit_id: r.reviews.find(x => x.id === c.review)?.commit_id ?? '',
    original_commit_id: r.reviews.find(x => x.id === c.review)?.commit_id ?? '',
    user: userJson(s, c.user),
    body: c.body,
    created_at: c.created_at,
    updated_at: c.created_at,
    html_url: html,
    pull_request_url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/${c.pull}`,
    author_association: association(r, c.user),
    _links: { self: { href: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/comments/${c.id}` }, html: { href: html } },
    start_line: null,
    original_start_line: null,
    start_side: null,
    line: c.line,
    original_line: c.line,
    side: 'RIGHT',
    subject_type: c.line === null ? 'file' : 'line'
  }
}

function reactionJson(s: State, x: Reaction) {
  return { id: x.id, node_id: x.node_id, user: userJson(s, x.user), content: x.content, created_at: x.created_at }
}

/** Adds a reaction once per (subject, user, content); `created` is false when it was there already. */
export function addReaction(s: State, r: Repo, subject: number | string, content: string): { reaction: Reaction; created: boolean } {
  const found = r.reactions.find(x => x.subject === subject && x.user === s.botLogin && x.content === content)
  if (found) return { reaction: found, created: false }
  const reaction: Reaction = { id: s.newId(), node_id: nodeId('REA'), subject, user: s.botLogin, content, created_at: now() }
  r.reactions.push(reaction)
  return { reaction, created: true }
}

export function roundRoutes(s: State): Route[] {
  return [
    repoRoute('GET', '/pulls/(\\d+)/reviews', (c, r) => {
      const n = Number(c.params[2])
      if (!r.items.get(n)?.pull) return fail(404, 'Not Found', '/pulls/reviews#list-reviews-for-a-pull-request')
      const p = page(r.reviews.filter(x => x.pull === n), c, s.origin)
      return { status: 200, body: p.items.map(x => reviewJson(s, r, x)), headers: p.headers }
    }),
    repoRoute('GET', '/pulls/(\\d+)/reviews/(\\d+)', (c, r) => {
      const rv = r.reviews.find(x => x.pull === Number(c.params[2]) && x.id === Number(c.params[3]))
      return rv ? { status: 200, body: reviewJson(s, r, rv) } : fail(404, 'Not Found', '/pulls/reviews#get-a-review-for-a-pull-request')
    }),
    repoRoute('GET', '/pulls/(\\d+)/reviews/(\\d+)/comments', (c, r) => {
      const n = Number(c.params[2])
      const id = Number(c.params[3])
      if (!r.reviews.some(x => x.pull === n && x.id === id)) return fail(404, 'Not Found', '/pulls/reviews#list-comments-for-a-pull-request-review')
      const p = page(r.reviewComments.filter(x => x.review === id), c, s.origin)
      return { status: 200, body: p.items.map(x => reviewCommentJson(s, r, x)), headers: p.headers }
    }),

    repoRoute('GET', '/issues/comments/(\\d+)/reactions', (c, r) => {
      const id = Number(c.params[2])
      if (!r.comments.some(x => x.id === id)) return fail(404, 'Not Found', '/reactions/reactions#list-reactions-for-an-issue-comment')
      const p = page(r.reactions.filter(x => x.subject === id), c, s.origin)
      return { status: 200, body: p.items.map(x => reactionJson(s, x)), headers: p.headers }
    }),
    repoRoute('POST', '/issues/comments/(\\d+)/reactions', (c, r) => {
      const doc = '/reactions/reactions#create-reaction-for-an-issue-comment'
      const id = Number(c.params[2])
      if (!r.comments.some(x => x.id === id)) return fail(404, 'Not Found', doc)
      const content = c.body.content
      if (content === undefined) return fail(422, 'Invalid request.\n\n"content" wasn\'t supplied.', doc)
      if (typeof content !== 'string' || !REACTIONS.includes(content))
        return fail(422, `Invalid request.\n\nFor 'properties/content', ${JSON.stringify(content)} is not a member of enum.`, doc)
      const { reaction, created } = addReaction(s, r, id, content)
      // An existing reaction answers 200, a new one 201.
      return { status: created ? 201 : 200, body: reactionJson(s, reaction) }
    }),

    repoRoute('DELETE', '/issues/(\\d+)/labels/([^/]+)', (c, r) => {
      const doc = '/issues/labels#remove-a-label-from-an-issue'
      const it = r.items.get(Number(c.params[2]))
      if (!it) return fail(404, 'Not Found', doc)
      const name = c.params[3] ?? ''
      const at = it.labels.findIndex(l => l.toLowerCase() === name.toLowerCase())
      if (at < 0) return fail(404, 'Label does not exist', doc)
      it.labels.splice(at, 1)
      it.updated_at = now()
      return { status: 200, body: it.labels.map((l, i) => ({ id: i + 1, node_id: `LA_${l}`, name: l, color: 'ededed', default: false, description: null })) }
    })
  ]
}


