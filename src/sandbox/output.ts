// The test command's output, kept linearly: the first bytes and the last bytes, with a
// count of what was cut between. Each chunk is looked at once; nothing is re-copied
// per chunk, so 10,000 lines cost what reading them costs.

export interface KeptOutput {
  head: Buffer
  tail: Buffer
  /** Bytes dropped between head and tail. */
  cutBytes: number
  totalBytes: number
}

export class OutputCollector {
  private readonly head: Buffer[] = []
  private headBytes = 0
  private readonly tail: Buffer[] = []
  private first = 0
  private tailBytes = 0
  private total = 0

  constructor(
    private readonly headCap: number,
    private readonly tailCap: number
  ) {}

  push(chunk: Buffer): void {
    this.total += chunk.length
    if (this.headBytes < this.headCap) {
      const take = chunk.subarray(0, this.headCap - this.headBytes)
      this.head.push(take)
      this.headBytes += take.length
      chunk = chunk.subarray(take.length)
      if (chunk.length === 0) return
    }
    this.tail.push(chunk)
    this.tailBytes += chunk.length
    // Drop whole chunks from the front while the rest still fills the cap.
    while (this.tail.length - this.first > 1 && this.tailBytes - this.tail[this.first]!.length >= this.tailCap) {
      this.tailBytes -= this.tail[this.first]!.length
      this.tail[this.first++] = EMPTY
    }
    if (this.first > 1024) {
      this.tail.splice(0, this.first)
      this.first = 0
    }
  }

  kept(): KeptOutput {
    const head = Buffer.concat(this.head)
    let tail = Buffer.concat(this.tail.slice(this.first))
    if (tail.length > this.tailCap) tail = tail.subarray(tail.length - this.tailCap)
    return { head, tail, cutBytes: this.total - head.length - tail.length, totalBytes: this.total }
  }
}

const EMPTY = Buffer.alloc(0)

/**
 * The text the drafter gets: head and tail, each redacted on its own, joined by a note
 * of what was cut. Cuts fall on line ends, so a secret on a line is never split in two
 * with half of it kept (redaction could not match a half).
 */
export function renderOutput(k: KeptOutput, redact: (t: string) => string, extra = ''): string {
  if (k.cutBytes === 0) return redact(Buffer.concat([k.head, k.tail]).toString('utf8') + extra)
  const head = cutAfterLastLine(k.head.toString('utf8'))
  const tail = cutBeforeFirstLine(k.tail.toString('utf8'))
  const dropped = k.totalBytes - Buffer.byteLength(head) - Buffer.byteLength(tail)
  return `${redact(head)}\n[… ${dropped} bytes of output cut …]\n${redact(tail + extra)}`
}

const SEARCH = 2048
const HARD_DROP = 512

function cutAfterLastLine(s: string): string {
  const nl = s.lastIndexOf('\n')
  if (nl >= 0 && s.length - nl <= SEARCH) return s.slice(0, nl)
  return s.slice(0, Math.max(0, s.length - HARD_DROP))
}

function cutBeforeFirstLine(s: string): string {
  const nl = s.indexOf('\n')
  if (nl >= 0 && nl < SEARCH) return s.slice(nl + 1)
  return s.slice(Math.min(s.length, HARD_DROP))
}
