import type { ChatMessage, JsonSchema, ToolSpec } from '../chat'
// A token estimate that errs high on any text, so that budget and context checks fail
// closed. Pure.
//
// Why not bytes/3: on high-entropy text (base64, UUIDs, hex, lockfile hashes) real
// tokenizers give 1.3-2 bytes a token, so bytes/3 undercounts them 1.7-2x; and no
// offline tokenizer exists for Claude's newer models, which count about 30% more than
// o200k does. So each whitespace-separated chunk is first judged: one that looks random
// (short letter runs, letters and digits interleaved, few vowels) is charged a token a
// byte, the most a byte-level BPE can produce. Other text is split the way BPE
// pre-tokenizers split it (letter runs by case, digit runs, spaces, punctuation) and each
// piece is charged what it can cost: word-like letters a token per four, other letters a
// token per two, digits a token per two, punctuation most of a token each, non-ASCII a
// token a byte. `__tests__/estimate.test.ts` holds it above o200k x 1.3 on code, prose,
// JSON, lockfiles, base64, hex, UUIDs, random letters, CJK and emoji.

const CHUNKS = /\S+|\s+/g
const PIECES = /[A-Za-z]+|[0-9]+|[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]+|[^\x00-\x7f]+|[\x00-\x20\x7f]/g
const HUMPS = /[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+|[A-Z]/g
// The commonest letter pairs of English and of code identifiers. A real word is made
// mostly of these; random letters mostly are not (about one pair in five is).
const COMMON_PAIRS = new Set(
  ('th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce ' +
    'li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ' +
    'ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ' +
    'ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va ' +
    'um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ' +
    'ub oi rl gu dr hr cc tw ft wn nu af hu nn eo vo rv nf xp gn sm fl iz ok nl my gl aw ju oa eq sy sl ps jo fy xt yp js')
    .split(' ')
)

function isWordLike(h: string): boolean {
  if (h.length <= 2) return true
  const w = h.toLowerCase()
  let common = 0
  for (let i = 0; i + 1 < w.length; i++) if (COMMON_PAIRS.has(w.slice(i, i + 2))) common++
  return common / (w.length - 1) >= 0.7
}

/**
 * A chunk (no whitespace) that looks like an id, a hash or encoded bytes. Such text
 * tokenizes at 1.3-1.9 characters a token (o200k), more on newer tokenizers.
 */
function looksRandom(chunk: string): boolean {
  if (chunk.length < 8) return false
  let alnumRuns = 0
  let alnumChars = 0
  let oddHumps = 0
  let letters = 0
  let lettersInOddHumps = 0
  for (const m of chunk.matchAll(/[A-Za-z]+|[0-9]+/g)) {
    alnumRuns++
    alnumChars += m[0].length
    if (m[0].charCodeAt(0) <= 57) continue
    for (const h of m[0].match(HUMPS) ?? []) {
      letters += h.length
      if (!isWordLike(h)) {
        oddHumps++
        lettersInOddHumps += h.length
      }
    }
    alnumRuns += Math.max(0, (m[0].match(HUMPS)?.length ?? 1) - 1)
  }
  if (alnumChars === 0) return false
  // Letters and digits in short alternating runs: base64, hex, UUIDs, hashes.
  if (alnumChars >= 8 && alnumChars / alnumRuns < 3) return true
  // Long letter runs that are not words: random or base32 text.
  return letters >= 8 && lettersInOddHumps / letters > 0.5 && oddHumps > 0
}

function pieceTokens(p: string): number {
  const c = p.charCodeAt(0)
  if (c >= 0x80) return Buffer.byteLength(p, 'utf8')
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    let t = 0
    for (const h of p.match(HUMPS) ?? []) t += isWordLike(h) ? Math.ceil(h.length / 4) : Math.ceil(h.length * 0.75)
    return t
  }
  if (c >= 48 && c <= 57) return Math.ceil(p.length / 2)
  if (c <= 32 || c === 127) return 1
  // Common pairs (`=>`, `);`, `//`) are one token; longer runs can be a token a character.
  return p.length <= 2 ? 1 : p.length
}

function whitespaceTokens(ws: string): number {
  let t = 0
  for (const line of ws.split('\n')) {
    // A single space is merged into the word after it; indentation is a token per few spaces.
    if (line.length > 1) t += Math.ceil((line.length - 1) / 4)
  }
  return t + (ws.split('\n').length - 1)
}

/** At least as many tokens as any tokenizer the supported models use would count for `text`. */
export function estimateTextTokens(text: string): number {
  if (text.length < MEMO_MIN_CHARS) return Math.ceil(rawTokens(text) * SAFETY)
  // A conversation is re-estimated every turn and only its end is new: remember the long texts.
  const known = memo.get(text)
  if (known !== undefined) return known
  const n = Math.ceil(rawTokens(text) * SAFETY)
  if (memo.size >= MEMO_MAX_ENTRIES) memo.clear()
  memo.set(text, n)
  return n
}

const MEMO_MIN_CHARS = 256
const MEMO_MAX_ENTRIES = 4096
const memo = new Map<string, number>()

/** Headroom for tokenizers no one can run offline (Claude 4.7+), on top of the rules above. */
const SAFETY = 1.1

function rawTokens(text: string): number {
  let t = 0
  for (const m of text.matchAll(CHUNKS)) {
    const chunk = m[0]
    if (chunk.charCodeAt(0) <= 32) {
      t += whitespaceTokens(chunk)
    } else if (looksRandom(chunk)) {
      t += Buffer.byteLength(chunk, 'utf8')
    } else {
      for (const p of chunk.matchAll(PIECES)) t += pieceTokens(p[0])
    }
  }
  return t
}

/** What each message costs beyond its text: role markers, block and tool-call framing. */
const PER_MESSAGE = 8
/** Anthropic's hidden tool-use system prompt is a few hundred tokens; count a safe 600. */
const TOOL_USE_OVERHEAD = 600

export interface EstimableRequest {
  system: string
  messages: ChatMessage[]
  tools?: ToolSpec[]
  answerSchema?: { name: string; schema: JsonSchema }
}

/** Tokens one message can cost on the wire. */
export function estimateMessageTokens(m: ChatMessage): number {
  if (m.role === 'user') return PER_MESSAGE + estimateTextTokens(m.text)
  if (m.role === 'tool') {
    let t = PER_MESSAGE
    for (const r of m.results) t += PER_MESSAGE + estimateTextTokens(r.content)
    return t
  }
  let t = PER_MESSAGE + estimateTextTokens(m.text)
  for (const c of m.toolCalls) t += PER_MESSAGE + estimateTextTokens(c.name + JSON.stringify(c.input ?? {}))
  return t
}

/** The input tokens a request can cost: system, tools, schema and every message. */
export function estimateRequestTokens(req: EstimableRequest): number {
  let t = PER_MESSAGE + estimateTextTokens(req.system)
  if (req.tools?.length) t += TOOL_USE_OVERHEAD + estimateTextTokens(JSON.stringify(req.tools))
  if (req.answerSchema) t += estimateTextTokens(JSON.stringify(req.answerSchema))
  for (const m of req.messages) t += estimateMessageTokens(m)
  return t
}
