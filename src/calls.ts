// Every model call goes through here: the budget check on the call's worst case
// before it starts, and the meter after it returns.
import type { ChatMessage } from './chat'
import type { CostMeter, Role } from './meter'
import type { ChatModel, ModelReply, ModelRequest } from './providers'
import { completeTurn } from './providers/turn'
import { estimateTokens } from './providers/types'
import type { ModelRef } from './settings'

/** Thrown instead of starting a call that could take the run past max-cost-usd. */
export class BudgetExceeded extends Error {
  constructor(readonly role: Role, readonly model: string, readonly remainingUsd: number) {
    super(`the next ${role} call (${model}) could cost more than the $${remainingUsd.toFixed(4)} left of max-cost-usd`)
    this.name = 'BudgetExceeded'
  }
}

/** A model call that failed after the SDK's own retries: says which role and model. */
export class ModelCallError extends Error {
  constructor(readonly role: Role, readonly model: string, override readonly cause: unknown) {
    const status = (cause as { status?: number }).status
    const detail = cause instanceof Error ? cause.message : String(cause)
    const hint = status === 401 || status === 403 ? ` (check the ${model.split(':')[0]}-api-key input)` : ''
    super(`the ${role} call to ${model} failed: ${detail}${hint}`)
    this.name = 'ModelCallError'
  }
}

export interface CallEvent {
  role: Role
  model: string
  maxTokens: number
  reply: ModelReply
  costUsd: number
  spentUsd: number
}

export interface ModelCaller {
  call(role: Role, ref: ModelRef, model: ChatModel, req: Omit<ModelRequest, 'maxTokens'>, maxTokens: number): Promise<ModelReply>
}

export class BudgetedCaller implements ModelCaller {
  constructor(
    private readonly meter: CostMeter,
    /** Applied to every text sent to a model: no known secret leaves the process. */
    private readonly redact: (text: string) => string,
    private readonly onCall: (e: CallEvent) => void = () => {},
    private readonly signal?: AbortSignal
  ) {}

  /** One turn: a paused answer is continued, an empty cut-off retried, a refusal thrown (providers/turn.ts). */
  call(role: Role, ref: ModelRef, model: ChatModel, req: Omit<ModelRequest, 'maxTokens'>, maxTokens: number): Promise<ModelReply> {
    return completeTurn((r, max) => this.once(role, ref, model, r, max), req, maxTokens, { role, model: ref.id })
  }

  private async once(
    role: Role,
    ref: ModelRef,
    model: ChatModel,
    req: Omit<ModelRequest, 'maxTokens'>,
    maxTokens: number
  ): Promise<ModelReply> {
    this.signal?.throwIfAborted()
    req = redactRequest(req, this.redact)
    const estimate = estimateTokens(req)
    // A call may shrink its output budget to fit what is left, but not below a useful answer.
    const floor = Math.min(maxTokens, role === 'reviewer' ? 1024 : 2048)
    const allowed = this.meter.affordableOutputTokens(ref.price, estimate, maxTokens)
    if (allowed < floor) throw new BudgetExceeded(role, ref.id, this.meter.remainingUsd)
    let reply: ModelReply
    try {
      reply = await model.complete({ ...req, maxTokens: allowed }, this.signal)
    } catch (e) {
      if (this.signal?.aborted) throw this.signal.reason
      throw new ModelCallError(role, ref.id, e)
    }
    const { costUsd } = this.meter.record(role, ref.id, ref.price, reply.usage)
    this.onCall({ role, model: ref.id, maxTokens: allowed, reply, costUsd, spentUsd: this.meter.spentUsd })
    return reply
  }
}


export function redactRequest<T extends Omit<ModelRequest, 'maxTokens'>>(req: T, redact: (text: string) => string): T {
  const messages = req.messages.map((m): ChatMessage => {
    if (m.role === 'user') return { ...m, text: redact(m.text) }
    if (m.role === 'tool') return { role: 'tool', results: m.results.map((r) => ({ ...r, content: redact(r.content) })) }
    return m
  })
  return { ...req, system: redact(req.system), messages }
}
