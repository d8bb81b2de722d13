// A model's glob (list_files `pattern`, search `glob`), bounded. picomatch turns a glob into
// a regular expression, and a glob such as `*?*?*?…X` becomes nested lazy quantifiers that
// backtrack for seconds on every long path. So a glob is refused past a length and a
// number of wildcards, and the rest is matched in the regex worker, under the same time
// limits as a search pattern.

import path from 'node:path'
import picomatch from 'picomatch'
import { RegexTimeout, RegexWorker, type TimeLimits } from './regex-worker'

export const GLOB_MAX_CHARS = 200
/** `*`, `?`, `[`, `{` and `(` count; `**` counts once. Real globs use a handful. */
export const GLOB_MAX_WILDCARDS = 12

/** Why a glob is refused, or null when it may be matched. */
export function globProblem(glob: string): string | null {
  if (glob.length > GLOB_MAX_CHARS) return `glob is ${glob.length} characters long; at most ${GLOB_MAX_CHARS}`
  const wildcards = (glob.replace(/\*\*/g, '*').match(/[*?[{(]/g) ?? []).length
  if (wildcards > GLOB_MAX_WILDCARDS) {
    return `glob has ${wildcards} wildcards; at most ${GLOB_MAX_WILDCARDS} (write it as a directory path plus a simple pattern such as src/**/*.ts)`
  }
  try {
    picomatch.makeRe(glob, { dot: true })
  } catch (e) {
    return `glob does not parse: ${e instanceof Error ? e.message : String(e)}`
  }
  return null
}

/** A glob ran over its time limit; its worker has been stopped. */
export class GlobTimeout extends Error {}

/**
 * The paths a glob matches: on the repo-relative path, on the path relative to `base`, or
 * (a glob with no "/") on the file name. Throws RegexTimeout past the time limits.
 */
export async function matchGlob(paths: readonly string[], glob: string, base: string, limits: TimeLimits): Promise<string[]> {
  const source = picomatch.makeRe(glob, { dot: true }).source
  const lists: string[][] = [paths.slice()]
  if (base !== '') lists.push(paths.map((p) => p.slice(base.length + 1)))
  if (!glob.includes('/')) lists.push(paths.map((p) => path.posix.basename(p)))
  const worker = new RegexWorker(source, limits)
  try {
    const { matches } = await worker.match(lists, paths.length * lists.length)
    const hit = new Set(matches.map(([, i]) => i))
    return paths.filter((_, i) => hit.has(i))
  } catch (e) {
    if (e instanceof RegexTimeout) throw new GlobTimeout()
    throw e
  } finally {
    await worker.close()
  }
}
