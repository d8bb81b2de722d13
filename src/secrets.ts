// Known secret values never leave the process: redact them from everything we send or
// print, in every form a test command could print them in, and keep them out of the
// test command's environment. Pure.

const MIN_SECRET_LENGTH = 6
/** A derived form shorter than this would redact ordinary text by chance. */
const MIN_FORM_LENGTH = 8
/** Wrapped forms (base64 -w76, xxd -p) are looked for only from this length. */
const MIN_WRAPPED_LENGTH = 12

export type Redactor = (text: string) => string

/**
 * The forms a secret can be printed in: raw, hex (both cases), base64 at each of the
 * three byte alignments (it may sit anywhere inside a longer encoded text) in the
 * standard and URL-safe alphabets, URL-encoded, and reversed.
 */
export function formsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const forms = [secret]
  const hex = bytes.toString('hex')
  forms.push(hex, hex.toUpperCase())
  for (let offset = 0; offset < 3; offset++) {
    const core = base64Core(bytes, offset)
    forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  forms.push(encodeURIComponent(secret))
  const pct = [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')
  forms.push(pct, pct.toUpperCase())
  forms.push([...secret].reverse().join(''))
  return [...new Set(forms.filter((f, i) => i === 0 || f.length >= MIN_FORM_LENGTH))]
}

/**
 * The part of base64(prefix + secret + suffix) that depends on the secret alone, for a
 * prefix of `offset` bytes: the groups the prefix or suffix share are dropped.
 */
function base64Core(bytes: Buffer, offset: number): string {
  const padded = Buffer.concat([Buffer.alloc(offset), bytes])
  const whole = Math.floor(padded.length / 3) * 4
  return padded.toString('base64').slice(offset > 0 ? 4 : 0, whole)
}

export function makeRedactor(secrets: string[]): Redactor {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))]
  if (values.length === 0) return (t) => t
  const forms = [...new Set(values.flatMap(formsOf))].sort((a, b) => b.length - a.length)
  const wrapped = forms.filter((f) => f.length >= MIN_WRAPPED_LENGTH)
  return (text) => {
    let out = text
    for (const f of forms) if (out.includes(f)) out = out.split(f).join('***')
    // A form broken by line wraps or spaces: a cheap look at the text without whitespace first.
    if (/\s/.test(out)) {
      const squeezed = out.replace(/\s+/g, '')
      for (const f of wrapped) {
        if (squeezed.includes(f)) out = out.replace(new RegExp([...f].map(escapeRegExp).join('\\s*'), 'g'), '***')
      }
    }
    return out
  }
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

/** Tokens the runner puts in the job's environment: never inputs, but secrets all the same. */
const ENV_SECRETS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'GITHUB_TOKEN', 'GH_TOKEN']

export function secretsOfEnv(env: NodeJS.ProcessEnv): string[] {
  return ENV_SECRETS.map((n) => env[n] ?? '').filter((v) => v.length >= MIN_SECRET_LENGTH)
}

/**
 * Variables the test command never sees: inputs (they hold the keys), tokens, the
 * runner's command files (writing them changes later steps), and git or ssh settings
 * that could carry or reach a credential.
 */
const DROP_NAMES =
  /^(INPUT_.*|GITHUB_TOKEN|GH_TOKEN|ACTIONS_.*|ANTHROPIC_.*|OPENAI_.*|GITHUB_(ENV|OUTPUT|PATH|STATE|STEP_SUMMARY)|GIT_CONFIG_.*|GIT_ASKPASS|SSH_ASKPASS|SSH_AUTH_SOCK)$/i

export function scrubEnv(env: NodeJS.ProcessEnv, secrets: string[]): Record<string, string> {
  const redact = makeRedactor(secrets)
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || DROP_NAMES.test(name)) continue
    if (redact(value) !== value) continue
    out[name] = value
  }
  return out
}
