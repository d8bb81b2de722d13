// How the action starts git: every command, in the workspace or in the action's own
// repository, goes through runGit. The workspace's .git is writable by the test command
// (code a model wrote), so nothing there may decide what runs: hooks, fsmonitor, pagers,
// signing, credential helpers and the like are switched off on the command line, which
// outranks every config file, and the job's environment (GIT_*, keys, tokens) is not
// passed on. Only PATH, an empty HOME, the locale and what a command needs are.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export class GitError extends Error {
  constructor(readonly args: string[], readonly stderr: string, readonly exitCode?: number) {
    super(`git ${args[0]} failed: ${gitMessage(stderr)}`)
    this.name = 'GitError'
  }
}

/** The last lines of git's stderr that say what went wrong; `hint:` advice is left out. */
export function gitMessage(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^hint:/i.test(l))
  return lines.slice(-3).join(' ') || 'no message'
}

export interface RunGitOptions {
  cwd: string
  input?: string | Buffer
  /** Extra variables: GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY, the auth GIT_CONFIG_*. */
  env?: Record<string, string>
  /**
   * Local mode: the developer's own HOME and global config (their credential helper and
   * ssh setup) are used for pushes. The repository's config is still not trusted.
   */
  userConfig?: boolean
  /** Exit codes other than 0 that are answers, not failures (check-ignore's 1). */
  okCodes?: number[]
  /** Stops the command (it then fails). */
  signal?: AbortSignal
  redact?: (text: string) => string
}

export interface GitResult {
  stdout: string
  stderr: string
  code: number
}

/** Directories the action owns, outside the workspace: an empty hooks dir and an empty HOME. */
export interface SafeDirs {
  root: string
  hooks: string
  home: string
}

let dirs: SafeDirs | undefined

/** Made once per process in the temp dir, removed when the process exits. */
export function safeDirs(): SafeDirs {
  if (dirs) return dirs
  const root = mkdtempSync(path.join(tmpdir(), 'draft-review-git-'))
  const made = { root, hooks: mkdtempSync(path.join(root, 'hooks-')), home: mkdtempSync(path.join(root, 'home-')) }
  process.once('exit', () => rmSync(root, { recursive: true, force: true }))
  dirs = made
  return made
}

/**
 * Settings that would make git run a program, or send data somewhere, on the say of a
 * config file the test command can write. `-c` outranks the repository's config; empty
 * values reset list-valued keys (credential.helper).
 */
export function hardeningArgs(cwd: string, opts: { userConfig?: boolean } = {}): string[] {
  const d = safeDirs()
  const pairs: [string, string][] = [
    ['core.hooksPath', d.hooks], // no hook of any kind (pre-push, post-commit, reference-transaction, ...)
    ['core.fsmonitor', 'false'], // a command git would start on every index read
    ['core.pager', 'cat'],
    ['core.editor', 'false'],
    ['core.askPass', ''],
    ['core.untrackedCache', 'false'],
    ['submodule.recurse', 'false'],
    ['diff.external', ''],
    ['commit.gpgSign', 'false'],
    ['tag.gpgSign', 'false'],
    ['gpg.program', 'false'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['protocol.ext.allow', 'never'],
    ['remote.origin.uploadpack', 'git-upload-pack'],
    ['remote.origin.receivepack', 'git-receive-pack'],
    ['safe.directory', cwd]
  ]
  // Pushes authenticate with the extraheader; a helper is only the developer's, in local mode.
  if (!opts.userConfig) pairs.push(['credential.helper', ''])
  return pairs.flatMap(([k, v]) => ['-c', `${k}=${v}`])
}

const PROXY_AND_CA = ['http_proxy', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY', 'all_proxy', 'ALL_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE']

/** The environment git gets: nothing of the job's, only what git needs. */
export function gitEnv(opts: { userConfig?: boolean; env?: Record<string, string> } = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: safeDirs().home,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1'
  }
  // A self-hosted runner behind a proxy or with its own CA still reaches its server.
  for (const key of ['TMPDIR', 'SYSTEMROOT', ...PROXY_AND_CA]) if (process.env[key] !== undefined) env[key] = process.env[key]
  if (opts.userConfig) {
    delete env.GIT_CONFIG_NOSYSTEM
    for (const key of ['HOME', 'XDG_CONFIG_HOME', 'SSH_AUTH_SOCK', 'SSH_ASKPASS', 'DISPLAY', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS']) {
      if (process.env[key] !== undefined) env[key] = process.env[key]
    }
  }
  return { ...env, ...opts.env }
}

export function runGit(args: string[], opts: RunGitOptions): Promise<GitResult> {
  const full = [...hardeningArgs(opts.cwd, opts), ...args]
  const env = gitEnv(opts)
  const redact = opts.redact ?? ((t: string) => t)
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      full,
      { cwd: opts.cwd, env, maxBuffer: 256 * 1024 * 1024, encoding: 'buffer', signal: opts.signal },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        const result = { stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), code }
        if (code === 0 || opts.okCodes?.includes(code)) resolve(result)
        else reject(new GitError(args, redact(result.stderr || String(err?.message ?? '')), code))
      }
    )
    child.stdin?.on('error', () => {}) // git may exit before reading all of stdin
    child.stdin?.end(opts.input ?? '')
  })
}
