// The emulators' strict token count, for models given a context window: a real BPE
// tokenizer (o200k) times 1.3, the margin by which Claude's newer tokenizer counts more
// than o200k-era ones (PROVIDERS.md). Harsher than bytes/3 on high-entropy text, so a
// test passes only when the action's own estimate errs high.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'

export const CLAUDE_FACTOR = 1.3
/** Tokens the server's template adds per message or block (role markers, separators). */
const PER_PART = 4
/** Anthropic's hidden tool-use system prompt. */
export const TOOL_PROMPT_TOKENS = 350

export function strictTokens(texts: string[]): number {
  let n = 0
  for (const t of texts) n += countTokens(t) + PER_PART
  return Math.ceil(n * CLAUDE_FACTOR)
}

/** The text a tokenizer sees in one Anthropic content block. */
export function anthropicBlockText(b: any): string {
  if (b?.type === 'text') return b.text
  if (b?.type === 'tool_use') return `${b.name} ${JSON.stringify(b.input ?? {})}`
  if (b?.type === 'tool_result') return typeof b.content === 'string' ? b.content : (b.content ?? []).map(anthropicBlockText).join('\n')
  if (b?.type === 'thinking') return b.thinking ?? ''
  return JSON.stringify(b ?? '')
}

export function anthropicPromptTokens(body: any): number {
  const texts: string[] = []
  if (typeof body.system === 'string') texts.push(body.system)
  else for (const b of body.system ?? []) texts.push(b.text ?? '')
  if (body.tools?.length) texts.push(JSON.stringify(body.tools))
  for (const m of body.messages ?? []) {
    if (typeof m.content === 'string') texts.push(m.content)
    else for (const b of m.content ?? []) texts.push(anthropicBlockText(b))
  }
  return strictTokens(texts) + (body.tools?.length ? TOOL_PROMPT_TOKENS : 0)
}

export function openaiMessageText(m: any): string {
  const content = typeof m.content === 'string' ? m.content : Array.isArray(m.content) ? m.content.map((p: any) => p?.text ?? '').join('\n') : ''
  const calls = (m.tool_calls ?? []).map((c: any) => `${c.function?.name} ${typeof c.function?.arguments === 'string' ? c.function.arguments : JSON.stringify(c.function?.arguments ?? {})}`)
  return [content, ...calls].join('\n')
}

export function openaiPromptTokens(messages: any[], tools: unknown[] | undefined): number {
  const texts = messages.map(openaiMessageText)
  if (tools?.length) texts.push(JSON.stringify(tools))
  return strictTokens(texts)
}
