// list_files and search: the read-only tools that find things across the repository.
// Both see the files git lists (.gitignore'd ones hidden), under a directory, by a glob.
// search asks `git grep` for candidate lines (git's speed, .gitignore respected) and checks
// each with the model's JavaScript regex; outside a git work tree it scans the files itself.

import { promises as fs } from 'node:fs'
import path from 'node:path'
import { GrepTimeout, gitGrep, type GrepLine } from './git-grep'
import { GlobTimeout, globProblem, matchGlob } from './glob'
import { RegexTimeout, RegexWorker, type TimeLimits } from './regex-worker'
import { listRepoFiles } from './repo-map'
import { lstatOrNull, type PathResolver } from './resolve'
import { fail, ok, type ToolOutcome } from './tool-outcome'
import type { Args } from './tool-specs'
import { cut, isBinary, plural, splitLines } from './text'

const LIST_CAP = 500
const SEARCH_CAP = 200
const SEARCH_LINE_CHARS = 300
const SEARCH_FILE_LIMIT = 1024 * 1024
/** Candidate lines taken from git grep: enough that the regex check still finds SEARCH_CAP where PCRE and JavaScript differ. */
const GREP_CANDIDATES = SEARCH_CAP * 10
/** Files go to the regex worker in batches of about this many characters. */
const SEARCH_BATCH_CHARS = 1024 * 1024
/** An ordinary pattern scans 1 MiB in milliseconds: a batch that takes a second is runaway backtracking. */
const SEARCH_TIME_LIMITS: TimeLimits = { perCallMs: 1000, totalMs: 10_000 }

export async function listFiles(paths: PathResolver, args: Args<'list_files'>): Promise<ToolOutcome> {
  const problem = args.pattern ? globProblem(args.pattern) : null
  if (problem) return fail(`pattern: ${problem}`)
  const dir = await paths.resolve(args.path ?? '', { allowRoot: true })
  if (dir.stat?.isFile()) return fail(`${dir.rel} is a file; use read_file`)
  if (!dir.stat) return fail(`${dir.rel} does not exist; use list_files with path null to see the repository`)
  let files: string[]
  try {
    files = await filesUnder(paths, dir.targetRel, args.pattern)
  } catch (err) {
    if (err instanceof GlobTimeout) return fail(globTimeoutMessage(args.pattern!))
    throw err
  }
  const where = `${dir.targetRel || 'the repository'}${args.pattern ? ` matching ${args.pattern}` : ''}`
  if (files.length === 0) return ok(`no files in ${where}`)
  const shown = files.slice(0, LIST_CAP)
  const more = files.length - shown.length
  const note = more > 0 ? `\n[${plural(more, 'more file')}; narrow with path or pattern]` : ''
  return ok(`${plural(files.length, 'file')} in ${where}:\n${shown.join('\n')}${note}`)
}

export async function search(paths: PathResolver, args: Args<'search'>): Promise<ToolOutcome> {
  try {
    new RegExp(args.pattern)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return fail(`invalid regular expression (JavaScript syntax, no inline flags such as (?i)): ${why}`)
  }
  const problem = args.glob ? globProblem(args.glob) : null
  if (problem) return fail(`glob: ${problem}`)
  const where = await paths.resolve(args.path ?? '', { allowRoot: true })
  if (!where.stat) return fail(`${where.rel} does not exist`)
  const realRoot = await paths.realRoot()
  const regex = new RegexWorker(args.pattern, SEARCH_TIME_LIMITS)
  let found: Found
  try {
    const grep = await gitGrep(realRoot, args.pattern, where.targetRel, {
      maxLines: GREP_CANDIDATES,
      timeoutMs: SEARCH_TIME_LIMITS.totalMs,
      indexFile: await paths.tracked.indexFile()
    })
    found = grep
      ? await checkCandidates(regex, grep.lines, grep.more, where.stat.isFile() ? null : args.glob, where.targetRel)
      : await scan(regex, where.stat.isFile() ? [where.targetRel] : await filesUnder(paths, where.targetRel, args.glob), realRoot)
  } catch (err) {
    if (err instanceof GlobTimeout) return fail(globTimeoutMessage(args.glob!))
    if (err instanceof GrepTimeout || err instanceof RegexTimeout) return fail(timeoutMessage(args.pattern, SEARCH_TIME_LIMITS, (err as { hits?: string[] }).hits ?? []))
    throw err
  } finally {
    await regex.close()
  }
  const notes: string[] = []
  if (found.truncated) notes.push(`[stopped at ${SEARCH_CAP} matches; narrow with path or glob]`)
  if (found.skipped > 0) notes.push(`[${plural(found.skipped, 'file')} over 1 MiB not searched]`)
  const body = found.hits.length > 0 ? found.hits.join('\n') : `no matches for /${args.pattern}/`
  return ok([body, ...notes].join('\n'))
}

interface Found {
  hits: string[]
  truncated: boolean
  skipped: number
}

const hitLine = (rel: string, line: number, text: string): string => `${rel}:${line}: ${cut(text.trim(), SEARCH_LINE_CHARS)}`

/** git grep's lines, narrowed by the glob, each checked with the JavaScript regex. */
async function checkCandidates(regex: RegexWorker, lines: GrepLine[], cutShort: boolean, glob: string | null | undefined, base: string): Promise<Found> {
  let candidates = lines
  if (glob) {
    const keep = new Set(await matchGlob([...new Set(lines.map((l) => l.path))], glob, base, SEARCH_TIME_LIMITS))
    candidates = lines.filter((l) => keep.has(l.path))
  }
  const { matches, more } = await regex.match([candidates.map((l) => l.text)], SEARCH_CAP)
  const hits = matches.map(([, i]) => hitLine(candidates[i]!.path, candidates[i]!.line, candidates[i]!.text))
  return { hits, truncated: more || (cutShort && hits.length > 0), skipped: 0 }
}

/** Outside a git work tree: read each listed file and match it in the regex worker, in batches. */
async function scan(regex: RegexWorker, candidates: string[], realRoot: string): Promise<Found> {
  const hits: string[] = []
  let skipped = 0
  let truncated = false
  let batch: Array<{ rel: string; lines: string[] }> = []
  let batchChars = 0
  // Sends the batch to the worker; the matches come back in file and line order.
  const flush = async (): Promise<void> => {
    const { matches, more } = await regex.match(batch.map((f) => f.lines), SEARCH_CAP - hits.length)
    for (const [f, l] of matches) {
      const file = batch[f] as { rel: string; lines: string[] }
      hits.push(hitLine(file.rel, l + 1, file.lines[l] ?? ''))
    }
    truncated = more
    batch = []
    batchChars = 0
  }
  try {
    await scanFiles()
  } catch (err) {
    // The matches found before a runaway pattern was stopped go into the error.
    if (err instanceof RegexTimeout) throw Object.assign(err, { hits })
    throw err
  }
  return { hits, truncated, skipped }

  async function scanFiles(): Promise<void> {
    for (const rel of candidates) {
      const abs = path.join(realRoot, rel)
      const st = await lstatOrNull(abs)
      // Symlinks are skipped: their targets are either listed themselves or outside the repository.
      if (!st || !st.isFile()) continue
      if (st.size > SEARCH_FILE_LIMIT) {
        skipped++
        continue
      }
      const buf = await fs.readFile(abs).catch(() => null)
      if (!buf || isBinary(buf)) continue
      const text = buf.toString('utf8')
      batch.push({ rel, lines: splitLines(text) })
      batchChars += text.length
      if (batchChars >= SEARCH_BATCH_CHARS) await flush()
      if (truncated) break
    }
    if (batch.length > 0 && !truncated) await flush()
  }
}

function timeoutMessage(pattern: string, limits: TimeLimits, hits: string[]): string {
  const msg =
    `search stopped: /${pattern}/ ran over its time limit (${limits.perCallMs / 1000} s per batch of about 1 MiB of text, ` +
    `${limits.totalMs / 1000} s in all), which means catastrophic backtracking: nested quantifiers such as ` +
    '(a+)+ or overlapping alternatives such as (a|ab)* try exponentially many ways to match. ' +
    'Use a simpler pattern (for example without the outer quantifier), or narrow with path or glob.'
  return hits.length > 0 ? `${msg}\n${plural(hits.length, 'match', 'matches')} found before it stopped:\n${hits.join('\n')}` : msg
}

function globTimeoutMessage(glob: string): string {
  return `stopped: the glob ${glob} ran over its time limit (${SEARCH_TIME_LIMITS.totalMs / 1000} s): ` +
    'runs of * and ? next to each other backtrack on long paths. Use fewer wildcards, or a directory path.'
}

/** Repository files under `dir` ('' is the root), filtered by an optional (already bounded) glob. */
async function filesUnder(paths: PathResolver, dir: string, glob: string | null | undefined): Promise<string[]> {
  const all = await listRepoFiles(paths.root, paths.tracked)
  const under = all.filter((f) => dir === '' || f.startsWith(dir + '/'))
  return glob ? matchGlob(under, glob, dir, SEARCH_TIME_LIMITS) : under
}
