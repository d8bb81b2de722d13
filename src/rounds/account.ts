// What earlier rounds did and why, compact enough to open a fresh conversation with: the
// pull request's own account (its body), the ledger's record of each run, and the
// commits on the branch, people's marked. Not a replay of any conversation. Pure.
import type { LedgerRecord } from '../history'
import type { BranchCommit } from './branch'

export const ACCOUNT_BODY_CHARS = 4000
export const ROUND_DIFF_CHARS = 40_000

export function earlierRounds(a: { prBody?: string; ledger: LedgerRecord[]; commits: BranchCommit[] }): string {
  const out: string[] = []
  if (a.ledger.length) {
    out.push('Runs on this issue (from the ledger):')
    for (const r of a.ledger.slice(-10)) {
      out.push(
        `- run ${r.runId} (${r.time.slice(0, 10)}): ${r.stopReason}; ${r.drafts} drafts, ${r.reviews} reviews, ${r.rejections} rejected; drafted by ${r.drafterModels.join(' then ')}`
      )
    }
  }
  if (a.commits.length) {
    const people = a.commits.filter((c) => !c.ours).length
    out.push(`Commits on the branch (${a.commits.length}, ${people} by people):`)
    for (const c of a.commits.slice(-30)) out.push(`- ${c.sha.slice(0, 10)} ${c.ours ? 'draft-review' : `by ${c.author} (a person: keep it)`}: ${c.subject}`)
  }
  if (a.prBody?.trim()) {
    const body = a.prBody.trim()
    out.push('The pull request\'s description:', body.length > ACCOUNT_BODY_CHARS ? `${body.slice(0, ACCOUNT_BODY_CHARS)}\n[... cut]` : body)
  }
  return out.join('\n') || '(no record of earlier rounds)'
}

/** The diff for the opening message, cut to a budget: the drafter reads files for the rest. */
export function boundedDiff(diff: string, stat: string, limit = ROUND_DIFF_CHARS): string {
  if (diff.length <= limit) return diff
  return `${stat.trim()}\n\n${diff.slice(0, limit)}\n[... the diff goes on; read the files for the rest]`
}

/** One line of the pull request's list of rounds. */
export function roundLine(a: {
  n: number
  how: string
  runId: string
  approved: boolean
  stopReason: string
  reviews: number
  rejections: number
}): string {
  const outcome = a.approved
    ? `approved after ${a.reviews} review${a.reviews === 1 ? '' : 's'}`
    : `not approved (${a.stopReason}), ${a.reviews} review${a.reviews === 1 ? '' : 's'}, ${a.rejections} rejected`
  return `${a.n}. ${a.how} (run ${a.runId}): ${outcome}.`
}

/** The numbered lines under `### Rounds` in an earlier pull request body. */
export function roundsIn(body: string | undefined): string[] {
  if (!body) return []
  const at = body.split('\n').findIndex((l) => l.trim() === '### Rounds')
  if (at < 0) return []
  const lines: string[] = []
  for (const l of body.split('\n').slice(at + 1)) {
    if (/^#{1,6}\s/.test(l)) break
    if (/^\d+\.\s/.test(l.trim())) lines.push(l.trim())
  }
  return lines
}
