// Path policy for the drafter's file tools. Pure: no I/O. The tools add the
// symlink check (which needs the file system) on top of these rules.

import path from 'node:path'
import picomatch from 'picomatch'

export type Mode = 'changes' | 'tests'

export interface PathRules {
  mode: Mode
  /** Globs never written in any mode (protected-paths). */
  protectedGlobs: string[]
  /** Globs a tests run may write (test-paths). */
  testGlobs: string[]
}

export type PathCheck = { ok: true; rel: string } | { ok: false; reason: string }

export interface NormalizeOptions {
  /** Accept '', '.' and './' as the repository root (rel ''), for listing and searching. */
  allowRoot?: boolean
}

/**
 * Turns the model's path into a repo-relative POSIX path ('' is the root).
 * Backslashes count as separators so Windows-style paths cannot slip past the checks.
 */
export function normalizeToolPath(input: string, options: NormalizeOptions = {}): PathCheck {
  if (typeof input !== 'string') return refuse('path must be a string')
  if (input.includes('\0')) return refuse('path contains a NUL byte')
  const raw = input.trim().replace(/\\/g, '/')
  if (/^[a-zA-Z]:/.test(raw) || raw.startsWith('/')) {
    return refuse('absolute paths are not allowed; use a path relative to the repository root')
  }
  let rel = path.posix.normalize(raw === '' ? '.' : raw)
  if (rel === '..' || rel.startsWith('../')) {
    return refuse(`${input} is outside the repository; use a path relative to the repository root`)
  }
  rel = rel.replace(/\/+$/, '')
  if (rel === '.' || rel === '') {
    if (options.allowRoot) return { ok: true, rel: '' }
    return refuse('path is empty; give a file path relative to the repository root')
  }
  if (isInsideGitDir(rel)) {
    return refuse(`${rel} is inside .git, which the tools never touch`)
  }
  return { ok: true, rel }
}

/** Whether a repo-relative path is inside .git (any component), for paths found on disk. */
export function isInsideGitDir(rel: string): boolean {
  // Every name it refuses (.git, GIT~1) contains "git": most paths are cleared by one test.
  return /git/i.test(rel) && rel.split('/').some(isGitDirName)
}

/** May the drafter write `rel` (already normalised) under these rules? */
export function checkWrite(rel: string, rules: PathRules): PathCheck {
  // Case-insensitive: on a case-insensitive file system `.GitHub/Workflows/x.yml` is the workflow.
  const protectedBy = rules.protectedGlobs.filter((g) => matchesSelfOrAncestor(rel, g, true))
  if (protectedBy.length > 0) {
    return refuse(`${rel} is protected (protected-paths: ${protectedBy.join(', ')})`)
  }
  if (rules.mode === 'tests' && !rules.testGlobs.some((g) => matchesSelfOrAncestor(rel, g, false))) {
    return refuse(
      `${rel}: this is a tests run: only test files may be written (test-paths: ${rules.testGlobs.join(', ')})`
    )
  }
  return { ok: true, rel }
}

/**
 * The last check before a push, on every path the branch changes: nothing in .git, nothing
 * protected, and in a tests run nothing outside test-paths. The tools already refuse such
 * writes; this holds even if something got past them. One reason per refused path.
 */
export function pushViolations(changed: string[], rules: PathRules): string[] {
  const out: string[] = []
  for (const p of changed) {
    if (isInsideGitDir(p)) {
      out.push(`${p} is inside .git`)
      continue
    }
    const check = checkWrite(p, rules)
    if (!check.ok) out.push(check.reason)
  }
  return out
}

/** Does the repo-relative path match any of the globs (dotfiles included)? */
export function matchesAny(rel: string, globs: string[]): boolean {
  return globs.some((g) => compile(g, false)(rel))
}

/** A glob also covers everything under a directory it matches: `secrets` protects `secrets/key`. */
function matchesSelfOrAncestor(rel: string, glob: string, nocase: boolean): boolean {
  const isMatch = compile(glob, nocase)
  const parts = rel.split('/')
  for (let i = parts.length; i > 0; i--) {
    if (isMatch(parts.slice(0, i).join('/'))) return true
  }
  return false
}

const matchers = new Map<string, (p: string) => boolean>()

function compile(glob: string, nocase: boolean): (p: string) => boolean {
  const key = `${nocase ? 'i' : 's'}:${glob}`
  let m = matchers.get(key)
  if (!m) {
    m = picomatch(glob, { dot: true, nocase })
    matchers.set(key, m)
  }
  return m
}

/** `.git`, and the spellings Windows file systems treat as it (`.git.`, `.GIT `, `GIT~1`). */
function isGitDirName(component: string): boolean {
  const c = component.replace(/[. ]+$/, '').toLowerCase()
  return c === '.git' || /^git~\d+$/.test(c)
}

function refuse(reason: string): PathCheck {
  return { ok: false, reason }
}
