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
  // A size is looked up only for a file the map shows (a few hundred of 30,000): the
  // listing already left out what the disk lacks.
  return renderRepoMap(paths.map((p) => new ListedFile(realRoot, p)), budgetChars, query)
}

/** A listed file whose size is read from the disk when first asked (lstat, synchronous: a few hundred at most). */
class ListedFile implements RepoFile {
  private size: number | null | undefined
  constructor(
    private readonly root: string,
    readonly path: string
  ) {}

  get bytes(): number | null {
    if (this.size === undefined) this.size = sizeOf(path.join(this.root, this.path))
    return this.size
  }
}

function sizeOf(abs: string): number | null {
  try {
    return lstatSync(abs, { throwIfNoEntry: false })?.size ?? null
  } catch {
    return null // ENOTDIR, EACCES: the name is shown without a size
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
