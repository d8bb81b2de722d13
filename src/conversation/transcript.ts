// The drafter's conversation as it happened, with what is needed to shorten it later:
// which tool produced each result, on which path, and whether that path was written
// since. Rendering applies the stubs chosen so far. Pure: no I/O.
//
// Nothing is ever removed: a compacted tool result keeps its call id (the providers
// pair every call with its result), only its content becomes a stub. So the history
// stays valid for every provider, and a stub is stable once chosen, which keeps the
// prompt-cache prefix the same until the next compaction step.
import type { ChatMessage, Reasoning, ToolCall, ToolResult } from '../chat'

/** What a user message is, for what must stay whole. */
export type UserKind = 'task' | 'tests' | 'feedback' | 'note'

export interface ResultMeta {
  tool: string
  path?: string
  /** `lines 1–600`, or the search pattern: what the stub says was there. */
  what?: string
  /** Writes to any path seen before this result: a read older than a later write to its path is superseded. */
  writeSeq: number
}

export type Entry =
  | { role: 'user'; kind: UserKind; text: string; shrinkable?: { span: string; stub: string } }
  | { role: 'assistant'; text: string; toolCalls: ToolCall[]; reasoning?: Reasoning }
  | { role: 'tool'; results: (ToolResult & { meta: ResultMeta })[] }

/** A piece of the history that can be shortened, and what is left once it is. */
export interface Candidate {
  key: string
  /** Lower goes first: 0 superseded reads, 1 older tool results, 2 older test output and feedback, 3 written contents, 4 the repository map. */
  tier: number
  /** Position in the history: older first within a tier. */
  order: number
  /** The text it is now, and the stub that replaces it. */
  text: string
  stub: string
}

const READ_TOOLS = new Set(['read_file', 'search', 'list_files'])
const WRITE_TOOLS = new Set(['write_file', 'edit_file', 'delete_file'])

export class Transcript {
  readonly entries: Entry[] = []
  /** Keys of the pieces replaced by their stubs (`d<i>`: a whole old turn left out). */
  readonly stubbed = new Set<string>()
  /** The last write sequence number per path, to find superseded reads. */
  private readonly lastWrite = new Map<string, number>()
  private writes = 0

  addUser(kind: UserKind, text: string, shrinkable?: { span: string; stub: string }): void {
    this.entries.push({ role: 'user', kind, text, ...(shrinkable && text.includes(shrinkable.span) ? { shrinkable } : {}) })
  }

  addAssistant(text: string, toolCalls: ToolCall[], reasoning?: Reasoning): void {
    this.entries.push({ role: 'assistant', text, toolCalls, ...(reasoning ? { reasoning } : {}) })
  }

  /** Results of the last assistant turn's calls, in order; `calls` are those calls (for the metadata). */
  addResults(calls: ToolCall[], results: ToolResult[], okWrites: Set<string>): void {
    const withMeta = results.map((r) => {
      const call = calls.find((c) => c.id === r.callId)
      return { ...r, meta: metaOf(call, this.writes) }
    })
    this.entries.push({ role: 'tool', results: withMeta })
    for (const path of okWrites) this.lastWrite.set(path, ++this.writes)
  }

  /** The history as messages, stubs applied. */
  render(): ChatMessage[] {
    return this.entries.flatMap((e, i): ChatMessage[] => (this.dropped(i) ? [] : [this.renderEntry(e, i)]))
  }

  /** A turn left out whole: the assistant's calls at `i` or their results at `i + 1`. */
  private dropped(i: number): boolean {
    return this.stubbed.has(`d${i}`) || (this.entries[i]?.role === 'tool' && this.stubbed.has(`d${i - 1}`))
  }

  private renderEntry(e: Entry, i: number): ChatMessage {
    {
      if (e.role === 'user') {
        if (this.stubbed.has(`u${i}`)) return { role: 'user', text: userStub(e.kind) }
        if (e.shrinkable && this.stubbed.has(`m${i}`)) return { role: 'user', text: e.text.replace(e.shrinkable.span, e.shrinkable.stub) }
        return { role: 'user', text: e.text }
      }
      if (e.role === 'assistant') {
        const toolCalls = e.toolCalls.map((c, k) => (this.stubbed.has(`w${i}.${k}`) ? { ...c, input: writtenStub(c) } : c))
        return { role: 'assistant', text: e.text, toolCalls, ...(e.reasoning ? { reasoning: e.reasoning } : {}) }
      }
      return {
        role: 'tool',
        results: e.results.map((r, k) => ({ callId: r.callId, isError: r.isError, content: this.stubbed.has(`r${i}.${k}`) ? resultStub(r.meta, this.superseded(r.meta)) : r.content }))
      }
    }
  }

  /** Everything that may still be shortened, given what must stay whole. */
  candidates(): Candidate[] {
    const out: Candidate[] = []
    const lastOf = (kind: UserKind) => this.entries.findLastIndex((e) => e.role === 'user' && e.kind === kind)
    const latestTests = lastOf('tests')
    const latestFeedback = lastOf('feedback')
    // The last turn's results are what the model just asked for: shortened only by truncation, never stubbed.
    const lastTool = this.entries.findLastIndex((e) => e.role === 'tool')
    this.entries.forEach((e, i) => {
      if (e.role === 'user') {
        if ((e.kind === 'tests' && i !== latestTests) || (e.kind === 'feedback' && i !== latestFeedback)) {
          if (!this.stubbed.has(`u${i}`)) out.push({ key: `u${i}`, tier: 2, order: i, text: e.text, stub: userStub(e.kind) })
        }
        if (e.shrinkable && !this.stubbed.has(`m${i}`)) out.push({ key: `m${i}`, tier: 4, order: i, text: e.shrinkable.span, stub: e.shrinkable.stub })
      } else if (e.role === 'assistant') {
        e.toolCalls.forEach((c, k) => {
          const key = `w${i}.${k}`
          if (c.name === 'write_file' && !this.stubbed.has(key)) {
            out.push({ key, tier: 3, order: i, text: JSON.stringify(c.input ?? {}), stub: JSON.stringify(writtenStub(c)) })
          }
        })
      } else if (i !== lastTool) {
        e.results.forEach((r, k) => {
          const key = `r${i}.${k}`
          if (this.stubbed.has(key)) return
          const superseded = this.superseded(r.meta)
          const stub = resultStub(r.meta, superseded)
          if (stub.length >= r.content.length) return
          out.push({ key, tier: superseded ? 0 : 1, order: i, text: r.content, stub })
        })
      }
    })
    // Last: old read-only turns whose results are all stubs already, left out whole (call
    // and results together, so every provider's pairing rule still holds). Without this the
    // stubs themselves would pile up until every turn needed a step.
    this.entries.forEach((e, i) => {
      const next = this.entries[i + 1]
      if (e.role !== 'assistant' || next?.role !== 'tool' || i + 1 === lastTool || this.stubbed.has(`d${i}`)) return
      if (e.toolCalls.length === 0 || !e.toolCalls.every((c) => READ_TOOLS.has(c.name))) return
      if (!next.results.every((_, k) => this.stubbed.has(`r${i + 1}.${k}`))) return
      const text = JSON.stringify(this.renderEntry(e, i)) + JSON.stringify(this.renderEntry(next, i + 1))
      out.push({ key: `d${i}`, tier: 5, order: i, text, stub: '' })
    })
    return out
  }

  /** A read of a path written after it. */
  private superseded(meta: ResultMeta): boolean {
    if (!meta.path || !READ_TOOLS.has(meta.tool)) return false
    return (this.lastWrite.get(meta.path) ?? 0) > meta.writeSeq
  }
}

function metaOf(call: ToolCall | undefined, writeSeq: number): ResultMeta {
  const input = (call?.input ?? {}) as Record<string, unknown>
  const path = typeof input.path === 'string' ? input.path : undefined
  const tool = call?.name ?? 'tool'
  let what: string | undefined
  if (tool === 'read_file') {
    const start = typeof input.start_line === 'number' ? input.start_line : 1
    const end = typeof input.end_line === 'number' ? String(input.end_line) : 'end'
    what = `lines ${start}–${end}`
  } else if (tool === 'search' && typeof input.pattern === 'string') {
    what = `for ${JSON.stringify(input.pattern.slice(0, 80))}`
  }
  return { tool, path, what, writeSeq }
}

export function resultStub(meta: ResultMeta, superseded: boolean): string {
  const where = [meta.path, meta.what].filter(Boolean).join(' ')
  if (superseded) return `[compacted: ${meta.tool} ${where} showed the file before a later edit; read it again for the current text]`
  if (READ_TOOLS.has(meta.tool)) return `[compacted: ${meta.tool} ${where} was shown here earlier; ${meta.tool === 'read_file' ? 'read it' : 'run it'} again if needed]`
  if (WRITE_TOOLS.has(meta.tool)) return `[compacted: the result of ${meta.tool} ${where}]`
  return `[compacted: the result of ${meta.tool}]`
}

function writtenStub(c: ToolCall): Record<string, unknown> {
  const input = (c.input ?? {}) as Record<string, unknown>
  const content = typeof input.content === 'string' ? input.content : ''
  const lines = content === '' ? 0 : content.split('\n').length
  return { ...input, content: `[compacted: ${lines} lines written here; read the file to see them]` }
}

function userStub(kind: UserKind): string {
  if (kind === 'tests') return '[compacted: the output of an earlier test run; the latest is further on]'
  if (kind === 'feedback') return '[compacted: an earlier review\'s findings; the latest review is further on]'
  return '[compacted: an earlier message]'
}

export { READ_TOOLS, WRITE_TOOLS }
