// The CLI's options: which action inputs are flags, which come from the environment, and
// how an input's error is put in the CLI's words (the flag or the variable to set). Pure.
import { InputError } from '../settings'

/** An action input a developer sets on the command line, with the help text's line. */
export interface InputFlag {
  name: string
  value: string
  help: string
}

/** Every action input that makes sense on a developer's machine, as a flag of the same name. */
export const INPUT_FLAGS: readonly InputFlag[] = [
  { name: 'drafter-model', value: 'LIST', help: 'provider:model, or a comma-separated ladder, cheapest first' },
  { name: 'reviewer-model', value: 'MODEL', help: 'provider:model of the premium reviewer' },
  { name: 'reviewer-effort', value: 'low|medium|high', help: 'how hard the reviewer thinks (medium)' },
  { name: 'test-command', value: 'CMD', help: 'shell command run after every draft (e.g. "npm test")' },
  { name: 'test-timeout-seconds', value: 'N', help: 'limit for one run of the test command (600)' },
  { name: 'test-sandbox', value: 'true|false', help: 'run the test command isolated from secrets and network (true)' },
  { name: 'test-paths', value: 'GLOBS', help: 'where a --tests run may write' },
  { name: 'tests-label', value: 'LABEL', help: 'the issue label that means tests only, for --issue (draft-review:tests)' },
  { name: 'protected-paths', value: 'GLOBS', help: 'globs the drafter may never write (.github/workflows/**)' },
  { name: 'max-iterations', value: 'N', help: 'most premium reviews (3)' },
  { name: 'max-cost-usd', value: 'USD', help: 'hard budget for the run (2)' },
  { name: 'prices', value: 'JSON', help: 'price overrides, USD per million tokens' },
  { name: 'base-branch', value: 'BRANCH', help: 'branch the work starts from and a pull request targets (the current branch)' },
  { name: 'max-diff-lines', value: 'N', help: 'a longer draft is not sent for review (2000)' },
  { name: 'model-timeout-seconds', value: 'N', help: 'limit for one model request attempt (300)' },
  { name: 'run-timeout-minutes', value: 'N', help: 'limit for the whole run (45)' },
  { name: 'context-tokens', value: 'N', help: "most tokens one request may use (e.g. Ollama's num_ctx)" },
  { name: 'escalate-after', value: 'N', help: 'rejections on one ladder tier before the next takes over (2)' },
  { name: 'category-labels', value: 'LABELS', help: "labels that name a kind of task, for the ledger's history" },
  { name: 'ledger', value: 'true|false', help: "read the history from origin's draft-review/ledger and add this run (false here)" },
  { name: 'route-by-history', value: 'true|false', help: "start on the ladder's next tier when the kind of task is often rejected (false)" },
  { name: 'route-reject-threshold', value: 'RATE', help: 'reject rate, 0 to 1, above which routing moves up (0.4)' },
  { name: 'route-window', value: 'N', help: 'recent reviewed runs routing looks at (10)' },
  { name: 'anthropic-base-url', value: 'URL', help: 'API root for provider anthropic (or ANTHROPIC_BASE_URL)' },
  { name: 'openai-base-url', value: 'URL', help: 'API root for provider openai, e.g. http://localhost:11434/v1 (or OPENAI_BASE_URL)' }
]

/** Inputs that come from the environment: secrets never go on a command line (shell history, ps). */
export const ENV_INPUTS: Readonly<Record<string, string>> = {
  'anthropic-api-key': 'ANTHROPIC_API_KEY',
  'openai-api-key': 'OPENAI_API_KEY',
  'github-token': 'GITHUB_TOKEN'
}

/** Inputs with no meaning outside a workflow, and why. */
export const NOT_LOCAL: Readonly<Record<string, string>> = {
  label: 'no label event starts a local run',
  'issue-number': 'the --issue flag',
  command: 'the run / report command word',
  'comment-command': 'no comment starts a local run',
  'remove-label': 'no label started a local run',
  triage: "triage routes the action's issue runs; local runs start on the ladder's first tier (or --route-by-history)",
  'triage-model': 'see triage'
}

/** Local defaults that differ from the action's: a developer's run writes nothing to origin unless asked. */
export const LOCAL_DEFAULTS: Readonly<Record<string, string>> = { ledger: 'false' }

/** An input's error in the CLI's words: the flag to fix, or the environment variable to set. */
export function cliMessage(e: InputError): string {
  const rest = e.message.replace(/^Input '[^']*': /, '')
  const variable = ENV_INPUTS[e.input]
  const flagged = rest.replace(/\b(drafter-model|reviewer-model)\b/g, '--$1').replace(/the '([a-z-]+)' input/g, '--$1')
  if (variable && /^is empty/.test(rest)) {
    return `${variable} is not set${flagged.replace(/^is empty/, '')} Set it in the environment: export ${variable}=...`
  }
  if (variable) return `${variable} (environment): ${flagged}`
  return `Option '--${e.input}': ${flagged}`
}

export class UsageError extends Error {}

/** `--issue N`: a positive whole number, checked before anything reaches the network. */
export function issueNumberOf(raw: string): number {
  if (!/^[1-9]\d*$/.test(raw.trim())) throw new UsageError(`--issue takes an issue number (for example --issue 42), not '${raw}'`)
  return Number(raw)
}
