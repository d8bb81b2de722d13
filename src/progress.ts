// The live progress comment on the issue: one comment, found by its marker and edited
// at every phase. Rendering is pure; the writer never blocks the loop and, when phases
// come faster than GitHub writes go (octokit spaces them), sends only the latest state.
import type { CommentInfo, GitHubClient } from './github'
import { usd } from './report'

export const PROGRESS_MARKER = '<!-- draft-review:progress -->'

export type StepIcon = 'done' | 'failed' | 'rejected' | 'working'

export interface ProgressStep {
  icon: StepIcon
  text: string
}

export interface ProgressState {
  title: string
  steps: ProgressStep[]
  spentUsd: number
  capUsd: number
  /** The closing line once the run has ended: where the result is, or why it stopped. */
  outcome?: string
  runUrl?: string
}

const ICONS: Record<StepIcon, string> = { done: '✅', failed: '❌', rejected: '🔁', working: '⏳' }

export function renderProgress(p: ProgressState): string {
  const lines = [PROGRESS_MARKER, `### ${p.title}`, '']
  for (const s of p.steps) lines.push(`- ${ICONS[s.icon]} ${s.text}`)
  lines.push('', `Spent: **${usd(p.spentUsd)}** of the ${usd(p.capUsd)} budget.`)
  if (p.outcome) lines.push('', p.outcome)
  if (p.runUrl) lines.push('', `<sub>[workflow run](${p.runUrl})</sub>`)
  return lines.join('\n')
}

export class ProgressComment {
  private pending: string | undefined
  private pump: Promise<void> | undefined
  private commentId: number | undefined

  constructor(
    private readonly gh: GitHubClient,
    private readonly issueNumber: number,
    private readonly warn: (message: string) => void,
    private readonly redact: (text: string) => string,
    /** Our progress comment on the issue as the run found it (null: none); looked for on the first write when not given. */
    private found?: CommentInfo | null
  ) {}

  show(state: ProgressState): void {
    this.pending = this.redact(renderProgress(state))
    this.pump ??= this.drain()
  }

  /** Waits until the latest state is on GitHub (or has failed to get there). */
  async flush(): Promise<void> {
    while (this.pump) await this.pump
  }

  private async drain(): Promise<void> {
    while (this.pending !== undefined) {
      const body = this.pending
      this.pending = undefined
      try {
        if (this.commentId === undefined) {
          // Only the first write trusts what the start found; after a failure it is looked for again.
          const known = this.found
          this.found = undefined
          this.commentId = (await this.gh.upsertComment(this.issueNumber, PROGRESS_MARKER, body, known)).id
        } else {
          await this.gh.updateComment(this.commentId, body)
        }
      } catch (e) {
        // Progress is a courtesy: a failed update never fails the run.
        this.warn(`Could not update the progress comment: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    this.pump = undefined
  }
}

/** The state behind the progress comment, changed phase by phase. */
export class RunProgress {
  private readonly state: ProgressState

  constructor(
    private readonly comment: ProgressComment,
    private readonly spent: () => number,
    private readonly init: { title: string; endedTitle: string; capUsd: number; runUrl?: string }
  ) {
    this.state = { title: init.title, steps: [], spentUsd: 0, capUsd: init.capUsd, runUrl: init.runUrl }
  }

  /** Starts a step (shown as working until the next call settles it). */
  working(text: string): void {
    this.state.steps.push({ icon: 'working', text })
    this.render()
  }

  /** Settles the current working step, or adds a settled one. */
  settle(icon: Exclude<StepIcon, 'working'>, text: string): void {
    const last = this.state.steps[this.state.steps.length - 1]
    if (last?.icon === 'working') Object.assign(last, { icon, text })
    else this.state.steps.push({ icon, text })
    this.render()
  }

  end(outcome: string): Promise<void> {
    const last = this.state.steps[this.state.steps.length - 1]
    if (last?.icon === 'working') this.state.steps.pop()
    this.state.outcome = outcome
    this.state.title = this.init.endedTitle
    this.render()
    return this.comment.flush()
  }

  private render(): void {
    this.state.spentUsd = this.spent()
    this.comment.show(this.state)
  }
}
