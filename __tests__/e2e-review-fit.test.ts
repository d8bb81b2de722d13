// A diff bigger than the reviewer's context window: the review gets the part that fits
// (whole files, the generated lockfile first, with a line naming it), against emulators
// that enforce the windows in the providers' own words. When the action does not know the
// window, the server's 400 for length teaches it and the review is tried once more; when
// nothing fits, the draft is still pushed and the user told.
import { branchFiles } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn, SeenRequest } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const repo = `${OWNER}/${REPO}`
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'The fix is correct.', findings: [] } }

// A lockfile of random hashes: about a token a byte, far past a 12K window.
const LOCK = JSON.stringify(
  { name: 'widgets', lockfileVersion: 3, packages: Object.fromEntries(Array.from({ length: 220 }, (_, i) => [`node_modules/pkg-${i}`, { version: `1.0.${i}`, integrity: `sha512-${Buffer.from(Array.from({ length: 64 }, (_, j) => ((i * 13 + 5) * (j + 7)) % 251)).toString('base64')}` }])) },
  null,
  2
)
const LOCK_MARK = 'node_modules/pkg-219'
const drafting: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'write_file', input: { path: 'package-lock.json', content: `${LOCK}\n` } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() adds; the lockfile is regenerated.' } }] }
]

let world: World
afterEach(async () => {
  await world.close()
})

/** The text of the reviewer's round message (the diff and what surrounds it). */
const roundText = (r: SeenRequest): string => r.messages.map((m) => m.text).join('\n')

test('the action knows the window: the lockfile is left out before sending, named on the last line, and the fix is reviewed and approved', async () => {
  // An OpenAI-compatible reviewer the table does not know: the contract's 16,000 tokens, enforced by the server too.
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, contextWindows: { 'qwen3-coder': 16_000 } })
  world.anthropic.respond(SONNET, drafting)
  world.openai.respond('qwen3-coder', [approve])
  const run = await world.run({
    inputs: { 'reviewer-model': 'openai:qwen3-coder', prices: '{"openai:qwen3-coder": {"input": 0.1, "output": 0.4}}', 'test-command': 'node test.js' }
  })
  expect(run.stdout).not.toContain('::error::')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', reviews: '1' })
  expect(world.openai.rejected).toEqual([])
  const [review] = world.openai.requests
  expect(review!.promptTokens! + review!.maxTokens).toBeLessThanOrEqual(16_000)
  const text = roundText(review!)
  expect(text).toContain('+  return a + b')
  expect(text).not.toContain(LOCK_MARK)
  expect(text).toContain("[left out of this diff to fit the reviewer's context window, not shown: package-lock.json (")
  expect(text).toContain('without 1 file left out to fit your context window')
  // The test output's tail is left out before any file.
  expect(text).not.toContain('The end of its output')
  // The person reading the pull request is told what the reviewer did not see; the paid draft is all pushed.
  const files = await branchFiles(world.bareDir, 'draft-review/issue-12')
  expect(files?.['src/sum.js']).toBe(FIXED_SUM)
  expect(files?.['package-lock.json']).toBe(`${LOCK}\n`)
  const summary = world.github.comments(repo, world.github.pulls(repo)[0]!.number).map((c) => c.body).join('\n')
  expect(summary).toContain("left out of the diff to fit the reviewer's context window: `package-lock.json`")
})

test('a diff that fits is reviewed whole, with the end of the passing test output', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, contextWindows: { [OPUS]: 200_000 } })
  world.anthropic.respond(SONNET, [drafting[0]!, drafting[2]!])
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved' })
  const text = roundText(world.anthropic.requests.find((r) => r.model === OPUS)!)
  expect(text).toContain('+  return a + b')
  expect(text).toContain('The end of its output:')
  expect(text).toContain('1 passed, 0 failed')
  expect(text).not.toContain('left out')
})

test('the window is smaller than the action thinks: the 400 for length teaches it, and the review is tried once more with the diff cut', async () => {
  // The action plans with Opus 4.8's 200K; the server enforces 12K.
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, contextWindows: { [OPUS]: 12_000 } })
  world.anthropic.respond(SONNET, drafting)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.stdout).not.toContain('::error::')
  expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', reviews: '1' })
  // One refusal, in Anthropic's words, then one review that fits.
  expect(world.anthropic.rejected).toHaveLength(1)
  expect(JSON.stringify(world.anthropic.rejected[0]!.error)).toMatch(/prompt is too long: \d+ tokens > 12000 maximum|exceed context limit/)
  const reviews = world.anthropic.requests.filter((r) => r.model === OPUS)
  expect(reviews).toHaveLength(1)
  expect(reviews[0]!.promptTokens! + reviews[0]!.maxTokens).toBeLessThanOrEqual(12_000)
  expect(roundText(reviews[0]!)).toContain('+  return a + b')
  expect(roundText(reviews[0]!)).not.toContain(LOCK_MARK)
  // The refused request cost nothing: only the review that ran is counted.
  expect(markerOf(world.github.comments(repo, world.github.pulls(repo)[0]!.number).map((c) => c.body).join('\n'))?.usage.find((u: { role: string }) => u.role === 'reviewer')).toMatchObject({ calls: 1 })
})

test('a window that cannot hold the issue and any one file: not reviewed, the run ends in words, the paid draft is pushed', async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE, contextWindows: { [OPUS]: 4_700 } })
  world.anthropic.respond(SONNET, drafting)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'test-command': 'node test.js' } })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toContain("::error::the reviewer's context window")
  expect(run.outputs).toMatchObject({ approved: 'false', 'stop-reason': 'error', drafts: '1', reviews: '0' })
  expect(Number(run.outputs['cost-usd'])).toBeGreaterThan(0)
  expect(world.anthropic.requests.filter((r) => r.model === OPUS)).toHaveLength(0)
  const files = await branchFiles(world.bareDir, 'draft-review/issue-12')
  expect(files?.['src/sum.js']).toBe(FIXED_SUM)
  expect(world.github.pulls(repo)[0]!.draft).toBe(true)
})
