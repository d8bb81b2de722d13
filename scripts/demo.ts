// `npm run demo`: one whole run of the built action, offline. GitHub and both model
// APIs are the local emulators; the models' answers are a recorded replay.
import { branchLog } from '../emulators/git'
import { OWNER, REPO, startWorld } from '../emulators/harness'
import { DEFAULT_MODEL_INPUTS, DEFAULT_MODELS, drafter, files, issue, reviewer } from './demo-replay'

const hr = (title: string): void => console.log(`\n\x1b[1m── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`)

const world = await startWorld({ files, issue: { ...issue, labels: ['bug'] } })
try {
  world.anthropic.respond(DEFAULT_MODELS.drafter, drafter)
  world.anthropic.respond(DEFAULT_MODELS.reviewer, reviewer)
  console.log('draft-review demo — offline. GitHub and the model APIs are local emulators on 127.0.0.1;')
  console.log('the models\x27 answers are a RECORDED REPLAY, not live model output. Everything else is real:')
  console.log('the built action (node dist/index.js), git, the test command and the SDK clients.')
  hr(`Issue #${issue.number}: ${issue.title}  (labeled draft-review by maria)`)
  const run = await world.run({ inputs: { ...DEFAULT_MODEL_INPUTS, 'test-command': 'node test.js', 'category-labels': 'bug, docs' } })
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
