// Continuing `draft-review/issue-<N>` where it stands: fetch it with enough history to
// find where it left the base, check it out, and tell the action's commits (trailer) from
// everyone else's. No rebase, no force over anyone's commit.
import { BOT_EMAIL, GitError, type Git, type PushAuth } from '../git'

export const RUN_TRAILER = 'Draft-Review-Run'

/** The commit message with the trailer that marks a commit as the action's own. */
export function withTrailer(message: string, runId: string): string {
  return `${message.trimEnd()}\n\n${RUN_TRAILER}: ${runId}`
}

export interface BranchCommit {
  sha: string
  subject: string
  author: string
  /** Made by draft-review: carries the trailer and the action's committer identity. */
  ours: boolean
}

/** Commits on `head` that are not on `baseSha`, oldest first. */
export async function commitsSince(git: Git, baseSha: string, head = 'HEAD'): Promise<BranchCommit[]> {
  const format = `%H%x00%s%x00%an%x00%ce%x00%(trailers:key=${RUN_TRAILER},valueonly,separator=%x2C)%x1e`
  const out = await git.exec(['log', '--reverse', `--format=${format}`, `${baseSha}..${head}`, '--'])
  return out
    .split('\x1e')
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.includes('\0'))
    .map((r) => {
      const [sha = '', subject = '', author = '', committer = '', trailer = ''] = r.split('\0')
      // A trailer alone could be typed by anyone; with the action's identity it is ours.
      return { sha, subject, author, ours: trailer.trim() !== '' && committer === BOT_EMAIL }
    })
}

export interface RemoteBranch {
  /** Where the branch left the base: the diff is taken against it, as the pull request shows it. */
  baseSha: string
  /** The branch's tip on origin: the lease for the push. */
  headSha: string
}

/**
 * Fetches `base` and `branch` and deepens the shallow history until their merge base is
 * known (a checkout is one commit deep). Leaves HEAD alone.
 */
export async function fetchBranch(git: Git, base: string, branch: string, auth?: PushAuth): Promise<RemoteBranch> {
  const specs = [`+refs/heads/${base}:refs/remotes/origin/${base}`, `+refs/heads/${branch}:refs/remotes/origin/${branch}`]
  const baseRef = `refs/remotes/origin/${base}`
  const headRef = `refs/remotes/origin/${branch}`
  // A full clone stays full: --depth only where the checkout is shallow already.
  const shallowClone = (await git.exec(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  await git.exec(['fetch', '--quiet', '--no-tags', ...(shallowClone ? ['--depth=1'] : []), 'origin', ...specs], { auth })
  for (const deepen of [16, 256, 0]) {
    const found = await mergeBase(git, baseRef, headRef)
    if (found) return { baseSha: found, headSha: (await git.exec(['rev-parse', headRef])).trim() }
    const shallow = (await git.exec(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
    if (!shallow) break
    const how = deepen ? [`--deepen=${deepen}`] : ['--unshallow']
    await git.exec(['fetch', '--quiet', '--no-tags', ...how, 'origin', ...specs], { auth })
  }
  const found = await mergeBase(git, baseRef, headRef)
  if (!found) throw new Error(`${branch} has no history in common with ${base}: it cannot be continued`)
  return { baseSha: found, headSha: (await git.exec(['rev-parse', headRef])).trim() }
}

/** Checks out `branch` at its tip on origin (fetched by fetchBranch). */
export async function checkoutBranch(git: Git, branch: string, headSha: string): Promise<void> {
  await git.forceCheckout(branch, headSha)
  await git.beginDraft(branch, headSha, { checkedOut: true })
}

async function mergeBase(git: Git, a: string, b: string): Promise<string | undefined> {
  try {
    return (await git.exec(['merge-base', a, b])).trim() || undefined
  } catch (e) {
    if (e instanceof GitError) return undefined
    throw e
  }
}

/**
 * Local mode's round: the current `draft-review/` branch (or `wanted`, switched to), a
 * clean tree, and where the branch left `base` (default: origin's default branch, else
 * main or master).
 */
export async function continueLocalBranch(git: Git, wanted: string, base?: string): Promise<{ branch: string; baseSha: string; headSha: string; base: string }> {
  await git.ownRepo()
  const dirty = await git.exec(['status', '--porcelain', '--untracked-files=no'])
  if (dirty.trim()) throw new Error('the working tree has uncommitted changes: commit them first, so that the round builds on them')
  const current = (await git.exec(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
  const branch = current.startsWith('draft-review/') ? current : wanted
  if (branch !== current) {
    const exists = await git.exec(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(() => true, () => false)
    if (!exists) throw new Error(`--feedback continues a draft-review branch, and neither the current branch (${current}) nor ${branch} is one: run without --feedback first`)
    await git.exec(['checkout', '--quiet', branch])
  }
  const candidates = base ? [base] : [await originHead(git), 'main', 'master'].filter((b): b is string => !!b)
  for (const ref of candidates) {
    const found = await mergeBase(git, ref, 'HEAD')
    if (!found) continue
    const headSha = (await git.exec(['rev-parse', 'HEAD'])).trim()
    await git.beginDraft(branch, headSha)
    return { branch, baseSha: found, headSha, base: ref.replace(/^origin\//, '') }
  }
  throw new Error(`could not find where ${branch} left ${candidates.join(' or ') || 'its base'}: name the base with --base`)
}

async function originHead(git: Git): Promise<string | undefined> {
  try {
    return (await git.exec(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'])).trim() || undefined
  } catch {
    return undefined
  }
}
