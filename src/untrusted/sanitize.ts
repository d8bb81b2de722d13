// Cleans text that anyone can write (issue titles, bodies, comments, review bodies)
// before a model reads it. What a person sees on GitHub is kept; what GitHub does not
// show, and so no maintainer reviewed before labelling, is removed: HTML comments,
// invisible and bidi control characters, image alt text, link titles, hiding HTML
// attributes, collapsed <details> bodies, and elements GitHub never renders. Pure.
// Every pattern is linear (bounded or negated classes): the input is hostile.

/** Zero-width, joiner, bidi, invisible-operator, filler, tag and variation-selector characters. */
const INVISIBLE = new RegExp(
  [
    '[\\u200B-\\u200F]', // zero-width space/non-joiner/joiner, LRM, RLM
    '[\\u202A-\\u202E]', // bidi embeddings and overrides
    '[\\u2060-\\u2064]', // word joiner, invisible times/separator/plus
    '[\\u2066-\\u2069]', // bidi isolates
    '[\\u206A-\\u206F]', // deprecated format characters
    '\\u00AD|\\u034F|\\u061C|\\u115F|\\u1160|\\u17B4|\\u17B5|\\u180E|\\u3164|\\uFEFF|\\uFFA0', // soft hyphen, CGJ, ALM, fillers, BOM
    '[\\uFE00-\\uFE0F]', // variation selectors
    '[\\u{E0000}-\\u{E007F}]', // tag characters: invisible ASCII ("ASCII smuggling")
    '[\\u{E0100}-\\u{E01EF}]', // variation selectors supplement
    '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]' // C0/C1 controls but tab, LF, CR
  ].join('|'),
  'gu'
)

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '')
}

/** `<!-- ... -->`, and an unclosed `<!--`, which GitHub hides to the end of the text. */
export function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
}

/** Elements GitHub drops with their content, so nobody sees what is inside. */
export function stripUnrenderedElements(text: string): string {
  return text.replace(/<(script|style|template|noscript|textarea|title|xmp|iframe|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
}

/**
 * A collapsed `<details>` hides its body until someone opens it: the person who added
 * the label may never have read it. The summary line stays, with a note that a body was removed.
 */
export function stripDetailsBodies(text: string): string {
  let out = text
  // Innermost first, so nested sections come out whole.
  for (let guard = 0; guard < 50; guard++) {
    const next = out.replace(/<details\b[^>]*>((?:(?!<details\b)[\s\S])*?)(?:<\/details\s*>|$)/i, (_m, inner: string) => {
      const summary = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i.exec(inner)?.[1]?.trim()
      return `${summary ? `${summary} ` : ''}(collapsed section removed: its text is hidden on GitHub until opened)`
    })
    if (next === out) break
    out = next
  }
  return out
}

/** HTML attributes whose text a reader never sees: alt, title, aria-*, data-*, placeholder. */
export function stripHiddenAttributes(text: string): string {
  return text.replace(/<[a-z][a-z0-9-]*\b[^<>]*>/gi, (tag) =>
    tag.replace(/\s(?:alt|title|aria-[\w-]+|data-[\w-]+|placeholder|value|content|label|hidden)(?![\w-])\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/gi, '')
  )
}

/**
 * Markdown whose text is not shown: image alt text (`![here](u)`), link and image titles
 * (`[a](u "here")`), and the titles of reference definitions (`[//]: # (here)`, a common
 * markdown "comment").
 */
export function stripHiddenMarkdown(text: string): string {
  const title = String.raw`\s+(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}'|\([^()\n]{0,2000}\))`
  return text
    .replace(/!\[[^\]\n]{0,2000}\]\(/g, '![](')
    .replace(new RegExp(String.raw`(\]\(\s*(?:<[^>\n]{0,2000}>|[^\s()]{0,2000}))${title}\s*\)`, 'g'), '$1)')
    .replace(new RegExp(String.raw`^( {0,3}\[[^\]\n]{1,999}\]:[ \t]*(?:<[^>\n]{0,2000}>|\S{0,2000}))(?:[ \t]+|\n[ \t]*)(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}'|\([^()\n]{0,2000}\))[ \t]*$`, 'gm'), '$1')
}

/** Numeric entities of printable ASCII (`&#105;gnore`) become the characters they show as. */
export function decodeAsciiEntities(text: string): string {
  return text.replace(/&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi, (m, hex: string | undefined, dec: string | undefined) => {
    const code = hex ? Number.parseInt(hex, 16) : Number(dec)
    return code >= 0x20 && code <= 0x7e ? String.fromCharCode(code) : m
  })
}

/** Everything above, in the order that leaves nothing half-removed. */
export function sanitizeUntrusted(text: string): string {
  let out = text.normalize('NFC')
  out = stripInvisible(out) // first: `<!-\u200B-` must not hide a comment from the next step
  out = stripHtmlComments(out)
  out = stripUnrenderedElements(out)
  out = stripDetailsBodies(out)
  out = stripHiddenAttributes(out)
  out = stripHiddenMarkdown(out)
  out = decodeAsciiEntities(out)
  // Entities may have spelled a comment or a control character: clean what they made.
  out = stripInvisible(stripHtmlComments(out))
  return out.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim()
}
