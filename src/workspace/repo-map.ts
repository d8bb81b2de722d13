// The compact repository map that opens the drafter's first message: enough of the tree
// for a cheap model to know where to look, inside a fixed character budget.
// renderRepoMap (repo-map-render.ts) is pure; listRepoFiles (shared with the tools) and
// buildRepoMap do the I/O.

import { lstatSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { renderRepoMap, type RepoFile } from './repo-map-render'
import { TrackedFiles } from './tracked'

export { renderRepoMap, type RepoFile } from './repo-map-render'

/**
 * Lists the repository (what git tracks or would track: ./tracked) and renders its map,
 * ranked toward the paths `query` (the title and body) names.
 */
export async function buildRepoMap(root: string, budgetChars = 6000, tracked?: TrackedFiles, query = ''): Promise<string> {
  const realRoot = await fs.realpath(root)
  const paths = await listRepoFiles(realRoot, tracked)
  // Synchronous on purpose: 5,000 lstat calls take ~15 ms this way and 3-4x that as
  // promises through the thread pool. A path git lists but the disk lacks was deleted.
  const files: RepoFile[] = []
  for (const p of paths) {
    const bytes = sizeOf(path.join(realRoot, p))
    if (bytes !== null) files.push({ path: p, bytes })
  }
  return renderRepoMap(files, budgetChars, query)
}

function sizeOf(abs: string): number | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })?.size ?? null
  } catch {
    return null // ENOTDIR, EACCES: not a file the map can show
  }
}

/**
 * Files of the repository, repo-relative, sorted: what git tracks or would track
 * (./tracked: .gitignore'd files, submodules and deleted files left out), or a walk that
 * skips .git and node_modules when root is not a git work tree.
 */
export async function listRepoFiles(root: string, tracked?: TrackedFiles): Promise<string[]> {
  return (tracked ?? new TrackedFiles(await fs.realpath(root))).list()
}
