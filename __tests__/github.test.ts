import { startGitHubEmulator, type GitHubEmulator } from '../emulators/github'
import { createOctokit, GitHubClient } from '../src/github'

const TOKEN = 'ghs_client_test_token'
let gh: GitHubEmulator
let client: GitHubClient
const log: string[] = []

beforeEach(async () => {
  gh = await startGitHubEmulator({ token: TOKEN })
  gh.addRepo({ owner: 'acme', name: 'widgets', permissions: { maria: 'write', triager: 'triage', boss: 'maintain' } })
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

test('permissions fold fine-grained roles; an unknown user has none', async () => {
  expect(await client.permission('maria')).toBe('write')
  expect(await client.permission('boss')).toBe('maintain')
  expect(await client.permission('triager')).toBe('triage')
  expect(await client.permission('nobody-at-all')).toBe('none')
})
