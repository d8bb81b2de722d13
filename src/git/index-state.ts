// What an index file holds, so that a commit or the workspace's view of it needs no
// `git read-tree` of the whole tree (60-90 ms on 30,000 files) when nothing else wrote it.
// - The private index (commits are built in it): its bytes are kept in memory after every
//   write of ours and put back before it is used, so nothing another process wrote there
//   (with `test-sandbox: false` the test command can reach it) ever reaches a commit.
// - A copy of the workspace's index, refreshed before the run is certain: put in place
//   once it is, as git itself would (under index.lock), and only over the file it copied.
// - The workspace's shared index: known to hold this run's head only while the file is the
//   one we last wrote (device, inode, size, change and modify times); `git add` or a
//   `git status` that refreshes it in the test command changes that, and the next sync
//   reads the whole tree again.
import { constants, copyFileSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'

/** The file's identity and last change; undefined when it does not exist. */
export function fingerprint(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true })
    return `${s.dev}:${s.ino}:${s.size}:${s.ctimeNs}:${s.mtimeNs}`
  } catch {
    return undefined
  }
}

/** The private index: which commit's tree it holds, and its bytes as git wrote them. */
export class PrivateIndex {
  private kept: { commit: string; bytes: Buffer; print: string | undefined } | undefined

  constructor(readonly file: string) {}

  /** After git wrote the index so that it holds `commit`'s tree (read-tree, or a commit's update-index). */
  wrote(commit: string): void {
    try {
      const bytes = readFileSync(this.file)
      this.kept = { commit, bytes, print: fingerprint(this.file) }
    } catch {
      this.kept = undefined
    }
  }

  /**
   * Takes a copy of `from`, an index that holds `commit`'s tree (the workspace's, refreshed
   * and found clean at it), with its modify time: what `git read-tree` would have produced,
   * without reading the whole tree again.
   */
  copyFrom(from: string, commit: string): boolean {
    try {
      copyFileSync(from, this.file)
      keepTimes(from, this.file)
      this.kept = { commit, bytes: readFileSync(this.file), print: fingerprint(this.file) }
      return true
    } catch {
      this.kept = undefined
      return false
    }
  }

  forget(): void {
    this.kept = undefined
  }

  /**
   * Whether the index holds `commit`'s tree as this run left it, putting our bytes back
   * first (atomically: a git command reading it meanwhile sees the old file or ours).
   * `always` puts them back even when the file looks untouched (before a commit).
   */
  restore(commit: string, always = false): boolean {
    if (this.kept?.commit !== commit) return false
    if (!always && fingerprint(this.file) === this.kept.print) return true
    try {
      const tmp = `${this.file}.restore`
      writeFileSync(tmp, this.kept.bytes)
      renameSync(tmp, this.file)
      this.kept.print = fingerprint(this.file)
      return true
    } catch {
      this.kept = undefined
      return false
    }
  }
}

/** The workspace's index: which commit's tree it holds while the file is the one we last wrote. */
export class SharedIndex {
  private known: { commit: string; print: string } | undefined

  constructor(readonly file: string) {}

  /** Call right after the index was made to hold exactly `commit`'s tree (a forced checkout, our sync). */
  holdsNow(commit: string): void {
    const print = fingerprint(this.file)
    this.known = print ? { commit, print } : undefined
  }

  forget(): void {
    this.known = undefined
  }

  holds(commit: string): boolean {
    return this.known !== undefined && this.known.commit === commit && fingerprint(this.file) === this.known.print
  }
}

/** A copy of the workspace's index, and what the original was when it was copied. */
export interface IndexCopy {
  file: string
  original: string
  print: string
}

/**
 * Copies the index (undefined when there is none, or it changed while being copied). The
 * copy keeps the original's modify time (to the millisecond below): git trusts an entry's
 * stat data only when the file is older than the index, so a newer copy would hide a
 * same-size edit made in the second of the checkout.
 */
export function copyIndex(original: string, file: string): IndexCopy | undefined {
  const print = fingerprint(original)
  if (!print) return undefined
  try {
    copyFileSync(original, file)
    keepTimes(original, file)
  } catch {
    return undefined
  }
  return fingerprint(original) === print ? { file, original, print } : undefined
}

/**
 * Puts the (refreshed) copy in the original's place, as git writes an index: into
 * `index.lock`, created exclusively, then renamed over the index, with the time git gave
 * the copy. Nothing is done when git holds the lock or the index is no longer the file
 * that was copied.
 */
export function adoptIndex(copy: IndexCopy): boolean {
  const lock = `${copy.original}.lock`
  try {
    copyFileSync(copy.file, lock, constants.COPYFILE_EXCL)
  } catch {
    return false // another git command is writing it
  }
  try {
    if (fingerprint(copy.original) !== copy.print) throw new Error('the index changed since it was copied')
    keepTimes(copy.file, lock)
    renameSync(lock, copy.original)
    return true
  } catch {
    rmSync(lock, { force: true })
    return false
  }
}

function keepTimes(from: string, to: string): void {
  const s = statSync(from)
  utimesSync(to, s.atime, new Date(Math.floor(s.mtimeMs)))
}
