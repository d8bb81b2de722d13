// GraphQL: only the two draft-state mutations (markPullRequestReadyForReview,
// convertPullRequestToDraft), found by pull request node_id, since REST cannot flip `draft`.
// The query is read with regular expressions, enough for the queries octokit users write.
import type { Reply } from './replies'
import { now, type Item, type Repo, type State } from './state'

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
  if (!Object.keys(data).length) return { status: 200, body: { errors: [{ message: 'emulator: only markPullRequestReadyForReview and convertPullRequestToDraft are emulated' }] } }
  return { status: 200, body: errors.length ? { data, errors } : { data } }
}
