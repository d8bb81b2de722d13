// `draft-review run --feedback "…"`: another round on the current draft-review branch, as
// the comment command does in the action: the developer's own commits kept, the feedback
// and the branch's diff in a fresh conversation.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { git } from '../emulators/git'
import type { World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { CLI_MODELS as MODELS, closeCliWorld, runCli, startCliWorld } from './helpers/cli'

const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }

let world: World
let scratch: string
beforeEach(async () => ({ world, scratch } = await startCliWorld()))
afterEach(() => closeCliWorld({ world, scratch }))
const cli = (args: string[]) => runCli({ world, scratch }, args)

test('run --feedback continues the branch: the developer\'s commit stays, the feedback and the diff reach a fresh conversation', async () => {
  const issueFile = join(scratch, 'issue.md')
  await writeFile(issueFile, '# sum() subtracts\n\nsum(2, 3) should be 5.\n')
  world.anthropic.respond('claude-sonnet-4-6', [
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  expect((await cli(['run', '--issue-file', issueFile, '--test-command', 'node test.js', ...MODELS])).code).toBe(0)
  const branch = 'draft-review/local-sum-subtracts'
  // The developer adds a commit of their own on the branch.
  await writeFile(join(world.workspace, 'NOTES.md'), 'mine\n')
  await git(world.workspace, ['add', 'NOTES.md'])
  await git(world.workspace, ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.invalid', 'commit', '--quiet', '-m', 'My notes'])
  const mine = (await git(world.workspace, ['rev-parse', 'HEAD'])).trim()
  // And switches away, as the CLI's closing line suggests: --feedback finds the branch again.
  await git(world.workspace, ['switch', '--quiet', 'main'])

  world.anthropic.respond('claude-sonnet-4-6', [
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: '// Adds two numbers.', new_string: '// Adds two numbers only.', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Comment says numbers only.' } }] }
  ])
  world.anthropic.respond('claude-opus-4-8', [approve])
  const calls = world.anthropic.requests.length
  const r = await cli(['run', '--issue-file', issueFile, '--feedback', 'Say numbers only in the comment.', '--test-command', 'node test.js', ...MODELS])
  expect(r.stderr).toContain(`continuing ${branch}, from main`)
  expect(r.code).toBe(0)
  expect((await git(world.workspace, ['rev-parse', '--abbrev-ref', 'HEAD'])).trim()).toBe(branch)
  await git(world.workspace, ['merge-base', '--is-ancestor', mine, 'HEAD'])
  expect(await git(world.workspace, ['show', 'HEAD:NOTES.md'])).toBe('mine\n')
  expect(await git(world.workspace, ['show', 'HEAD:src/sum.js'])).toContain('// Adds two numbers only.')
  const opening = world.anthropic.requests[calls]!
  expect(opening.messages).toHaveLength(1)
  const text = opening.messages[0]!.text
  expect(text).toContain('Say numbers only in the comment.')
  expect(text).toContain('by Dev (a person: keep it): My notes')
  expect(text).toContain('+  return a + b')
  // The reviewer saw the whole branch against main: the first round's fix and the notes too.
  const review = world.anthropic.requests.filter((q) => q.model === 'claude-opus-4-8').at(-1)!.messages.map((m) => m.text).join('\n')
  expect(review).toContain('+mine')
  expect(review).toContain('Say numbers only in the comment.')
})

test('--feedback with no draft-review branch to continue says so before any model call', async () => {
  const issueFile = join(scratch, 'issue.md')
  await writeFile(issueFile, '# never drafted\n')
  const r = await cli(['run', '--issue-file', issueFile, '--feedback', 'more', ...MODELS])
  expect(r.code).toBe(1)
  expect(r.stderr).toContain('--feedback continues a draft-review branch')
  expect(world.anthropic.requests).toHaveLength(0)
})
