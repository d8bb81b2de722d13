// The GitHub emulator's round routes against the real octokit client: a review's line
// comments, reactions (REST on issue comments, GraphQL addReaction on a review), label
// removal, and the errors github.com gives for each.
import { getOctokit } from '@actions/github'
import { startGitHubEmulator, type GitHubEmulator } from '../emulators/github'
import { git, makeOrigin, pushPersonCommit } from '../emulators/git'

const TOKEN = 'ghs_roundsemulatortoken'
const R = { owner: 'acme', repo: 'widgets' }

let emu: GitHubEmulator
let origin: Awaited<ReturnType<typeof makeOrigin>>
let octokit: ReturnType<typeof getOctokit>
let pr: number

beforeAll(async () => {
  origin = await makeOrigin({ 'a.txt': 'a\n' })
  emu = await startGitHubEmulator({ token: TOKEN })
  emu.addRepo({ owner: 'acme', name: 'widgets', bareDir: origin.bareDir, permissions: { maria: 'write' } })
  emu.addIssue('acme/widgets', { number: 1, title: 'Issue', labels: ['draft-review', 'bug'] })
  octokit = getOctokit(TOKEN, { baseUrl: emu.url })
  await git(origin.bareDir, ['branch', 'draft-review/issue-1', 'main'])
  await pushPersonCommit(origin.bareDir, 'draft-review/issue-1', { 'b.txt': 'b\n' }, { name: 'M', email: 'm@example.invalid', message: 'b' })
  pr = (await octokit.rest.pulls.create({ ...R, head: 'draft-review/issue-1', base: 'main', title: 'PR' })).data.number
})
afterAll(async () => {
  await emu.close()
  await origin.cleanup()
})

async function status(p: Promise<unknown>): Promise<{ status?: number; message: string }> {
  try {
    await p
  } catch (e) {
    return e as { status?: number; message: string }
  }
  throw new Error('expected a rejection')
}

test("a review's line comments, paginated, with path and line; an unknown review is a 404", async () => {
  const { id } = emu.addReview('acme/widgets', pr, {
    user: 'maria',
    state: 'CHANGES_REQUESTED',
    body: 'Fix',
    comments: Array.from({ length: 3 }, (_, i) => ({ path: `f${i}.js`, line: i + 1, body: `c${i}` }))
  })
  const all = await octokit.paginate(octokit.rest.pulls.listCommentsForReview, { ...R, pull_number: pr, review_id: id, per_page: 2 })
  expect(all.map((c) => [c.path, c.line, c.body, c.pull_request_review_id])).toEqual([
    ['f0.js', 1, 'c0', id],
    ['f1.js', 2, 'c1', id],
    ['f2.js', 3, 'c2', id]
  ])
  expect((await status(octokit.rest.pulls.listCommentsForReview({ ...R, pull_number: pr, review_id: 999 }))).status).toBe(404)
  const reviews = await octokit.rest.pulls.listReviews({ ...R, pull_number: pr })
  expect(reviews.data[0]).toMatchObject({ id, state: 'CHANGES_REQUESTED', user: { login: 'maria' } })
})

test('a reaction on an issue comment: 201, then 200 for the same one; a content outside the list is a 422', async () => {
  const { id } = emu.addComment('acme/widgets', pr, { user: 'maria', body: '/draft-review x' })
  const first = await octokit.rest.reactions.createForIssueComment({ ...R, comment_id: id, content: 'eyes' })
  const again = await octokit.rest.reactions.createForIssueComment({ ...R, comment_id: id, content: 'eyes' })
  expect([first.status, again.status]).toEqual([201, 200])
  expect(again.data.id).toBe(first.data.id)
  const bad = await status(octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { ...R, comment_id: id, content: 'thumbsup' as 'eyes' }))
  expect(bad.status).toBe(422)
  expect((await status(octokit.rest.reactions.createForIssueComment({ ...R, comment_id: 42, content: 'eyes' }))).status).toBe(404)
})

test('addReaction on a review by node id; an unknown node and a bad content are GraphQL errors', async () => {
  const { node_id } = emu.addReview('acme/widgets', pr, { user: 'maria', state: 'CHANGES_REQUESTED', body: 'x' })
  const ok = await octokit.graphql<{ addReaction: { reaction: { content: string } } }>(
    'mutation($id: ID!) { addReaction(input: {subjectId: $id, content: EYES}) { reaction { content } } }',
    { id: node_id }
  )
  expect(ok.addReaction.reaction.content).toBe('EYES')
  expect(emu.reactions('acme/widgets')).toContainEqual({ subject: node_id, content: 'eyes', user: 'github-actions[bot]' })
  await expect(octokit.graphql('mutation($id: ID!) { addReaction(input: {subjectId: $id, content: EYES}) { reaction { content } } }', { id: 'PRR_nope' })).rejects.toThrow(
    "Could not resolve to a node with the global id of 'PRR_nope'"
  )
  await expect(octokit.graphql('mutation($id: ID!) { addReaction(input: {subjectId: $id, content: SMILE}) { reaction { content } } }', { id: node_id })).rejects.toThrow(
    'ReactionContent'
  )
})

test('removing a label: the rest come back; a label the issue does not have is a 404', async () => {
  const { data } = await octokit.rest.issues.removeLabel({ ...R, issue_number: 1, name: 'draft-review' })
  expect(data.map((l) => l.name)).toEqual(['bug'])
  const gone = await status(octokit.rest.issues.removeLabel({ ...R, issue_number: 1, name: 'draft-review' }))
  expect(gone).toMatchObject({ status: 404, message: expect.stringContaining('Label does not exist') })
})

test('webhook payloads: a comment on a pull request has issue.pull_request; a review has a lower-case state and the head ref', async () => {
  const { id } = emu.addComment('acme/widgets', pr, { user: 'maria', body: 'hi' })
  const c = emu.commentEvent('acme/widgets', id) as Record<string, any>
  expect(c).toMatchObject({ action: 'created', issue: { number: pr, pull_request: expect.any(Object) }, comment: { id, body: 'hi', user: { login: 'maria', type: 'User' } }, sender: { login: 'maria' } })
  const onIssue = emu.commentEvent('acme/widgets', emu.addComment('acme/widgets', 1, { user: 'maria', body: 'x' }).id) as Record<string, any>
  expect(onIssue.issue).not.toHaveProperty('pull_request')
  const rv = emu.addReview('acme/widgets', pr, { user: 'maria', state: 'APPROVED' })
  expect(await emu.reviewEvent('acme/widgets', rv.id)).toMatchObject({
    action: 'submitted',
    review: { id: rv.id, state: 'approved' },
    pull_request: { number: pr, head: { ref: 'draft-review/issue-1', repo: { full_name: 'acme/widgets' } } }
  })
})
