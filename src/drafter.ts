// The drafter: the cheap model working in the workspace through the file tools,
// turn by turn, until it calls finish. One conversation for the whole run, so review
// feedback and test failures arrive with everything it already knows; kept within the
// model's context budget by compaction (src/conversation/).
import type { ToolCall, ToolResult } from './chat'
import { ContextOverflow, ContextTooLong, type BudgetedCaller } from './calls'
import { ModelStopped } from './providers/turn'
import { planBudget, type BudgetPlan } from './conversation/budget'
import { chooseCompaction, truncateResult } from './conversation/compact'
import { NUDGE, RepeatGuard } from './conversation/repeats'
import { Transcript, WRITE_TOOLS, type UserKind } from './conversation/transcript'
import type { ChatModel } from './providers'
import type { ModelRequest } from './providers'
import type { ModelRef } from './settings'
import type { WorkspaceTools } from './workspace/tools'

export interface DraftResult {
  /** The model called finish (or ended its turn with no tool call). */
  finished: boolean
  summary: string
  turns: number
  /** Tool calls that failed (bad arguments, refused paths, no match): each went back to the model. */
  toolErrors: number
  /** Answers cut off at max_tokens. */
  cutOffs: number
  /** Identical tool calls answered with a nudge (the third of a kind). */
  repeatNudges?: number
  /** The draft ended because one call came a fourth time. */
  endedForRepeats?: boolean
  /** Compaction steps taken during this draft. */
  compactions?: number
  /** Answers stopped at the context window, recovered from by compacting and asking again. */
  contextFulls?: number
}

/** Answers stopped at the context window one draft recovers from; the next one stops the run. */
export const MAX_CONTEXT_FULL = 2

export interface DrafterOptions {
  caller: BudgetedCaller
  ref: ModelRef
  model: ChatModel
  tools: WorkspaceTools
  system: string
  maxTurns: number
  maxTokens: number
  onTool?: (name: string, isError: boolean) => void
  /** A part of the first message that may be replaced by a short note when space runs out (the repository map). */
  shrinkable?: { span: string; stub: string }
  onCompact?: (e: { beforeTokens: number; afterTokens: number; stubs: number }) => void
  /** An answer stopped at the context window: the turn is asked again, compacted. */
  onContextFull?: () => void
}

export class Drafter {
  private readonly transcript = new Transcript()
  /** Results owed for the calls of the last assistant turn (finish): sent before the next message. */
  private owed: { calls: ToolCall[]; results: ToolResult[] } | undefined
  private messagesSeen = 0
  private readonly repeats = new RepeatGuard()
  private totalCompactions = 0

  constructor(private readonly opts: DrafterOptions) {}

  get modelId(): string {
    return this.opts.ref.id
  }

  /** Compaction steps over the whole run. */
  get compactions(): number {
    return this.totalCompactions
  }

  /**
   * Hands the conversation to another model (the next tier of the ladder). The history
   * is provider-neutral, so a tier on another provider reads it as its own.
   */
  switchModel(ref: ModelRef, model: ChatModel): void {
    this.opts.ref = ref
    this.opts.model = model
  }

  get conversation(): ReturnType<Transcript['render']> {
    return this.transcript.render()
  }

  /** Continues the conversation with `text` (the task, test output or review feedback). */
  async draft(text: string, kind?: UserKind): Promise<DraftResult> {
    const { tools, maxTurns } = this.opts
    if (this.owed) this.transcript.addResults(this.owed.calls, this.owed.results, new Set())
    this.owed = undefined
    this.transcript.addUser(kind ?? guessKind(text, this.messagesSeen++), text, this.messagesSeen === 1 ? this.opts.shrinkable : undefined)
    this.repeats.reset()
    const r: Required<DraftResult> = { finished: false, summary: '', turns: 0, toolErrors: 0, cutOffs: 0, repeatNudges: 0, endedForRepeats: false, compactions: 0, contextFulls: 0 }
    for (let turn = 1; turn <= maxTurns; turn++) {
      r.turns = turn
      const reply = await this.send(r)
      if (!reply) return { ...r, summary: '(stopped: the server refused the prompt as too long even after compaction)' }
      // The reasoning goes back with the turn, unchanged (thinking signatures, reasoning_content).
      this.transcript.addAssistant(reply.text, reply.toolCalls, reply.reasoning)
      if (reply.stop === 'max_tokens') r.cutOffs++
      if (reply.toolCalls.length === 0) {
        if (reply.stop === 'max_tokens') {
          this.transcript.addUser('note', CUT_OFF)
          continue
        }
        return { ...r, finished: true, summary: reply.text.trim() }
      }
      const results: ToolResult[] = []
      const okWrites = new Set<string>()
      let finished: string | undefined
      let repeated = false
      const plan = this.plan()
      for (const call of reply.toolCalls) {
        const verdict = call.invalidJson === undefined ? this.repeats.check(call) : 'run'
        if (verdict === 'end' || repeated) {
          repeated = true
          results.push({ callId: call.id, content: 'Not run: this exact call was made four times; the draft ends here.', isError: true })
          continue
        }
        const outcome =
          call.invalidJson !== undefined
            ? { content: `The arguments were not valid JSON (${call.invalidJson}). Call ${call.name} again with a JSON object.`, isError: true }
            : await tools.run(call.name, call.input)
        if ('finished' in outcome && outcome.finished) finished = outcome.finished.summary
        if (outcome.isError) r.toolErrors++
        else if (WRITE_TOOLS.has(call.name)) {
          const path = (call.input as { path?: unknown })?.path
          if (typeof path === 'string') okWrites.add(path)
          this.repeats.wrote()
        }
        this.opts.onTool?.(call.name, outcome.isError)
        let content = truncateResult(outcome.content, plan.maxResultTokens)
        if (verdict === 'nudge') {
          r.repeatNudges++
          content += `\n\n${NUDGE}`
        }
        if (reply.stop === 'max_tokens') content += `\n${CUT_OFF}`
        results.push({ callId: call.id, content, isError: outcome.isError })
      }
      if (repeated) {
        this.owed = { calls: reply.toolCalls, results }
        return { ...r, endedForRepeats: true, summary: '(stopped: the drafter repeated the same tool call four times)' }
      }
      if (finished !== undefined) {
        this.owed = { calls: reply.toolCalls, results }
        return { ...r, finished: true, summary: finished }
      }
      this.transcript.addResults(reply.toolCalls, results, okWrites)
    }
    return { ...r, summary: `(stopped after ${maxTurns} turns without calling finish)`, turns: maxTurns }
  }

  private plan(): BudgetPlan {
    const { caller, ref, maxTokens } = this.opts
    const { window, maxOutput } = caller.budgetOf(ref)
    return planBudget({ window, maxOutput, maxTokens, bandAbove: ref.price.band?.aboveTokens })
  }

  private request(): Omit<ModelRequest, 'maxTokens'> {
    const messages = this.transcript.render()
    // Cache breakpoints: the first message (the task, which stays whole) and the end.
    return { system: this.opts.system, messages, tools: this.opts.tools.specs(), cacheMarks: [0] }
  }

  /**
   * One call within the budget: compacts first when the history is past the high-water
   * mark, and once more (to the window the server named) after a 400 for length.
   * Undefined when the server refused the prompt twice. An answer stopped at the context
   * window (Anthropic `model_context_window_exceeded`) was paid for but is not usable: its
   * usage tells the window the server really has, so the history is compacted and max_tokens
   * shrunk to it, and the turn is asked again, at most MAX_CONTEXT_FULL times a draft.
   */
  private async send(r: Required<DraftResult>): Promise<Awaited<ReturnType<BudgetedCaller['call']>> | undefined> {
    const { caller, ref, model, maxTokens } = this.opts
    let refused = false
    let force = false
    for (;;) {
      this.compactIfNeeded(r, force)
      try {
        return await caller.call('drafter', ref, model, this.request(), maxTokens)
      } catch (e) {
        if ((e instanceof ContextOverflow || e instanceof ContextTooLong) && !refused) {
          refused = force = true
          continue
        }
        if (e instanceof ContextTooLong) return undefined
        if (e instanceof ModelStopped && e.kind === 'context_full' && r.contextFulls < MAX_CONTEXT_FULL) {
          r.contextFulls++
          if (e.usage) caller.limits.learnFromFullAnswer(ref.id, e.usage)
          this.opts.onContextFull?.()
          force = true
          continue
        }
        throw e
      }
    }
  }

  private compactIfNeeded(r: Required<DraftResult>, force: boolean): void {
    const plan = this.plan()
    const est = (): number => this.opts.caller.limits.estimate(this.opts.ref.id, this.request())
    const before = est()
    if (!force && before <= plan.high) return
    const choice = chooseCompaction(this.transcript.candidates(), before, plan.low)
    if (choice.keys.length === 0) return
    for (const k of choice.keys) this.transcript.stubbed.add(k)
    this.repeats.compacted()
    r.compactions++
    this.totalCompactions++
    this.opts.onCompact?.({ beforeTokens: before, afterTokens: est(), stubs: choice.keys.length })
  }
}

/** The loop passes plain strings; their opening words say what they are (src/prompts.ts). */
function guessKind(text: string, index: number): UserKind {
  if (index === 0) return 'task'
  if (text.startsWith('The test command')) return 'tests'
  if (text.startsWith('A senior reviewer') || text.includes('<review untrusted')) return 'feedback'
  return 'note'
}

const CUT_OFF =
  'Your last answer was cut off at the output limit. Make smaller edits (edit_file) instead of writing large files at once.'
