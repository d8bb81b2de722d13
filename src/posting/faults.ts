// What went wrong while publishing, in words for the person reading the issue: what
// GitHub said, what is safe, and what to do about it. Pure.
import { GitError } from '../git'
import { GitHubDeadlinePassed, pullCreateRefusal } from '../github'

export interface PublishFault {
  /** The step, for the progress comment ("pushing the branch"). */
  step: string
  /** One or two sentences a maintainer acts on. */
  words: string
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim()
}

/** What the remote said (`remote:` lines and the `[remote rejected]` reason), without git's noise. */
export function remoteSaid(stderr: string): string {
  const lines = stderr.split('\n')
  const remote = lines.map((l) => /^remote:\s*(.*)$/.exec(l)?.[1]?.trim() ?? '').filter((l) => l && !/^-+$/.test(l))
  const rejected = lines.map((l) => /\[remote rejected\][^(]*\(([^)]*)\)/.exec(l)?.[1]).find(Boolean)
  return [...remote.map((l) => l.replace(/^error:\s*/, '')), rejected ? `(${rejected})` : ''].filter(Boolean).join(' ')
}

export function pushFault(e: unknown, branch: string): PublishFault {
  const step = 'pushing the branch'
  if (e instanceof GitError && /\[remote rejected\]|pre-receive hook declined|GH006|GH013|protected branch/i.test(e.stderr)) {
    return {
      step,
      words:
        `GitHub refused the push of \`${branch}\`: ${remoteSaid(e.stderr) || message(e)}. ` +
        `A branch protection rule, ruleset or push rule covers this branch, so nothing of this run is on GitHub; ` +
        `the change is in the job summary of the workflow run as a patch. Let the action's token push to \`draft-review/*\`, then run it again.`
    }
  }
  return { step, words: `The push of \`${branch}\` failed: ${message(e)}. Nothing of this run is on GitHub; the change is in the job summary of the workflow run as a patch.` }
}

export function pullFault(e: unknown, where: { compareUrl: string; branch: string }): PublishFault {
  const step = 'opening the pull request'
  const open = `The branch \`${where.branch}\` is pushed, so nothing is lost: [open the pull request from it](${where.compareUrl}).`
  if (pullCreateRefusal(e) === 'actions-not-permitted') {
    return {
      step,
      words:
        `GitHub did not let this workflow's token open the pull request ("GitHub Actions is not permitted to create or approve pull requests."). ${open} ` +
        `To let draft-review open it next time, turn on **Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests** ` +
        `(in an organization, the organization's setting must allow it first), or give the action a \`github-token\` that may open pull requests.`
    }
  }
  if (e instanceof GitHubDeadlinePassed) return { step, words: `The pull request could not be opened in time: ${message(e)}. ${open}` }
  return { step, words: `The pull request could not be opened: ${message(e)}. ${open}` }
}

export function summaryFault(e: unknown): PublishFault {
  return { step: 'posting the summary', words: `The summary comment could not be posted: ${message(e)}. The full report is in the job summary of the workflow run.` }
}
