// Resolving a model's path against the workspace. The pure policy in ./paths runs first;
// then the file system's own view (symlinks followed) must agree: nothing outside the
// workspace, nothing in .git and nothing protected is reached by a model's mistake or trick.

import { promises as fs, type Stats } from 'node:fs'
import path from 'node:path'
import { checkWrite, isInsideGitDir, normalizeToolPath, type PathRules } from './paths'
import { Refusal } from './tool-outcome'
import { TrackedFiles } from './tracked'

/** Where a tool path really lives once symlinks are followed. */
export interface Resolved {
  /** The path as the model gave it, normalised. */
  rel: string
  /** Real location of the directory entry itself (its parent resolved). */
  entryAbs: string
  entryRel: string
  /** Real location of what the entry points to (the entry unless it is a symlink). */
  targetAbs: string
  targetRel: string
  /** lstat of the target, or null when it does not exist yet. */
  stat: Stats | null
}

export interface ResolveOptions {
  /** Accept the repository root ('', '.'), for listing and searching. */
  allowRoot?: boolean
  /** Check the write policy on every name the file goes by. */
  forWrite?: boolean
}

export class PathResolver {
  readonly root: string
  /** What git tracks or would track: every path the tools reach must be in it. */
  readonly tracked: TrackedFiles
  private readonly rules: PathRules
  private real: string | undefined

  constructor(root: string, rules: PathRules, tracked?: TrackedFiles) {
    this.root = path.resolve(root)
    this.rules = rules
    this.tracked = tracked ?? new TrackedFiles(this.root)
  }

  /** The root with symlinks followed, looked up once. */
  async realRoot(): Promise<string> {
    this.real ??= await fs.realpath(this.root)
    return this.real
  }

  /**
   * Applies the pure policy, then follows symlinks: the entry's parent and, when the
   * entry is a symlink, its target must both be inside the real root and outside .git.
   * For writes the policy is checked on every name the file goes by.
   */
  async resolve(input: string, opts: ResolveOptions = {}): Promise<Resolved> {
    const norm = normalizeToolPath(input, { allowRoot: opts.allowRoot })
    if (!norm.ok) throw new Refusal(norm.reason)
    const rel = norm.rel
    if (opts.forWrite) this.enforceWrite(rel, rel)
    const realRoot = await this.realRoot()
    if (rel === '') {
      const stat = await fs.lstat(realRoot)
      return { rel, entryAbs: realRoot, entryRel: '', targetAbs: realRoot, targetRel: '', stat }
    }
    const nominal = path.join(realRoot, ...rel.split('/'))
    const parentReal = await realpathOfNearest(path.dirname(nominal), rel)
    const parentStat = await lstatOrNull(parentReal)
    if (parentStat && !parentStat.isDirectory()) throw parentIsAFile(rel)
    const entryAbs = path.join(parentReal, path.basename(nominal))
    const entryRel = insideRel(realRoot, entryAbs, rel)
    let stat = await lstatOrNull(entryAbs)
    let targetAbs = entryAbs
    if (stat?.isSymbolicLink()) {
      try {
        targetAbs = await fs.realpath(entryAbs)
      } catch {
        throw new Refusal(`${rel} is a symlink whose target does not exist`)
      }
    }
    const targetRel = insideRel(realRoot, targetAbs, rel)
    if (targetAbs !== entryAbs) stat = await fs.stat(targetAbs)
    if (opts.forWrite) {
      this.enforceWrite(entryRel, rel)
      this.enforceWrite(targetRel, rel)
    }
    for (const p of new Set([entryRel, targetRel])) {
      const why = await this.tracked.hidden(p)
      if (why) throw new Refusal(p === rel ? why : `${rel} is a symlink to ${p}, and ${why}`)
    }
    return { rel, entryAbs, entryRel, targetAbs, targetRel, stat }
  }

  /** The text without the absolute root in front of paths: the model works in repo-relative paths. */
  hideRoot(text: string): string {
    let out = text
    for (const prefix of new Set([this.real, this.root])) {
      if (prefix) out = out.split(prefix + path.sep).join('')
    }
    return out
  }

  private enforceWrite(rel: string, asGiven: string): void {
    const check = checkWrite(rel, this.rules)
    if (!check.ok) {
      throw new Refusal(rel === asGiven ? check.reason : `${asGiven} is a symlink to ${rel}, and ${check.reason}`)
    }
  }
}

/** realpath of p, or of its nearest existing ancestor with the missing tail appended. */
async function realpathOfNearest(p: string, rel: string): Promise<string> {
  try {
    return await fs.realpath(p)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOTDIR') throw parentIsAFile(rel)
    if (code !== 'ENOENT') throw err
    // A name that exists but cannot be resolved is a dangling symlink: writing through it
    // would create its target, wherever that is.
    if (await lstatOrNull(p)) {
      throw new Refusal(`${rel}: a parent of this path is a symlink whose target does not exist`)
    }
    const parent = path.dirname(p)
    if (parent === p) throw err
    return path.join(await realpathOfNearest(parent, rel), path.basename(p))
  }
}

/** Repo-relative POSIX path of a real location, or a refusal when it is outside or in .git. */
function insideRel(realRoot: string, abs: string, rel: string): string {
  const r = path.relative(realRoot, abs)
  if (r === '..' || r.startsWith(`..${path.sep}`) || path.isAbsolute(r)) {
    throw new Refusal(`${rel} resolves outside the repository (symlink)`)
  }
  const posix = r.split(path.sep).join('/')
  if (isInsideGitDir(posix)) throw new Refusal(`${rel} resolves into .git (symlink)`)
  return posix
}

function parentIsAFile(rel: string): Refusal {
  return new Refusal(`${rel}: a parent of this path is a file`)
}

export async function lstatOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.lstat(p)
  } catch {
    return null
  }
}
