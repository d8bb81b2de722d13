// The git CLI behind a small interface, so the flow reads as intent. Credentials go
// through GIT_CONFIG_* variables (not argv, which other processes can read).
import { execFile } from 'node:child_process'

export const BOT_NAME = 'github-actions[bot]'
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

export interface PushAuth {
  /** e.g. https://github.com: the host whose requests get the token. */
  serverUrl: string
  token: string
}

export class GitError extends Error {
  constructor(readonly args: string[], readonly stderr: string) {
    super(`git ${args[0]} failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`)
    this.name = 'GitError'
  }
}

export class Git {
  constructor(
    private readonly cwd: string,
    private readonly redact: (text: string) => string = (t) => t
  ) {}

  exec(args: string[], opts: { auth?: PushAuth; input?: string } = {}): Promise<string> {
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }
    if (opts.auth) Object.assign(env, authEnv(opts.auth))
    return new Promise((resolve, reject) => {
      const child = execFile('git', args, { cwd: this.cwd, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new GitError(args, this.redact(String(stderr) || err.message)))
        else resolve(String(stdout))
      })
      if (opts.input !== undefined) child.stdin?.end(opts.input)
    })
  }

  /**
   * Fetches `base` from origin and points `branch` at it, checked out. Returns the base
   * commit and where `branch` stood on origin (the lease for the push; '' when absent).
   */
  async startBranch(base: string, branch: string, auth?: PushAuth): Promise<{ baseSha: string; remoteSha: string }> {
    await this.exec(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${base}:refs/remotes/origin/${base}`], { auth })
    await this.exec(['checkout', '--force', '--no-track', '-B', branch, `refs/remotes/origin/${base}`])
    const baseSha = (await this.exec(['rev-parse', 'HEAD'])).trim()
    return { baseSha, remoteSha: await this.remoteSha(branch, auth) }
  }

  /** Local mode: branches off the current HEAD, with no fetch. Refuses a tree with uncommitted changes. */
  async startLocalBranch(branch: string): Promise<{ baseSha: string; previous: string }> {
    const dirty = await this.exec(['status', '--porcelain', '--untracked-files=no'])
    if (dirty.trim()) throw new Error('the working tree has uncommitted changes: commit or stash them first, so that the draft starts from a known state')
    const previous = (await this.exec(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
    const baseSha = (await this.exec(['rev-parse', 'HEAD'])).trim()
    await this.exec(['checkout', '--quiet', '--no-track', '-B', branch, baseSha])
    return { baseSha, previous }
  }

  async remoteSha(branch: string, auth?: PushAuth): Promise<string> {
    const out = await this.exec(['ls-remote', 'origin', `refs/heads/${branch}`], { auth })
    return out.split(/\s/)[0] ?? ''
  }

  /** Stages exactly these paths (adds, edits, deletions) and commits them; false when nothing changed. */
  async commitPaths(paths: string[], message: string): Promise<boolean> {
    if (paths.length === 0) return false
    await this.exec(['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul', '--'], { input: paths.join('\0') })
    const staged = await this.exec(['diff', '--cached', '--name-only'])
    if (staged.trim() === '') return false
    await this.exec([
      '-c', `user.name=${BOT_NAME}`,
      '-c', `user.email=${BOT_EMAIL}`,
      '-c', 'commit.gpgsign=false',
      'commit', '--no-verify', '--quiet', '-m', message
    ])
    return true
  }

  /** The change from `baseSha` to HEAD, with `context` lines around each hunk. */
  diff(baseSha: string, context = 10): Promise<string> {
    return this.exec(['diff', `-U${context}`, '--no-color', '--no-ext-diff', `${baseSha}`, 'HEAD', '--'])
  }

  async changedFiles(baseSha: string): Promise<string[]> {
    const out = await this.exec(['diff', '--name-only', '-z', baseSha, 'HEAD', '--'])
    return out.split('\0').filter(Boolean)
  }

  /**
   * Replaces the remote branch with this one (a re-run starts the branch anew), but only
   * if it still stands where it stood when this run began: a run that overlapped ours
   * is not overwritten. Throws LeaseLost then.
   */
  async push(branch: string, lease: string, auth?: PushAuth): Promise<void> {
    try {
      await this.exec(['push', '--quiet', `--force-with-lease=refs/heads/${branch}:${lease}`, 'origin', `HEAD:refs/heads/${branch}`], { auth })
    } catch (e) {
      if (e instanceof GitError && /stale info|\[rejected\]|fetch first|non-fast-forward/.test(e.stderr)) throw new LeaseLost(branch)
      throw e
    }
  }
}

export class LeaseLost extends Error {
  constructor(readonly branch: string) {
    super(`${branch} changed on origin while this run worked (another run for the same issue?)`)
    this.name = 'LeaseLost'
  }
}

/**
 * actions/checkout leaves its own `http.<server>/.extraheader` in the repository's
 * config; an empty value first resets that list, so only our header is sent.
 */
export function authEnv(auth: PushAuth): Record<string, string> {
  const key = `http.${auth.serverUrl.replace(/\/+$/, '')}/.extraheader`
  const basic = Buffer.from(`x-access-token:${auth.token}`).toString('base64')
  return {
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: key,
    GIT_CONFIG_VALUE_0: '',
    GIT_CONFIG_KEY_1: key,
    GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${basic}`
  }
}
