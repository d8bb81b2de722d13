// The README's copy-paste workflow, run as a runner would run it: the job's `if:` and
// `concurrency` evaluated with GitHub's expression language (@actions/expressions) for real
// event payloads, its `run:` steps executed with bash in the checked-out workspace, and its
// draft-review step started as `node dist/index.js` with exactly the INPUT_* variables a
// runner would set (the step's `with:`, expressions evaluated, plus action.yml's defaults),
// against the emulators. The report recipe's step runs the same way, with no model key.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { OWNER, REPO, SECRETS, markerOf, startWorld, type World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { ISSUE, SAMPLE_FILES } from './fixtures/sample-repo'

const root = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(`${root}README.md`, 'utf8')
const action = parseYaml(readFileSync(`${root}action.yml`, 'utf8')) as { inputs: Record<string, { default?: unknown }> }

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Job {
  if?: string
  concurrency?: string
  steps: Step[]
}

const blocks = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => parseYaml(m[1]!) as { on?: unknown; jobs?: Record<string, Job> })
const firstJob = Object.values(blocks[0]!.jobs!)[0]!
const reportJob = blocks
  .flatMap((b) => Object.values(b.jobs ?? {}))
  .find((j) => j.steps?.some((s) => s.with?.command === 'report'))!

/** One GitHub expression, evaluated against `context` (github, secrets, ...). */
function evaluate(expression: string, context: Record<string, unknown>): data.ExpressionData {
  const lexed = new Lexer(expression).lex()
  const parsed = new Parser(lexed.tokens, Object.keys(context), []).parse()
  return new Evaluator(parsed, JSON.parse(JSON.stringify(context), data.reviver) as data.Dictionary).evaluate()
}

/** A value with `${{ }}` templates in it, as the runner renders `with:` and `concurrency`. */
function render(text: string, context: Record<string, unknown>): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => evaluate(expr.trim(), context).coerceString())
}

/** The INPUT_* a runner sets for a step: every action.yml default, then the step's `with:`. */
function runnerInputs(step: Step, context: Record<string, unknown>): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined && spec.default !== null) inputs[name] = render(String(spec.default), context)
  }
  for (const [name, value] of Object.entries(step.with ?? {})) inputs[name] = render(String(value), context)
  return inputs
}

const labeled = (label: string): Record<string, unknown> => ({
  action: 'labeled',
  label: { name: label },
  issue: { number: ISSUE.number, title: ISSUE.title, labels: [{ name: label }] },
  repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
  sender: { login: 'maria', type: 'User' }
})
const githubContext = (eventName: string, event: Record<string, unknown>): Record<string, unknown> => ({
  event_name: eventName,
  event,
  token: SECRETS.githubToken,
  repository: `${OWNER}/${REPO}`
})

describe("the first block's job condition and concurrency group", () => {
  test.each([
    ['draft-review', true],
    ['draft-review:tests', true],
    ['bug', false],
    ['good first issue', false]
  ])('label %s starts the job: %s', (label, starts) => {
    const ctx = { github: githubContext('issues', labeled(label)) }
    expect(truthy(evaluate(firstJob.if!, ctx))).toBe(starts)
  })

  const commented = (body: string, onPull: boolean): Record<string, unknown> => ({
    action: 'created',
    issue: { number: 13, ...(onPull ? { pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/13` } } : {}) },
    comment: { id: 1, body, user: { login: 'maria', type: 'User' } },
    sender: { login: 'maria', type: 'User' }
  })
  const reviewed = (state: string, ref: string): Record<string, unknown> => ({
    action: 'submitted',
    review: { id: 2, state, body: 'x', user: { login: 'maria', type: 'User' } },
    pull_request: { number: 13, head: { ref }, base: { ref: 'main' } },
    sender: { login: 'maria', type: 'User' }
  })
  test.each([
    ['issue_comment', commented('/draft-review also handle empty input', true), true],
    ['issue_comment', commented('/draft-review', false), true],
    ['issue_comment', commented('Thanks, looks good', true), false],
    ['issue_comment', commented('> /draft-review quoted', true), false],
    ['pull_request_review', reviewed('changes_requested', 'draft-review/issue-12'), true],
    ['pull_request_review', reviewed('approved', 'draft-review/issue-12'), false],
    ['pull_request_review', reviewed('commented', 'draft-review/issue-12'), false],
    ['pull_request_review', reviewed('changes_requested', 'feature/login'), false]
  ])('%s %j starts the job: %s', (eventName, event, starts) => {
    const ctx = { github: githubContext(eventName, event) }
    expect(truthy(evaluate(firstJob.if!, ctx))).toBe(starts)
    // A round queues behind others on the same pull request.
    if (starts) expect(render(firstJob.concurrency!, ctx)).toBe('draft-review-13')
  })

  test("the group is per issue, on the job (so a job its if: skips never joins it), and the checkout keeps no token", () => {
    expect(render(firstJob.concurrency!, { github: githubContext('issues', labeled('draft-review')) })).toBe(`draft-review-${ISSUE.number}`)
    const checkout = firstJob.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!
    expect(checkout.with?.['persist-credentials']).toBe(false)
    const order = firstJob.steps.map((s) => s.uses ?? s.run)
    expect(order.indexOf('npm ci')).toBeGreaterThan(order.indexOf(checkout.uses))
    expect(order.indexOf('npm ci')).toBeLessThan(order.findIndex((u) => u?.includes('draft-review@')))
  })
})

describe('the steps, run as the runner runs them', () => {
  let world: World
  afterEach(async () => world?.close())

  test('the first block: npm ci, then the draft-review step with its with: and the defaults, opens the pull request', async () => {
    // A project with a lockfile, so `npm ci` works as it does in a real repository.
    const pkg = JSON.parse(SAMPLE_FILES['package.json']!) as { name: string; version: string }
    const lock = { name: pkg.name, version: pkg.version, lockfileVersion: 3, requires: true, packages: { '': { name: pkg.name, version: pkg.version } } }
    world = await startWorld({
      files: { ...SAMPLE_FILES, 'package-lock.json': JSON.stringify(lock, null, 2) + '\n', '.gitignore': 'node_modules/\n' },
      issue: { ...ISSUE, labels: ['draft-review'] }
    })
    for (const step of firstJob.steps.filter((s) => s.run !== undefined)) {
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
        cwd: world.workspace,
        encoding: 'utf8',
        // Offline, as every test is: a lockfile with no dependencies needs nothing from a registry.
        env: { PATH: process.env.PATH, HOME: world.workspace, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
      })
      expect({ step: step.run, code: r.status, err: r.status === 0 ? '' : r.stderr }).toEqual({ step: step.run, code: 0, err: '' })
    }

    const step = firstJob.steps.find((s) => s.uses?.includes('draft-review@'))!
    const inputs = runnerInputs(step, { github: githubContext('issues', labeled('draft-review')), secrets: { ANTHROPIC_API_KEY: SECRETS.anthropicKey } })
    expect(inputs).toMatchObject({ 'anthropic-api-key': SECRETS.anthropicKey, 'test-command': 'npm test', 'github-token': SECRETS.githubToken })
    // The action's own defaults draft and review: Haiku 5.5 first, Opus 5.5 reviews.
    const fix: EmulatorTurn[] = [
      { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }] },
      { toolCalls: [{ name: 'finish', input: { summary: 'Fixed.' } }] }
    ]
    // Triage is on by default, on the ladder's first tier: Haiku 5.5's first call is the triage's.
    world.anthropic.respond('claude-haiku-5-5', [{ json: { kind: 'bug-fix', tier: 1, reason: 'A one-line fix.' } }, ...fix])
    world.anthropic.respond('claude-opus-5-5', [{ json: { verdict: 'approve', summary: 'Correct.', findings: [] } }])
    // The step names no base URL; the SDK's own ANTHROPIC_BASE_URL keeps it on the emulator.
    const run = await world.run({ onlyInputs: true, inputs, env: { ANTHROPIC_BASE_URL: world.anthropic.url } })
    expect({ code: run.exitCode, stderr: run.exitCode === 0 ? '' : run.stdout + run.stderr }).toEqual({ code: 0, stderr: '' })
    expect(run.outputs).toMatchObject({ approved: 'true', 'stop-reason': 'approved', drafts: '1', reviews: '1' })
    const [pr] = world.github.pulls(`${OWNER}/${REPO}`)
    expect(pr).toMatchObject({ head: `draft-review/issue-${ISSUE.number}`, draft: false })
    const comments = world.github.comments(`${OWNER}/${REPO}`, pr!.number)
    const marker = comments.map((c) => markerOf(c.body)).find(Boolean)
    expect(marker).toMatchObject({ approved: true, drafts: 1, reviews: 1 })
    // The triage answered as scripted (no fallback): its call is its own usage line.
    expect(marker!.usage.map((u: { role: string; model: string }) => `${u.role} ${u.model}`).sort()).toEqual([
      'drafter anthropic:claude-haiku-5-5',
      'reviewer anthropic:claude-opus-5-5',
      'triage anthropic:claude-haiku-5-5'
    ])
    expect(comments.find((c) => markerOf(c.body))!.body).toContain('chosen by triage')
  })

  test("the report recipe's step runs with no model key at all and sets the skipped outputs", async () => {
    world = await startWorld({ files: SAMPLE_FILES, issue: ISSUE })
    const step = reportJob.steps.find((s) => s.uses?.includes('draft-review@'))!
    const inputs = runnerInputs(step, { github: githubContext('workflow_dispatch', {}), secrets: {} })
    expect(inputs['anthropic-api-key']).toBe('')
    expect(inputs['openai-api-key']).toBe('')
    const run = await world.run({ onlyInputs: true, inputs, eventName: 'workflow_dispatch', payload: {} })
    expect({ code: run.exitCode, out: run.exitCode === 0 ? '' : run.stdout }).toEqual({ code: 0, out: '' })
    expect(run.stdout).not.toContain('anthropic-api-key')
    expect(run.stepSummary).toContain('draft-review: acme/widgets')
    expect(run.outputs).toMatchObject({ 'stop-reason': 'skipped', approved: 'false', 'cost-usd': '0' })
    expect(world.anthropic.requests).toHaveLength(0)
  })
})
