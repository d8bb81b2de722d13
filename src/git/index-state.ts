// What an index file holds, so that a commit or the workspace's view of it needs no
// `git read-tree` of the whole tree (60-90 ms on 30,000 files) when nothing else wrote it.
// - The private index (commits are built in it): its bytes are kept in memory after every
//   write of ours and put back before it is used, so nothing another process wrote there
//   (with `test-sandbox: false` the test command can reach it) ever reaches a commit.
// - The workspace's shared index: known to hold this run's head only while the file is the
//   one we last wrote (device, inode, size, change and modify times); `git add` or a
//   `git status` that refreshes it in the test command changes that, and the next sync
//   reads the whole tree again.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'

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
