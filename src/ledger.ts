// The ledger: one JSON line per run on the orphan branch `draft-review/ledger`, kept in
// the repository itself without touching the default branch. Written with git plumbing
// (no checkout), in the action's own git directory (src/git/own-repo.ts), which no
// setting in the workspace reaches. Appends push fast-forward only and retry on a race, so
// concurrent runs lose no record; the file keeps the newest MAX_RECORDS (older ones stay
// in git history).
import { setTimeout as sleep } from 'node:timers/promises'
import { BOT_EMAIL, BOT_NAME, GitError, type Git, type PushAuth } from './git'
import { ledgerRecordSchema, type LedgerRecord } from './history'

export const LEDGER_BRANCH = 'draft-review/ledger'
export const LEDGER_FILE = 'ledger.jsonl'
export const MAX_RECORDS = 5000
const LOCAL_REF = 'refs/draft-review/ledger'

export interface LedgerState {
  records: LedgerRecord[]
  /** The commit the records were read from; '' when the ledger does not exist yet. */
  tip: string
}

export class Ledger {
  /** What the last read found: an append tries on it first, as the push is fast-forward only. */
  private last: LedgerState | undefined

  constructor(
    private readonly git: Git,
    private readonly auth?: PushAuth,
    private readonly maxRecords = MAX_RECORDS
  ) {}

  async read(): Promise<LedgerState> {
    const tip = await this.fetchTip()
    const text = tip ? await this.git.execOwn(['cat-file', 'blob', `${tip}:${LEDGER_FILE}`]).catch(() => '') : ''
    this.last = { records: tip ? parseLedger(text) : [], tip }
    return this.last
  }

  /**
   * Appends one record; retries on a concurrent append until it lands. The first try builds
   * on what this run read at its start: if another run appended since, the push is refused
   * (not a fast-forward) and the next try reads the ledger again.
   */
  async append(record: LedgerRecord, attempts = 8): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { records, tip } = attempt === 1 && this.last ? this.last : await this.read()
      const next = [...records, record].slice(-this.maxRecords)
      const commit = await this.commit(next, tip, `ledger: issue #${record.issue} (${record.stopReason}) run ${record.runId}`)
      try {
        // No force: a push that is not a fast-forward is refused, and we start over.
        await this.git.execOwn(['push', '--quiet', 'origin', `${commit}:refs/heads/${LEDGER_BRANCH}`], { auth: this.auth })
        this.last = { records: next, tip: commit }
        return
      } catch (e) {
        if (!(e instanceof GitError) || attempt >= attempts) throw e
        await sleep(50 + Math.random() * 200 * attempt)
      }
    }
  }

  private async fetchTip(): Promise<string> {
    try {
      await this.git.execOwn(['fetch', '--quiet', '--no-tags', '--depth=1', 'origin', `+refs/heads/${LEDGER_BRANCH}:${LOCAL_REF}`], { auth: this.auth })
    } catch (e) {
      if (e instanceof GitError && /couldn't find remote ref|not our ref|no such ref/i.test(e.stderr)) return ''
      throw e
    }
    return (await this.git.execOwn(['rev-parse', LOCAL_REF])).trim()
  }

  private async commit(records: LedgerRecord[], parent: string, message: string): Promise<string> {
    const text = records.map((r) => JSON.stringify(r)).join('\n') + '\n'
    const blob = (await this.git.execOwn(['hash-object', '-w', '--stdin'], { input: text })).trim()
    const tree = (await this.git.execOwn(['mktree'], { input: `100644 blob ${blob}\t${LEDGER_FILE}\n` })).trim()
    const args = ['-c', `user.name=${BOT_NAME}`, '-c', `user.email=${BOT_EMAIL}`, 'commit-tree', tree, '-m', message]
    if (parent) args.push('-p', parent)
    return (await this.git.execOwn(args)).trim()
  }
}

/** Reads the JSON lines, skipping any a person edited into something unreadable. */
export function parseLedger(text: string): LedgerRecord[] {
  const out: LedgerRecord[] = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      const parsed = ledgerRecordSchema.safeParse(JSON.parse(line))
      if (parsed.success) out.push(parsed.data)
    } catch {
      // not JSON: skipped
    }
  }
  return out
}
