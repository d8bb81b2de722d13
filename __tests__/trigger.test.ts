import { InputError } from '../src/settings'
import { commandText, decideTrigger, defaultBranchOf, issueOfBranch, modeFromLabels } from '../src/triggers'

const labels = { label: 'draft-review', testsLabel: 'draft-review:tests' }
const labeled = (name: string, extra: Record<string, unknown> = {}) => ({
  eventName: 'issues',
  payload: { action: 'labeled', label: { name }, issue: { number: 7 }, sender: { login: 'maria', type: 'User' }, ...extra }
})

test('the label picks the mode', () => {
  expect(decideTrigger(labeled('draft-review'), labels)).toEqual({ kind: 'run', trigger: 'label', issueNumber: 7, sender: 'maria', senderType: 'User', mode: 'changes', label: 'draft-review' })
  expect(decideTrigger(labeled('draft-review:tests'), labels)).toMatchObject({ kind: 'run', mode: 'tests' })
})

test('any other label, action or event is ignored with a reason', () => {
  expect(decideTrigger(labeled('bug'), labels)).toMatchObject({ kind: 'ignore', reason: expect.stringContaining("label 'bug'") })
  expect(decideTrigger({ eventName: 'issues', payload: { action: 'opened' } }, labels)).toMatchObject({ kind: 'ignore' })
  expect(decideTrigger({ eventName: 'push', payload: {} }, labels)).toMatchObject({ kind: 'ignore' })
})

test('workflow_dispatch takes issue-number and needs it', () => {
  expect(decideTrigger({ eventName: 'workflow_dispatch', payload: { sender: { login: 'maria' } } }, labels, 12)).toEqual({ kind: 'run', trigger: 'dispatch', issueNumber: 12, sender: 'maria', senderType: 'User' })
  expect(() => decideTrigger({ eventName: 'workflow_dispatch', payload: {} }, labels)).toThrow(InputError)
  expect(modeFromLabels(['bug', 'draft-review:tests'], 'draft-review:tests')).toBe('tests')
  expect(modeFromLabels(['bug'], 'draft-review:tests')).toBe('changes')
})

const settings = { ...labels, commentCommand: '/draft-review' }
const user = (login: string, type = 'User') => ({ login, type })
const commented = (body: string, extra: Record<string, unknown> = {}, action = 'created') => ({
  eventName: 'issue_comment',
  owner: 'acme',
  repo: 'widgets',
  payload: { action, issue: { number: 7 }, comment: { id: 55, node_id: 'IC_1', body, user: user('maria') }, sender: user('maria'), ...extra }
})

test.each([
  ['/draft-review', ''],
  ['  \n\t/draft-review cover the empty case', 'cover the empty case'],
  ['/DRAFT-REVIEW Please', 'Please'],
  ['/draft-review\nline one\nline two', 'line one\nline two']
])('the command as first word counts: %j', (body, rest) => {
  expect(commandText(body, '/draft-review')).toBe(rest)
})

test.each(['/draft-reviewers please', '> /draft-review quoted', 'please /draft-review', '', 'draft-review', '`/draft-review`'])(
  'anything else is not the command: %j',
  (body) => {
    expect(commandText(body, '/draft-review')).toBeUndefined()
  }
)

test('a comment on the issue asks for a round on it; on a pull request, the run reads the issue from its head', () => {
  expect(decideTrigger(commented('/draft-review add a test'), settings)).toEqual({
    kind: 'run',
    trigger: 'comment',
    issueNumber: 7,
    sender: 'maria',
    senderType: 'User',
    request: { source: 'comment', id: 55, nodeId: 'IC_1', author: 'maria', text: 'add a test', url: undefined }
  })
  const onPull = decideTrigger(commented('/draft-review x', { issue: { number: 9, pull_request: { url: 'u' } } }), settings)
  expect(onPull).toMatchObject({ kind: 'run', trigger: 'comment', pullNumber: 9 })
  expect(onPull).not.toHaveProperty('issueNumber')
})

test('edited comments, other comments and bots start nothing', () => {
  expect(decideTrigger(commented('/draft-review x', {}, 'edited'), settings)).toMatchObject({ kind: 'ignore', reason: expect.stringContaining("'edited'") })
  expect(decideTrigger(commented('looks good'), settings)).toMatchObject({ kind: 'ignore' })
  const bot = commented('/draft-review x')
  bot.payload.comment.user = user('github-actions[bot]', 'Bot')
  expect(decideTrigger(bot, settings)).toMatchObject({ kind: 'ignore', reason: expect.stringContaining('bot') })
  expect(decideTrigger(commented('/go x'), { ...settings, commentCommand: '/go' })).toMatchObject({ kind: 'run' })
})

const reviewed = (state: string, ref = 'draft-review/issue-7', repo = 'acme/widgets') => ({
  eventName: 'pull_request_review',
  owner: 'acme',
  repo: 'widgets',
  payload: {
    action: 'submitted',
    review: { id: 77, node_id: 'PRR_1', state, body: 'Please fix', user: user('maria') },
    pull_request: { number: 9, head: { ref, repo: { full_name: repo } } },
    sender: user('maria')
  }
})

test('a review requesting changes on draft-review\'s pull request is a round; other states and pull requests are not', () => {
  expect(decideTrigger(reviewed('changes_requested'), settings)).toMatchObject({
    kind: 'run',
    trigger: 'review',
    issueNumber: 7,
    pullNumber: 9,
    request: { source: 'review', id: 77, nodeId: 'PRR_1', author: 'maria', text: 'Please fix' }
  })
  expect(decideTrigger(reviewed('CHANGES_REQUESTED'), settings)).toMatchObject({ kind: 'run' })
  expect(decideTrigger(reviewed('approved'), settings)).toMatchObject({ kind: 'ignore' })
  expect(decideTrigger(reviewed('commented'), settings)).toMatchObject({ kind: 'ignore' })
  expect(decideTrigger(reviewed('changes_requested', 'feature/x'), settings)).toMatchObject({ kind: 'ignore', reason: expect.stringContaining('not one draft-review opened') })
  expect(decideTrigger(reviewed('changes_requested', 'draft-review/issue-7', 'mallory/widgets'), settings)).toMatchObject({ kind: 'ignore' })
})

test('only draft-review/issue-<N> names an issue', () => {
  expect(issueOfBranch('draft-review/issue-12')).toBe(12)
  expect(issueOfBranch('draft-review/issue-12-run-5')).toBeUndefined()
  expect(issueOfBranch('draft-review/issue-0')).toBeUndefined()
  expect(issueOfBranch('x/draft-review/issue-1')).toBeUndefined()
})

test("the event's default branch counts only for this repository", () => {
  const ctx = (repository: unknown) => ({ payload: { repository }, owner: 'acme', repo: 'widgets' })
  expect(defaultBranchOf(ctx({ full_name: 'Acme/Widgets', default_branch: 'trunk' }))).toBe('trunk')
  expect(defaultBranchOf(ctx({ full_name: 'other/widgets', default_branch: 'trunk' }))).toBeUndefined()
  expect(defaultBranchOf(ctx({ full_name: 'acme/widgets' }))).toBeUndefined()
  expect(defaultBranchOf(ctx({ full_name: 'acme/widgets', default_branch: '' }))).toBeUndefined()
  expect(defaultBranchOf(ctx(undefined))).toBeUndefined()
})
