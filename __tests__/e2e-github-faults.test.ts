// GitHub and loop faults a real repository produces, each against the built action with real git
// and the GitHub emulator answering in GitHub's own words. Every test asserts what the
// user sees: the summary (PR or issue), the progress comment's closing line, every
// output, and what reached origin.
import { chmod, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { branchFiles, git } from '../emulators/git'
import { markerOf, OWNER, REPO, startWorld, type ActionRun, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { FIXED_SUM, ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const repo = `${OWNER}/${REPO}`
const SONNET = 'claude-sonnet-4-6'
const OPUS = 'claude-opus-4-8'
const BRANCH = 'draft-review/issue-12'
const approve: EmulatorTurn = { json: { verdict: 'approve', summary: 'Correct.', findings: [] } }
const reject: EmulatorTurn = { json: { verdict: 'reject', summary: 'Needs a test.', findings: [{ file: 'src/sum.js', line: 3, severity: 'major', message: 'add a test' }] } }
const fix: EmulatorTurn[] = [
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
  { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
]
const OUTPUTS = ['approved', 'stop-reason', 'drafts', 'reviews', 'rejections', 'reject-rate', 'cost-usd', 'premium-only-cost-usd', 'savings-pct', 'pr-number', 'pr-url', 'branch']

const progressOf = (w: World) => w.github.comments(repo, ISSUE.number).filter((c) => c.user === 'github-actions[bot]' && c.body.startsWith('<!-- draft-review:progress -->'))
const summariesOn = (w: World, n: number) => w.github.comments(repo, n).filter((c) => c.user === 'github-actions[bot]' && markerOf(c.body))
/** The progress comment's closing line: how the run ended (Done, Stopped or Failed), after the steps. */
const closingLine = (w: World) => {
  const lines = progressOf(w)[0]!.body.split('\n')
  const outcome = lines.filter((l) => /^\*\*(Done|Stopped|Failed)\b/.test(l))
  expect(outcome).toHaveLength(1)
  return outcome[0]!
}
function expectEveryOutput(run: ActionRun) {
  for (const k of OUTPUTS) expect(run.outputs).toHaveProperty(k)
  expect(Number(run.outputs['cost-usd'])).toBeGreaterThan(0)
  expect(run.outputs.drafts).toBe('1')
}

let world: World
beforeEach(async () => {
  world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
})
afterEach(async () => {
  await world.close()
})

test('a push refused by a pre-receive hook (GH006): every output set, the summary on the issue says so, the change is in the job summary', async () => {
  const hook = join(world.bareDir, 'hooks', 'pre-receive')
  await writeFile(
    hook,
    [
      '#!/bin/sh',
      'while read old new ref; do',
      '  case "$ref" in refs/heads/draft-review/*)',
      '    echo "error: GH006: Protected branch update failed for $ref." >&2',
      '    echo "error: Changes must be made through a pull request." >&2',
      '    exit 1;;',
      '  esac',
      'done'
    ].join('\n') + '\n'
  )
  await chmod(hook, 0o755)
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.exitCode).toBe(1)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', approved: 'true', reviews: '1', 'pr-number': '', branch: '' })
  expect(await branchFiles(world.bareDir, BRANCH)).toBeNull()
  expect(world.github.pulls(repo)).toHaveLength(0)
  const [summary] = summariesOn(world, ISSUE.number)
  expect(summary!.body).toContain('GitHub refused the push of `draft-review/issue-12`')
  expect(summary!.body).toContain('GH006: Protected branch update failed for refs/heads/draft-review/issue-12.')
  expect(markerOf(summary!.body)).toMatchObject({ stopReason: 'error', costUsd: Number(run.outputs['cost-usd']) })
  expect(closingLine(world)).toMatch(/^\*\*Failed while pushing the branch:\*\* GitHub refused the push of `draft-review\/issue-12`: GH006/)
  expect(run.stdout).toContain('::error::GitHub refused the push')
  // The work paid for is not lost: the job summary holds it as a patch.
  expect(run.stepSummary).toContain('### The change that was not pushed')
  expect(run.stepSummary).toContain('+  return a + b')
})

test('403 "GitHub Actions is not permitted to create or approve pull requests": the branch is pushed, the summary on the issue says how to allow it', async () => {
  world.github.configureRepo(repo, { actionsCreatePulls: false })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.exitCode).toBe(1)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', 'pr-number': '', 'pr-url': '', branch: BRANCH })
  expect((await branchFiles(world.bareDir, BRANCH))?.['src/sum.js']).toBe(FIXED_SUM)
  const rejected = world.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))
  expect(rejected).toHaveLength(1)
  const [summary] = summariesOn(world, ISSUE.number)
  expect(summary!.body).toContain('"GitHub Actions is not permitted to create or approve pull requests."')
  expect(summary!.body).toContain('Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests')
  expect(summary!.body).toContain(`(https://github.example/${repo}/compare/main...${BRANCH}?expand=1)`)
  expect(closingLine(world)).toContain('**Failed while opening the pull request:** GitHub did not let this workflow\'s token open the pull request')

  // Allowed now, the next run opens the pull request (the branch is on origin: it looks for an
  // open one once, at its start), and the summary it read on the issue then gives way to the pull request's.
  world.github.configureRepo(repo, { actionsCreatePulls: true })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const again = await world.run()
  expect(again.exitCode).toBe(0)
  expect(summariesOn(world, ISSUE.number)).toHaveLength(0)
  expect(summariesOn(world, Number(again.outputs['pr-number']))).toHaveLength(1)
  expect(world.github.requests.filter((r) => r.method === 'GET' && /\/pulls\?/.test(r.path))).toHaveLength(1)
})

test('a repository without draft pull requests (422): a ready pull request whose title and body say it is not approved', async () => {
  world.github.configureRepo(repo, { private: true, drafts: false })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [reject])
  const run = await world.run({ inputs: { 'max-iterations': '1' } })
  expect(run.exitCode).toBe(0)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'max-iterations', approved: 'false', branch: BRANCH })
  const creates = world.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))
  expect(creates.map((r) => (r.body as { draft: boolean }).draft)).toEqual([true, false])
  const [pr] = world.github.pulls(repo)
  expect(pr).toMatchObject({ draft: false, title: `[not approved] ${ISSUE.title}`, number: Number(run.outputs['pr-number']) })
  expect(pr!.body).toContain('**Not approved.** This repository cannot have draft pull requests')
  expect(pr!.body).toContain('Closes #12')
  expect(markerOf(summariesOn(world, pr!.number)[0]!.body)).toMatchObject({ approved: false, stopReason: 'max-iterations' })
  expect(closingLine(world)).toContain(`**Stopped: the review cap (max-iterations) was reached.** The draft is on pull request #${pr!.number}`)

  // Approved on a re-run: the same pull request, its title without the prefix.
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const again = await world.run()
  expect(again.outputs).toMatchObject({ 'stop-reason': 'approved', 'pr-number': String(pr!.number) })
  expect(world.github.pulls(repo)).toHaveLength(1)
  expect(world.github.pulls(repo)[0]).toMatchObject({ draft: false, title: ISSUE.title })
  expect(world.github.pulls(repo)[0]!.body).not.toContain('Not approved')
})

test('a secondary rate limit with retry-after 75 is not slept past the deadline: the run gives up on it and says so', async () => {
  world.github.failNext({
    method: 'POST',
    path: /\/pulls$/,
    status: 403,
    times: 5,
    headers: { 'retry-after': '75' },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: '403' }
  })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ inputs: { 'run-timeout-minutes': '0.5' } })
  expect(run.wallMs).toBeLessThan(25_000)
  expect(run.exitCode).toBe(1)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', 'pr-number': '', branch: BRANCH })
  expect((await branchFiles(world.bareDir, BRANCH))?.['src/sum.js']).toBe(FIXED_SUM)
  const [summary] = summariesOn(world, ISSUE.number)
  expect(summary!.body).toContain("GitHub asked to wait 75 s (secondary rate limit) on POST /repos/{owner}/{repo}/pulls, which would pass the run's deadline: gave up on it")
  expect(summary!.body).toContain('is pushed, so nothing is lost')
  expect(closingLine(world)).toContain('**Failed while opening the pull request:** The pull request could not be opened in time')
})

test('a GitHub that never answers is given up at the publish deadline, not waited for', async () => {
  world.github.failNext({ method: 'POST', path: /\/pulls$/, status: 200, hang: true })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  // run-timeout-minutes 0.1 (6 s): publishing gets 10 s at most, the summary 10 s more.
  const run = await world.run({ inputs: { 'run-timeout-minutes': '0.1' } })
  expect(run.wallMs).toBeLessThan(35_000)
  expect(run.exitCode).toBe(1)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', 'pr-number': '', branch: BRANCH })
  const [summary] = summariesOn(world, ISSUE.number)
  expect(summary!.body).toContain("GitHub did not answer POST /repos/{owner}/{repo}/pulls before the run's deadline")
})

test('a 5xx whose retry would end past the deadline is given up at once: no retry timer holds the process after its last output', async () => {
  world.github.failNext({ method: 'POST', path: /\/pulls$/, status: 502, times: 10 })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  // run-timeout-minutes 0.1: publishing gets 10 s; plugin-retry's waits are 1, 4 and 9 s.
  const run = await world.run({ inputs: { 'run-timeout-minutes': '0.1' } })
  expect(run.exitCode).toBe(1)
  expectEveryOutput(run)
  expect(run.outputs).toMatchObject({ 'stop-reason': 'error', 'pr-number': '', branch: BRANCH })
  expect((await branchFiles(world.bareDir, BRANCH))?.['src/sum.js']).toBe(FIXED_SUM)
  // Two retries fitted; the third (9 s) would not, so it was never scheduled.
  expect(world.github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toHaveLength(3)
  expect(run.quietMs).toBeLessThan(1_500)
  const [summary] = summariesOn(world, ISSUE.number)
  expect(summary!.body).toContain("GitHub answered 502 on POST /repos/{owner}/{repo}/pulls, and its retry in 9 s would pass the run's deadline: gave up on it")
  expect(summary!.body).toContain('is pushed, so nothing is lost')
})

test('comments by others that carry the markers are left alone: progress and stale summary', async () => {
  const progressBody = '<!-- draft-review:progress -->\nI can write markers too.'
  const summaryBody = '<!-- draft-review:summary {"version":1,"issue":12} -->\nA fake summary.'
  const driveByProgress = world.github.addComment(repo, ISSUE.number, { user: 'visitor', body: progressBody })
  const driveBySummary = world.github.addComment(repo, ISSUE.number, { user: 'visitor', body: summaryBody })
  const before = world.github.comments(repo, ISSUE.number).find((c) => c.id === driveByProgress.id)!.updated_at
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run()
  expect(run.exitCode).toBe(0)
  const comments = world.github.comments(repo, ISSUE.number)
  expect(comments.find((c) => c.id === driveByProgress.id)).toMatchObject({ body: progressBody, updated_at: before })
  expect(comments.find((c) => c.id === driveBySummary.id)).toMatchObject({ body: summaryBody })
  expect(progressOf(world)).toHaveLength(1)
  expect(closingLine(world)).toContain('**Done: the reviewer approved.**')
  expect(summariesOn(world, Number(run.outputs['pr-number']))).toHaveLength(1)
  expect(world.github.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/comments/${driveByProgress.id}`))).toBe(false)
  expect(world.github.requests.some((r) => r.method === 'DELETE' && r.path.includes('/comments/'))).toBe(false)

  // A second run edits its own progress comment and replaces its own summary, still not the visitor's.
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  await world.run()
  expect(progressOf(world)).toHaveLength(1)
  expect(world.github.comments(repo, ISSUE.number).filter((c) => c.user === 'visitor')).toHaveLength(2)
})

test('a progress comment found at the start that cannot be edited is looked for again: still one, and it ends the run', async () => {
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  await world.run()
  const [first] = progressOf(world)
  // The next run found that comment at its start; its first edit is answered 404 (someone deleted it meanwhile, say).
  world.github.failNext({ method: 'PATCH', path: new RegExp(`/comments/${first!.id}$`), status: 404, body: { message: 'Not Found', status: '404' } })
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const before = world.github.requests.length
  const run = await world.run()
  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain('Could not update the progress comment')
  const lists = world.github.requests.slice(before).filter((r) => r.method === 'GET' && r.path.startsWith(`/repos/${repo}/issues/${ISSUE.number}/comments`))
  expect(lists).toHaveLength(2) // the start, and the look after the failed edit
  expect(progressOf(world)).toHaveLength(1)
  expect(closingLine(world)).toContain('**Done: the reviewer approved.**')
})

test('a summary over 65,536 characters is cut to fit, findings first; the job summary keeps them all', async () => {
  const findings = Array.from({ length: 90 }, (_, i) => ({ file: 'src/sum.js', line: i + 1, severity: 'minor', message: `finding ${i}: ${'x'.repeat(900)}` }))
  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [{ json: { verdict: 'reject', summary: 'Many small things.', findings } }])
  const run = await world.run({ inputs: { 'max-iterations': '1' } })
  expect(run.exitCode).toBe(0)
  expectEveryOutput(run)
  const [summary] = summariesOn(world, Number(run.outputs['pr-number']))
  expect(summary!.body.length).toBeLessThanOrEqual(65_536)
  expect(markerOf(summary!.body)).toMatchObject({ rejections: 1, stopReason: 'max-iterations' })
  expect(summary!.body).not.toContain('finding 0:')
  expect(summary!.body).toContain('Review 1')
  expect(summary!.body).toContain("This summary was cut to fit GitHub's 65,536-character limit")
  expect(run.stepSummary).toContain('finding 0:')
  expect(run.stepSummary).toContain('finding 89:')
})

test('a base-branch that does not exist is a bad input naming base-branch, before any model call', async () => {
  const run = await world.run({ inputs: { 'base-branch': 'release/9.9' } })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toMatch(/::error::.*base-branch.*'release\/9\.9' is not a branch of origin/)
  expect(world.anthropic.requests).toHaveLength(0)
  expect(world.github.comments(repo, ISSUE.number)).toHaveLength(0)
})

test('the permission check reads `permission`: a custom role built on write runs, one built on triage does not', async () => {
  world.github.configureRepo(repo, { customRoles: { deployer: 'write', labeller: 'triage' }, permissions: { maria: 'write', dora: 'deployer', tess: 'labeller' } })
  const skipped = await world.run({ sender: { login: 'tess' } })
  expect(skipped.exitCode).toBe(0)
  expect(skipped.outputs['stop-reason']).toBe('skipped')
  expect(skipped.stdout).toContain("tess has 'read' permission")
  expect(world.anthropic.requests).toHaveLength(0)

  world.anthropic.respond(SONNET, fix)
  world.anthropic.respond(OPUS, [approve])
  const run = await world.run({ sender: { login: 'dora' } })
  expect(run.exitCode).toBe(0)
  expect(run.outputs['stop-reason']).toBe('approved')
})

test('after escalation to the reviewer model, an unchanged rejected diff is never approved without a review', async () => {
  const drafterTurns: EmulatorTurn[] = [
    { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return b + a', replace_all: false } }] },
    { toolCalls: [{ name: 'finish', input: { summary: 'Swapped.' } }] }
  ]
  world.anthropic.respond(SONNET, drafterTurns)
  // Opus reviews (no tools: rejects) and, once escalated to, drafts: it changes nothing and finishes.
  world.anthropic.respond(OPUS, (req) => (req.toolNames.length === 0 ? reject : { toolCalls: [{ name: 'finish', input: { summary: 'Looks fine to me.' } }] }))
  const run = await world.run({
    inputs: { 'drafter-model': 'anthropic:claude-sonnet-4-6,anthropic:claude-opus-4-8', 'escalate-after': '1', 'max-iterations': '2' }
  })
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({ approved: 'false', 'stop-reason': 'max-iterations', reviews: '1', rejections: '1', drafts: '6' })
  const reviews = world.anthropic.requests.filter((r) => r.model === OPUS && r.toolNames.length === 0)
  expect(reviews).toHaveLength(1)
  const [pr] = world.github.pulls(repo)
  expect(pr!.draft).toBe(true)
  expect(markerOf(summariesOn(world, pr!.number)[0]!.body)).toMatchObject({ approved: false, reviews: 1 })
  expect(closingLine(world)).toContain(`**Stopped: the review cap (max-iterations) was reached.** The draft is on pull request #${pr!.number}`)
  // The escalated drafter was told its draft was unchanged, each time.
  const told = world.anthropic.requests.filter((r) => r.model === OPUS && r.toolNames.length > 0).map((r) => r.messages.at(-1)!.text)
  expect(told.filter((t) => t.includes('You did not change anything since the review'))).not.toHaveLength(0)
})
