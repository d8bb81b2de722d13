// An answer stopped at the context window (Anthropic `model_context_window_exceeded`): the
// call is paid for, its usage says how large the server's window really is, and the drafter
// compacts, shrinks max_tokens to that window and asks again, within its caps. The built
// action runs against the emulator, which counts prompts with its strict tokenizer.
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn, SeenRequest } from '../emulators/models'
import { ISSUE } from './fixtures/sample-repo'
import { fixAndFinish, largeFiles, readTurn, bigPath } from './fixtures/large-repo'

const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const WINDOW = 40_000
const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }

let world: World
afterEach(async () => {
  await world.close()
})

/** Its output ran until prompt plus output filled the window, as the real API stops. */
const windowFull = (req: SeenRequest): EmulatorTurn => ({
  text: 'Here is the whole plan, step by step, which goes on and on',
  stopReason: 'context_window',
  usage: { input: req.promptTokens!, output: WINDOW - req.promptTokens! }
})

test('the drafter compacts and asks again with the window the server has, and the run goes on to an approval', async () => {
  // The action plans with Sonnet 4.6's 200K; this server has 40K.
  world = await startWorld({ files: largeFiles(4, 150), issue: ISSUE, contextWindows: { [SONNET]: WINDOW } })
  const script = [readTurn(bigPath(0)), readTurn(bigPath(1)), readTurn(bigPath(2)), 'full' as const, ...fixAndFinish]
  world.anthropic.respond(SONNET, (req, i) => {
    const turn = script[i]!
    return turn === 'full' ? windowFull(req) : turn
  })
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js', 'max-cost-usd': '10' } })
  expect(run.stdout).not.toContain('::error::')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  expect(run.stdout).toContain("drafter's answer stopped at the model's context window: compacting and asking again")
  expect(run.stdout).toMatch(/drafter context compacted/)
  const reqs = world.anthropic.requests.filter((r) => r.model === SONNET)
  expect(reqs).toHaveLength(script.length)
  // The turn asked again fits the window the server has, with room for the whole answer, on a shorter history.
  const [full, again] = [reqs[3]!, reqs[4]!]
  expect(again.promptTokens! + again.maxTokens).toBeLessThanOrEqual(WINDOW)
  expect(again.promptTokens!).toBeLessThan(full.promptTokens!)
  expect(JSON.stringify(again.messages)).toContain(`[compacted: read_file ${bigPath(0)}`)
  // The paid, unusable answer is counted, and never sent back as part of the conversation.
  expect(JSON.stringify(reqs.slice(4).map((r) => r.messages))).not.toContain('Here is the whole plan')
  const marker = markerOf(world.github.comments(repo, world.github.pulls(repo)[0]!.number).map((c) => c.body).join('\n'))
  expect(marker?.usage.find((u: { role: string }) => u.role === 'drafter')).toMatchObject({ calls: script.length })
})

test('an answer that keeps stopping at the window stops the run in words after the drafter recovered twice', async () => {
  world = await startWorld({ files: largeFiles(2, 100), issue: ISSUE, contextWindows: { [SONNET]: WINDOW } })
  world.anthropic.respond(SONNET, (req) => windowFull(req))
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain("::error::the drafter's answer stopped at the model's context window (anthropic:claude-sonnet-4-6)")
  expect(run.outputs).toMatchObject({ approved: 'false', 'stop-reason': 'no-changes', reviews: '0' })
  // The first answer and two asked again: three paid calls, then the stop.
  expect(world.anthropic.requests.filter((r) => r.model === SONNET)).toHaveLength(3)
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(0)
})
