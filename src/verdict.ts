// The reviewer's structured answer: its schema (sent to the providers) and its
// validation (zod). Pure.
import * as z from 'zod'
import type { JsonSchema } from './chat'

export const findingSchema = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  severity: z.enum(['blocker', 'major', 'minor']),
  message: z.string()
})

export const verdictSchema = z.object({
  verdict: z.enum(['approve', 'reject']),
  summary: z.string(),
  findings: z.array(findingSchema)
})

export type Finding = z.infer<typeof findingSchema>
export type Verdict = z.infer<typeof verdictSchema>

/**
 * Hand-written rather than generated: it must satisfy both providers' strict modes
 * (every property required, additionalProperties false, nullable instead of optional,
 * no length limits).
 */
export const VERDICT_JSON_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['verdict', 'summary', 'findings'],
  properties: {
    verdict: { type: 'string', enum: ['approve', 'reject'], description: 'approve only if the change is ready to merge as is' },
    summary: { type: 'string', description: 'one or two sentences: what the change does and why this verdict' },
    findings: {
      type: 'array',
      description: 'concrete problems to fix; empty when approving',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'line', 'severity', 'message'],
        properties: {
          file: { type: 'string', description: 'repository-relative path' },
          line: { type: ['integer', 'null'], description: 'line in the new version of the file, or null' },
          severity: { type: 'string', enum: ['blocker', 'major', 'minor'] },
          message: { type: 'string', description: 'what is wrong and what to do instead' }
        }
      }
    }
  }
}

export type VerdictParse = { ok: true; verdict: Verdict } | { ok: false; error: string }

/** Accepts the bare JSON, or JSON in a code fence or amid prose (servers without structured output). */
export function parseVerdict(text: string): VerdictParse {
  const candidate = extractJsonObject(text)
  if (candidate === undefined) return { ok: false, error: 'the answer holds no JSON object' }
  let json: unknown
  try {
    json = JSON.parse(candidate)
  } catch (e) {
    return { ok: false, error: `the answer is not valid JSON (${(e as Error).message})` }
  }
  const parsed = verdictSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, error: `the answer does not fit the verdict schema: ${issue?.path.join('.') || '(root)'}: ${issue?.message}` }
  }
  return { ok: true, verdict: parsed.data }
}

function extractJsonObject(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed.startsWith('{')) return trimmed
  const fence = /```(?:json)?\s*\n([\s\S]*?)\n```/.exec(trimmed)
  if (fence?.[1]) return fence[1].trim()
  const start = trimmed.indexOf('{')
  const end = trimmed.lastIndexOf('}')
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : undefined
}
