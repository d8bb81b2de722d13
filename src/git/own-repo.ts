// The action's own git directory. It shares the workspace's object store, so what it
// commits is in the workspace's repository at once, but it has a config, refs, index and
// shallow list of its own, in a temp dir outside the workspace. Commits, diffs, pushes and
// the ledger run here: the workspace's .git/config (which the test command can rewrite:
// url.*.insteadOf, http.*.proxy, remote.*.receivepack, credential.helper, ...) is never
// read by them. What the workspace's config says is read once, at the start of the run,
// before any code a model wrote has run.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runGit, safeDirs, type GitResult, type RunGitOptions } from './run'

/** What the workspace's config said before the test command could change it. */
export interface PinnedConfig {
  objectsDir: string
  shallowFile: string
  /** The workspace's own (shared) index file. */
  workspaceIndex: string
  /** The workspace's HEAD file. */
  workspaceHead: string
  /** The workspace is a shallow clone (actions/checkout's default): fetches stay shallow. */
  shallow: boolean
  originUrl: string
  objectFormat: string
  sshCommand: string
  /** core.sparseCheckout is on: the workspace's index may hold skip-worktree or sparse-directory entries. */
  sparseCheckout: boolean
}

export type OwnRunOptions = Omit<RunGitOptions, 'cwd'> & { index?: boolean }

export class OwnRepo {
  readonly gitDir: string
  /** The private index commits are built in (never the workspace's shared index). */
  readonly indexFile: string
  private readonly config: string
  /** The shallow entries last taken from the workspace. */
  private fromWorkspace = new Set<string>()
  private writes = 0

  private constructor(
    readonly pinned: PinnedConfig,
    private readonly redact: (t: string) => string,
    private readonly userConfig: boolean
  ) {
    const root = mkdtempSync(path.join(safeDirs().root, 'own-'))
    this.gitDir = path.join(root, 'repo')
    this.indexFile = path.join(root, 'index')
    for (const d of ['refs/heads', 'refs/tags', 'objects']) mkdirSync(path.join(this.gitDir, d), { recursive: true })
    writeFileSync(path.join(this.gitDir, 'HEAD'), 'ref: refs/heads/draft-review-own\n')
    this.config = renderConfig(pinned)
    this.syncShallow()
  }

  /** Reads the workspace's settings (call before the test command has run) and makes the repository. */
  static async create(workspace: string, redact: (t: string) => string, userConfig = false): Promise<OwnRepo> {
    const ask = async (args: string[]): Promise<string> => (await runGit(args, { cwd: workspace, redact, userConfig, okCodes: [1] })).stdout
    // Two git calls: start-up time counts on every run.
    const [paths, settings] = await Promise.all([
      ask(['rev-parse', '--path-format=absolute', '--git-path', 'objects', '--git-path', 'shallow', '--git-path', 'index', '--git-path', 'HEAD', '--show-object-format', '--is-shallow-repository']),
      ask(['config', '-z', '--get-regexp', '^(remote\\.origin\\.url|core\\.sshcommand|core\\.sparsecheckout)$'])
    ])
    const [objectsDir = '', shallowFile = '', workspaceIndex = '', workspaceHead = '', objectFormat = '', shallow = ''] = paths.split('\n').map((l) => l.trim())
    // -z: `key\nvalue` per record, or `key` alone for a key with no value (a true boolean).
    const values = new Map(
      settings
        .split('\0')
        .filter(Boolean)
        .map((rec): [string, string] => (rec.includes('\n') ? [rec.slice(0, rec.indexOf('\n')).toLowerCase(), rec.slice(rec.indexOf('\n') + 1)] : [rec.toLowerCase(), '']))
    )
    const originUrl = values.get('remote.origin.url') ?? ''
    const sshCommand = values.get('core.sshcommand') ?? ''
    // Any value but a false one counts as on: the cautious reading.
    const sparse = values.get('core.sparsecheckout')
    const sparseCheckout = sparse !== undefined && !/^(false|no|off|0)$/i.test(sparse.trim())
    const origin = isRelativePath(originUrl) ? path.resolve(workspace, originUrl) : originUrl
    return new OwnRepo({ objectsDir, shallowFile, workspaceIndex, workspaceHead, shallow: shallow === 'true', originUrl: origin, objectFormat: objectFormat || 'sha1', sshCommand, sparseCheckout }, redact, userConfig)
  }

  run(args: string[], opts: OwnRunOptions = {}): Promise<GitResult> {
    this.pinConfig()
    const env: Record<string, string> = { GIT_DIR: this.gitDir, GIT_OBJECT_DIRECTORY: this.pinned.objectsDir, ...opts.env }
    if (opts.index) env.GIT_INDEX_FILE = this.indexFile
    return runGit(args, { ...opts, env, cwd: path.dirname(this.gitDir), redact: opts.redact ?? this.redact, userConfig: this.userConfig })
  }

  /**
   * Checked before every command: a process that reached the temp dir cannot plant
   * settings. Replaced atomically (a file of its own, renamed over), since a command
   * started a moment earlier may be reading it and must never see it half written.
   */
  private pinConfig(): void {
    const file = path.join(this.gitDir, 'config')
    let now: string | undefined
    try {
      now = readFileSync(file, 'utf8')
    } catch {
      now = undefined
    }
    if (now === this.config) return
    const tmp = path.join(this.gitDir, `config.${process.pid}.${++this.writes}`)
    writeFileSync(tmp, this.config)
    renameSync(tmp, file)
  }

  /** Stores these exact bytes as blobs (no filters), in one git call; returns their ids in order. */
  async writeBlobs(contents: Buffer[]): Promise<string[]> {
    if (contents.length === 0) return []
    const dir = mkdtempSync(path.join(path.dirname(this.gitDir), 'blobs-'))
    try {
      const files = contents.map((bytes, i) => {
        const f = path.join(dir, String(i))
        writeFileSync(f, bytes)
        return f
      })
      const out = await this.run(['hash-object', '-w', '--no-filters', '--stdin-paths'], { input: files.join('\n') + '\n' })
      return out.stdout.split('\n').filter(Boolean)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }

  /**
   * Takes the workspace's shallow boundary as it is now (after the branch was fetched, maybe
   * deepened), keeping what this repository's own fetches (the ledger) added.
   */
  syncShallow(): void {
    const own = readLines(path.join(this.gitDir, 'shallow')).filter((l) => !this.fromWorkspace.has(l))
    this.fromWorkspace = new Set(readLines(this.pinned.shallowFile))
    this.writeShallow([...own, ...this.fromWorkspace])
  }

  private writeShallow(lines: string[]): void {
    const unique = [...new Set(lines.filter((l) => /^[0-9a-f]{40,64}$/.test(l)))].sort()
    const file = path.join(this.gitDir, 'shallow')
    if (unique.length > 0) writeFileSync(file, unique.join('\n') + '\n')
    else rmSync(file, { force: true })
  }
}

function renderConfig(p: PinnedConfig): string {
  const lines = ['[core]', `\trepositoryformatversion = ${p.objectFormat === 'sha1' ? 0 : 1}`, '\tbare = true']
  if (p.sshCommand) lines.push(`\tsshCommand = ${quote(p.sshCommand)}`)
  if (p.objectFormat !== 'sha1') lines.push('[extensions]', `\tobjectFormat = ${quote(p.objectFormat)}`)
  if (p.originUrl) lines.push('[remote "origin"]', `\turl = ${quote(p.originUrl)}`)
  return lines.join('\n') + '\n'
}

/** A remote given as a relative path (relative to the workspace), not a URL, host:path or absolute path. */
function isRelativePath(url: string): boolean {
  return url !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+:/.test(url) && !path.isAbsolute(url)
}

function quote(value: string): string {
  if (/[\n\r\0]/.test(value)) throw new Error(`a git setting holds a line break: ${JSON.stringify(value.slice(0, 80))}`)
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)
  } catch {
    return []
  }
}
