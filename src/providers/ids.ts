// Tool-call ids travel with the conversation from one provider to the next (the
// ladder can hand an OpenAI-compatible drafter's history to Claude), and each API
// has its own rule for them. Ids are rewritten where they are sent, the same way for
// a call and for its result, so the pairing holds; an id that already fits is kept.
import { createHash } from 'node:crypto'

const ANTHROPIC_ID = /^[a-zA-Z0-9_-]+$/
/** OpenAI refuses longer tool_call ids ("Expected a string with maximum length 40"). */
const OPENAI_MAX_ID = 40

const shortHash = (id: string): string => createHash('sha256').update(id).digest('hex').slice(0, 8)

/** Anthropic: `^[a-zA-Z0-9_-]+$`. `functions.write_file:0` becomes `functions_write_file_0_<hash>`. */
export function anthropicToolId(id: string): string {
  if (ANTHROPIC_ID.test(id)) return id
  // The hash of the original keeps two ids apart that differ only in the replaced characters.
  return `${id.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 48)}_${shortHash(id)}`
}

/** OpenAI: at most 40 characters. */
export function openaiToolId(id: string): string {
  if (id.length > 0 && id.length <= OPENAI_MAX_ID) return id
  return `call_${shortHash(id)}${id.replace(/[^a-zA-Z0-9_-]/g, '').slice(0, OPENAI_MAX_ID - 14)}`
}
