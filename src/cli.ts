// `draft-review` on a developer's machine: run the loop on the local checkout, or read
// the ledger. `run` opens no pull request unless asked (--open-pr).
import { parseArgs } from 'node:util'
import { cliMessage, ENV_INPUTS, INPUT_FLAGS, issueNumberOf, UsageError } from './local/flags'
import { localReport, localRun } from './local/run'
import { InputError } from './settings'

const column = Math.max(...INPUT_FLAGS.map((f) => f.name.length + f.value.length)) + 8

export const USAGE = `draft-review: a cheap model drafts, your tests check, a premium model reviews.

Usage:
  draft-review run (--issue-file FILE | --issue N) [options]
  draft-review report [--dir DIR]

run:
  --issue-file FILE      the issue as Markdown: a first "# Title" line, then the body
  --issue N              issue N of --repo, read from GitHub (needs GITHUB_TOKEN)
  --repo OWNER/NAME      the GitHub repository (default: from the origin remote)
  --tests                draft tests only (writes only under --test-paths)
  --open-pr              push the branch and open or update the pull request (needs GITHUB_TOKEN)
  --feedback TEXT        another round on the current draft-review branch as it stands (its
                         commits kept, yours included), with TEXT as the reviewer's feedback
  --base REF             with --feedback: where the branch started (default: origin's default
                         branch, else main or master)
  --dir DIR              the repository to work in (default: the current directory)

The action's inputs, as flags of the same names:
${INPUT_FLAGS.map((f) => `  --${f.name} ${f.value}`.padEnd(column) + f.help).join('\n')}

Keys and tokens come from the environment, never from flags (shell history, ps):
${Object.values(ENV_INPUTS).map((v) => `  ${v}`).join('\n')} (or GH_TOKEN), needed for --issue and --open-pr
  ANTHROPIC_BASE_URL, OPENAI_BASE_URL (e.g. http://localhost:11434/v1 for Ollama) as the --*-base-url flags

The work goes on a new local branch; after a failure your own branch is checked out again.`

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
        ...Object.fromEntries(INPUT_FLAGS.map((f) => [f.name, { type: 'string' as const }]))
      }
    })
  } catch (e) {
    process.stderr.write(`draft-review: ${flagHint((e as Error).message)}\n\nRun draft-review --help for every option.\n`)
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
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}' (options start with --)`)
    if (command === 'report') return await localReport(dir)
    if (command !== 'run') throw new UsageError(`unknown command '${command}'; use run or report`)
    if (!values['issue-file'] === !values.issue) throw new UsageError('give exactly one of --issue-file FILE and --issue N')
    if (values.base !== undefined && values.feedback === undefined) throw new UsageError('--base goes with --feedback')
    if (values.feedback !== undefined && !values.feedback.trim()) throw new UsageError('--feedback needs the words of the feedback')
    const inputs: Record<string, string> = {}
    const given = values as Record<string, unknown>
    for (const f of INPUT_FLAGS) if (typeof given[f.name] === 'string') inputs[f.name] = given[f.name] as string
    return await localRun({
      dir,
      env,
      inputs,
      issueFile: values['issue-file'],
      issueNumber: values.issue !== undefined ? issueNumberOf(values.issue) : undefined,
      repo: values.repo,
      tests: values.tests ?? false,
      openPr: values['open-pr'] ?? false,
      feedback: values.feedback,
      base: values.base
    })
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`draft-review: ${e.message}\n\nRun draft-review --help for every option.\n`)
      return 2
    }
    process.stderr.write(`draft-review: ${e instanceof InputError ? cliMessage(e) : (e as Error).message}\n`)
    return 1
  }
}

/** node:util's "Unknown option '--x'", with the environment variable when x is a secret input. */
function flagHint(message: string): string {
  const m = /Unknown option '--([^']+)'/.exec(message)
  const variable = m ? ENV_INPUTS[m[1]!] : undefined
  if (variable) return `--${m![1]} is not a flag: keys stay out of the command line; set ${variable} in the environment`
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
}

process.exitCode = await main(process.argv.slice(2), process.env)
