// REST routes for pull requests: list (with the silent `head` filter quirk), create (with
// GitHub's 422s for bad heads, duplicates, empty diffs and unsupported drafts), get, update.
import { git, tip } from '../git'
import { branchSha, pullJson } from './json'
import { badField, fail, invalid, page, repoRoute, tooLong, type Route } from './replies'
import { fakeSha, now, nodeId, pullsOf, type Item, type State } from './state'

const pullDoc = '/pulls/pulls'

export function pullRoutes(s: State): Route[] {
  return [
    repoRoute('GET', '/pulls', async (c, r) => {
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
      const p = page(list, c, s.origin)
      return { status: 200, body: await Promise.all(p.items.map(it => pullJson(s, r, it))), headers: p.headers }
    }),

    repoRoute('POST', '/pulls', async (c, r) => {
      const doc = `${pullDoc}#create-a-pull-request`
      const b = c.body
      const bad = badField(b, 'head', doc) ?? badField(b, 'base', doc) ?? badField(b, 'title', doc, false) ?? tooLong('PullRequest', b.body, doc)
      if (bad) return bad
      if (typeof b.title !== 'string' || !b.title) return invalid(doc, { resource: 'PullRequest', code: 'missing_field', field: 'title' })
      // The repository (or organization) setting "Allow GitHub Actions to create and approve
      // pull requests", off by default in new repositories, refuses GITHUB_TOKEN in these words.
      if (!r.actionsCreatePulls && s.botLogin === 'github-actions[bot]')
        return fail(403, 'GitHub Actions is not permitted to create or approve pull requests.', doc)
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
        number: r.nextNumber++, id: s.newId(), node_id: nodeId('PR'), title: b.title, body: typeof b.body === 'string' ? b.body : null,
        labels: [], user: s.botLogin, state: 'open', created_at: t, updated_at: t, closed_at: null,
        pull: { head: headBranch, base, draft: b.draft === true, sha: headSha }
      }
      r.items.set(it.number, it)
      const json = await pullJson(s, r, it)
      return { status: 201, body: json, headers: { location: json.url } }
    }),

    repoRoute('GET', '/pulls/(\\d+)', async (c, r) => {
      const it = r.items.get(Number(c.params[2]))
      return it?.pull ? { status: 200, body: await pullJson(s, r, it) } : fail(404, 'Not Found', `${pullDoc}#get-a-pull-request`)
    }),

    repoRoute('PATCH', '/pulls/(\\d+)', async (c, r) => {
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
      return { status: 200, body: await pullJson(s, r, it) }
    })
  ]
}
