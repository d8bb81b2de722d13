// Git fixtures for tests: real `git`, local bare repositories standing in for
// the `origin` a runner would clone from. No shell is involved (execFile), and
// every git command runs with an isolated configuration so the developer's
// ~/.gitconfig (signing, hooks, default branch, identity) cannot change results.
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

// The identity fixtures commit with. It is passed with -c on each command and
// never written into a repository's config: on a real runner a fresh checkout
// has no identity either, so the action must bring its own.
const FIXTURE_NAME = 'Fixture Author'
const FIXTURE_EMAIL = 'fixture@example.invalid'

/**
 * Environment that isolates git from the machine it runs on: no system or
 * global config (so no developer identity, signing, hooksPath or aliases), no
 * global ignore/attributes files, no inherited GIT_* variables (a test started
 * from a git hook would otherwise carry GIT_DIR/GIT_INDEX_FILE into every
 * command), and no credential prompts. Nothing is created on disk, so there is
 * nothing to clean up (jest does not run process 'exit' hooks set in a test).
 */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('GIT_')) env[k] = v
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    // These two default to files under XDG_CONFIG_HOME/HOME even without a global config.
    GIT_CONFIG_COUNT: '2',
    GIT_CONFIG_KEY_0: 'core.excludesFile',
    GIT_CONFIG_VALUE_0: '/dev/null',
    GIT_CONFIG_KEY_1: 'core.attributesFile',
    GIT_CONFIG_VALUE_1: '/dev/null',
    GIT_TERMINAL_PROMPT: '0'
  }
}

/** Runs git in cwd; resolves with raw stdout, rejects with the stderr in the message. */
export function git(cwd: string, args: string[]): Promise<string> {
  const full = [
    '-c', `user.name=${FIXTURE_NAME}`,
    '-c', `user.email=${FIXTURE_EMAIL}`,
    '-c', 'init.defaultBranch=main',
    '-c', 'advice.detachedHead=false',
    '-c', 'commit.gpgSign=false',
    // A background auto-gc after a large seed commit races the seed folder's removal.
    '-c', 'gc.auto=0',
    ...args
  ]
  return new Promise((resolve, reject) => {
    execFile('git', full, { cwd, env: gitEnv(), maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) {
        const code = (err as NodeJS.ErrnoException & { code?: unknown }).code
        reject(new Error(`git ${args.join(' ')} failed in ${cwd} (exit ${String(code)}): ${stderr.trim() || err.message}`))
      } else resolve(stdout)
    })
  })
}

// Workspaces checked out from an origin, removed together with it.
const workspacesOf = new Map<string, string[]>()

/** A bare repository whose default branch holds one commit with `files`. */
export async function makeOrigin(
  files: Record<string, string | Buffer>,
  opts: { defaultBranch?: string; executable?: string[] } = {}
): Promise<{ bareDir: string; cleanup(): Promise<void> }> {
  const branch = opts.defaultBranch ?? 'main'
  const root = await mkdtemp(join(tmpdir(), 'draft-review-origin-'))
  const bareDir = join(root, 'origin.git')
  const seed = join(root, 'seed')
  try {
    await git(root, ['init', '--bare', '--initial-branch', branch, bareDir])
    await git(root, ['init', '--initial-branch', branch, seed])
    for (const [path, content] of Object.entries(files)) {
      const abs = join(seed, path)
      await mkdir(dirname(abs), { recursive: true })
      await writeFile(abs, content)
    }
    for (const path of opts.executable ?? []) await chmod(join(seed, path), 0o755)
    await git(seed, ['add', '-A'])
    // The index records the mode from the file system; update-index makes +x hold
    // even where core.fileMode is false.
    for (const path of opts.executable ?? []) await git(seed, ['update-index', '--chmod=+x', '--', path])
    await git(seed, ['commit', '--quiet', '--allow-empty', '-m', 'Initial commit'])
    await git(seed, ['push', '--quiet', bareDir, `HEAD:refs/heads/${branch}`])
    await rm(seed, { recursive: true, force: true })
  } catch (err) {
    await rm(root, { recursive: true, force: true }) // leave no half-made origin behind
    throw err
  }
  workspacesOf.set(bareDir, [])
  return {
    bareDir,
    async cleanup() {
      for (const ws of workspacesOf.get(bareDir) ?? []) await rm(ws, { recursive: true, force: true })
      workspacesOf.delete(bareDir)
      await rm(root, { recursive: true, force: true })
    }
  }
}

/**
 * A working copy made the way actions/checkout makes one for a branch ref:
 * `git init`, `origin` added, a depth-1 fetch of the branch tip into
 * refs/remotes/origin/BRANCH, then `checkout -B BRANCH` (or detached with
 * opts.detached, as checkout does for a bare sha). The result is shallow, has
 * only that one remote-tracking ref, and no user identity configured.
 */
export async function checkoutWorkspace(
  bareDir: string,
  opts: { branch?: string; detached?: boolean } = {}
): Promise<string> {
  const branch = opts.branch ?? (await git(bareDir, ['symbolic-ref', '--short', 'HEAD'])).trim()
  const sha = (await git(bareDir, ['rev-parse', '--verify', `refs/heads/${branch}^{commit}`])).trim()
  const ws = await mkdtemp(join(tmpdir(), 'draft-review-ws-'))
  workspacesOf.get(bareDir)?.push(ws)
  try {
    await git(ws, ['init', '--quiet', ws])
    await git(ws, ['remote', 'add', 'origin', bareDir])
    await git(ws, ['config', '--local', 'gc.auto', '0'])
    await git(ws, [
      '-c', 'protocol.version=2', 'fetch', '--quiet', '--no-tags', '--prune', '--no-recurse-submodules',
      '--depth=1', 'origin', `+${sha}:refs/remotes/origin/${branch}`
    ])
    if (opts.detached) await git(ws, ['checkout', '--quiet', '--force', `refs/remotes/origin/${branch}`])
    else await git(ws, ['checkout', '--quiet', '--force', '-B', branch, `refs/remotes/origin/${branch}`])
  } catch (err) {
    await rm(ws, { recursive: true, force: true })
    throw err
  }
  return ws
}

/** Every file at the tip of `branch` in bareDir, or null when there is no such branch. */
export async function branchFiles(bareDir: string, branch: string): Promise<Record<string, string> | null> {
  const sha = await tip(bareDir, branch)
  if (sha === null) return null
  const out: Record<string, string> = {}
  // -z keeps paths with spaces or non-ASCII names unquoted.
  const paths = (await git(bareDir, ['ls-tree', '-r', '-z', '--name-only', sha])).split('\0').filter(Boolean)
  for (const path of paths) out[path] = await git(bareDir, ['cat-file', 'blob', `${sha}:${path}`])
  return out
}

/** Commits reachable from `branch`, newest first; [] when there is no such branch. */
export async function branchLog(
  bareDir: string,
  branch: string
): Promise<{ sha: string; subject: string; author: string }[]> {
  const sha = await tip(bareDir, branch)
  if (sha === null) return []
  const raw = await git(bareDir, ['log', '--format=%H%x00%s%x00%an <%ae>%x1e', sha])
  return raw
    .split('\x1e')
    .map(r => r.trim())
    .filter(Boolean)
    .map(r => {
      const [s = '', subject = '', author = ''] = r.split('\0')
      return { sha: s, subject, author }
    })
}

/** The commit at refs/heads/BRANCH, or null when the branch does not exist. */
export async function tip(bareDir: string, branch: string): Promise<string | null> {
  try {
    return (await git(bareDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`])).trim() || null
  } catch {
    return null
  }
}

/**
 * A person's commit on top of `branch` in bareDir, pushed the ordinary way (a clone, a
 * commit with their identity, a fast-forward push). Returns the new commit's sha.
 */
export async function pushPersonCommit(
  bareDir: string,
  branch: string,
  files: Record<string, string>,
  who: { name: string; email: string; message: string }
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'draft-review-person-'))
  try {
    await git(dir, ['clone', '--quiet', '--branch', branch, bareDir, dir])
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await writeFile(join(dir, path), content)
    }
    await git(dir, ['add', '-A'])
    await git(dir, ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`, 'commit', '--quiet', '-m', who.message])
    await git(dir, ['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`])
    return (await git(dir, ['rev-parse', 'HEAD'])).trim()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
