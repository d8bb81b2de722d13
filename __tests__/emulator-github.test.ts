// The GitHub emulator must satisfy the real octokit stack the action uses
// (getOctokit + plugin-retry + plugin-throttling) without any adaptation.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startGitHubEmulator, type GitHubEmulator } from '../emulators/github'
import { checkoutWorkspace, git, makeOrigin } from '../emulators/git'

const TOKEN = 'ghs_emulatortoken'
const REPO = { owner: 'acme', repo: 'widgets' }

// Built exactly as the action builds it. Note plugin-throttling keeps its
// Bottleneck groups at module level: every client in this file shares them,
// so writes are spaced across tests too.
function client(baseUrl: string, token = TOKEN, onSecondaryRateLimit: (after: number) => boolean = () => true) {
  return getOctokit(
    token,
    { baseUrl, throttle: { onRateLimit: () => true, onSecondaryRateLimit }, retry: { retries: 2 } },
    retry,
    throttling
  )
}

async function rejection(p: Promise<unknown>): Promise<{ status?: number; message: string; response?: { data?: unknown } }> {
  try {
    await p
  } catch (e) {
    return e as { status?: number; message: string }
  }
  throw new Error('expected a rejection')
}

describe('GitHub emulator', () => {
  let emu: GitHubEmulator
  let origin: Awaited<ReturnType<typeof makeOrigin>>
  let octokit: ReturnType<typeof client>

  beforeAll(async () => {
    origin = await makeOrigin({ 'index.js': 'module.exports = 1\n' })
    const ws = await checkoutWorkspace(origin.bareDir)
    await git(ws, ['checkout', '-q', '-b', 'draft-review/issue-1'])
    await writeFile(join(ws, 'index.js'), 'module.exports = 2\n')
    await git(ws, ['commit', '-q', '-am', 'change'])
    await git(ws, ['push', '-q', 'origin', 'HEAD:refs/heads/draft-review/issue-1'])

    emu = await startGitHubEmulator({ token: TOKEN })
    emu.addRepo({
      owner: 'acme',
      name: 'widgets',
      bareDir: origin.bareDir,
      permissions: { alice: 'admin', bob: 'maintain', carol: 'triage', dave: 'read' }
    })
    emu.addIssue('acme/widgets', { number: 1, title: 'Fix add', body: 'add is wrong', labels: ['draft-review'], user: 'alice' })
    emu.addIssue('acme/widgets', { number: 2, title: 'Busy thread' })
    emu.addIssue('acme/widgets', { number: 3, title: 'Retries' })
    octokit = client(emu.url)
  })
  afterAll(async () => {
    await emu.close()
    await origin.cleanup()
  })

  test('get repo and issue, with rate-limit headers', async () => {
    const repo = await octokit.rest.repos.get(REPO)
    expect(repo.data).toMatchObject({ full_name: 'acme/widgets', default_branch: 'main', private: false, owner: { login: 'acme' } })
    expect(repo.headers['x-ratelimit-remaining']).toMatch(/^\d+$/)
    expect(repo.headers['x-github-request-id']).toBeTruthy()

    const issue = await octokit.rest.issues.get({ ...REPO, issue_number: 1 })
    expect(issue.data).toMatchObject({ number: 1, title: 'Fix add', body: 'add is wrong', state: 'open', user: { login: 'alice', type: 'User' } })
    expect(issue.data.labels).toEqual([expect.objectContaining({ name: 'draft-review' })])
    expect(issue.data.pull_request).toBeUndefined()
    expect((await octokit.rest.issues.get({ ...REPO, issue_number: 2 })).data.body).toBeNull()

    const missing = await rejection(octokit.rest.issues.get({ ...REPO, issue_number: 999 }))
    expect(missing.status).toBe(404)
    expect(missing.response?.data).toMatchObject({ message: 'Not Found', documentation_url: expect.stringContaining('docs.github.com') })
  })

  test('collaborator permission: legacy `permission` plus `role_name`, 404 for unknown users', async () => {
    const perm = async (username: string) =>
      (await octokit.rest.repos.getCollaboratorPermissionLevel({ ...REPO, username })).data
    expect(await perm('alice')).toMatchObject({ permission: 'admin', role_name: 'admin', user: { login: 'alice' } })
    expect(await perm('bob')).toMatchObject({ permission: 'write', role_name: 'maintain' })
    expect(await perm('carol')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await perm('dave')).toMatchObject({ permission: 'read', role_name: 'read' })
    expect(await perm('acme')).toMatchObject({ permission: 'admin' })
    expect((await rejection(perm('mallory'))).status).toBe(404)
  })

  test('GET /user answers 403 for an installation token, as GitHub does', async () => {
    const err = await rejection(octokit.rest.users.getAuthenticated())
    expect(err.status).toBe(403)
    expect(err.message).toMatch(/Resource not accessible by integration/)
  })

  test('comments: create and update record the bot; 120 comments paginate with Link headers', async () => {
    // Seed without the throttling plugin: with it, each comment POST waits 3 s.
    const fast = getOctokit(TOKEN, { baseUrl: emu.url })
    for (let i = 1; i <= 120; i++) await fast.rest.issues.createComment({ ...REPO, issue_number: 2, body: `comment ${i}` })

    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...REPO, issue_number: 2, per_page: 100 })
    expect(all).toHaveLength(120)
    expect(all.map(c => c.body)).toEqual(Array.from({ length: 120 }, (_, i) => `comment ${i + 1}`))
    expect(emu.requests.filter(r => r.method === 'GET' && r.path.includes('/issues/2/comments'))).toHaveLength(2)

    const first = await octokit.rest.issues.listComments({ ...REPO, issue_number: 2 })
    expect(first.data).toHaveLength(30) // GitHub's default page size
    expect(first.headers.link).toMatch(/[?&]page=2>; rel="next"/)
    expect(first.headers.link).toMatch(/[?&]page=4>; rel="last"/)
    const middle = await octokit.rest.issues.listComments({ ...REPO, issue_number: 2, per_page: 50, page: 2 })
    expect(middle.headers.link).toMatch(/page=1>; rel="prev".*page=3>; rel="next".*page=3>; rel="last".*page=1>; rel="first"/)
    const clamped = await octokit.rest.issues.listComments({ ...REPO, issue_number: 2, per_page: 500 })
    expect(clamped.data).toHaveLength(100)

    const created = await octokit.rest.issues.createComment({ ...REPO, issue_number: 1, body: 'summary v1' })
    expect(created.status).toBe(201)
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', type: 'Bot' })
    const updated = await octokit.rest.issues.updateComment({ ...REPO, comment_id: created.data.id, body: 'summary v2' })
    expect(updated.data.body).toBe('summary v2')
    expect(emu.comments('acme/widgets', 1)).toEqual([
      expect.objectContaining({ id: created.data.id, body: 'summary v2', user: 'github-actions[bot]' })
    ])

    const noBody = await rejection(octokit.request({ method: 'POST', url: '/repos/acme/widgets/issues/1/comments' }))
    expect(noBody.status).toBe(422)
    const tooLong = await rejection(octokit.rest.issues.updateComment({ ...REPO, comment_id: created.data.id, body: 'x'.repeat(65537) }))
    expect(tooLong.status).toBe(422)
    expect(tooLong.message).toMatch(/body is too long/)
  })

  test('pull requests: create, duplicate 422, missing head 422, list by head, ready for review', async () => {
    const created = await octokit.rest.pulls.create({
      ...REPO, title: 'Fix add', head: 'draft-review/issue-1', base: 'main', body: 'Closes #1', draft: true
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ number: 4, draft: true, state: 'open', head: { ref: 'draft-review/issue-1' }, base: { ref: 'main' } })
    const headSha = (await git(origin.bareDir, ['rev-parse', 'refs/heads/draft-review/issue-1'])).trim()
    expect(created.data.head.sha).toBe(headSha)
    expect(created.data.node_id).toBeTruthy()
    // Pull requests are issues too, in the same number space.
    expect((await octokit.rest.issues.get({ ...REPO, issue_number: 4 })).data.pull_request).toBeDefined()

    const dup = await rejection(octokit.rest.pulls.create({ ...REPO, title: 'again', head: 'draft-review/issue-1', base: 'main' }))
    expect(dup.status).toBe(422)
    expect(dup.message).toContain('A pull request already exists for acme:draft-review/issue-1.')

    const noBranch = await rejection(octokit.rest.pulls.create({ ...REPO, title: 'x', head: 'no-such-branch', base: 'main' }))
    expect(noBranch).toMatchObject({ name: 'HttpError', status: 422 })
    expect(noBranch.response?.data).toEqual(expect.objectContaining({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]
    }))

    const byHead = await octokit.rest.pulls.list({ ...REPO, head: 'acme:draft-review/issue-1', base: 'main', state: 'open' })
    expect(byHead.data.map(p => p.number)).toEqual([4])
    expect((await octokit.rest.pulls.list({ ...REPO, head: 'acme:no-such-branch' })).data).toEqual([])
    // GitHub ignores a head filter without `owner:`; so does the emulator.
    expect((await octokit.rest.pulls.list({ ...REPO, head: 'no-such-branch' })).data).toHaveLength(1)

    const res = await octokit.graphql<{ markPullRequestReadyForReview: { pullRequest: { isDraft: boolean; number: number } } }>(
      `mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { pullRequest { isDraft number } } }`,
      { id: created.data.node_id }
    )
    expect(res.markPullRequestReadyForReview.pullRequest).toEqual({ isDraft: false, number: 4 })
    expect(emu.pulls('acme/widgets')[0]).toMatchObject({ number: 4, draft: false, body: 'Closes #1' })

    const patched = await octokit.rest.pulls.update({ ...REPO, pull_number: 4, title: 'Fix add (v2)', body: 'Closes #1\n\nv2' })
    expect(patched.data).toMatchObject({ title: 'Fix add (v2)', draft: false })
    expect((await octokit.rest.pulls.get({ ...REPO, pull_number: 4 })).data.body).toBe('Closes #1\n\nv2')

    const unknownNode = await rejection(
      octokit.graphql(`mutation { convertPullRequestToDraft(input: {pullRequestId: "PR_nope"}) { pullRequest { isDraft } } }`)
    )
    expect(unknownNode.message).toMatch(/Could not resolve to a node/)
  })

  test('a head branch with no commits beyond base is a 422, as on GitHub', async () => {
    await git(origin.bareDir, ['branch', 'same-as-main', 'main'])
    // Plain fetch: the point is the answer, not octokit's write spacing.
    const res = await fetch(`${emu.url}/repos/acme/widgets/pulls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 't', head: 'same-as-main', base: 'main' })
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'No commits between main and same-as-main' }]
    })
  })

  test('a repository without draft support rejects draft pull requests with 422', async () => {
    emu.addRepo({ owner: 'acme', name: 'private-free', private: true, draftPullRequests: false })
    const err = await rejection(octokit.rest.pulls.create({ owner: 'acme', repo: 'private-free', title: 't', head: 'x', base: 'main', draft: true }))
    expect(err.status).toBe(422)
    expect(err.message).toMatch(/^Draft pull requests are not supported in this repository\./)
    expect(emu.pulls('acme/private-free')).toEqual([])
  })

  test('a bad token gets 401 Bad credentials, not retried', async () => {
    const before = emu.requests.length
    const err = await rejection(client(emu.url, 'wrong').rest.repos.get(REPO))
    expect(err.status).toBe(401)
    expect(err.message).toMatch(/^Bad credentials/)
    expect(emu.requests.length - before).toBe(1)
  })

  test('a 502 on comment creation is retried by plugin-retry', async () => {
    emu.failNext({ method: 'POST', path: /\/issues\/3\/comments$/, status: 502 })
    const before = emu.requests.length
    const res = await octokit.rest.issues.createComment({ ...REPO, issue_number: 3, body: 'after 502' })
    expect(res.status).toBe(201)
    expect(emu.requests.slice(before).filter(r => r.method === 'POST')).toHaveLength(2)
    expect(emu.comments('acme/widgets', 3).map(c => c.body)).toEqual(['after 502'])
  })

  test('a secondary rate limit (403 + retry-after) is waited out by plugin-throttling', async () => {
    emu.failNext({
      method: 'POST',
      path: /\/issues\/3\/comments$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
      }
    })
    const seen: number[] = []
    const c = client(emu.url, TOKEN, after => (seen.push(after), true))
    const res = await c.rest.issues.createComment({ ...REPO, issue_number: 3, body: 'after 403' })
    expect(res.status).toBe(201)
    expect(seen).toEqual([1])
    expect(emu.comments('acme/widgets', 3).map(c => c.body)).toEqual(['after 502', 'after 403'])
  })

  test('plugin-throttling spaces comment creations about 3 s apart (measured)', async () => {
    const t0 = Date.now()
    await octokit.rest.issues.createComment({ ...REPO, issue_number: 3, body: 'a' })
    const t1 = Date.now()
    await octokit.rest.issues.createComment({ ...REPO, issue_number: 3, body: 'b' })
    const gap = Date.now() - t1
    expect(gap).toBeGreaterThanOrEqual(2500)
    expect(t1 - t0).toBeLessThan(60_000) // first one waits for whatever the previous test's write left
  })

  test('unknown routes answer 404 {"message":"Not Found"}', async () => {
    const err = await rejection(octokit.request('GET /repos/{owner}/{repo}/releases', REPO))
    expect(err.status).toBe(404)
    expect(err.response?.data).toMatchObject({ message: 'Not Found' })
    expect((await rejection(octokit.rest.repos.get({ owner: 'acme', repo: 'nope' }))).status).toBe(404)
  })
})

describe('GitHub emulator as GitHub Enterprise Server (/api/v3)', () => {
  test('REST under /api/v3 and GraphQL at /api/graphql', async () => {
    const emu = await startGitHubEmulator({ token: TOKEN, pathPrefix: '/api/v3' })
    try {
      expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/)
      emu.addRepo({ owner: 'acme', name: 'widgets', defaultBranch: 'trunk' })
      emu.addIssue('acme/widgets', { number: 5, title: 'On GHES' })
      const octokit = client(emu.url)
      expect((await octokit.rest.repos.get(REPO)).data.default_branch).toBe('trunk')
      expect(emu.requests.at(-1)?.path).toBe('/api/v3/repos/acme/widgets')

      // No bareDir: branches are not checked, the pull request is still created.
      const pr = await octokit.rest.pulls.create({ ...REPO, title: 't', head: 'feature', base: 'trunk' })
      expect(pr.data.html_url).toBe(`${new URL(emu.url).origin}/acme/widgets/pull/6`)
      const res = await octokit.graphql<{ toDraft: { pullRequest: { isDraft: boolean } } }>(
        `mutation($input: ConvertPullRequestToDraftInput!) { toDraft: convertPullRequestToDraft(input: $input) { pullRequest { isDraft } } }`,
        { input: { pullRequestId: pr.data.node_id } }
      )
      expect(res.toDraft.pullRequest.isDraft).toBe(true)
      expect(emu.requests.at(-1)?.path).toBe('/api/graphql')
      expect(emu.pulls('acme/widgets')[0]?.draft).toBe(true)

      // The bare root is not the API on GHES.
      const bare = await fetch(`${new URL(emu.url).origin}/repos/acme/widgets`, { headers: { authorization: `token ${TOKEN}` } })
      expect(bare.status).toBe(404)
      expect(await bare.json()).toMatchObject({ message: 'Not Found' })
    } finally {
      await emu.close()
    }
  })
})
