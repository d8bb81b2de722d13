// REST routes for a repository, its issues, a collaborator's permission, and issue comments.
import { commentJson, issueJson, repoJson, userJson } from './json'
import { badField, fail, page, repoRoute, tooLong, type Ctx, type Route } from './replies'
import { baseRoleOf, now, nodeId, roleOf, type Comment, type Repo, type State } from './state'

const commentDoc = '/issues/comments'

export function issueRoutes(s: State): Route[] {
  const findComment = (c: Ctx, r: Repo) => r.comments.find(x => x.id === Number(c.params[2]))
  return [
    repoRoute('GET', '', (_c, r) => ({ status: 200, body: repoJson(s, r) })),

    repoRoute('GET', '/issues/(\\d+)', (c, r) => {
      const it = r.items.get(Number(c.params[2]))
      return it ? { status: 200, body: issueJson(s, r, it) } : fail(404, 'Not Found', '/issues/issues#get-an-issue')
    }),

    repoRoute('GET', '/collaborators/([^/]+)/permission', (c, r) => {
      const login = decodeURIComponent(c.params[2] ?? '')
      if (!s.users.has(login.toLowerCase())) return fail(404, 'Not Found', '/collaborators/collaborators#get-repository-permissions-for-a-user')
      const role = roleOf(r, login)
      // `permission` is the legacy base role: maintain reads as write, triage as read, and a
      // custom role as the role it is built on; `role_name` names the role itself.
      const base = baseRoleOf(r, role)
      const legacy = base === 'maintain' ? 'write' : base === 'triage' ? 'read' : base
      const rank = ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(base)
      return {
        status: 200,
        body: {
          permission: legacy,
          role_name: role,
          user: {
            ...userJson(s, login),
            permissions: { pull: rank >= 1, triage: rank >= 2, push: rank >= 3, maintain: rank >= 4, admin: rank >= 5 },
            role_name: role
          }
        }
      }
    }),

    repoRoute('GET', '/issues/(\\d+)/comments', (c, r) => {
      const n = Number(c.params[2])
      if (!r.items.has(n)) return fail(404, 'Not Found', `${commentDoc}#list-issue-comments`)
      const p = page(r.comments.filter(x => x.issue === n), c, s.origin)
      return { status: 200, body: p.items.map(x => commentJson(s, r, x)), headers: p.headers }
    }),
    repoRoute('POST', '/issues/(\\d+)/comments', (c, r) => {
      const n = Number(c.params[2])
      const doc = `${commentDoc}#create-an-issue-comment`
      if (!r.items.has(n)) return fail(404, 'Not Found', doc)
      const bad = badField(c.body, 'body', doc) ?? tooLong('IssueComment', c.body.body, doc)
      if (bad) return bad
      const t = now()
      const cm: Comment = { id: s.newId(), node_id: nodeId('IC'), issue: n, body: String(c.body.body), user: s.botLogin, created_at: t, updated_at: t }
      r.comments.push(cm)
      const json = commentJson(s, r, cm)
      return { status: 201, body: json, headers: { location: json.url } }
    }),
    repoRoute('GET', '/issues/comments/(\\d+)', (c, r) => {
      const cm = findComment(c, r)
      return cm ? { status: 200, body: commentJson(s, r, cm) } : fail(404, 'Not Found', `${commentDoc}#get-an-issue-comment`)
    }),
    repoRoute('PATCH', '/issues/comments/(\\d+)', (c, r) => {
      const doc = `${commentDoc}#update-an-issue-comment`
      const cm = findComment(c, r)
      if (!cm) return fail(404, 'Not Found', doc)
      const bad = badField(c.body, 'body', doc) ?? tooLong('IssueComment', c.body.body, doc)
      if (bad) return bad
      cm.body = String(c.body.body)
      cm.updated_at = now()
      return { status: 200, body: commentJson(s, r, cm) }
    }),
    repoRoute('DELETE', '/issues/comments/(\\d+)', (c, r) => {
      const cm = findComment(c, r)
      if (!cm) return fail(404, 'Not Found', `${commentDoc}#delete-an-issue-comment`)
      r.comments.splice(r.comments.indexOf(cm), 1)
      return { status: 204 }
    })
  ]
}
