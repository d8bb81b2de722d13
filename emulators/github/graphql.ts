// GraphQL: the two draft-state mutations (markPullRequestReadyForReview,
// convertPullRequestToDraft), found by pull request node_id, since REST cannot flip `draft`;
// and addReaction, since REST has no reactions on a pull request review.
// The query is read with regular expressions, enough for the queries octokit users write.
import type { Reply } from './replies'
import { addReaction } from './routes-rounds'
import { now, type Item, type Repo, type State } from './state'

// GraphQL's ReactionContent enum, and the REST spelling the emulator stores.
const CONTENT: Record<string, string> = {
  THUMBS_UP: '+1', THUMBS_DOWN: '-1', LAUGH: 'laugh', CONFUSED: 'confused', HEART: 'heart', HOORAY: 'hooray', ROCKET: 'rocket', EYES: 'eyes'
}

/** addReaction on a review, an issue comment, an issue or a pull request, found by node id. */
function addReactions(s: State, query: string, vars: Record<string, unknown>, data: Record<string, unknown>, errors: Record<string, unknown>[]): void {
  const re = /(?:(\w+)\s*:\s*)?\baddReaction\s*\(\s*input\s*:\s*(\{[^}]*\}|\$\w+)\s*\)\s*\{([\s\S]*?\})\s*\}/g
  let m: RegExpExecArray | null
  while ((m = re.exec(query))) {
    const [, alias, inputSrc = ''] = m
    const out = alias ?? 'addReaction'
    let input: Record<string, unknown> = {}
    if (inputSrc.startsWith('$')) input = (vars[inputSrc.slice(1)] as Record<string, unknown> | undefined) ?? {}
    else {
      const id = /subjectId\s*:\s*(?:"([^"]*)"|\$(\w+))/.exec(inputSrc)
      const content = /content\s*:\s*(?:(\w+)|\$(\w+))/.exec(inputSrc)
      input = { subjectId: id?.[1] ?? (id?.[2] ? vars[id[2]] : undefined), content: content?.[1] ?? (content?.[2] ? vars[content[2]] : undefined) }
    }
    const content = CONTENT[String(input.content)]
    if (!content) {
      errors.push({ message: `Argument 'content' on InputObject 'AddReactionInput' has an invalid value (${String(input.content)}). Expected type 'ReactionContent!'.` })
      continue
    }
    const id = String(input.subjectId)
    const repo = [...s.repos.values()].find(r =>
      r.reviews.some(x => x.node_id === id) || r.comments.some(x => x.node_id === id) || [...r.items.values()].some(x => x.node_id === id))
    if (!repo) {
      data[out] = null
      errors.push({ type: 'NOT_FOUND', path: [out], message: `Could not resolve to a node with the global id of '${id}'` })
      continue
    }
    const comment = repo.comments.find(x => x.node_id === id)
    const { reaction } = addReaction(s, repo, comment ? comment.id : id, content)
    data[out] = { reaction: { content: String(input.content), id: reaction.node_id }, subject: { id } }
  }
}

export function graphql(s: State, body: Record<string, unknown>): Reply {
  const PR_FIELDS: Record<string, (r: Repo, it: Item) => unknown> = {
    id: (_r, it) => it.node_id,
    number: (_r, it) => it.number,
    isDraft: (_r, it) => it.pull?.draft,
    title: (_r, it) => it.title,
    state: (_r, it) => (it.state === 'open' ? 'OPEN' : 'CLOSED'),
    url: (r, it) => `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`,
    headRefName: (_r, it) => it.pull?.head,
    baseRefName: (_r, it) => it.pull?.base
  }
  const query = typeof body.query === 'string' ? body.query : ''
  const vars = (body.variables ?? {}) as Record<string, unknown>
  if (!query) return { status: 200, body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] } }
  if (!/^\s*mutation\b/.test(query)) return readQuery(s, query, vars)
  const data: Record<string, unknown> = {}
  const errors: Record<string, unknown>[] = []
  const re = /(?:(\w+)\s*:\s*)?\b(markPullRequestReadyForReview|convertPullRequestToDraft)\s*\(\s*input\s*:\s*(\{[^}]*\}|\$\w+)\s*\)\s*\{([\s\S]*?\})\s*\}/g
  addReactions(s, query, vars, data, errors)
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
    const found = [...s.repos.values()].flatMap(r => [...r.items.values()].filter(it => it.pull && it.node_id === id).map(it => [r, it] as const))[0]
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
  if (!Object.keys(data).length && !errors.length) return { status: 200, body: { errors: [{ message: 'emulator: only markPullRequestReadyForReview, convertPullRequestToDraft and addReaction are emulated' }] } }
  return { status: 200, body: errors.length ? { data, errors } : { data } }
}

// Queries: `viewer { login }` (an installation token's viewer is its bot, e.g.
// `github-actions[bot]`), and an issue's author, editor and edit times.
function readQuery(s: State, query: string, vars: Record<string, unknown>): Reply {
  const data: Record<string, unknown> = {}
  const arg = (lit: string | undefined, v: string | undefined) => lit ?? (v ? vars[v] : undefined)
  if (/\bviewer\s*\{/.test(query)) {
    const sel = /\bviewer\s*\{([^}]*)\}/.exec(query)![1]!
    data.viewer = pick(sel, { login: s.botLogin, databaseId: s.users.get(s.botLogin.toLowerCase()) ?? 0 })
  }
  const m = /\brepository\s*\(\s*owner\s*:\s*(?:"([^"]*)"|\$(\w+))\s*,\s*name\s*:\s*(?:"([^"]*)"|\$(\w+))\s*\)\s*\{\s*issue\s*\(\s*number\s*:\s*(?:(\d+)|\$(\w+))\s*\)\s*\{([\s\S]*)\}\s*\}/.exec(query)
  if (m) {
    const owner = String(arg(m[1], m[2]) ?? '')
    const name = String(arg(m[3], m[4]) ?? '')
    const number = Number(arg(m[5], m[6]))
    const r = s.repos.get(`${owner}/${name}`.toLowerCase())
    if (!r) return { status: 200, body: { data: { repository: null }, errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${owner}/${name}'.` }] } }
    const it = r.items.get(number)
    if (!it || it.pull) return { status: 200, body: { data: { repository: { issue: null } }, errors: [{ type: 'NOT_FOUND', path: ['repository', 'issue'], message: `Could not resolve to an Issue with the number of ${number}.` }] } }
    const sel = m[7]!
    data.repository = {
      issue: pick(sel, {
        number: it.number,
        title: it.title,
        body: it.body ?? '',
        updatedAt: it.updated_at,
        lastEditedAt: it.last_edited_at ?? null,
        author: { login: it.user },
        editor: it.editor ? { login: it.editor } : null
      })
    }
  }
  if (!Object.keys(data).length) return { status: 200, body: { errors: [{ message: 'emulator: this query is not emulated' }] } }
  return { status: 200, body: { data } }
}

/** Only the fields the selection names, as GraphQL answers. */
function pick(selection: string, fields: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(selection.replace(/\{[^}]*\}/g, ' ').split(/[\s,]+/).filter(Boolean))
  return Object.fromEntries(Object.entries(fields).filter(([k]) => names.has(k)))
}
