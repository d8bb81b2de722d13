// Text files as bytes on disk and as strings a model edits. Pure. An edit must leave every
// byte outside the edited range as it was: a Latin-1 é stays the byte 0xE9 (decoding it as
// UTF-8 would turn it into U+FFFD and write that back), and a CRLF file gets CRLF on the
// lines an edit adds. Decoding is exact or refused: UTF-8 when the bytes are valid UTF-8,
// else Latin-1 / Windows-1252 (one byte per character, so it round-trips), else unknown.

export type TextEncoding = 'utf-8' | 'latin-1' | 'windows-1252'

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; reason: string }

/** Windows-1252's characters for 0x80-0x9F (undefined ones: 0). */
const CP1252 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
]
const CP1252_BYTE = new Map(CP1252.map((cp, i) => [cp, 0x80 + i] as const).filter(([cp]) => cp !== 0))

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** A NUL byte in the first 8,000 bytes, the test git uses. */
export function looksBinary(buf: Uint8Array): boolean {
  return buf.subarray(0, 8000).includes(0)
}

export function decodeText(buf: Buffer): Decoded {
  if (looksBinary(buf)) return { ok: false, reason: 'it is a binary file (it has NUL bytes)' }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, reason: 'it is UTF-16 text, which these tools do not edit' }
  }
  try {
    return { ok: true, text: strictUtf8.decode(buf), encoding: 'utf-8' }
  } catch {
    // not UTF-8: try one byte per character below
  }
  // One byte per character: Latin-1 unless a byte is one of Windows-1252's own (0x80-0x9F).
  if (!buf.some((b) => b >= 0x80 && b <= 0x9f)) return { ok: true, text: buf.toString('latin1'), encoding: 'latin-1' }
  let text = ''
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i] as number
    const cp = b >= 0x80 && b <= 0x9f ? (CP1252[b - 0x80] as number) : b
    if (cp === 0 && b !== 0) {
      return { ok: false, reason: `its encoding is unknown (not UTF-8, Latin-1 or Windows-1252: byte 0x${b.toString(16)} at offset ${i})` }
    }
    text += String.fromCharCode(cp)
  }
  return { ok: true, text, encoding: 'windows-1252' }
}

export type Encoded = { ok: true; bytes: Buffer } | { ok: false; reason: string }

export function encodeText(text: string, encoding: TextEncoding): Encoded {
  if (encoding === 'utf-8') return { ok: true, bytes: Buffer.from(text, 'utf8') }
  const out = Buffer.alloc(text.length)
  const bad = new Set<string>()
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i)
    const byte = cp < 0x80 || (cp >= 0xa0 && cp <= 0xff) ? cp : CP1252_BYTE.get(cp)
    if (byte === undefined || (encoding === 'latin-1' && cp >= 0x80 && cp < 0xa0)) bad.add(text[i] as string)
    else out[i] = byte
  }
  if (bad.size > 0) {
    const chars = [...bad].slice(0, 5).map((c) => `${JSON.stringify(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`)
    return { ok: false, reason: `${chars.join(', ')} cannot be written in ${label(encoding)}` }
  }
  return { ok: true, bytes: out }
}

export function label(encoding: TextEncoding): string {
  return encoding === 'utf-8' ? 'UTF-8' : encoding === 'latin-1' ? 'Latin-1' : 'Windows-1252'
}

/** CRLF when most line breaks in the text are CRLF. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const all = text.split('\n').length - 1
  if (all === 0) return '\n'
  const crlf = text.split('\r\n').length - 1
  return crlf * 2 > all ? '\r\n' : '\n'
}

/** The text with its bare LF line breaks as `eol` (CRLF ones kept). */
export function withLineEnding(text: string, eol: '\n' | '\r\n'): string {
  return eol === '\n' ? text : text.replace(/\r?\n/g, '\r\n')
}
