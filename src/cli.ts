// `draft-review` on a developer's machine: run the loop on the local checkout, or read
// the ledger. `run` opens no pull request unless asked (--open-pr).
import { parseArgs } from 'node:util'
import { InputError } from './settings'
import { localRun, localReport } from './local'

const USAGE = `draft-review: a cheap model drafts, your tests check, a premium model reviews.

Usage:
  draft-review run (--issue-file FILE | --issue N) [options]
  draft-review report [--dir DIR]

run options:
  --issue-file FILE      the issue as Markdown: a first "# Title" line, then the body
  --issue N              the issue N of --repo, read from GitHub (needs GITHUB_TOKEN)
  --repo OWNER/NAME      the GitHub repository (default: from the origin remote)
  --tests                draft tests only (writes only under test-paths)
  --open-pr              push the branch and open or update the pull request (needs GITHUB_TOKEN)
  --feedback TEXT        another round on the current draft-review branch as it stands (its
                         commits kept, yours included), with TEXT as the reviewer's feedback
  --base REF             with --feedback: where the branch started (default: origin's default
                         branch, else main or master)
  --dir DIR              the repository to work in (default: the current directory)
  --drafter-model, --reviewer-model, --test-command, --test-timeout-seconds,
  --max-iterations, --max-cost-usd, --prices, --test-paths, --protected-paths,
  --max-diff-lines, --model-timeout-seconds, --run-timeout-minutes, --escalate-after
                         as the action's inputs of the same names

Keys come from the environment: ANTHROPIC_API_KEY, OPENAI_API_KEY, and optionally
ANTHROPIC_BASE_URL, OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama), GITHUB_TOKEN.`

const INPUT_FLAGS = [
  'drafter-model',
  'reviewer-model',
  'test-command',
  'test-timeout-seconds',
  'max-iterations',
  'max-cost-usd',
  'prices',
  'test-paths',
  'protected-paths',
  'max-diff-lines',
  'model-timeout-seconds',
  'run-timeout-minutes',
  'escalate-after'
] as const

export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'issue-file': { type: 'string' },
        issue: { type: 'string' },
        repo: { type: 'string' },
        tests: { type: 'boolean' },
        'open-pr': { type: 'boolean' },
        feedback: { type: 'string' },
        base: { type: 'string' },
        dir: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(INPUT_FLAGS.map((f) => [f, { type: 'string' as const }]))
      }
    })
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  const command = positionals[0]
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`)
    return values.help ? 0 : 2
  }
  const dir = values.dir ?? process.cwd()
  try {
    if (command === 'report') return await localReport(dir)
    if (command !== 'run') throw new UsageError(`unknown command '${command}'`)
    if (!values['issue-file'] === !values.issue) throw new UsageError('give exactly one of --issue-file and --issue')
    if (values.base !== undefined && values.feedback === undefined) throw new UsageError('--base goes with --feedback')
    if (values.feedback !== undefined && !values.feedback.trim()) throw new UsageError('--feedback needs the words of the feedback')
    const inputs: Record<string, string> = {}
    const given = values as Record<string, unknown>
    for (const f of INPUT_FLAGS) if (typeof given[f] === 'string') inputs[f] = given[f] as string
    return await localRun({
      dir,
      env,
      inputs,
      issueFile: values['issue-file'],
      issueNumber: values.issue ? Number(values.issue) : undefined,
      repo: values.repo,
      tests: values.tests ?? false,
      openPr: values['open-pr'] ?? false,
      feedback: values.feedback,
      base: values.base
    })
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`draft-review: ${e.message}\n\n${USAGE}\n`)
      return 2
    }
    process.stderr.write(`draft-review: ${e instanceof InputError ? e.message.replace(/^Input '/, "Option '--") : (e as Error).message}\n`)
    return 1
  }
}

export class UsageError extends Error {}

process.exitCode = await main(process.argv.slice(2), process.env)
