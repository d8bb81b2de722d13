import { startGitHubEmulator, type GitHubEmulator } from '../emulators/github'
import { createOctokit, GitHubClient } from '../src/github'

const TOKEN = 'ghs_client_test_token'
let gh: GitHubEmulator
let client: GitHubClient
const log: string[] = []

beforeEach(async () => {
  gh = await startGitHubEmulator({ token: TOKEN })
  gh.addRepo({
    owner: 'acme',
    name: 'widgets',
    permissions: { maria: 'write', triager: 'triage', boss: 'maintain', dora: 'deployer', tess: 'labeller' },
    customRoles: { deployer: 'write', labeller: 'triage' }
  })
  gh.addIssue('acme/widgets', { number: 1, title: 'One', body: 'b', labels: ['draft-review'] })
  gh.addIssue('acme/widgets', { number: 2, title: 'Two' })
  client = new GitHubClient(createOctokit(TOKEN, gh.url, (m) => log.push(m)), 'acme', 'widgets')
})
afterEach(async () => {
  await gh.close()
})

test('a retried 5xx does not lengthen the next request\'s retry wait (retry count kept per request)', async () => {
  gh.failNext({ method: 'GET', path: /\/issues\/1$/, status: 502 })
  let t = Date.now()
  await client.issue(1)
  const first = Date.now() - t
  gh.failNext({ method: 'GET', path: /\/issues\/2$/, status: 502 })
  t = Date.now()
  await client.issue(2)
  const second = Date.now() - t
  // plugin-retry waits (retryCount + 1)^2 seconds: 1 s for a first retry, 4 s if the count leaked.
  expect(first).toBeLessThan(2500)
  expect(second).toBeLessThan(2500)
})

test('a 502 on comment creation is retried; a secondary rate limit waits for retry-after', async () => {
  gh.failNext({ method: 'POST', path: /\/issues\/1\/comments$/, status: 502 })
  const c = await client.upsertComment(1, '<!-- m -->', '<!-- m -->\nhello')
  expect(gh.comments('acme/widgets', 1)).toHaveLength(1)
  gh.failNext({
    method: 'PATCH',
    path: /\/issues\/comments\/\d+$/,
    status: 403,
    headers: { 'retry-after': '1' },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }
  })
  const again = await client.upsertComment(1, '<!-- m -->', '<!-- m -->\nupdated')
  expect(again.id).toBe(c.id)
  expect(gh.comments('acme/widgets', 1).map((x) => x.body)).toEqual(['<!-- m -->\nupdated'])
  expect(log.some((m) => m.includes('secondary rate limit'))).toBe(true)
})

test('`permission` decides: maintain and a custom role built on write read as write; an unknown user has none', async () => {
  expect(await client.permission('maria')).toBe('write')
  expect(await client.permission('boss')).toBe('write')
  expect(await client.permission('dora')).toBe('write') // role_name "deployer"
  expect(await client.permission('triager')).toBe('read')
  expect(await client.permission('tess')).toBe('read') // role_name "labeller", built on triage
  expect(await client.permission('nobody-at-all')).toBe('none')
})

describe('pull requests', () => {
  const base = { branch: 'draft-review/issue-1', base: 'main', title: 'One', body: 'Closes #1', draft: true }

  test('a 422 "A pull request already exists" (a run that raced ours) updates that one; another 422 is not taken for it', async () => {
    const first = await client.upsertPull(base)
    // The list answers empty (the race), then create says it exists: update, not a second one.
    gh.failNext({ method: 'GET', path: /\/pulls$/, status: 200, body: [] })
    const again = await client.upsertPull({ ...base, body: 'Closes #1\n\nupdated' })
    expect(again.number).toBe(first.number)
    expect(gh.pulls('acme/widgets')).toHaveLength(1)
    expect(gh.pulls('acme/widgets')[0]!.body).toContain('updated')
    expect([first.created, again.created]).toEqual([true, false])
    // Told none is open (the run's start looked), it creates at once; one that is open after all is met by the 422 and updated.
    const told = await client.upsertPull({ ...base, body: 'Closes #1\n\ntold', noneOpen: true })
    expect(told).toMatchObject({ number: first.number, created: false })
    expect(gh.pulls('acme/widgets')).toHaveLength(1)
    expect(gh.pulls('acme/widgets')[0]!.body).toContain('told')

    // A 422 for a head that does not exist is an error, said as GitHub said it.
    gh.failNext({ method: 'GET', path: /\/pulls$/, status: 200, body: [] })
    gh.failNext({
      method: 'POST',
      path: /\/pulls$/,
      status: 422,
      body: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }], documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request', status: '422' }
    })
    await expect(client.upsertPull({ ...base, branch: 'missing' })).rejects.toMatchObject({ status: 422 })
  })

  test('422 "Draft pull requests are not supported": a ready one, with the not-approved title and body', async () => {
    gh.configureRepo('acme/widgets', { private: true, drafts: false })
    const pr = await client.upsertPull({ ...base, notDraft: (t, b) => ({ title: `[not approved] ${t}`, body: `NOT APPROVED\n\n${b}` }) })
    expect(pr).toMatchObject({ draft: false, draftsUnsupported: true })
    expect(gh.pulls('acme/widgets')[0]).toMatchObject({ draft: false, title: '[not approved] One', body: 'NOT APPROVED\n\nCloses #1' })
  })

  test('403 "GitHub Actions is not permitted to create or approve pull requests" is thrown in GitHub\'s words', async () => {
    gh.configureRepo('acme/widgets', { actionsCreatePulls: false })
    await expect(client.upsertPull(base)).rejects.toMatchObject({ status: 403, message: expect.stringContaining('GitHub Actions is not permitted to create or approve pull requests.') })
  })
})

describe('comment authorship', () => {
  test('a marker comment by someone else is neither found nor edited; ours is', async () => {
    gh.addComment('acme/widgets', 1, { user: 'maria', body: '<!-- m -->\nby a person' })
    const ours = await client.upsertComment(1, '<!-- m -->', '<!-- m -->\nours')
    expect(gh.comments('acme/widgets', 1).map((c) => [c.user, c.body])).toEqual([
      ['maria', '<!-- m -->\nby a person'],
      ['github-actions[bot]', '<!-- m -->\nours']
    ])
    // A fresh client (a later run) finds its own comment through GraphQL's viewer (GET /user is 403 for this token).
    const later = new GitHubClient(createOctokit(TOKEN, gh.url, () => {}), 'acme', 'widgets')
    expect(await later.findComment(1, '<!-- m -->')).toMatchObject({ id: ours.id })
    expect(gh.requests.some((r) => r.path === '/user')).toBe(true)
  })

  test('with a personal token, GET /user names the author', async () => {
    const pat = await startGitHubEmulator({ token: TOKEN, botLogin: 'release-bot' })
    pat.addRepo({ owner: 'acme', name: 'widgets' })
    pat.addIssue('acme/widgets', { number: 1, title: 'One' })
    pat.addComment('acme/widgets', 1, { user: 'maria', body: '<!-- m -->\nby a person' })
    const c = new GitHubClient(createOctokit(TOKEN, pat.url, () => {}), 'acme', 'widgets')
    expect(await c.identity()).toBe('release-bot')
    expect(await c.findComment(1, '<!-- m -->')).toBeUndefined()
    await pat.close()
  })
})

describe('the deadline', () => {
  test('a rate-limit wait past the deadline is given up at once, with a message that says so', async () => {
    const msgs: string[] = []
    const d = { until: Date.now() + 5_000 }
    const c = new GitHubClient(createOctokit(TOKEN, gh.url, (m) => msgs.push(m), d), 'acme', 'widgets')
    gh.failNext({ method: 'POST', path: /\/comments$/, status: 403, headers: { 'retry-after': '75' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } })
    const t = Date.now()
    await expect(c.createComment(1, 'x')).rejects.toThrow("GitHub asked to wait 75 s (secondary rate limit) on POST /repos/{owner}/{repo}/issues/{issue_number}/comments, which would pass the run's deadline: gave up on it")
    expect(Date.now() - t).toBeLessThan(2_000)
    // A passed deadline sends nothing.
    d.until = Date.now() - 1
    const before = gh.requests.length
    await expect(c.issue(1)).rejects.toThrow("the run's deadline had passed before GET /repos/{owner}/{repo}/issues/{issue_number} could be sent")
    expect(gh.requests.length).toBe(before)
  })

  test('a hung request is aborted at the deadline', async () => {
    const c = new GitHubClient(createOctokit(TOKEN, gh.url, () => {}, { until: Date.now() + 1_500 }), 'acme', 'widgets')
    gh.failNext({ method: 'GET', path: /\/issues\/1$/, status: 200, hang: true })
    const t = Date.now()
    await expect(c.issue(1)).rejects.toThrow("GitHub did not answer GET /repos/{owner}/{repo}/issues/{issue_number} before the run's deadline")
    expect(Date.now() - t).toBeLessThan(3_000)
  })
})

describe('a runner behind a proxy', () => {
  const saved = { ...process.env }
  afterEach(() => {
    for (const k of ['http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
  })

  /** A CONNECT proxy that records what it was asked for and tunnels every host to the emulator. */
  async function startProxy(): Promise<{ url: string; connects: { target: string; auth?: string }[]; close: () => Promise<void> }> {
    const { createServer } = await import('node:http')
    const { connect } = await import('node:net')
    const connects: { target: string; auth?: string }[] = []
    const port = Number(new URL(gh.url).port)
    const server = createServer((_req, res) => res.writeHead(405).end())
    server.on('connect', (req, socket, head) => {
      connects.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] })
      const upstream = connect(port, '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.write(head)
        upstream.pipe(socket)
        socket.pipe(upstream)
      })
      upstream.on('error', () => socket.destroy())
      socket.on('error', () => upstream.destroy())
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
    return { url, connects, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }) }
  }

  test('GitHub requests go through http_proxy, with its user and password as Basic authorization; a loopback host is reached directly', async () => {
    const proxy = await startProxy()
    try {
      const apiUrl = `http://api.github.test:${new URL(gh.url).port}`
      process.env.http_proxy = proxy.url.replace('http://', 'http://robot:s%40cret@')
      delete process.env.no_proxy
      delete process.env.NO_PROXY
      const viaProxy = new GitHubClient(createOctokit(TOKEN, apiUrl, () => {}), 'acme', 'widgets')
      expect((await viaProxy.issue(1)).title).toBe('One')
      expect(proxy.connects.length).toBeGreaterThan(0)
      expect(proxy.connects[0]).toEqual({ target: `api.github.test:${new URL(gh.url).port}`, auth: `Basic ${Buffer.from('robot:s@cret').toString('base64')}` })
      // http-client's rules decide: a loopback host is reached directly, proxy or not.
      const before = proxy.connects.length
      const direct = new GitHubClient(createOctokit(TOKEN, gh.url, () => {}), 'acme', 'widgets')
      expect((await direct.issue(2)).title).toBe('Two')
      expect(proxy.connects.length).toBe(before)
    } finally {
      await proxy.close()
    }
  })
})
