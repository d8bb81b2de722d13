// Which answer a request path gets: GraphQL, GET /user, or the first REST route that
// matches, for a repository the emulator knows.
import { graphql } from './graphql'
import { userJson } from './json'
import { fail, type Ctx, type Reply } from './replies'
import { issueRoutes } from './routes-issues'
import { pullRoutes } from './routes-pulls'
import { roundRoutes } from './routes-rounds'
import { repoKey, type State } from './state'

export type Router = (method: string, path: string, c: Ctx) => Promise<Reply>

export function createRouter(s: State): Router {
  const routes = [...issueRoutes(s), ...pullRoutes(s), ...roundRoutes(s)]
  return async (method, path, c) => {
    if (path === s.graphqlPath) return method === 'POST' ? graphql(s, c.body) : fail(404, 'Not Found')
    if (!path.startsWith(`${s.prefix}/`)) return fail(404, 'Not Found')
    const rel = path.slice(s.prefix.length)
    if (rel === '/user' && method === 'GET') {
      // An installation token (GITHUB_TOKEN, a GitHub App) has no user: GitHub answers 403.
      if (s.botLogin.endsWith('[bot]')) return fail(403, 'Resource not accessible by integration', '/users/users#get-the-authenticated-user')
      return { status: 200, body: userJson(s, s.botLogin) }
    }
    for (const [m, re, h] of routes) {
      const match = re.exec(rel)
      if (!match || m !== method) continue
      const params = match.slice(1).map(p => decodeURIComponent(p))
      const repo = s.repos.get(repoKey(`${params[0]}/${params[1]}`))
      if (!repo) return fail(404, 'Not Found', '/repos/repos#get-a-repository')
      return h({ ...c, params }, repo)
    }
    return fail(404, 'Not Found')
  }
}
