// The JSON shapes GitHub answers with for users, repositories, issues, comments and
// pull requests, built from the emulator's state. The fields are the ones a client could
// read; the URLs follow github.com, or a GHES host when the API has a path prefix.
import { tip } from '../git'
import { association, type Comment, type Item, type Repo, type State } from './state'

export const userJson = (s: State, login: string) => ({
  login,
  id: s.users.get(login.toLowerCase()) ?? 0,
  node_id: `U_${Buffer.from(login).toString('base64url')}`,
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
  site_admin: false,
  url: `${s.apiRoot()}/users/${encodeURIComponent(login)}`,
  html_url: `${s.htmlRoot()}/${login.endsWith('[bot]') ? 'apps/' + login.slice(0, -5) : login}`,
  avatar_url: `https://avatars.githubusercontent.com/u/${s.users.get(login.toLowerCase()) ?? 0}?v=4`
})

export const repoJson = (s: State, r: Repo) => ({
  id: r.id,
  node_id: `R_${Buffer.from(`${r.owner}/${r.name}`).toString('base64url')}`,
  name: r.name,
  full_name: `${r.owner}/${r.name}`,
  private: r.private,
  visibility: r.private ? 'private' : 'public',
  owner: userJson(s, r.owner),
  html_url: `${s.htmlRoot()}/${r.owner}/${r.name}`,
  url: `${s.apiRoot()}/repos/${r.owner}/${r.name}`,
  clone_url: `${s.htmlRoot()}/${r.owner}/${r.name}.git`,
  default_branch: r.defaultBranch,
  fork: false,
  archived: false,
  disabled: false
})

export function issueJson(s: State, r: Repo, it: Item) {
  const kind = it.pull ? 'pull' : 'issues'
  return {
    id: it.id,
    node_id: it.node_id,
    number: it.number,
    url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/issues/${it.number}`,
    html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/${kind}/${it.number}`,
    title: it.title,
    body: it.body,
    state: it.state,
    state_reason: null,
    locked: false,
    user: userJson(s, it.user),
    labels: it.labels.map((name, i) => ({ id: i + 1, node_id: `LA_${name}`, name, color: 'ededed', default: false, description: null })),
    assignees: [],
    comments: r.comments.filter(c => c.issue === it.number).length,
    created_at: it.created_at,
    updated_at: it.updated_at,
    closed_at: it.closed_at,
    author_association: association(r, it.user),
    // Present only for pull requests: how clients tell the two apart.
    ...(it.pull
      ? { pull_request: { url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/${it.number}`, html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`, merged_at: null } }
      : {})
  }
}

export function commentJson(s: State, r: Repo, c: Comment) {
  const it = r.items.get(c.issue)
  return {
    id: c.id,
    node_id: c.node_id,
    url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/issues/comments/${c.id}`,
    html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/${it?.pull ? 'pull' : 'issues'}/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/issues/${c.issue}`,
    body: c.body,
    user: userJson(s, c.user),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: association(r, c.user)
  }
}

// head.sha follows the branch, as on GitHub when the branch is pushed again.
export const branchSha = async (r: Repo, branch: string, fallback: string) =>
  (r.bareDir ? await tip(r.bareDir, branch) : null) ?? fallback

export async function pullJson(s: State, r: Repo, it: Item) {
  const p = it.pull!
  const side = async (ref: string, fallback: string) => ({
    label: `${r.owner}:${ref}`,
    ref,
    sha: await branchSha(r, ref, fallback),
    user: userJson(s, r.owner),
    repo: repoJson(s, r)
  })
  return {
    url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/pulls/${it.number}`,
    id: it.id,
    node_id: it.node_id,
    html_url: `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}`,
    diff_url: `${s.htmlRoot()}/${r.owner}/${r.name}/pull/${it.number}.diff`,
    issue_url: `${s.apiRoot()}/repos/${r.owner}/${r.name}/issues/${it.number}`,
    number: it.number,
    state: it.state,
    locked: false,
    title: it.title,
    user: userJson(s, it.user),
    body: it.body,
    labels: [],
    created_at: it.created_at,
    updated_at: it.updated_at,
    closed_at: it.closed_at,
    merged_at: null,
    merge_commit_sha: null,
    draft: p.draft,
    head: await side(p.head, p.sha),
    base: await side(p.base, '0'.repeat(40)),
    author_association: association(r, it.user),
    merged: false,
    mergeable: null
  }
}
