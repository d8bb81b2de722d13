// A draft's commit, built from the bytes the drafter's tools wrote and nothing else: the
// private index holds this run's last commit (read-tree, or our own bytes of it put back:
// ./index-state.ts), each written file goes in as a blob of exactly those bytes
// (hash-object of what the tool kept in memory, so a test that rewrote the file afterwards
// changes nothing), deletions come out, and write-tree/commit-tree make the commit. Whatever the test command staged in the shared
// index, committed on the branch or left on disk is not part of it.
import { isInsideGitDir } from '../workspace/paths'
import type { OwnRepo } from './own-repo'

/** What the drafter wrote: repo-relative path to the exact bytes, or null for a deletion. */
export type DraftWrites = ReadonlyMap<string, Buffer | null>

export interface SkippedPath {
  path: string
  reason: string
}

export interface DraftCommit {
  /** The new commit, or the parent when nothing changed. */
  sha: string
  changed: boolean
  /** Written paths left out of the commit, and why. */
  skipped: SkippedPath[]
  /** The change as `git update-index -z --index-info` records: what turns the parent's index into this commit's. */
  indexInfo: string
}

export interface DraftCommitArgs {
  own: OwnRepo
  parent: string
  writes: DraftWrites
  message: string
  author: { name: string; email: string }
  /** Which of these paths git ignores and does not track (answered in the workspace, against the private index). */
  ignored(paths: string[]): Promise<Set<string>>
  /** The private index already holds the parent's tree (./index-state.ts): no read-tree needed. */
  indexHoldsParent?: boolean
}

const LITERAL = { GIT_LITERAL_PATHSPECS: '1' }

export async function commitDraft(a: DraftCommitArgs): Promise<DraftCommit> {
  const { own } = a
  const git = async (args: string[], input?: string | Buffer): Promise<string> =>
    (await own.run(args, { index: true, input, env: LITERAL })).stdout
  if (!a.indexHoldsParent) await git(['read-tree', a.parent])
  const skipped: SkippedPath[] = []
  const candidates = [...a.writes.keys()].filter((p) => {
    if (!isInsideGitDir(p)) return true
    skipped.push({ path: p, reason: 'inside .git' })
    return false
  })
  // One ls-tree for every written path and its parent directories: the submodules above
  // them, and the mode of each path the parent holds.
  const listed = await entriesAlong(git, a.parent, candidates)
  const submodules = listed.filter((e) => e.mode === '160000').map((e) => e.path)
  const wanted = candidates.filter((p) => {
    const sub = submodules.find((s) => p === s || p.startsWith(`${s}/`))
    if (sub) skipped.push({ path: p, reason: `inside the submodule ${sub}, which this repository records only as a commit` })
    return !sub
  })
  const wantedSet = new Set(wanted)
  const modes = new Map(listed.filter((e) => wantedSet.has(e.path)).map((e) => [e.path, e.mode]))
  const added = wanted.filter((p) => a.writes.get(p) != null)
  const ignored = added.length > 0 ? await a.ignored(added.filter((p) => !modes.has(p))) : new Set<string>()
  const lines: string[] = []
  const none = '0'.repeat(own.pinned.objectFormat === 'sha256' ? 64 : 40)
  // Deletions first: a file replaced by a directory of the same name (or back) then applies cleanly.
  for (const p of wanted) {
    if (a.writes.get(p) == null && modes.has(p)) lines.push(`0 ${none}\t${p}`)
  }
  const kept = added.filter((p) => {
    if (ignored.has(p)) skipped.push({ path: p, reason: 'ignored by git' })
    return !ignored.has(p)
  })
  const blobs = await own.writeBlobs(kept.map((p) => a.writes.get(p) as Buffer))
  kept.forEach((p, i) => lines.push(`${modes.get(p) === '100755' ? '100755' : '100644'} ${blobs[i]}\t${p}`))
  const indexInfo = lines.length > 0 ? lines.join('\0') + '\0' : ''
  if (indexInfo) await git(['update-index', '--add', '-z', '--index-info'], indexInfo)
  const [tree = '', parentTree = ''] = (await Promise.all([git(['write-tree']), git(['rev-parse', `${a.parent}^{tree}`])])).map((t) => t.trim())
  if (tree === parentTree) return { sha: a.parent, changed: false, skipped, indexInfo: '' }
  const sha = (
    await own.run(['commit-tree', '--no-gpg-sign', tree, '-p', a.parent, '-F', '-'], {
      input: a.message,
      env: {
        GIT_AUTHOR_NAME: a.author.name,
        GIT_AUTHOR_EMAIL: a.author.email,
        GIT_COMMITTER_NAME: a.author.name,
        GIT_COMMITTER_EMAIL: a.author.email
      }
    })
  ).stdout.trim()
  return { sha, changed: true, skipped, indexInfo }
}

/** The entries of `tree` at any of these paths or their parent directories. */
async function entriesAlong(git: (args: string[]) => Promise<string>, tree: string, paths: string[]): Promise<{ mode: string; path: string }[]> {
  const probes = new Set<string>()
  for (const p of paths) {
    const parts = p.split('/')
    for (let i = 1; i <= parts.length; i++) probes.add(parts.slice(0, i).join('/'))
  }
  if (probes.size === 0) return []
  return entries(await git(['ls-tree', '-z', tree, '--', ...probes]))
}

/** `mode SP ... TAB path` records, NUL-separated (ls-tree and ls-files -s). */
function entries(out: string): { mode: string; path: string }[] {
  return out
    .split('\0')
    .filter(Boolean)
    .map((rec) => {
      const tab = rec.indexOf('\t')
      return { mode: rec.slice(0, rec.indexOf(' ')), path: rec.slice(tab + 1) }
    })
}
