// list_files and search: the read-only tools that find things across the repository.
// Both see the files git lists (.gitignore'd ones hidden), under a directory, by a glob.

import { promises as fs } from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
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
/** Files go to the regex worker in batches of about this many characters. */
const SEARCH_BATCH_CHARS = 1024 * 1024
/** An ordinary pattern scans 1 MiB in milliseconds: a batch that takes a second is runaway backtracking. */
const SEARCH_TIME_LIMITS: TimeLimits = { perCallMs: 1000, totalMs: 10_000 }

export async function listFiles(paths: PathResolver, args: Args<'list_files'>): Promise<ToolOutcome> {
  const dir = await paths.resolve(args.path ?? '', { allowRoot: true })
  if (dir.stat?.isFile()) return fail(`${dir.rel} is a file; use read_file`)
  if (!dir.stat) return fail(`${dir.rel} does not exist; use list_files with path null to see the repository`)
  const files = await filesUnder(paths, dir.targetRel, args.pattern)
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
  const where = await paths.resolve(args.path ?? '', { allowRoot: true })
  if (!where.stat) return fail(`${where.rel} does not exist`)
  const candidates = where.stat.isFile() ? [where.targetRel] : await filesUnder(paths, where.targetRel, args.glob)
  const realRoot = await paths.realRoot()
  const regex = new RegexWorker(args.pattern, SEARCH_TIME_LIMITS)
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
      hits.push(`${file.rel}:${l + 1}: ${cut((file.lines[l] ?? '').trim(), SEARCH_LINE_CHARS)}`)
    }
    truncated = more
    batch = []
    batchChars = 0
  }
  try {
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
  } catch (err) {
    if (!(err instanceof RegexTimeout)) throw err
    return fail(timeoutMessage(args.pattern, SEARCH_TIME_LIMITS, hits))
  } finally {
    await regex.close()
  }
  const notes: string[] = []
  if (truncated) notes.push(`[stopped at ${SEARCH_CAP} matches; narrow with path or glob]`)
  if (skipped > 0) notes.push(`[${plural(skipped, 'file')} over 1 MiB not searched]`)
  const body = hits.length > 0 ? hits.join('\n') : `no matches for /${args.pattern}/`
  return ok([body, ...notes].join('\n'))
}

function timeoutMessage(pattern: string, limits: TimeLimits, hits: string[]): string {
  const msg =
    `search stopped: /${pattern}/ ran over its time limit (${limits.perCallMs / 1000} s per batch of about 1 MiB of text, ` +
    `${limits.totalMs / 1000} s in all), which means catastrophic backtracking: nested quantifiers such as ` +
    '(a+)+ or overlapping alternatives such as (a|ab)* try exponentially many ways to match. ' +
    'Use a simpler pattern (for example without the outer quantifier), or narrow with path or glob.'
  return hits.length > 0 ? `${msg}\n${plural(hits.length, 'match', 'matches')} found before it stopped:\n${hits.join('\n')}` : msg
}

/** Repository files under `dir` ('' is the root), filtered by an optional glob. */
async function filesUnder(paths: PathResolver, dir: string, glob: string | null | undefined): Promise<string[]> {
  const filter = glob ? globFilter(glob, dir) : () => true
  const all = await listRepoFiles(paths.root, paths.tracked)
  return all.filter((f) => (dir === '' || f.startsWith(dir + '/')) && filter(f))
}

/** A glob matches the repo-relative path, the path relative to `base`, or (with no "/") the file name. */
function globFilter(glob: string, base: string): (rel: string) => boolean {
  const isMatch = picomatch(glob, { dot: true })
  const nameOnly = !glob.includes('/')
  return (rel) =>
    isMatch(rel) ||
    (base !== '' && isMatch(rel.slice(base.length + 1))) ||
    (nameOnly && isMatch(path.posix.basename(rel)))
}
