// `npm run demo`: one whole run of the built action, offline. GitHub and both model
// APIs are the local emulators; the models' answers are a recorded replay.
import { branchLog } from '../emulators/git'
import { OWNER, REPO, startWorld } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'

const files: Record<string, string> = {
  'README.md': '# widgets\n\nTiny math helpers.\n',
  'package.json': JSON.stringify({ name: 'widgets', version: '1.0.0', scripts: { test: 'node test.js' } }, null, 2) + '\n',
  'src/sum.js': '// Adds two numbers.\nfunction sum(a, b) {\n  return a - b\n}\n\nmodule.exports = { sum }\n',
  'test.js': "const assert = require('node:assert')\nconst { sum } = require('./src/sum')\nassert.strictEqual(sum(2, 3), 5)\nconsole.log('1 passed, 0 failed')\n"
}
const issue = { number: 12, title: 'sum() subtracts instead of adding', body: 'Calling sum(2, 3) returns -1. It should return 5.' }

// The replay: what the drafter (Sonnet 4.6) and the reviewer (Opus 4.8) answered, with the token
// counts they reported, in order.
const drafter: EmulatorTurn[] = [
  { toolCalls: [{ name: 'read_file', input: { path: 'src/sum.js', start_line: null, end_line: null } }], usage: { input: 2_310, output: 96, cacheWrite: 1_820 } },
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }], usage: { input: 180, output: 120, cacheRead: 4_130 } },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() used subtraction; it now adds its arguments.' } }], usage: { input: 150, output: 64, cacheRead: 4_430 } },
  { toolCalls: [{ name: 'edit_file', input: { path: 'test.js', old_string: 'assert.strictEqual(sum(2, 3), 5)', new_string: 'assert.strictEqual(sum(2, 3), 5)\nassert.strictEqual(sum(-2, -3), -5)\nassert.strictEqual(sum(0, 0), 0)', replace_all: false } }], usage: { input: 420, output: 180, cacheRead: 4_640 } },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() now adds; test.js covers negative numbers and zero.' } }], usage: { input: 160, output: 70, cacheRead: 5_240 } }
]
const reviewer: EmulatorTurn[] = [
  {
    json: {
      verdict: 'reject',
      summary: 'The fix is right, but the test still only covers one positive case.',
      findings: [{ file: 'test.js', line: 3, severity: 'major', message: 'Add cases for negative numbers and zero so the bug cannot come back unnoticed.' }]
    },
    usage: { input: 2_450, output: 610 }
  },
  { json: { verdict: 'approve', summary: 'Correct fix with tests for positive, negative and zero inputs.', findings: [] }, usage: { input: 2_620, output: 240 } }
]

const hr = (title: string): void => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)

const world = await startWorld({ files, issue: { ...issue, labels: ['bug'] } })
try {
  world.anthropic.respond('claude-sonnet-4-6', drafter)
  world.anthropic.respond('claude-opus-4-8', reviewer)
  console.log('draft-review demo — offline. GitHub and the model APIs are local emulators on 127.0.0.1;')
  console.log('the models\x27 answers are a RECORDED REPLAY, not live model output. Everything else is real:')
  console.log('the built action (node dist/index.js), git, the test command and the SDK clients.')
  hr(`Issue #${issue.number}: ${issue.title}  (labeled draft-review by maria)`)
  const run = await world.run({ inputs: { 'test-command': 'node test.js', 'category-labels': 'bug, docs' } })
  hr('The action\x27s log')
  console.log(run.stdout.replace(/^::add-mask::.*\n/gm, '').trimEnd())
  const pr = world.github.pulls(`${OWNER}/${REPO}`)[0]
  if (pr) {
    hr(`Pull request #${pr.number}${pr.draft ? ' (draft)' : ''}: ${pr.title}`)
    console.log(`${pr.head} → ${pr.base}\n\n${pr.body}`)
    hr('Commits on the branch')
    for (const c of await branchLog(world.bareDir, pr.head)) console.log(`${c.sha.slice(0, 8)}  ${c.subject}  (${c.author})`)
    hr('The summary comment, as posted')
    for (const c of world.github.comments(`${OWNER}/${REPO}`, pr.number)) console.log(c.body)
  }
  hr(`The progress comment on issue #${issue.number}, as it ended`)
  for (const c of world.github.comments(`${OWNER}/${REPO}`, issue.number)) console.log(c.body)
  hr('Step outputs')
  for (const [k, v] of Object.entries(run.outputs)) console.log(`${k.padEnd(22)} ${v}`)
  console.log(`\nExit code ${run.exitCode}; the whole run took ${run.wallMs} ms.`)
  process.exitCode = run.exitCode
} finally {
  await world.close()
}
