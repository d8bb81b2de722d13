// The drafter: the cheap model working in the workspace through the file tools,
// turn by turn, until it calls finish. One conversation for the whole run, so review
// feedback and test failures arrive with everything it already knows.
import type { ChatMessage, ToolResult } from './chat'
import type { ModelCaller } from './calls'
import type { ChatModel } from './providers'
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
}

export interface DrafterOptions {
  caller: ModelCaller
  ref: ModelRef
  model: ChatModel
  tools: WorkspaceTools
  system: string
  maxTurns: number
  maxTokens: number
  onTool?: (name: string, isError: boolean) => void
}

export class Drafter {
  private readonly messages: ChatMessage[] = []
  /** Results owed for the calls of the last assistant turn (finish): sent before the next message. */
  private owed: ToolResult[] = []

  constructor(private readonly opts: DrafterOptions) {}

  get modelId(): string {
    return this.opts.ref.id
  }

  /**
   * Hands the conversation to another model (the next tier of the ladder). The history
   * is provider-neutral, so a tier on another provider reads it as its own.
   */
  switchModel(ref: ModelRef, model: ChatModel): void {
    this.opts.ref = ref
    this.opts.model = model
  }

  get conversation(): readonly ChatMessage[] {
    return this.messages
  }

  /** Continues the conversation with `text` (the task, test output or review feedback). */
  async draft(text: string): Promise<DraftResult> {
    const { caller, ref, model, tools, system, maxTurns, maxTokens } = this.opts
    if (this.owed.length > 0) this.messages.push({ role: 'tool', results: this.owed })
    this.owed = []
    this.messages.push({ role: 'user', text })
    let toolErrors = 0
    let cutOffs = 0
    for (let turn = 1; turn <= maxTurns; turn++) {
      const reply = await caller.call('drafter', ref, model, { system, messages: this.messages, tools: tools.specs() }, maxTokens)
      // The reasoning goes back with the turn, unchanged (thinking signatures, reasoning_content).
      this.messages.push({ role: 'assistant', text: reply.text, toolCalls: reply.toolCalls, ...(reply.reasoning ? { reasoning: reply.reasoning } : {}) })
      if (reply.stop === 'max_tokens') cutOffs++
      if (reply.toolCalls.length === 0) {
        if (reply.stop === 'max_tokens') {
          this.messages.push({ role: 'user', text: CUT_OFF })
          continue
        }
        return { finished: true, summary: reply.text.trim(), turns: turn, toolErrors, cutOffs }
      }
      const results: ToolResult[] = []
      let finished: string | undefined
      for (const call of reply.toolCalls) {
        const outcome =
          call.invalidJson !== undefined
            ? { content: `The arguments were not valid JSON (${call.invalidJson}). Call ${call.name} again with a JSON object.`, isError: true }
            : await tools.run(call.name, call.input)
        if ('finished' in outcome && outcome.finished) finished = outcome.finished.summary
        if (outcome.isError) toolErrors++
        this.opts.onTool?.(call.name, outcome.isError)
        const cut = reply.stop === 'max_tokens' ? `\n${CUT_OFF}` : ''
        results.push({ callId: call.id, content: outcome.content + cut, isError: outcome.isError })
      }
      if (finished !== undefined) {
        this.owed = results
        return { finished: true, summary: finished, turns: turn, toolErrors, cutOffs }
      }
      this.messages.push({ role: 'tool', results })
    }
    return { finished: false, summary: `(stopped after ${maxTurns} turns without calling finish)`, turns: maxTurns, toolErrors, cutOffs }
  }
}

const CUT_OFF =
  'Your last answer was cut off at the output limit. Make smaller edits (edit_file) instead of writing large files at once.'
