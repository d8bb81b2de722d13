// The drafter's only way to touch the repository: list, read, search, write, edit,
// delete, finish. Every path goes through the pure policy in ./paths and then through
// the file system's own view (symlinks followed), so nothing outside the workspace,
// nothing in .git and nothing protected is ever read or written by a model's mistake
// or trick. Model mistakes come back as error results, never as exceptions.

import { promises as fs, type Stats } from 'node:fs'
import path from 'node:path'
import picomatch from 'picomatch'
import { z } from 'zod'
import type { ToolSpec } from '../chat'
import { checkWrite, isInsideGitDir, normalizeToolPath, type PathRules } from './paths'
import { listRepoFiles } from './repo-map'

export interface ToolOutcome {
  content: string
  isError: boolean
  finished?: { summary: string }
}

export interface WorkspaceToolsOptions {
  root: string
  rules: PathRules
  redact?: (text: string) => string
  /** Largest file write_file / edit_file may produce, in bytes (default 256 KiB). */
  maxFileBytes?: number
}

const LIST_CAP = 500
const READ_MAX_LINES = 600
const READ_MAX_BYTES = 64 * 1024
const READ_FILE_LIMIT = 16 * 1024 * 1024
/** One line longer than this (minified code) is cut so a read stays near 64 KiB. */
const LINE_CUT = 16 * 1024
const SEARCH_CAP = 200
const SEARCH_LINE_CHARS = 300
const SEARCH_FILE_LIMIT = 1024 * 1024
const DEFAULT_MAX_FILE_BYTES = 256 * 1024

// Arguments. Optional values are nullable (OpenAI strict mode sends null), and also
// accepted when missing, for providers that do not enforce the schema.
const optionalString = z.string().nullish()
const optionalLine = z.number().int().positive().nullish()
const argSchemas = {
  list_files: z.object({ path: optionalString, pattern: optionalString }),
  read_file: z.object({ path: z.string(), start_line: optionalLine, end_line: optionalLine }),
  search: z.object({ pattern: z.string(), path: optionalString, glob: optionalString }),
  write_file: z.object({ path: z.string(), content: z.string() }),
  edit_file: z.object({
    path: z.string(),
    old_string: z.string(),
    new_string: z.string(),
    replace_all: z.boolean().nullish()
  }),
  delete_file: z.object({ path: z.string() }),
  finish: z.object({ summary: z.string().trim().min(1, 'summary must not be empty') })
}
type ToolName = keyof typeof argSchemas
type Args<N extends ToolName> = z.infer<(typeof argSchemas)[N]>

const str = { type: 'string' }
const nullableStr = { type: ['string', 'null'] }
const nullableInt = { type: ['integer', 'null'] }
function objectSchema(properties: Record<string, object>): Record<string, unknown> {
  return { type: 'object', properties, required: Object.keys(properties), additionalProperties: false }
}

const SPECS: ToolSpec[] = [
  {
    name: 'list_files',
    description:
      'List files in the repository (tracked and untracked; .gitignore\'d files are hidden). ' +
      'path: a directory, or null for the root. pattern: a glob such as "**/*.ts" or "*.md" ' +
      '(a pattern without "/" matches file names), or null. At most 500 paths.',
    parameters: objectSchema({ path: nullableStr, pattern: nullableStr })
  },
  {
    name: 'read_file',
    description:
      'Read a text file with numbered lines ("  12| text"; the number prefix is not part of the file). ' +
      'start_line and end_line are 1-based and inclusive, null for the start / end. At most 600 lines per call.',
    parameters: objectSchema({ path: str, start_line: nullableInt, end_line: nullableInt })
  },
  {
    name: 'search',
    description:
      'Search file contents with a JavaScript regular expression (case-sensitive), line by line. ' +
      'Returns "file:line: text", at most 200 matches. path: a directory or file, or null for the whole ' +
      'repository. glob: a file filter such as "**/*.py", or null.',
    parameters: objectSchema({ pattern: str, path: nullableStr, glob: nullableStr })
  },
  {
    name: 'write_file',
    description:
      'Create a file, or replace its whole content. Parent directories are created. ' +
      'For a change to an existing file prefer edit_file.',
    parameters: objectSchema({ path: str, content: str })
  },
  {
    name: 'edit_file',
    description:
      'Replace an exact string in a file. old_string must match the file exactly, whitespace and ' +
      'indentation included (copy it from read_file without the line-number prefix), and must occur ' +
      'once unless replace_all is true; add surrounding lines to make it unique. replace_all: null means false.',
    parameters: objectSchema({
      path: str,
      old_string: str,
      new_string: str,
      replace_all: { type: ['boolean', 'null'] }
    })
  },
  {
    name: 'delete_file',
    description: 'Delete a file.',
    parameters: objectSchema({ path: str })
  },
  {
    name: 'finish',
    description: 'Call once the work is complete. summary: what you changed and why, for the reviewer.',
    parameters: objectSchema({ summary: str })
  }
]

/** Where a tool path really lives once symlinks are followed. */
interface Resolved {
  /** The path as the model gave it, normalised. */
  rel: string
  /** Real location of the directory entry itself (its parent resolved). */
  entryAbs: string
  /** Real location of what the entry points to (the entry unless it is a symlink). */
  targetAbs: string
  targetRel: string
  /** lstat of the target, or null when it does not exist yet. */
  stat: Stats | null
}

class Refusal extends Error {}

export class WorkspaceTools {
  private readonly root: string
  private readonly rules: PathRules
  private readonly redact: (text: string) => string
  private readonly maxFileBytes: number
  private readonly written = new Set<string>()
  private realRoot: string | undefined

  constructor(opts: WorkspaceToolsOptions) {
    this.root = path.resolve(opts.root)
    this.rules = opts.rules
    this.redact = opts.redact ?? ((t) => t)
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
  }

  specs(): ToolSpec[] {
    return structuredClone(SPECS)
  }

  /** Sorted repo-relative paths written or deleted so far. */
  touched(): string[] {
    return [...this.written].sort()
  }

  async run(name: string, input: unknown): Promise<ToolOutcome> {
    let outcome: ToolOutcome
    try {
      outcome = await this.dispatch(name, input)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      outcome = { content: err instanceof Refusal ? message : `${name} failed: ${message}`, isError: true }
    }
    return { ...outcome, content: this.redact(this.hideRoot(outcome.content)) }
  }

  private async dispatch(name: string, input: unknown): Promise<ToolOutcome> {
    if (!Object.hasOwn(argSchemas, name)) {
      return fail(`unknown tool ${JSON.stringify(name)}; the tools are: ${Object.keys(argSchemas).join(', ')}`)
    }
    const tool = name as ToolName
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail(`${tool}: the arguments must be a JSON object`)
    }
    const parsed = argSchemas[tool].safeParse(input)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`)
      return fail(`${tool}: invalid arguments: ${problems.join('; ')}`)
    }
    switch (tool) {
      case 'list_files':
        return this.listFiles(parsed.data as Args<'list_files'>)
      case 'read_file':
        return this.readFile(parsed.data as Args<'read_file'>)
      case 'search':
        return this.search(parsed.data as Args<'search'>)
      case 'write_file':
        return this.writeFile(parsed.data as Args<'write_file'>)
      case 'edit_file':
        return this.editFile(parsed.data as Args<'edit_file'>)
      case 'delete_file':
        return this.deleteFile(parsed.data as Args<'delete_file'>)
      case 'finish': {
        const { summary } = parsed.data as Args<'finish'>
        return { content: 'finished', isError: false, finished: { summary } }
      }
    }
  }

  // ---- tools ----

  private async listFiles(args: Args<'list_files'>): Promise<ToolOutcome> {
    const dir = await this.resolve(args.path ?? '', { allowRoot: true })
    if (dir.stat?.isFile()) return fail(`${dir.rel} is a file; use read_file`)
    if (!dir.stat) return fail(`${dir.rel} does not exist; use list_files with path null to see the repository`)
    const filter = args.pattern ? globFilter(args.pattern, dir.targetRel) : () => true
    const all = await listRepoFiles(this.root)
    const files = all.filter((f) => isUnder(f, dir.targetRel) && filter(f))
    const where = `${dir.targetRel || 'the repository'}${args.pattern ? ` matching ${args.pattern}` : ''}`
    if (files.length === 0) return ok(`no files in ${where}`)
    const shown = files.slice(0, LIST_CAP)
    const more = files.length - shown.length
    const note = more > 0 ? `\n[${plural(more, 'more file')}; narrow with path or pattern]` : ''
    return ok(`${plural(files.length, 'file')} in ${where}:\n${shown.join('\n')}${note}`)
  }

  private async readFile(args: Args<'read_file'>): Promise<ToolOutcome> {
    const file = await this.resolve(args.path)
    const text = await this.readText(file, READ_FILE_LIMIT, 'use search to find the part you need')
    const lines = splitLines(text)
    const total = lines.length
    if (total === 0) return ok(`${file.rel} is empty (0 lines)`)
    const start = args.start_line ?? 1
    if (start > total) return fail(`start_line ${start} is past the end: ${file.rel} has ${plural(total, 'line')}`)
    if (args.end_line != null && args.end_line < start) {
      return fail(`end_line ${args.end_line} is before start_line ${start}`)
    }
    const wanted = Math.min(args.end_line ?? total, total, start + READ_MAX_LINES - 1)
    const width = String(wanted).length
    const out: string[] = []
    let bytes = 0
    let end = start - 1
    for (let n = start; n <= wanted; n++) {
      let line = (lines[n - 1] ?? '').replace(/\r$/, '')
      if (line.length > LINE_CUT) line = `${line.slice(0, LINE_CUT)}… [line cut: ${line.length} chars]`
      const rendered = `${String(n).padStart(width)}| ${line}`
      bytes += Buffer.byteLength(rendered) + 1
      if (bytes > READ_MAX_BYTES && out.length > 0) break
      out.push(rendered)
      end = n
    }
    const whole = start === 1 && end === total
    const header = whole ? `${file.rel} (${plural(total, 'line')})` : `${file.rel} (lines ${start}-${end} of ${total})`
    const cutShort = end < total && (args.end_line == null || end < args.end_line)
    const rest = cutShort ? `\n[${plural(total - end, 'more line')}: read_file with start_line ${end + 1}]` : ''
    return ok(`${header}\n${out.join('\n')}${rest}`)
  }

  private async search(args: Args<'search'>): Promise<ToolOutcome> {
    let re: RegExp
    try {
      re = new RegExp(args.pattern)
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      return fail(`invalid regular expression (JavaScript syntax, no inline flags such as (?i)): ${why}`)
    }
    const where = await this.resolve(args.path ?? '', { allowRoot: true })
    if (!where.stat) return fail(`${where.rel} does not exist`)
    let candidates: string[]
    if (where.stat.isFile()) {
      candidates = [where.targetRel]
    } else {
      const filter = args.glob ? globFilter(args.glob, where.targetRel) : () => true
      candidates = (await listRepoFiles(this.root)).filter((f) => isUnder(f, where.targetRel) && filter(f))
    }
    const realRoot = await this.getRealRoot()
    const hits: string[] = []
    let skipped = 0
    let truncated = false
    for (const rel of candidates) {
      const abs = path.join(realRoot, rel)
      const st = await fs.lstat(abs).catch(() => null)
      // Symlinks are skipped: their targets are either listed themselves or outside the repository.
      if (!st || !st.isFile()) continue
      if (st.size > SEARCH_FILE_LIMIT) {
        skipped++
        continue
      }
      const buf = await fs.readFile(abs).catch(() => null)
      if (!buf || isBinary(buf)) continue
      const lines = splitLines(buf.toString('utf8'))
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? ''
        if (!re.test(line)) continue
        if (hits.length === SEARCH_CAP) {
          truncated = true
          break
        }
        hits.push(`${rel}:${i + 1}: ${cut(line.trim(), SEARCH_LINE_CHARS)}`)
      }
      if (truncated) break
    }
    const notes: string[] = []
    if (truncated) notes.push(`[stopped at ${SEARCH_CAP} matches; narrow with path or glob]`)
    if (skipped > 0) notes.push(`[${plural(skipped, 'file')} over 1 MiB not searched]`)
    const body = hits.length > 0 ? hits.join('\n') : `no matches for /${args.pattern}/`
    return ok([body, ...notes].join('\n'))
  }

  private async writeFile(args: Args<'write_file'>): Promise<ToolOutcome> {
    const file = await this.resolve(args.path, { forWrite: true })
    this.checkContent(args.content)
    if (file.stat?.isDirectory()) return fail(`${file.rel} is a directory`)
    if (file.stat && !file.stat.isFile()) return fail(`${file.rel} is not a regular file`)
    await fs.mkdir(path.dirname(file.targetAbs), { recursive: true })
    await fs.writeFile(file.targetAbs, args.content)
    this.written.add(file.targetRel)
    const verb = file.stat ? 'replaced' : 'created'
    return ok(`${verb} ${file.targetRel} (${plural(splitLines(args.content).length, 'line')})`)
  }

  private async editFile(args: Args<'edit_file'>): Promise<ToolOutcome> {
    const file = await this.resolve(args.path, { forWrite: true })
    if (args.old_string === '') return fail('old_string is empty; use write_file to create or replace a whole file')
    if (args.old_string === args.new_string) return fail('old_string and new_string are the same; nothing to change')
    const text = await this.readText(file, this.maxFileBytes * 4, 'use write_file')
    let oldString = args.old_string
    let newString = args.new_string
    let count = countOccurrences(text, oldString)
    // read_file shows CRLF files without the \r: match them the way they were shown.
    if (count === 0 && text.includes('\r\n') && !oldString.includes('\r')) {
      oldString = oldString.replace(/\n/g, '\r\n')
      newString = newString.replace(/\r?\n/g, '\r\n')
      count = countOccurrences(text, oldString)
    }
    if (count === 0) return fail(notFoundMessage(file.rel, text, args.old_string))
    if (count > 1 && !args.replace_all) {
      return fail(
        `old_string occurs ${count} times in ${file.rel}; add surrounding lines to make it unique, or set replace_all to true`
      )
    }
    const firstLine = text.slice(0, text.indexOf(oldString)).split('\n').length
    const updated = text.split(oldString).join(newString)
    this.checkContent(updated)
    await fs.writeFile(file.targetAbs, updated)
    this.written.add(file.targetRel)
    const what =
      count === 1 ? `1 replacement at line ${firstLine}` : `${count} replacements, first at line ${firstLine}`
    return ok(`edited ${file.targetRel}: ${what}`)
  }

  private async deleteFile(args: Args<'delete_file'>): Promise<ToolOutcome> {
    const file = await this.resolve(args.path, { forWrite: true })
    if (!file.stat) return fail(await this.notFound(file.rel))
    if (file.stat.isDirectory()) return fail(`${file.rel} is a directory; delete its files one by one`)
    // unlink removes the entry the model named (a symlink itself, not its target).
    await fs.unlink(file.entryAbs)
    const realRoot = await this.getRealRoot()
    this.written.add(toPosix(path.relative(realRoot, file.entryAbs)))
    return ok(`deleted ${file.rel}`)
  }

  // ---- path resolution ----

  /**
   * Applies the pure policy, then follows symlinks: the entry's parent and, when the
   * entry is a symlink, its target must both be inside the real root and outside .git.
   * For writes the policy is checked on every name the file goes by.
   */
  private async resolve(
    input: string,
    opts: { allowRoot?: boolean; forWrite?: boolean } = {}
  ): Promise<Resolved> {
    const norm = normalizeToolPath(input, { allowRoot: opts.allowRoot })
    if (!norm.ok) throw new Refusal(norm.reason)
    const rel = norm.rel
    if (opts.forWrite) this.enforceWrite(rel, rel)
    const realRoot = await this.getRealRoot()
    if (rel === '') {
      return { rel, entryAbs: realRoot, targetAbs: realRoot, targetRel: '', stat: await fs.lstat(realRoot) }
    }
    const nominal = path.join(realRoot, ...rel.split('/'))
    const parentReal = await this.realpathOfNearest(path.dirname(nominal), rel)
    const parentStat = await lstatOrNull(parentReal)
    if (parentStat && !parentStat.isDirectory()) throw new Refusal(`${rel}: a parent of this path is a file`)
    const entryAbs = path.join(parentReal, path.basename(nominal))
    const entryRel = this.insideRel(entryAbs, rel)
    let stat = await lstatOrNull(entryAbs)
    let targetAbs = entryAbs
    if (stat?.isSymbolicLink()) {
      try {
        targetAbs = await fs.realpath(entryAbs)
      } catch {
        throw new Refusal(`${rel} is a symlink whose target does not exist`)
      }
    }
    const targetRel = this.insideRel(targetAbs, rel)
    if (targetAbs !== entryAbs) stat = await fs.stat(targetAbs)
    if (opts.forWrite) {
      this.enforceWrite(entryRel, rel)
      this.enforceWrite(targetRel, rel)
    }
    return { rel, entryAbs, targetAbs, targetRel, stat }
  }

  /** realpath of p, or of its nearest existing ancestor with the missing tail appended. */
  private async realpathOfNearest(p: string, rel: string): Promise<string> {
    try {
      return await fs.realpath(p)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOTDIR') throw new Refusal(`${rel}: a parent of this path is a file`)
      if (code !== 'ENOENT') throw err
      // A name that exists but cannot be resolved is a dangling symlink: writing through it
      // would create its target, wherever that is.
      if (await lstatOrNull(p)) {
        throw new Refusal(`${rel}: a parent of this path is a symlink whose target does not exist`)
      }
      const parent = path.dirname(p)
      if (parent === p) throw err
      return path.join(await this.realpathOfNearest(parent, rel), path.basename(p))
    }
  }

  /** Repo-relative POSIX path of a real location, or a refusal when it is outside or in .git. */
  private insideRel(abs: string, rel: string): string {
    const realRoot = this.realRoot as string
    const r = path.relative(realRoot, abs)
    if (r === '..' || r.startsWith(`..${path.sep}`) || path.isAbsolute(r)) {
      throw new Refusal(`${rel} resolves outside the repository (symlink)`)
    }
    const posix = toPosix(r)
    if (isInsideGitDir(posix)) throw new Refusal(`${rel} resolves into .git (symlink)`)
    return posix
  }

  private enforceWrite(rel: string, asGiven: string): void {
    const check = checkWrite(rel, this.rules)
    if (!check.ok) {
      throw new Refusal(rel === asGiven ? check.reason : `${asGiven} is a symlink to ${rel}, and ${check.reason}`)
    }
  }

  private async getRealRoot(): Promise<string> {
    this.realRoot ??= await fs.realpath(this.root)
    return this.realRoot
  }

  // ---- helpers ----

  private async readText(file: Resolved, limit: number, hint: string): Promise<string> {
    if (!file.stat) throw new Refusal(await this.notFound(file.rel))
    if (file.stat.isDirectory()) throw new Refusal(`${file.rel} is a directory; use list_files`)
    if (!file.stat.isFile()) throw new Refusal(`${file.rel} is not a regular file`)
    if (file.stat.size > limit) {
      throw new Refusal(`${file.rel} is ${formatBytes(file.stat.size)}, too large for this tool; ${hint}`)
    }
    const buf = await fs.readFile(file.targetAbs)
    if (isBinary(buf)) {
      throw new Refusal(`${file.rel} is a binary file (${formatBytes(buf.length)}); it cannot be shown as text`)
    }
    return buf.toString('utf8')
  }

  private checkContent(content: string): void {
    if (content.includes('\0')) throw new Refusal('binary content is not allowed (the content has a NUL byte)')
    const bytes = Buffer.byteLength(content)
    if (bytes > this.maxFileBytes) {
      throw new Refusal(`the file would be ${formatBytes(bytes)}; the limit is ${formatBytes(this.maxFileBytes)}`)
    }
  }

  /** "not found", with files of the same name elsewhere: cheap models often get the folder wrong. */
  private async notFound(rel: string): Promise<string> {
    const base = path.posix.basename(rel)
    const files = await listRepoFiles(this.root).catch(() => [])
    const twins = files.filter((f) => path.posix.basename(f) === base)
    const hint =
      twins.length > 0 ? ` Files with that name: ${twins.slice(0, 5).join(', ')}` : ' Use list_files to see the files.'
    return `${rel} does not exist.${hint}`
  }

  private hideRoot(text: string): string {
    let out = text
    for (const prefix of new Set([this.realRoot, this.root])) {
      if (prefix) out = out.split(prefix + path.sep).join('')
    }
    return out
  }
}

function isUnder(file: string, dir: string): boolean {
  return dir === '' || file.startsWith(dir + '/')
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

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0)
}

function countOccurrences(text: string, needle: string): number {
  let count = 0
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++
  return count
}

function notFoundMessage(rel: string, text: string, oldString: string): string {
  let msg =
    `old_string was not found in ${rel} (0 matches). ` +
    'It must match exactly, whitespace included; use read_file to copy the current text.'
  if (/^\s*\d+\| /m.test(oldString)) {
    msg += ' It seems to include read_file line numbers ("  12| "): leave them out.'
  } else {
    const near = looseMatchLine(text, oldString)
    if (near) msg += ` The same text with different indentation or spacing is at line ${near}.`
  }
  return msg
}

/** First line where old_string matches when each line's surrounding whitespace is ignored. */
function looseMatchLine(text: string, needle: string): number | null {
  const want = splitLines(needle).map((l) => l.trim())
  while (want.length > 0 && want[0] === '') want.shift()
  if (want.length === 0) return null
  const have = splitLines(text).map((l) => l.trim())
  for (let i = 0; i + want.length <= have.length; i++) {
    if (want.every((w, j) => have[i + j] === w)) return i + 1
  }
  return null
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/')
}

async function lstatOrNull(p: string): Promise<Stats | null> {
  try {
    return await fs.lstat(p)
  } catch {
    return null
  }
}

function ok(content: string): ToolOutcome {
  return { content, isError: false }
}

function fail(content: string): ToolOutcome {
  return { content, isError: true }
}
