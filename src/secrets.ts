// Known secret values never leave the process: redact them from everything we send
// or print, and keep them out of the test command's environment. Pure.

const MIN_SECRET_LENGTH = 6

export type Redactor = (text: string) => string

export function makeRedactor(secrets: string[]): Redactor {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort((a, b) => b.length - a.length)
  if (values.length === 0) return (t) => t
  return (text) => {
    let out = text
    for (const v of values) if (out.includes(v)) out = out.split(v).join('***')
    return out
  }
}

/** Variables the test command never sees: inputs (they hold the keys), tokens and the runner's own credentials. */
const DROP_NAMES = /^(INPUT_.*|GITHUB_TOKEN|GH_TOKEN|ACTIONS_.*|ANTHROPIC_.*|OPENAI_.*)$/i

export function scrubEnv(env: NodeJS.ProcessEnv, secrets: string[]): Record<string, string> {
  const values = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH)
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || DROP_NAMES.test(name)) continue
    if (values.some((s) => value.includes(s))) continue
    out[name] = value
  }
  return out
}
