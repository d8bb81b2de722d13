// The git CLI behind a small interface, so the flow reads as intent. Credentials go
// through GIT_CONFIG_* variables (not argv, which other processes can read).
//
// Two places git runs (see ./run.ts for what every command is protected from):
// - the workspace: only the start of the run (reads while the run is not yet certain, then
//   fetch, checkout), the listing of what git tracks, and moving the branch to a commit this
//   run made;
// - the action's own repository (./own-repo.ts), sharing the workspace's objects:
//   commits, diffs, pushes and the ledger, with no setting the workspace can change.
// This run's commits are remembered here (start and head), never read back from the
// workspace's HEAD or branch, which the test command can move.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { commitDraft, type DraftCommit, type DraftWrites } from './draft-commit'
import { adoptIndex, copyIndex, fingerprint, PrivateIndex, SharedIndex, type IndexCopy } from './index-state'
import { OwnRepo } from './own-repo'
import { GitError, runGit } from './run'

export { GitError } from './run'

/** The raw output of `git ls-files --cached --stage -z` and `git ls-files --others --exclude-standard -z`. */
export interface PrefetchedListing {
  cached: string
  others: string
}
export type { DraftWrites, DraftCommit, SkippedPath } from './draft-commit'

export const BOT_NAME = 'github-actions[bot]'
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

export interface PushAuth {
  /** e.g. https://github.com: the host whose requests get the token. */
  serverUrl: string
  token: string
}

export interface GitOptions {
  /** Local mode: the developer's own HOME and global config are used (for their push credentials). */
  userConfig?: boolean
}

interface ExecOptions {
  auth?: PushAuth
  input?: string | Buffer
  env?: Record<string, string>
  /** Exit codes other than 0 that are answers (check-ignore's 1), workspace only. */
  okCodes?: number[]
  /** Own repository only: use the private index. */
  index?: boolean
  /** Stops the command (prepare's work for a run that was skipped). */
  signal?: AbortSignal
}

/** The branch this run commits to: where its commits start, and the last one. */
interface DraftBranch {
  branch: string
  start: string
  head: string
}

export class Git {
  private own: Promise<OwnRepo> | undefined
  private draft: DraftBranch | undefined
  private privateIndex: PrivateIndex | undefined
  private sharedIndex: SharedIndex | undefined
  /** The writes the head commit was made from, and what that commit said: the same writes again make no commit. */
  private lastCommit: { head: string; writes: Map<string, Buffer | null>; made: DraftCommit } | undefined
  private readonly changed = new Map<string, Promise<string[]>>()
  /** What prepare() started: HEAD's commit when the workspace was found clean at it ('' when not), and the refreshed copy of its index. */
  private prepared: { controller: AbortController; cleanHead: Promise<string>; copy: Promise<IndexCopy | undefined> } | undefined
  private claimed: Promise<void> | undefined
  private seeding: Promise<void> | undefined
  /** The tools' first listing, read while the run starts (earlyListing). */
  private early: { commit: string; out: Promise<PrefetchedListing> } | undefined

  constructor(
    private readonly cwd: string,
    private readonly redact: (text: string) => string = (t) => t,
    private readonly opts: GitOptions = {}
  ) {}

  /** git in the workspace. */
  async exec(args: string[], opts: ExecOptions = {}): Promise<string> {
    return (await this.runHere(args, opts)).stdout
  }

  /** git in the workspace, for commands whose exit code is the answer. */
  private async execCode(args: string[], opts: ExecOptions & { okCodes: number[] }): Promise<number> {
    return (await this.runHere(args, opts)).code
  }

  private runHere(args: string[], opts: ExecOptions): ReturnType<typeof runGit> {
    const env = { ...opts.env, ...(opts.auth ? authEnv(opts.auth) : {}) }
    return runGit(args, { cwd: this.cwd, input: opts.input, env, okCodes: opts.okCodes, signal: opts.signal, redact: this.redact, userConfig: this.opts.userConfig })
  }

  /** git in the action's own repository (same objects; its own config, refs and index; remote `origin` as pinned). */
  async execOwn(args: string[], opts: ExecOptions = {}): Promise<string> {
    const own = await this.ownRepo()
    const env = { ...opts.env, ...(opts.auth ? authEnv(opts.auth) : {}) }
    return (await own.run(args, { input: opts.input, env, index: opts.index })).stdout
  }

  /** Made on first use, which is before the test command first runs (the ledger read or the branch start). */
  ownRepo(): Promise<OwnRepo> {
    this.own ??= OwnRepo.create(this.cwd, this.redact, this.opts.userConfig)
    return this.own
  }

  /** The private index the drafter's tools list tracked files from (after a branch was started). */
  async indexFile(): Promise<string> {
    const own = await this.ownRepo()
    // Our bytes of it, if anything else wrote there since.
    if (this.draft) this.privateIndex?.restore(this.draft.head)
    return own.indexFile
  }

  /**
   * Fetches `base` from origin and points `branch` at it, checked out. Returns the base
   * commit and where `branch` stood on origin (the lease for the push; '' when absent).
   * `known`: what the caller read from origin at the start of the run (remoteRefs): the
   * branch's lease, and base's tip, whose fetch is skipped when the checkout has it already
   * (actions/checkout fetched it a moment ago). A shallow checkout is fetched shallow; a full one stays full.
   */
  async startBranch(base: string, branch: string, auth?: PushAuth, known?: { remoteSha: string; baseTip?: string }): Promise<{ baseSha: string; remoteSha: string }> {
    const tracking = `refs/remotes/origin/${base}`
    const local = known?.baseTip ? await this.exec(['rev-parse', '--verify', '--quiet', `${tracking}^{commit}`]).then((o) => o.trim(), () => '') : ''
    let baseSha = local
    if (!local || local !== known?.baseTip) {
      const { shallow } = (await this.ownRepo()).pinned
      await this.exec(['fetch', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', `+refs/heads/${base}:${tracking}`], { auth })
      baseSha = (await this.exec(['rev-parse', '--verify', `${tracking}^{commit}`])).trim()
    }
    // The private index is seeded while the workspace is checked out: neither waits on the other.
    const [, own] = await Promise.all([this.checkoutAt(branch, baseSha), this.seedPrivateIndex(baseSha)])
    this.startDraft(own, branch, baseSha, { checkedOut: true })
    return { baseSha, remoteSha: known ? known.remoteSha : await this.remoteSha(branch, auth) }
  }

  /**
   * Starts, before the run is certain, what only reads the workspace, while GitHub answers
   * the first questions: the workspace's settings (the own repository), whether it is exactly
   * its HEAD commit (index and tracked files; untracked files do not count), and the private
   * index seeded with HEAD's tree (base, unless origin moved on). Nothing in .git is written:
   * the index's stat data is refreshed in a copy, which claim() puts in place.
   */
  prepare(): Promise<void> {
    if (!this.prepared) {
      const controller = new AbortController()
      const found = this.inspectWorkspace(controller.signal).catch(() => ({ head: '', copy: undefined }))
      this.prepared = { controller, cleanHead: found.then((r) => r.head), copy: found.then((r) => r.copy) }
    }
    return this.prepared.copy.then(() => this.seeding?.catch(() => {}))
  }

  /** The run was skipped: what prepare() started is stopped (its copy is in the temp dir). */
  abandon(): void {
    if (!this.claimed) this.prepared?.controller.abort()
  }

  /**
   * The run is certain: the refreshed copy of the workspace's index replaces it, as the
   * `git update-index --refresh` it ran would have done in place. A fresh checkout's
   * entries are "racily clean" (written in the second the index was), and every later
   * command that reads or writes the index would otherwise hash those files again (a few
   * hundred ms at 30,000 files). Taken under git's own lock, and only when the index is
   * still the file that was copied.
   */
  claim(): Promise<void> {
    this.claimed ??= (this.prepared?.copy ?? Promise.resolve(undefined)).then((copy) => {
      if (copy) adoptIndex(copy)
    })
    return this.claimed
  }

  private async inspectWorkspace(signal: AbortSignal): Promise<{ head: string; copy?: IndexCopy }> {
    const own = await this.ownRepo()
    const copy = copyIndex(own.pinned.workspaceIndex, path.join(path.dirname(own.indexFile), 'workspace-index'))
    const head = this.exec(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { signal }).then((o) => o.trim())
    if (!copy) {
      this.seed(head.then((sha) => this.readPrivateIndex(own, sha, signal)))
      return { head: '' }
    }
    const copied = fingerprint(copy.file)
    const env = { GIT_INDEX_FILE: copy.file }
    // Exit 1 from the refresh: a tracked file differs from the index (edited, deleted,
    // unmerged, intent-to-add), which is what `git diff-files` would say. Submodules' own
    // work trees are not looked into, and a forced checkout would not touch them either.
    // The split-index extension is dropped from the copy: its shared part would be written
    // into .git.
    const found = Promise.all([
      head,
      this.execCode(['-c', 'core.splitIndex=false', 'update-index', '--refresh'], { env, okCodes: [1], signal }),
      this.execCode(['diff-index', '--cached', '--quiet', '--ignore-submodules=none', 'HEAD', '--'], { env, okCodes: [1], signal })
    ]).then(([sha, refresh, staged]) => ({ head: refresh === 0 && staged === 0 ? sha : '', copy }))
    // HEAD's tree is where the branch starts unless origin moved on since the checkout. A
    // clean workspace's refreshed index holds that tree already: the private index is a copy
    // of it, one read of the whole tree fewer while the refresh needs the machine. Not for a
    // sparse checkout (entries missing from the disk), nor for a split index that git left as
    // it was (its shared part stays in .git, where the private index cannot find it).
    this.seed(
      found
        .catch(() => ({ head: '' }))
        .then(async (r) => {
          const index = new PrivateIndex(own.indexFile)
          const whole = fingerprint(copy.file) !== copied || !mayBeSplit(own.pinned.workspaceIndex)
          if (r.head !== '' && !own.pinned.sparseCheckout && whole && index.copyFrom(copy.file, r.head)) {
            this.privateIndex = index
          } else await this.readPrivateIndex(own, await head, signal)
          if (r.head !== '') this.listEarly(own, r.head, signal)
        })
    )
    return found
  }

  /**
   * `branch` at `sha`, checked out, the index holding exactly its tree. Where the workspace is
   * already that commit and clean (actions/checkout left it so), moving HEAD is the whole
   * checkout; otherwise a forced checkout puts back what an earlier step changed.
   */
  private async checkoutAt(branch: string, sha: string): Promise<void> {
    await this.claimed
    if (this.prepared && (await this.prepared.cleanHead) === sha) {
      await this.exec(['update-ref', '-m', 'draft-review: branch', `refs/heads/${branch}`, sha])
      await this.exec(['symbolic-ref', 'HEAD', `refs/heads/${branch}`])
      return
    }
    await this.forceCheckout(branch, sha)
  }

  /** `branch` at `sha`, checked out with --force: what an earlier step changed is put back. */
  async forceCheckout(branch: string, sha: string): Promise<void> {
    await this.claimed
    await this.exec(['checkout', '--quiet', '--force', '--no-track', '-B', branch, sha])
  }

  /** Local mode: branches off the current HEAD, with no fetch. Refuses a tree with uncommitted changes. */
  async startLocalBranch(branch: string, start = 'HEAD'): Promise<{ baseSha: string; previous: string }> {
    await this.ownRepo()
    const dirty = await this.exec(['status', '--porcelain', '--untracked-files=no'])
    if (dirty.trim()) throw new Error('the working tree has uncommitted changes: commit or stash them first, so that the draft starts from a known state')
    const previous = (await this.exec(['rev-parse', '--abbrev-ref', 'HEAD'])).trim()
    const baseSha = (await this.exec(['rev-parse', '--verify', `${start}^{commit}`])).trim()
    await this.exec(['checkout', '--quiet', '--no-track', '-B', branch, baseSha])
    await this.beginDraft(branch, baseSha)
    return { baseSha, previous }
  }

  /**
   * From here on this run commits to `branch`, on top of `start` (the base, or the tip of a
   * branch being continued), already checked out. The pre-push check covers what follows
   * `start`. Called before the test command first runs: the shallow boundary is taken now.
   * `checkedOut`: a forced checkout of `start` has just made the workspace's index hold
   * exactly its tree.
   */
  async beginDraft(branch: string, start: string, opts: { checkedOut?: boolean } = {}): Promise<void> {
    this.startDraft(await this.seedPrivateIndex(start), branch, start, opts)
  }

  /** The shallow boundary taken and the private index holding `start` (after any fetch). */
  private async seedPrivateIndex(start: string): Promise<OwnRepo> {
    const own = await this.ownRepo()
    own.syncShallow()
    // prepare() read HEAD's tree already: most runs start there.
    await this.seeding?.catch(() => {})
    if (!this.privateIndex?.restore(start)) await this.readPrivateIndex(own, start)
    return own
  }

  /**
   * The listing the drafter's tools start from (./workspace/tracked.ts runs the same two
   * commands), read from the private index as soon as it holds HEAD's tree, while GitHub
   * and origin answer: about 100 ms at 30,000 files off the run's way. Not awaited.
   */
  private listEarly(own: OwnRepo, commit: string, signal: AbortSignal): void {
    const env = { GIT_INDEX_FILE: own.indexFile }
    const out = Promise.all([
      this.exec(['ls-files', '--cached', '--stage', '-z'], { env, signal }),
      this.exec(['ls-files', '--others', '--exclude-standard', '-z'], { env, signal })
    ]).then(([cached, others]) => ({ cached, others }))
    out.catch(() => {})
    this.early = { commit, out }
  }

  /**
   * The listing read while the run started, once: only while the workspace is still the clean
   * checkout it was read from and the branch starts there (startsClean), else undefined.
   */
  async earlyListing(): Promise<PrefetchedListing | undefined> {
    const early = this.early
    this.early = undefined
    if (!early || this.draft?.start !== early.commit || !(await this.startsClean())) return undefined
    return early.out.catch(() => undefined)
  }

  /** What prepare() started to fill the private index with HEAD's tree; its failure is met later (seedPrivateIndex reads the tree). */
  private seed(seeding: Promise<void>): void {
    this.seeding = seeding
    seeding.catch(() => {})
  }

  private async readPrivateIndex(own: OwnRepo, commit: string, signal?: AbortSignal): Promise<void> {
    const index = new PrivateIndex(own.indexFile)
    this.privateIndex = index
    await own.run(['read-tree', commit], { index: true, signal })
    if (this.privateIndex === index) index.wrote(commit)
  }

  /** Once the workspace is on `branch` at `start`. */
  private startDraft(own: OwnRepo, branch: string, start: string, opts: { checkedOut?: boolean }): void {
    this.sharedIndex = new SharedIndex(own.pinned.workspaceIndex)
    if (opts.checkedOut) this.sharedIndex.holdsNow(start)
    this.draft = { branch, start, head: start }
  }

  /**
   * The workspace is the clean checkout of the branch's start, as prepare() found it, and
   * this run has not committed: every file the private index lists is on disk.
   */
  async startsClean(): Promise<boolean> {
    const draft = this.draft
    if (!draft || !this.prepared || draft.head !== draft.start) return false
    return (await this.prepared.cleanHead) === draft.start
  }

  /** Where this run's own commits start; undefined before a branch was started. */
  get draftStart(): string | undefined {
    return this.draft?.start
  }

  /** This run's last commit (the start when none yet). */
  get head(): string | undefined {
    return this.draft?.head
  }

  async remoteSha(branch: string, auth?: PushAuth): Promise<string> {
    return (await this.remoteRefs([branch], auth)).get(branch) ?? ''
  }

  /** Where these branches stand on origin, in one round trip; a branch origin lacks is absent. */
  async remoteRefs(branches: string[], auth?: PushAuth): Promise<Map<string, string>> {
    const out = await this.execOwn(['ls-remote', 'origin', ...branches.map((b) => `refs/heads/${b}`)], { auth })
    const found = new Map<string, string>()
    for (const line of out.split('\n')) {
      const [sha = '', ref = ''] = line.split('\t')
      if (ref.startsWith('refs/heads/') && branches.includes(ref.slice('refs/heads/'.length))) found.set(ref.slice('refs/heads/'.length), sha.trim())
    }
    return found
  }

  /**
   * Commits exactly what the drafter wrote (the bytes its tools kept), on top of this run's
   * last commit, and moves the branch there. Paths git ignores, paths inside a submodule
   * and scratch files created and deleted again are left out, not failed on.
   */
  async commitWrites(writes: DraftWrites, message: string): Promise<DraftCommit> {
    const draft = this.requireDraft()
    const last = this.lastCommit
    if (last && last.head === draft.head && sameWrites(writes, last.writes)) return { ...last.made, sha: draft.head, changed: false, indexInfo: '' }
    const own = await this.ownRepo()
    const index = this.privateIndex
    const parent = draft.head
    let made: DraftCommit
    try {
      made = await commitDraft({
        own,
        parent,
        writes,
        message,
        author: { name: BOT_NAME, email: BOT_EMAIL },
        ignored: (paths) => this.ignoredUntracked(paths, own.indexFile),
        indexHoldsParent: index?.restore(parent, true) ?? false
      })
    } catch (e) {
      index?.forget()
      throw e
    }
    index?.wrote(made.sha)
    if (made.changed) {
      draft.head = made.sha
      await this.syncWorkspace(draft, parent, made.indexInfo)
    }
    this.lastCommit = { head: draft.head, writes: new Map(writes), made }
    return made
  }

  /** The change from `from` to this run's head, with `context` lines around each hunk. */
  async diff(from: string, context = 10): Promise<string> {
    return this.execOwn(['diff', `-U${context}`, '--no-color', '--no-ext-diff', '--no-textconv', from, await this.tip(), '--'])
  }

  /** Paths that differ between `from` and this run's head (both sides of a rename). */
  async changedFiles(from: string): Promise<string[]> {
    const to = await this.tip()
    // Two commits' difference never changes: asked twice (the push check, the summary), run once.
    const key = `${from}..${to}`
    if (!this.changed.has(key)) {
      const out = this.execOwn(['diff', '--name-only', '--no-renames', '-z', from, to, '--']).then((o) => o.split('\0').filter(Boolean))
      out.catch(() => this.changed.delete(key))
      this.changed.set(key, out)
    }
    return [...(await this.changed.get(key)!)]
  }

  /**
   * Replaces the remote branch with this run's head (a re-run starts the branch anew), but
   * only if it still stands where it stood when this run began: a run that overlapped ours
   * is not overwritten. Throws LeaseLost then.
   */
  async push(branch: string, lease: string, auth?: PushAuth): Promise<void> {
    try {
      await this.execOwn(['push', '--quiet', `--force-with-lease=refs/heads/${branch}:${lease}`, 'origin', `${await this.tip()}:refs/heads/${branch}`], { auth })
    } catch (e) {
      if (e instanceof GitError && /stale info|\[rejected\]|fetch first|non-fast-forward/.test(e.stderr)) throw new LeaseLost(branch)
      throw e
    }
  }

  private requireDraft(): DraftBranch {
    if (!this.draft) throw new Error('no branch was started for this run')
    return this.draft
  }

  private async tip(): Promise<string> {
    return this.draft?.head ?? (await this.exec(['rev-parse', 'HEAD'])).trim()
  }

  /**
   * The branch, HEAD and the shared index follow this run's commit, so the workspace reads
   * as committed for the next test run; files on disk are not touched (no filters run).
   */
  private async syncWorkspace(draft: DraftBranch, parent: string, indexInfo: string): Promise<void> {
    const shared = this.sharedIndex
    try {
      // The index still as we left it at `parent`: only the commit's own entries change
      // (a few paths, not a read of the whole tree).
      const index = shared?.holds(parent)
        ? this.exec(['update-index', '-z', '--index-info'], { input: indexInfo })
        : this.exec(['read-tree', '--reset', draft.head])
      const onBranch = headFileSays((await this.ownRepo()).pinned.workspaceHead, `refs/heads/${draft.branch}`)
      await Promise.all([
        this.exec(['update-ref', '-m', 'draft-review: draft', `refs/heads/${draft.branch}`, draft.head]).then(() =>
          // HEAD is on the branch since the checkout, unless the test command moved it.
          onBranch ? undefined : this.exec(['symbolic-ref', 'HEAD', `refs/heads/${draft.branch}`])
        ),
        index
      ])
      shared?.holdsNow(draft.head)
    } catch {
      shared?.forget()
      // A lock or ref the test command left behind: the commit is made and is what gets
      // pushed (this class keeps it); only the workspace's view of it stays behind.
    }
  }

  /** The subset of `paths` that git ignores and that the index does not track. */
  private async ignoredUntracked(paths: string[], indexFile: string): Promise<Set<string>> {
    if (paths.length === 0) return new Set()
    const out = await this.exec(['check-ignore', '-z', '--stdin'], { input: paths.join('\0') + '\0', env: { GIT_INDEX_FILE: indexFile }, okCodes: [1] })
    return new Set(out.split('\0').filter(Boolean))
  }
}

/** The workspace's HEAD file names this ref (read directly: one git process fewer per commit). */
function headFileSays(file: string, ref: string): boolean {
  try {
    return file !== '' && readFileSync(file, 'utf8') === `ref: ${ref}\n`
  } catch {
    return false
  }
}

/** The same paths with the same bytes (or both deleted). */
function sameWrites(a: DraftWrites, b: DraftWrites): boolean {
  if (a.size !== b.size) return false
  for (const [p, bytes] of a) {
    if (!b.has(p)) return false
    const other = b.get(p) ?? null
    if (bytes === null || other === null ? bytes !== other : !bytes.equals(other)) return false
  }
  return true
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

/** A split index keeps its shared part as `sharedindex.<hash>` next to it: without one, the index is whole. */
function mayBeSplit(indexFile: string): boolean {
  try {
    return readdirSync(path.dirname(indexFile)).some((name) => name.startsWith('sharedindex.'))
  } catch {
    return true
  }
}
