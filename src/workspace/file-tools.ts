// read_file, write_file, edit_file and delete_file. Every path goes through the
// PathResolver first; the writes keep the exact bytes they wrote, per repo-relative path:
// those bytes, not whatever is on disk later, are what the draft's commit holds.

import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { decodeText, encodeText, label, lineEnding, withLineEnding, type TextEncoding } from './encoding'
import type { PathResolver, Resolved } from './resolve'
import { fail, ok, Refusal, type ToolOutcome } from './tool-outcome'
import type { Args } from './tool-specs'
import { formatBytes, plural, splitLines } from './text'

const READ_MAX_LINES = 600
const READ_MAX_BYTES = 64 * 1024
const READ_FILE_LIMIT = 16 * 1024 * 1024
/** One line longer than this (minified code) is cut so a read stays near 64 KiB. */
const LINE_CUT = 16 * 1024

interface TextFile {
  text: string
  encoding: TextEncoding
}

export class FileTools {
  /** Repo-relative path to the bytes last written there, or null when deleted. */
  readonly written = new Map<string, Buffer | null>()

  constructor(
    private readonly paths: PathResolver,
    private readonly maxFileBytes: number
  ) {}

  async readFile(args: Args<'read_file'>): Promise<ToolOutcome> {
    const file = await this.paths.resolve(args.path)
    const { text, note } = await this.readForDisplay(file)
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
    const header = (whole ? `${file.rel} (${plural(total, 'line')})` : `${file.rel} (lines ${start}-${end} of ${total})`) + note
    const cutShort = end < total && (args.end_line == null || end < args.end_line)
    const rest = cutShort ? `\n[${plural(total - end, 'more line')}: read_file with start_line ${end + 1}]` : ''
    return ok(`${header}\n${out.join('\n')}${rest}`)
  }

  async writeFile(args: Args<'write_file'>): Promise<ToolOutcome> {
    const file = await this.paths.resolve(args.path, { forWrite: true })
    this.checkContent(args.content)
    if (file.stat?.isDirectory()) return fail(`${file.rel} is a directory`)
    if (file.stat && !file.stat.isFile()) return fail(`${file.rel} is not a regular file`)
    // Replacing a file keeps its line endings and, where the new text fits it, its encoding.
    const before = file.stat ? decodeText(await fs.readFile(file.targetAbs)) : undefined
    let content = args.content
    let bytes: Buffer = Buffer.from(content, 'utf8')
    let kept = ''
    if (before?.ok) {
      if (lineEnding(before.text) === '\r\n' && !content.includes('\r')) content = withLineEnding(content, '\r\n')
      const encoded = encodeText(content, before.encoding)
      bytes = encoded.ok ? encoded.bytes : Buffer.from(content, 'utf8')
      if (before.encoding !== 'utf-8') kept = encoded.ok ? `, kept ${label(before.encoding)}` : `, now UTF-8: ${encoded.reason}`
    }
    this.checkSize(bytes.length)
    await fs.mkdir(path.dirname(file.targetAbs), { recursive: true })
    await replaceFile(file, bytes)
    this.written.set(file.targetRel, bytes)
    this.paths.tracked.changed()
    const verb = file.stat ? 'replaced' : 'created'
    return ok(`${verb} ${file.targetRel} (${plural(splitLines(content).length, 'line')}${kept})`)
  }

  async editFile(args: Args<'edit_file'>): Promise<ToolOutcome> {
    const file = await this.paths.resolve(args.path, { forWrite: true })
    if (args.old_string === '') return fail('old_string is empty; use write_file to create or replace a whole file')
    if (args.old_string === args.new_string) return fail('old_string and new_string are the same; nothing to change')
    const { text, encoding } = await this.readForEdit(file)
    let oldString = args.old_string
    let newString = args.new_string
    let count = countOccurrences(text, oldString)
    // read_file shows CRLF files without the \r: match them the way they were shown.
    if (count === 0 && text.includes('\r\n') && !oldString.includes('\r')) {
      oldString = oldString.replace(/\n/g, '\r\n')
      count = countOccurrences(text, oldString)
    }
    // Lines the edit adds to a CRLF file end in CRLF too.
    if (lineEnding(text) === '\r\n' && !newString.includes('\r')) newString = withLineEnding(newString, '\r\n')
    if (count === 0) return fail(notFoundMessage(file.rel, text, args.old_string))
    if (count > 1 && !args.replace_all) {
      return fail(
        `old_string occurs ${count} times in ${file.rel}; add surrounding lines to make it unique, or set replace_all to true`
      )
    }
    const firstLine = text.slice(0, text.indexOf(oldString)).split('\n').length
    const updated = text.split(oldString).join(newString)
    this.checkContent(updated)
    const encoded = encodeText(updated, encoding)
    if (!encoded.ok) {
      return fail(`${file.rel} is ${label(encoding)} text and ${encoded.reason}; use characters it can hold (or write_file the whole file to make it UTF-8)`)
    }
    this.checkSize(encoded.bytes.length)
    await replaceFile(file, encoded.bytes)
    this.written.set(file.targetRel, encoded.bytes)
    this.paths.tracked.changed()
    const what =
      count === 1 ? `1 replacement at line ${firstLine}` : `${count} replacements, first at line ${firstLine}`
    return ok(`edited ${file.targetRel}: ${what}`)
  }

  async deleteFile(args: Args<'delete_file'>): Promise<ToolOutcome> {
    const file = await this.paths.resolve(args.path, { forWrite: true })
    if (!file.stat) return fail(await this.notFound(file.rel))
    if (file.stat.isDirectory()) return fail(`${file.rel} is a directory; delete its files one by one`)
    // unlink removes the entry the model named (a symlink itself, not its target).
    await fs.unlink(file.entryAbs)
    this.written.set(file.entryRel, null)
    this.paths.tracked.changed()
    return ok(`deleted ${file.rel}`)
  }

  private async readBytes(file: Resolved, limit: number, hint: string): Promise<Buffer> {
    if (!file.stat) throw new Refusal(await this.notFound(file.rel))
    if (file.stat.isDirectory()) throw new Refusal(`${file.rel} is a directory; use list_files`)
    if (!file.stat.isFile()) throw new Refusal(`${file.rel} is not a regular file`)
    if (file.stat.size > limit) {
      throw new Refusal(`${file.rel} is ${formatBytes(file.stat.size)}, too large for this tool; ${hint}`)
    }
    return fs.readFile(file.targetAbs)
  }

  /** The text to show; a file in an unknown encoding is shown with U+FFFD for what does not decode, and says so. */
  private async readForDisplay(file: Resolved): Promise<{ text: string; note: string }> {
    const buf = await this.readBytes(file, READ_FILE_LIMIT, 'use search to find the part you need')
    const decoded = decodeText(buf)
    if (decoded.ok) return { text: decoded.text, note: decoded.encoding === 'utf-8' ? '' : ` [${label(decoded.encoding)}]` }
    if (/binary/.test(decoded.reason)) {
      throw new Refusal(`${file.rel} is a binary file (${formatBytes(buf.length)}); it cannot be shown as text`)
    }
    return { text: buf.toString('utf8'), note: ` [${decoded.reason}: shown as UTF-8 with � where it does not decode; edit_file refuses it]` }
  }

  /** The text to edit, decoded exactly; binary files and unknown encodings are refused. */
  private async readForEdit(file: Resolved): Promise<TextFile> {
    const buf = await this.readBytes(file, this.maxFileBytes * 4, 'use write_file')
    const decoded = decodeText(buf)
    if (!decoded.ok) throw new Refusal(`${file.rel} cannot be edited: ${decoded.reason}. Use write_file to replace it whole`)
    const attrs = await this.paths.tracked.git(['check-attr', '-z', 'binary', 'text', '--', file.targetRel], { literal: true }).catch(() => null)
    const fields = attrs?.stdout.split('\0') ?? []
    for (let i = 0; i + 2 < fields.length; i += 3) {
      if ((fields[i + 1] === 'binary' && fields[i + 2] === 'set') || (fields[i + 1] === 'text' && fields[i + 2] === 'unset')) {
        throw new Refusal(`${file.rel} cannot be edited: git holds it as binary (.gitattributes: ${fields[i + 1] === 'binary' ? 'binary' : '-text'})`)
      }
    }
    return decoded
  }

  private checkContent(content: string): void {
    if (content.includes('\0')) throw new Refusal('binary content is not allowed (the content has a NUL byte)')
    this.checkSize(Buffer.byteLength(content))
  }

  private checkSize(bytes: number): void {
    if (bytes > this.maxFileBytes) {
      throw new Refusal(`the file would be ${formatBytes(bytes)}; the limit is ${formatBytes(this.maxFileBytes)}`)
    }
  }

  /** "not found", with files of the same name elsewhere: cheap models often get the folder wrong. */
  private async notFound(rel: string): Promise<string> {
    const base = path.posix.basename(rel)
    const files = await this.paths.tracked.list().catch(() => [])
    const twins = files.filter((f) => path.posix.basename(f) === base)
    const hint =
      twins.length > 0 ? ` Files with that name: ${twins.slice(0, 5).join(', ')}` : ' Use list_files to see the files.'
    return `${rel} does not exist.${hint}`
  }
}

/**
 * Writes a new file beside the old one and renames it over: a hard link the test command
 * made from this path to a protected file is broken, not written through. Keeps the mode.
 */
async function replaceFile(file: Resolved, bytes: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file.targetAbs), `.${path.basename(file.targetAbs)}.draft-review-${randomBytes(4).toString('hex')}`)
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx', mode: file.stat ? file.stat.mode & 0o7777 : 0o666 })
    if (file.stat) await fs.chmod(tmp, file.stat.mode & 0o7777)
    await fs.rename(tmp, file.targetAbs)
  } catch (e) {
    await fs.rm(tmp, { force: true })
    throw e
  }
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
