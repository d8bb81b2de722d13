// One model turn as the run sees it, over one or more calls: what the providers'
// stop reasons ask of the caller. Each call goes through `once` (budget check and
// meter), so a continuation or a retry is checked and counted like any other call.
import type { AnthropicThinking, ChatMessage, Reasoning, Usage } from '../chat'
import type { ModelReply, ModelRequest } from './types'

export type OnceCall = (req: Omit<ModelRequest, 'maxTokens'>, maxTokens: number) => Promise<ModelReply>

/** A paused turn is sent back this many times at most; the docs say to continue it as is. */
export const MAX_PAUSE_CONTINUATIONS = 4

export type StoppedKind = 'refusal' | 'filtered' | 'context_full'

/**
 * The model stopped in a way that leaves nothing to use: it refused, a filter cut the
 * answer, or the context window filled mid-answer. The call was paid for and counted;
 * the run stops and says so, and the answer is never reviewed as a finished draft.
 */
export class ModelStopped extends Error {
  constructor(
    readonly kind: StoppedKind,
    /** 'drafter' or 'reviewer' */
    readonly role: string,
    readonly model: string,
    /** What the model said, if anything (its refusal, or the cut-off text). */
    readonly said: string,
    /** The call's reported usage: for `context_full`, input plus output is the window the server has. */
    readonly usage?: Usage
  ) {
    super(stoppedMessage(kind, role, model, said))
    this.name = 'ModelStopped'
  }
}

function stoppedMessage(kind: StoppedKind, role: string, model: string, said: string): string {
  const quote = said ? `: "${said.length > 300 ? `${said.slice(0, 300)}…` : said}"` : ''
  if (kind === 'refusal') return `the ${role} model refused (${model})${quote}`
  if (kind === 'filtered') return `the provider's content filter stopped the ${role}'s answer (${model})`
  return `the ${role}'s answer stopped at the model's context window (${model})`
}

/**
 * - `pause` (Anthropic `pause_turn`): the answer so far goes back as the last assistant
 *   turn and the model continues it; the parts are joined into one reply.
 * - out of budget while reasoning (`max_tokens` with no text and no call): one more try
 *   with twice the output budget and a low effort; an empty turn is never kept.
 * - `refusal`, `filtered`, `context_full`: thrown as ModelStopped.
 */
export async function completeTurn(
  once: OnceCall,
  req: Omit<ModelRequest, 'maxTokens'>,
  maxTokens: number,
  who: { role: string; model: string }
): Promise<ModelReply> {
  let reply = await once(req, maxTokens)
  if (isEmptyCutOff(reply)) reply = await once({ ...req, effort: 'low' }, maxTokens * 2)
  for (let n = 0; reply.stop === 'pause' && n < MAX_PAUSE_CONTINUATIONS; n++) {
    const paused: ChatMessage = { role: 'assistant', text: reply.text, toolCalls: reply.toolCalls, ...(reply.reasoning ? { reasoning: reply.reasoning } : {}) }
    const next = await once({ ...req, messages: [...req.messages, paused] }, maxTokens)
    reply = joinReplies(reply, next)
  }
  if (reply.stop === 'refusal' || reply.stop === 'filtered' || reply.stop === 'context_full') {
    throw new ModelStopped(reply.stop, who.role, who.model, reply.refusal ?? reply.text.trim(), reply.usage)
  }
  return reply
}

/** A reasoning model that spent its whole output budget thinking: nothing to send back or use. */
export function isEmptyCutOff(reply: ModelReply): boolean {
  return reply.stop === 'max_tokens' && reply.text.trim() === '' && reply.toolCalls.length === 0
}

function joinReplies(a: ModelReply, b: ModelReply): ModelReply {
  return {
    ...b,
    text: a.text + b.text,
    toolCalls: [...a.toolCalls, ...b.toolCalls],
    reasoning: joinReasoning(a.reasoning, b.reasoning),
    usage: {
      input: a.usage.input + b.usage.input,
      output: a.usage.output + b.usage.output,
      cacheRead: a.usage.cacheRead + b.usage.cacheRead,
      cacheWrite: a.usage.cacheWrite + b.usage.cacheWrite
    }
  }
}

function joinReasoning(a: Reasoning | undefined, b: Reasoning | undefined): Reasoning | undefined {
  if (!a || !b) return a ?? b
  if (a.kind === 'anthropic' && b.kind === 'anthropic') {
    const blocks: AnthropicThinking[] = [...a.blocks, ...b.blocks]
    return { ...a, blocks }
  }
  if (a.kind === 'openai' && b.kind === 'openai') return { ...a, text: a.text + b.text }
  return b
}
