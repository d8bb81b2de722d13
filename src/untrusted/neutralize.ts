// Text a model wrote, made safe to post: GitHub acts on some words in a pull request
// body, a commit message or a comment. `Closes #99` (or `fixes owner/repo#5`, or an
// issue URL) would close another issue on merge, `#99` links and notifies it, and
// `@someone` pings a person or a team. A zero-width joiner after `@`/`#` and inside the
// closing keyword breaks each of those while reading the same. Pure; safe inside code.

const ZWJ = '\u200D'

/** A closing keyword followed by something it could close: `#1`, `owner/repo#1`, an issue URL. */
const CLOSING = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=[ \t]*:?[ \t]*(?:https?:\/\/|[\w.-]+\/[\w.-]+#|#|GH-))/gi

export function neutralizeModelText(text: string): string {
  return (
    text
      // The keyword first (it looks ahead at the `#` the next steps change).
      .replace(CLOSING, (kw) => `${kw.slice(0, 2)}${ZWJ}${kw.slice(2)}`)
      // `@user`, `@org/team`; not an e-mail address (a word character before `@`).
      .replace(/(^|[^\w@/.])@(?=[a-z0-9])/gim, `$1@${ZWJ}`)
      // `#12`, `owner/repo#12`, `GH-12`: references that link, notify and can close.
      .replace(/#(?=\d)/g, `#${ZWJ}`)
      .replace(/\b(GH)-(?=\d)/g, `$1-${ZWJ}`)
  )
}
