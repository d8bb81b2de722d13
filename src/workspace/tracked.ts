// What the drafter's tools may see: the files git tracks or would track. A file git
// ignores (.env an earlier step wrote, node_modules/, build output) is neither listed,
// read, searched nor written, and a path inside a submodule is not the repository's to
// change. One listing and one predicate, used by list_files, search, the repo map and
// the file tools alike. During a run the index consulted is this run's private one (what
// the run has committed), so files the test command force-adds to the shared index
// (`git add -f .env`) stay hidden.
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { PrefetchedListing } from '../git'
import { runGit } from '../git/run'
import { isInsideGitDir } from './paths'

export interface TrackedFilesOptions {
  /** The index to consult (the run's private one); the workspace's own when absent. */
  indexFile?: () => Promise<string | undefined>
  /**
   * Whether every file the index lists is on disk at the start (the workspace was found
   * clean at the commit the index holds): until the workspace first changes, a listing
   * needs no `git ls-files --deleted` (a stat of every tracked file).
   */
  startsWhole?: () => Promise<boolean>
  /**
   * The two listing commands' output, read for this index before the run started (Git.earlyListing),
   * or undefined. Asked once, for a listing made while startsWhole holds.
   */
  prefetched?: () => Promise<PrefetchedListing | undefined>
  redact?: (text: string) => string
}

export class TrackedFiles {
  private gitRepo: Promise<boolean> | undefined
  /** The last listing: kept until the workspace changes (a tool's write, a test run). */
  private listing: Promise<string[]> | undefined
  /** Nothing was written, deleted or run in the workspace since the run started. */
  private untouched = true

  constructor(
    readonly root: string,
    private readonly opts: TrackedFilesOptions = {}
  ) {
    // A run's private index exists only in a git work tree: no need to ask git.
    if (opts.indexFile) this.gitRepo = Promise.resolve(true)
  }

  /** The index this listing consults (the run's private one), for a tool that runs git itself. */
  async indexFile(): Promise<string | undefined> {
    return this.opts.indexFile?.()
  }

  /** git in the workspace with the right index: also for tools that search through git (git grep). */
  async git(
    args: string[],
    opts: { input?: string; okCodes?: number[]; literal?: boolean } = {}
  ): Promise<{ stdout: string; stderr: string; code: number }> {
    const indexFile = await this.opts.indexFile?.()
    const env: Record<string, string> = opts.literal ? { GIT_LITERAL_PATHSPECS: '1' } : {}
    if (indexFile) env.GIT_INDEX_FILE = indexFile
    return runGit(args, { cwd: this.root, env, input: opts.input, okCodes: opts.okCodes, redact: this.opts.redact })
  }

  /**
   * Repo-relative paths, sorted: tracked files and untracked ones git does not ignore
   * (`git ls-files --cached --others --exclude-standard`), present on disk, submodules and
   * nested repositories left out. Outside a git work tree: a walk that skips .git and node_modules.
   */
  async list(): Promise<string[]> {
    // Three git processes over the whole tree (~100 ms at 30,000 files): once until something changes.
    if (!this.listing) {
      const listing = this.listNow()
      listing.catch(() => {
        if (this.listing === listing) this.listing = undefined // a failure is not kept
      })
      this.listing = listing
    }
    return [...(await this.listing)]
  }

  /** The workspace changed (a file written or deleted, the test command ran): the next list() asks git again. */
  changed(): void {
    this.untouched = false
    this.listing = undefined
  }

  private async listNow(): Promise<string[]> {
    if (!(await this.isGitRepo())) return walk(await fs.realpath(this.root))
    const whole = this.untouched && (await this.opts.startsWhole?.()) === true
    const early = whole ? await this.opts.prefetched?.() : undefined
    const [cached, others, deleted] = early
      ? [{ stdout: early.cached }, { stdout: early.others }, { stdout: '' }]
      : await Promise.all([
          this.git(['ls-files', '--cached', '--stage', '-z']),
          this.git(['ls-files', '--others', '--exclude-standard', '-z']),
          whole ? { stdout: '' } : this.git(['ls-files', '--deleted', '-z'])
        ])
    const gone = new Set(splitZ(deleted.stdout))
    const files: string[] = []
    // The index's order: a path's unmerged stages are adjacent, and listed once.
    let last = ''
    for (const rec of cached.stdout.split('\0')) {
      // 160000: a submodule, recorded as a commit; its files are not this repository's.
      if (rec === '' || rec.startsWith('160000 ')) continue
      const p = rec.slice(rec.indexOf('\t') + 1)
      if (p !== last && !gone.has(p) && !isInsideGitDir(p)) files.push(p)
      last = p
    }
    // Untracked files are never in the index. Entries ending in "/" are nested repositories.
    for (const p of others.stdout.split('\0')) if (p !== '' && !p.endsWith('/') && !isInsideGitDir(p)) files.push(p)
    // Two sorted runs: the sort merges them.
    return files.sort()
  }

  /**
   * Why the tools may not touch `rel` (a repo-relative path, existing or not), or null when
   * they may: it is tracked, or untracked and not ignored, and not inside a submodule.
   */
  async hidden(rel: string): Promise<string | null> {
    if (rel === '' || !(await this.isGitRepo())) return null
    // In the current listing: tracked (git never calls a tracked file ignored) or untracked
    // and not ignored, and outside every submodule. No git process for the files the
    // drafter reads most, the ones the map and list_files showed it.
    if (this.listing && isListed(await this.listing.catch(() => []), rel)) return null
    let out
    try {
      out = await this.git(['check-ignore', '-v', '-z', '--stdin'], { input: `${rel}\0`, okCodes: [1] })
    } catch (e) {
      const sub = /in submodule '([^']+)'/.exec(e instanceof Error ? e.message : String(e))
      if (sub) return `${rel} is inside the submodule ${sub[1]}; a draft cannot change a submodule's files`
      throw e
    }
    if (out.code === 1) return null
    // -v -z: source, line, pattern, path.
    const [source = '', line = '', pattern = ''] = out.stdout.split('\0')
    return `${rel} is ignored by git (${source || '.gitignore'}:${line}: ${pattern}); the tools do not list, read, search or write ignored files`
  }

  private isGitRepo(): Promise<boolean> {
    this.gitRepo ??= this.git(['rev-parse', '--is-inside-work-tree']).then(
      (r) => r.stdout.trim() === 'true',
      () => false
    )
    return this.gitRepo
  }
}

async function walk(realRoot: string): Promise<string[]> {
  const out: string[] = []
  const pending = ['']
  while (pending.length > 0 && out.length < 200_000) {
    const dir = pending.pop() as string
    const entries = await fs.readdir(path.join(realRoot, dir), { withFileTypes: true }).catch(() => [])
    for (const e of entries) {
      const rel = dir ? `${dir}/${e.name}` : e.name
      if (e.isDirectory()) {
        if (!isInsideGitDir(e.name) && e.name !== 'node_modules') pending.push(rel)
      } else if (e.isFile() || e.isSymbolicLink()) {
        out.push(rel)
      }
    }
  }
  return out.sort()
}

/** Whether the sorted listing holds `rel` (binary search, in the order Array.prototype.sort left it). */
function isListed(sorted: string[], rel: string): boolean {
  let lo = 0
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const p = sorted[mid]!
    if (p === rel) return true
    if (p < rel) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

function splitZ(text: string): string[] {
  return text.split('\0').filter((s) => s !== '')
}
