// Which issue text the models read. The label is a maintainer's decision about the issue
// as it stood then: the event payload carries that text, so a later edit (made after the
// label, by anyone who can edit) cannot change the task. A run with no such copy
// (workflow_dispatch) reads it from the API and says whose edit it was. Pure.
import { sanitizeUntrusted } from './sanitize'

export interface IssueTextSource {
  title: string
  body: string
  /** 'event': the payload's copy at labelling time; 'fetched': read from the API when the run started. */
  from: 'event' | 'fetched'
}

/** The payload's own copy of the issue, when the event carries one for this issue. */
export function eventIssueText(payload: Record<string, any>, issueNumber: number): { title: string; body: string } | undefined {
  const issue = payload?.issue
  if (!issue || Number(issue.number) !== issueNumber || typeof issue.title !== 'string') return undefined
  // GitHub sends `body: null` for an empty description; a payload without the field has no copy.
  if (!('body' in issue) || (issue.body !== null && typeof issue.body !== 'string')) return undefined
  return { title: issue.title, body: issue.body ?? '' }
}

/** The text the models read: the event's copy when there is one, else the fetched issue; cleaned either way. */
export function issueTextForModels(payload: Record<string, any>, fetched: { number: number; title: string; body: string }): IssueTextSource {
  const fromEvent = eventIssueText(payload, fetched.number)
  const raw = fromEvent ?? fetched
  return { title: sanitizeUntrusted(raw.title), body: sanitizeUntrusted(raw.body), from: fromEvent ? 'event' : 'fetched' }
}

/**
 * For the summary: whose text a fetched issue was. `edit` is undefined when the API could
 * not say who edited it. Logins in code spans, so nobody is pinged.
 */
export function provenanceLine(i: { author?: string; updatedAt?: string; edit?: { editor?: string; lastEditedAt?: string } }): string {
  const who = (login: string): string => '`' + login.replace(/`/g, '') + '`'
  const opened = i.author ? ` (opened by ${who(i.author)})` : ''
  const edit = !i.edit
    ? `last changed at ${i.updatedAt ?? 'an unknown time'}${opened}; who last edited it could not be read`
    : i.edit.lastEditedAt || i.edit.editor
      ? `last edited${i.edit.editor ? ` by ${who(i.edit.editor)}` : ''}${i.edit.lastEditedAt ? ` at ${i.edit.lastEditedAt}` : ''}${opened}`
      : `never edited since it was opened${i.author ? ` by ${who(i.author)}` : ''}`
  return `The issue text was read from GitHub when this run started (the event that started it, such as \`workflow_dispatch\`, carries no copy of it): ${edit}.`
}
