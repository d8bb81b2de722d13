// Which pieces of the history to replace by stubs in one compaction step. Pure.
import { estimateTextTokens } from './estimate'
import type { Candidate } from './transcript'

export interface CompactionChoice {
  keys: string[]
  /** Estimated tokens the chosen stubs save. */
  saved: number
}

/**
 * Picks pieces in order (superseded reads, then older tool results, older test output and
 * feedback, written contents, the repository map; oldest first within each) until the
 * estimate is at or below `target`.
 */
export function chooseCompaction(candidates: Candidate[], current: number, target: number): CompactionChoice {
  const keys: string[] = []
  let saved = 0
  const ordered = [...candidates].sort((a, b) => a.tier - b.tier || a.order - b.order)
  for (const c of ordered) {
    if (current - saved <= target) break
    const gain = estimateTextTokens(c.text) - estimateTextTokens(c.stub)
    if (gain <= 0) continue
    keys.push(c.key)
    saved += gain
  }
  return { keys, saved }
}

/**
 * Cuts one tool result to at most `maxTokens` (estimated), on line boundaries, and says
 * so in words the model can act on.
 */
export function truncateResult(content: string, maxTokens: number): string {
  if (estimateTextTokens(content) <= maxTokens) return content
  const lines = content.split('\n')
  let lo = 0
  let hi = lines.length
  // Binary search for the most leading lines that fit, leaving room for the note.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (estimateTextTokens(lines.slice(0, mid).join('\n')) <= maxTokens - 60) lo = mid
    else hi = mid - 1
  }
  const kept = lines.slice(0, lo).join('\n')
  const shown = lo === 0 ? kept.slice(0, Math.max(0, (maxTokens - 60) * 2)) : kept
  return `${shown}\n[truncated to fit the context window: showed ${lo} of ${lines.length} lines; ask for less (read_file with start_line/end_line, a narrower search path or glob)]`
}
