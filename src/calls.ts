// Every model call goes through here: the context and budget checks on the call's worst
// case before it starts, and the meter after it returns.
import type { ChatMessage, Usage } from './chat'
import { ContextLimits } from './conversation/budget'
import { contextLengthError, type LengthError } from './conversation/length-error'
import { estimateTextTokens } from './conversation/estimate'
import type { CostMeter, Role } from './meter'
import { limitsOf } from './pricing'
import type { ChatModel, ModelReply, ModelRequest } from './providers'
import { completeTurn } from './providers/turn'
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

/** The server refused the prompt as too long (a 400 for length). Nothing was billed. */
export class ContextTooLong extends Error {
  constructor(readonly role: Role, readonly model: string, readonly detail: LengthError, override readonly cause: unknown) {
    super(`the ${role} call to ${model} was refused as too long for the model's context window${detail.limit ? ` (${detail.limit} tokens)` : ''}`)
    this.name = 'ContextTooLong'
  }
}

/** A request that cannot fit the context budget even with the smallest useful answer: never sent. */
export class ContextOverflow extends Error {
  constructor(readonly role: Role, readonly model: string, readonly estimate: number, readonly window: number) {
    super(
      `the ${role} prompt for ${model} (about ${estimate} tokens, estimated high) leaves no room for an answer in its ` +
        `${window}-token context budget (context-tokens or the model's window)`
    )
    this.name = 'ContextOverflow'
  }
}

export interface CallEvent {
  role: Role
  model: string
  maxTokens: number
  reply: ModelReply
  costUsd: number
  spentUsd: number
  /** The server reported no usage: the tokens were estimated. */
  estimated: boolean
  /** The input estimate the checks used. */
  inputEstimate: number
}

export interface ModelCaller {
  call(role: Role, ref: ModelRef, model: ChatModel, req: Omit<ModelRequest, 'maxTokens'>, maxTokens: number): Promise<ModelReply>
}

export interface CallerOptions {
  /** The `context-tokens` input: overrides every model's window. */
  contextTokens?: number
  /** Shared with the drafter, which plans its compaction with the same figures. */
  limits?: ContextLimits
}

export class BudgetedCaller implements ModelCaller {
  readonly limits: ContextLimits
  private readonly contextTokens?: number

  constructor(
    private readonly meter: CostMeter,
    /** Applied to every text sent to a model: no known secret leaves the process. */
    private readonly redact: (text: string) => string,
    private readonly onCall: (e: CallEvent) => void = () => {},
    private readonly signal?: AbortSignal,
    opts: CallerOptions = {}
  ) {
    this.limits = opts.limits ?? new ContextLimits()
    this.contextTokens = opts.contextTokens
  }

  /** The context budget (input plus max_tokens) and output limit for one model. */
  budgetOf(ref: ModelRef): { window: number; maxOutput: number } {
    const l = limitsOf(ref.id, this.contextTokens)
    return { window: this.limits.window(ref.id, l.contextWindow), maxOutput: l.maxOutput }
  }

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
    const estimate = this.limits.estimate(ref.id, req)
    const { window, maxOutput } = this.budgetOf(ref)
    // A call may shrink its output budget to fit the window and what is left of the cap,
    // but not below a useful answer.
    const floor = Math.min(maxTokens, role === 'reviewer' ? 1024 : 2048)
    const byContext = Math.min(maxTokens, maxOutput, window - estimate)
    if (byContext < floor) throw new ContextOverflow(role, ref.id, estimate, window)
    const allowed = this.meter.affordableOutputTokens(ref.price, estimate, byContext)
    if (allowed < floor) throw new BudgetExceeded(role, ref.id, this.meter.remainingUsd)
    let reply: ModelReply
    try {
      reply = await model.complete({ ...req, maxTokens: allowed }, this.signal)
    } catch (e) {
      if (this.signal?.aborted) throw this.signal.reason
      const length = contextLengthError(e)
      if (length) {
        this.limits.learn(ref.id, length, estimate)
        throw new ContextTooLong(role, ref.id, length, e)
      }
      throw new ModelCallError(role, ref.id, e)
    }
    const estimated = usageMissing(reply.usage)
    const usage = estimated ? estimatedUsage(estimate, reply, allowed) : reply.usage
    const { costUsd } = this.meter.record(role, ref.id, ref.price, usage, estimated)
    const shown = estimated ? { ...reply, usage } : reply
    this.onCall({ role, model: ref.id, maxTokens: allowed, reply: shown, costUsd, spentUsd: this.meter.spentUsd, estimated, inputEstimate: estimate })
    return shown
  }
}

/** No server bills a non-empty prompt at zero tokens: all zeros means it reported none. */
function usageMissing(u: Usage): boolean {
  return u.input + u.output + u.cacheRead + u.cacheWrite === 0
}

/** Our own count when the server gave none: the request's estimate and the answer's (all of max_tokens when cut off). */
function estimatedUsage(inputEstimate: number, reply: ModelReply, maxTokens: number): Usage {
  const answer = reply.text + reply.toolCalls.map((c) => c.name + JSON.stringify(c.input ?? {})).join('')
  const output = reply.stop === 'max_tokens' ? maxTokens : Math.max(1, estimateTextTokens(answer) + 8 * reply.toolCalls.length)
  return { input: inputEstimate, output, cacheRead: 0, cacheWrite: 0 }
}

export function redactRequest<T extends Omit<ModelRequest, 'maxTokens'>>(req: T, redact: (text: string) => string): T {
  const messages = req.messages.map((m): ChatMessage => {
    if (m.role === 'user') return { ...m, text: redact(m.text) }
    if (m.role === 'tool') return { role: 'tool', results: m.results.map((r) => ({ ...r, content: redact(r.content) })) }
    return m
  })
  return { ...req, system: redact(req.system), messages }
}
