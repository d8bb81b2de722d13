// What the summary says about the context budget, loop sense and estimated usage. Pure.
import type { BandLine } from '../meter'

export interface ContextReport {
  /** Some call's server reported no usage: its tokens, and so the costs, are estimates. */
  estimated: boolean
  repeatNudges: number
  endedForRepeats: number
  compactions: number
  bands: BandLine[]
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** `handled`: clauses for "Handled along the way"; `notices`: sentences of their own. */
export function contextNotes(c: ContextReport): { handled: string[]; notices: string[] } {
  const handled: string[] = []
  if (c.compactions > 0) handled.push(`the drafter's conversation was compacted ${plural(c.compactions, 'time')} to fit its context budget (older tool results replaced by short notes)`)
  if (c.repeatNudges > 0) handled.push(`${plural(c.repeatNudges, 'identical tool call')} repeated a third time got a nudge`)
  if (c.endedForRepeats > 0) handled.push(`${plural(c.endedForRepeats, 'draft')} ended because one tool call came a fourth time`)
  const notices: string[] = []
  if (c.estimated) {
    notices.push('⚠️ **Estimated figures:** a model server reported no token usage, so those calls\' tokens and costs are this action\'s own estimate (erring high), and the budget was held on that estimate.')
  }
  for (const b of c.bands) {
    notices.push(
      `⚠️ **Long-prompt price band:** ${plural(b.calls, `${b.role} call`)} to \`${b.model}\` had prompts over ${b.aboveTokens.toLocaleString('en-US')} tokens and were billed whole at the band's higher prices` +
        (b.role === 'drafter' ? '; the drafter could not be kept under the band (the parts that always stay whole did not fit).' : '.')
    )
  }
  return { handled, notices }
}
