// Small text helpers shared by the workspace tools. Pure.

/** Lines of a text; a final newline does not start another (empty) line. */
export function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** A NUL byte in the first 8,000 bytes, the test git uses. */
export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, 8000).includes(0)
}

export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`
}

export function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}
