// Recognises a provider's 400 for a prompt over the context window, in each server's own
// words, and reads the numbers it gives. Pure.

export interface LengthError {
  /** The window the server named. */
  limit?: number
  /** The tokens the server counted for the prompt (or prompt plus max_tokens). */
  counted?: number
}

const PATTERNS: { re: RegExp; counted?: number; limit: number }[] = [
  // Anthropic: "prompt is too long: 208310 tokens > 200000 maximum"
  { re: /prompt is too long: (\d+) tokens > (\d+) maximum/i, counted: 1, limit: 2 },
  // Anthropic: "input length and `max_tokens` exceed context limit: 190000 + 20000 > 200000"
  { re: /exceed context limit: (\d+) \+ \d+ > (\d+)/i, counted: 1, limit: 2 },
  // OpenAI: "This model's maximum context length is 16000 tokens. However, your messages resulted in 17000 tokens"
  { re: /maximum context length is (\d+) tokens[^]*?resulted in (\d+) tokens/i, counted: 2, limit: 1 },
  // vLLM: "... maximum context length is 16384 tokens. However, you requested 17000 tokens (9000 in the messages, ..."
  { re: /maximum context length is (\d+) tokens[^]*?\((\d+) in the messages/i, counted: 2, limit: 1 },
  { re: /maximum context length is (\d+) tokens/i, limit: 1 },
  // llama.cpp: "the request exceeds the available context size (8192 tokens)"
  { re: /exceeds the available context size \((\d+) tokens\)/i, limit: 1 }
]

/** The length error in `e`, or undefined when `e` is any other failure. */
export function contextLengthError(e: unknown): LengthError | undefined {
  const err = e as { status?: number; code?: unknown; error?: unknown; message?: unknown }
  if (err?.status !== 400 && err?.status !== 413) return undefined
  const text = `${String(err.message ?? '')} ${safeJson(err.error)}`
  for (const p of PATTERNS) {
    const m = p.re.exec(text)
    if (m) return { limit: Number(m[p.limit]), ...(p.counted ? { counted: Number(m[p.counted]) } : {}) }
  }
  if (err.code === 'context_length_exceeded' || /context_length_exceeded|prompt is too long|context window/i.test(text)) return {}
  return undefined
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? ''
  } catch {
    return ''
  }
}
