// README.md against action.yml, the contract, and GitHub's own workflow parser.
//
// Rules checked here:
//
// 1. action.yml: `runs.using` is `node24`, `runs.main` is `dist/index.js`, and every input
//    and output has a non-empty description.
// 2. The README's `## Inputs` table names exactly the inputs of action.yml, and its
//    `## Outputs` table exactly the outputs (order free; a first cell may name several, as
//    `pr-number`, `pr-url`, `branch`: every backticked name in it counts).
// 3. Defaults (README table, and the contract's table against action.yml), one rule:
//    - action.yml default not empty (a literal such as `3`, or an expression such as
//      `${{ github.token }}`): the cell is exactly that text in backticks;
//    - action.yml default empty (or absent): the cell is one of the words in EMPTY_DEFAULT_WORDS
//      ("empty", "SDK default", "the event's issue", "common test globs", "the repository's
//      default branch"), which say what the action does when it gets nothing. A backticked
//      value is then never accepted: the README may not promise a default action.yml lacks.
// 4. The contract (../shared/CONTRACT.md from the repository root, when it is there; the test
//    is skipped with that reason otherwise): every input it names is in action.yml with a
//    default that agrees by rule 3, and every output it names is in action.yml.
// 5. Every ```yaml (or ```yml) block of the README parses with @actions/workflow-parser
//    (parseWorkflow, then convertWorkflowTemplate for the checks that need the whole
//    workflow), with no error. A block with `on:` and `jobs:` is a workflow and is parsed as
//    it is. Anything else is wrapped, text unchanged but indented, into WRAPPER below: a job
//    (a mapping with `runs-on` or `steps`) becomes `jobs.readme`; a list of steps becomes its
//    `steps`; a single step (a mapping with `uses` or `run`) becomes its only step. A block that
//    is none of these fails: an example a reader cannot paste is a broken example.
// 6. In every block: each `uses:` is one of VERIFIED_ACTIONS at its listed version; each
//    `with:` key of a draft-review step is an input of action.yml; each
//    `steps.<id>.outputs.<name>` of a draft-review step names an output of action.yml; a job
//    whose draft-review step uses the job's own token (no `github-token`) grants `contents`,
//    `issues` and `pull-requests` write, in the job or the workflow.
//
// The last test feeds known-broken examples through the same checker, so the checker is
// shown to fail when it should.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const root = fileURLToPath(new URL('..', import.meta.url))
const readmePath = `${root}README.md`
const actionPath = `${root}action.yml`
const contractPath = fileURLToPath(new URL('../../shared/CONTRACT.md', import.meta.url))

// GitHub's parser, loaded the way jest can (see the fixture for why).
const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await import('./fixtures/workflow-parser')

/** Every action a README example may use, at the version checked to be real and current (2026-11). */
const VERIFIED_ACTIONS: Record<string, string> = {
  // v7.0.0 2026-06-18 (GitHub changelog "safer pull_request_target defaults"), v7.0.1 2026-07.
  'actions/checkout': 'v7',
  // v3.2.0 2026-05-12; the `client-id` input exists since v3.1.0 (`app-id` deprecated).
  'actions/create-github-app-token': 'v3',
  // This action; OWNER is the placeholder users replace.
  'OWNER/draft-review': 'v1'
}

const EMPTY_DEFAULT_WORDS = ['empty', 'SDK default', "the event's issue", 'common test globs', "the repository's default branch"]

const WRITE_SCOPES = ['contents', 'issues', 'pull-requests']

/** The minimal workflow a fragment is wrapped into: its job is `readme`. */
const WRAPPER = [
  'on: workflow_dispatch',
  'permissions:',
  '  contents: write',
  '  issues: write',
  '  pull-requests: write',
  'jobs:',
  '  readme:'
].join('\n')

// ---------------------------------------------------------------- action.yml

interface ActionYml {
  inputs: Record<string, { description?: unknown; default?: unknown }>
  outputs: Record<string, { description?: unknown }>
  runs: { using?: unknown; main?: unknown }
}

const action = parseYaml(readFileSync(actionPath, 'utf8')) as ActionYml
const actionInputs = Object.keys(action.inputs ?? {})
const actionOutputs = Object.keys(action.outputs ?? {})

function actionDefault(name: string): string {
  const d = action.inputs[name]?.default
  return d === undefined || d === null ? '' : String(d)
}

// ---------------------------------------------------------------- markdown tables

interface Row {
  names: string[]
  cells: string[]
}

/** Splits a table line on `|`, keeping `\|` and pipes inside backticks. */
function splitRow(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let code = false
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '')
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === '\\' && body[i + 1] === '|') {
      cell += '|'
      i++
    } else if (c === '`') {
      code = !code
      cell += c
    } else if (c === '|' && !code) {
      cells.push(cell.trim())
      cell = ''
    } else cell += c
  }
  cells.push(cell.trim())
  return cells
}

/** The first table under the heading `## <title>`: its rows, header and separator left out. */
function tableUnder(markdown: string, title: string): Row[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => l.trim() === `## ${title}`)
  if (start < 0) throw new Error(`no "## ${title}" heading`)
  let i = start + 1
  while (i < lines.length && !lines[i]!.trim().startsWith('|')) {
    if (lines[i]!.startsWith('## ')) throw new Error(`no table under "## ${title}"`)
    i++
  }
  const table: string[] = []
  while (i < lines.length && lines[i]!.trim().startsWith('|')) table.push(lines[i++]!)
  return table.slice(2).map((line) => {
    const cells = splitRow(line)
    const names = [...(cells[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!)
    return { names, cells }
  })
}

function namesOf(rows: Row[]): string[] {
  return rows.flatMap((r) => r.names)
}

/** Rule 3: does a table's default cell agree with action.yml's default? */
function defaultAgrees(cell: string, actual: string): boolean {
  return actual === '' ? EMPTY_DEFAULT_WORDS.includes(cell) : cell === `\`${actual}\``
}

function defaultMismatches(rows: Row[], where: string): string[] {
  const out: string[] = []
  for (const row of rows) {
    for (const name of row.names) {
      if (!actionInputs.includes(name)) continue // reported by the name checks
      const cell = row.cells[1] ?? ''
      const actual = actionDefault(name)
      if (!defaultAgrees(cell, actual)) {
        const want = actual === '' ? `one of ${EMPTY_DEFAULT_WORDS.map((w) => JSON.stringify(w)).join(', ')}` : `\`${actual}\``
        out.push(`${where} ${name}: default cell ${JSON.stringify(cell)}, action.yml says ${JSON.stringify(actual)}; want ${want}`)
      }
    }
  }
  return out
}

function sorted(xs: string[]): string[] {
  return [...xs].sort()
}

function duplicates(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) !== i)
}

// ---------------------------------------------------------------- YAML examples

interface Block {
  /** 1-based line of the block's first YAML line in the markdown. */
  line: number
  text: string
}

function yamlBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(?:yaml|yml)\s*$/.exec(lines[i]!)
    if (!open) continue
    const indent = open[1]!.length
    const body: string[] = []
    let j = i + 1
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) body.push(lines[j++]!.slice(indent))
    if (j >= lines.length) throw new Error(`the yaml block at line ${i + 1} is never closed`)
    blocks.push({ line: i + 2, text: body.join('\n') + '\n' })
    i = j
  }
  return blocks
}

type Kind = 'workflow' | 'job' | 'steps' | 'step'

interface Prepared {
  kind: Kind
  /** The workflow text the parser sees. */
  workflow: string
  /** Lines the wrapper adds before the block's first line (0 for a workflow). */
  offset: number
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStep = (v: unknown): boolean => isMap(v) && ('uses' in v || 'run' in v)

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n)
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l.trim() === '' ? l : pad + l))
    .join('\n')
}

/** Rule 5: a workflow as it is, anything else wrapped into WRAPPER. Throws for an unknown shape. */
function prepare(text: string): Prepared {
  const doc: unknown = parseYaml(text)
  if (isMap(doc) && 'on' in doc && 'jobs' in doc) return { kind: 'workflow', workflow: text, offset: 0 }
  const wrapperLines = WRAPPER.split('\n').length
  if (isMap(doc) && ('runs-on' in doc || 'steps' in doc)) {
    return { kind: 'job', workflow: `${WRAPPER}\n${indent(text, 4)}\n`, offset: wrapperLines }
  }
  const head = `${WRAPPER}\n    runs-on: ubuntu-latest\n    steps:\n`
  if (Array.isArray(doc) && doc.length > 0 && doc.every(isStep)) {
    return { kind: 'steps', workflow: `${head}${indent(text, 6)}\n`, offset: wrapperLines + 2 }
  }
  if (isStep(doc)) {
    const item = text
      .replace(/\n$/, '')
      .split('\n')
      .map((l, i) => (i === 0 ? `- ${l}` : l.trim() === '' ? l : `  ${l}`))
      .join('\n')
    return { kind: 'step', workflow: `${head}${indent(item, 6)}\n`, offset: wrapperLines + 2 }
  }
  throw new Error('neither a workflow (on: and jobs:), a job (runs-on:/steps:), a list of steps, nor one step (uses:/run:)')
}

/** The workflow parser's errors, with their lines turned into README lines. */
async function parserErrors(p: Prepared, block: Block): Promise<string[]> {
  const parsed = parseWorkflow({ name: 'example', content: p.workflow }, new NoOperationTraceWriter())
  const messages = parsed.context.errors.getErrors().map((e) => e.message)
  if (parsed.value !== undefined) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value)
    for (const e of template.errors ?? []) messages.push(e.Message)
  }
  return [...new Set(messages)].map((m) =>
    m.replace(/\(Line: (\d+), Col: (\d+)\)/, (_, l: string, c: string) => {
      const line = Number(l) - p.offset
      return line >= 1 ? `(README.md:${block.line + line - 1}, col ${c}${p.kind === 'workflow' ? '' : ' of the wrapped workflow'})` : `(wrapper line ${l})`
    })
  )
}

const isDraftReview = (uses: unknown): boolean => typeof uses === 'string' && /(^|\/)draft-review@/.test(uses)

/** Rule 6, on the parsed workflow. */
function usageErrors(p: Prepared): string[] {
  const errors: string[] = []
  const wf = parseYaml(p.workflow) as Record<string, unknown>
  const jobs = isMap(wf.jobs) ? wf.jobs : {}
  for (const [jobId, job] of Object.entries(jobs)) {
    if (!isMap(job)) continue
    const steps = Array.isArray(job.steps) ? job.steps : []
    for (const step of steps) {
      if (!isMap(step) || step.uses === undefined) continue
      const uses = String(step.uses)
      const at = uses.lastIndexOf('@')
      const name = at > 0 ? uses.slice(0, at) : uses
      const ref = at > 0 ? uses.slice(at + 1) : ''
      const verified = VERIFIED_ACTIONS[name]
      if (verified === undefined) errors.push(`job ${jobId}: uses ${uses}, which is not in VERIFIED_ACTIONS`)
      else if (ref !== verified) errors.push(`job ${jobId}: uses ${uses}; the verified version is ${name}@${verified}`)
      if (!isDraftReview(uses)) continue
      const withKeys = isMap(step.with) ? Object.keys(step.with) : []
      for (const key of withKeys) {
        if (!actionInputs.includes(key)) errors.push(`job ${jobId}: draft-review has no input '${key}'`)
      }
      if (typeof step.id === 'string') {
        const id = step.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        for (const m of p.workflow.matchAll(new RegExp(`steps\\.${id}\\.outputs\\.([A-Za-z0-9_-]+)`, 'g'))) {
          if (!actionOutputs.includes(m[1]!)) errors.push(`job ${jobId}: draft-review has no output '${m[1]}'`)
        }
      }
      // `command: report` only reads the ledger: contents read is enough.
      const reportOnly = isMap(step.with) && step.with.command === 'report'
      if (!withKeys.includes('github-token')) {
        const perms = job.permissions ?? wf.permissions
        const scopes = reportOnly ? [] : WRITE_SCOPES
        const readable = reportOnly ? isMap(perms) && ['read', 'write'].includes(String(perms.contents)) : true
        const ok = perms === 'write-all' || (isMap(perms) && readable && scopes.every((s) => perms[s] === 'write'))
        if (!ok) errors.push(reportOnly ? `job ${jobId}: draft-review's report reads the ledger, so grant contents: read` : `job ${jobId}: draft-review uses the job's token, so grant ${WRITE_SCOPES.map((s) => `${s}: write`).join(', ')}`)
      }
    }
  }
  return errors
}

/** Everything wrong with one block; [] when it is a good example. */
async function checkBlock(block: Block): Promise<string[]> {
  let p: Prepared
  try {
    p = prepare(block.text)
  } catch (e) {
    return [`README.md:${block.line}: ${(e as Error).message}`]
  }
  return [...(await parserErrors(p, block)), ...usageErrors(p)]
}

// ---------------------------------------------------------------- tests

const readme = readFileSync(readmePath, 'utf8')

describe('action.yml', () => {
  test('runs on node24 from dist/index.js', () => {
    expect(action.runs.using).toBe('node24')
    expect(action.runs.main).toBe('dist/index.js')
  })

  test('every input and output has a description', () => {
    const blank = [
      ...actionInputs.filter((n) => String(action.inputs[n]?.description ?? '').trim() === '').map((n) => `input ${n}`),
      ...actionOutputs.filter((n) => String(action.outputs[n]?.description ?? '').trim() === '').map((n) => `output ${n}`)
    ]
    expect(blank).toEqual([])
  })
})

describe('README tables', () => {
  const inputs = tableUnder(readme, 'Inputs')
  const outputs = tableUnder(readme, 'Outputs')

  test('the inputs table names exactly the inputs of action.yml', () => {
    expect(duplicates(namesOf(inputs))).toEqual([])
    expect(sorted(namesOf(inputs))).toEqual(sorted(actionInputs))
  })

  test("each default in the inputs table agrees with action.yml's", () => {
    expect(defaultMismatches(inputs, 'README')).toEqual([])
  })

  test('the outputs table names exactly the outputs of action.yml', () => {
    expect(duplicates(namesOf(outputs))).toEqual([])
    expect(sorted(namesOf(outputs))).toEqual(sorted(actionOutputs))
  })
})

const contract = existsSync(contractPath) ? readFileSync(contractPath, 'utf8') : undefined
const contractTest = contract === undefined ? test.skip : test
describe('the contract', () => {
  contractTest(
    contract === undefined
      ? `no contract at ${contractPath} (../shared/CONTRACT.md from the repository root): contract checks skipped`
      : 'its inputs, with their defaults, and its outputs are all in action.yml',
    () => {
      const inputs = tableUnder(contract!, 'Inputs')
      const outputs = tableUnder(contract!, 'Outputs')
      expect(namesOf(inputs).length).toBeGreaterThan(0)
      expect(namesOf(outputs).length).toBeGreaterThan(0)
      expect(namesOf(inputs).filter((n) => !actionInputs.includes(n))).toEqual([])
      expect(defaultMismatches(inputs, 'CONTRACT')).toEqual([])
      expect(namesOf(outputs).filter((n) => !actionOutputs.includes(n))).toEqual([])
    }
  )
})

describe('README YAML examples', () => {
  const blocks = yamlBlocks(readme)

  test('there are examples to check, the copy-paste workflow among them', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10)
    expect(prepare(blocks[0]!.text).kind).toBe('workflow')
  })

  test.each(blocks.map((b) => [b.line, b] as const))('the block at README.md:%i parses as a GitHub workflow', async (_line, block) => {
    expect(await checkBlock(block)).toEqual([])
  })
})

describe('the example checker', () => {
  const block = (text: string): Block => ({ line: 1, text })

  test('accepts a good workflow, job, step list and step', async () => {
    const step = '- uses: actions/checkout@v7\n'
    expect(await checkBlock(block(`on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      ${step}`))).toEqual([])
    expect(await checkBlock(block(`runs-on: ubuntu-latest\nsteps:\n  ${step}`))).toEqual([])
    expect(await checkBlock(block(step))).toEqual([])
    expect(await checkBlock(block('uses: OWNER/draft-review@v1\nwith:\n  max-cost-usd: "1"\n'))).toEqual([])
  })

  test.each([
    ['an unknown job key', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n', /Unexpected value 'stepz'/],
    ['an unclosed expression', 'on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    concurrency: draft-review-${{ github.event.issue.number }\n    steps:\n      - run: echo\n', /expression is not closed/],
    ['an unknown function', '- run: echo\n  if: ${{ fromJSONN(\'[]\') }}\n', /Unrecognized function: 'fromJSONN'/],
    ['a step with both uses and run', '- uses: actions/checkout@v7\n  run: echo\n', /Unexpected value/],
    ['a bad cron', "on:\n  schedule:\n    - cron: '99 * * *'\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n", /cron/i],
    ['an input draft-review does not have', 'uses: OWNER/draft-review@v1\nwith:\n  max-cost: "1"\n', /no input 'max-cost'/],
    ['an output draft-review does not have', '- uses: OWNER/draft-review@v1\n  id: d\n- run: echo ${{ steps.d.outputs.total-cost }}\n', /no output 'total-cost'/],
    ['an unverified action version', '- uses: actions/checkout@v1\n', /verified version is actions\/checkout@v7/],
    ['the default token without write permissions', 'on: issues\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: OWNER/draft-review@v1\n', /grant contents: write/],
    ['a fragment that is not a step', 'anthropic-api-key: x\n', /neither a workflow/],
    ['YAML that does not parse', '- uses: actions/checkout@v7\n  with: [a\n', /^README\.md:1: /]
  ])('rejects %s', async (_what, text, message) => {
    const errors = await checkBlock(block(text))
    expect(errors.join('\n')).toMatch(message)
  })
})
