// The comment command: the comment's first word, after leading blank space, compared
// case-insensitively. Pure.

/**
 * The text after the command when `body` starts with it, else undefined. `/draft-reviewers`
 * is another word, and a quoted `> /draft-review` starts with `>`: neither counts.
 */
export function commandText(body: string, command: string): string | undefined {
  const text = body.replace(/^\s+/, '')
  const word = /^\S+/.exec(text)?.[0] ?? ''
  if (word.toLowerCase() !== command.toLowerCase()) return undefined
  return text.slice(word.length).trim()
}
