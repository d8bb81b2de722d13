// Loop sense: the same tool call, with the same arguments, over and over. Pure.
import type { ToolCall } from '../chat'
import { READ_TOOLS } from './transcript'

export const NUDGE_AT = 3
export const END_AT = 4

export const NUDGE =
  'You have now made this exact call three times, and nothing it depends on has changed. Use what it returned, try something different, or call finish. A fourth identical call ends this draft.'

export type RepeatVerdict = 'run' | 'nudge' | 'end'

/**
 * Counts identical calls within one draft. A write anywhere starts read-only calls afresh
 * (the file they read may have changed), and so does compaction of a result (the model
 * was told to read it again).
 */
export class RepeatGuard {
  private counts = new Map<string, number>()
  private generation = 0

  check(call: ToolCall): RepeatVerdict {
    const key = this.keyOf(call)
    const n = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, n)
    return n >= END_AT ? 'end' : n === NUDGE_AT ? 'nudge' : 'run'
  }

  /** A write succeeded: reads may now see something new. */
  wrote(): void {
    this.generation++
  }

  /** Compaction replaced results by stubs that tell the model to read again. */
  compacted(): void {
    this.generation++
  }

  reset(): void {
    this.counts.clear()
  }

  private keyOf(call: ToolCall): string {
    const gen = READ_TOOLS.has(call.name) ? `@${this.generation}` : ''
    return `${call.name}${gen}:${stableJson(call.input)}`
  }
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}
