// The drafter's only way to touch the repository: list, read, search, write, edit,
// delete, finish. This module is the front door: it checks a call's arguments, hands
// it to the tool, and turns what comes back (or is thrown) into a redacted result.
// The tools themselves: ./file-tools and ./search-tools; path safety: ./resolve.

import type { ToolSpec } from '../chat'
import type { PrefetchedListing } from '../git'
import { FileTools } from './file-tools'
import type { PathRules } from './paths'
import { PathResolver } from './resolve'
import { listFiles, search } from './search-tools'
import { fail, Refusal, type ToolOutcome } from './tool-outcome'
import { argSchemas, SPECS, type Args, type ToolName } from './tool-specs'
import { TrackedFiles } from './tracked'

export type { ToolOutcome } from './tool-outcome'

export interface WorkspaceToolsOptions {
  root: string
  rules: PathRules
  redact?: (text: string) => string
  /** Largest file write_file / edit_file may produce, in bytes (default 256 KiB). */
  maxFileBytes?: number
  /** The run's private index (Git.indexFile), so what the test command stages changes nothing the tools see. */
  indexFile?: () => Promise<string | undefined>
  /** Whether every file that index lists is on disk at the start (Git.startsClean). */
  startsWhole?: () => Promise<boolean>
  /** The first listing, read while the run started (Git.earlyListing). */
  prefetched?: () => Promise<PrefetchedListing | undefined>
}

const DEFAULT_MAX_FILE_BYTES = 256 * 1024

type Handlers = { [N in ToolName]: (args: Args<N>) => Promise<ToolOutcome> }

export class WorkspaceTools {
  private readonly paths: PathResolver
  private readonly files: FileTools
  private readonly redact: (text: string) => string
  private readonly handlers: Handlers

  constructor(opts: WorkspaceToolsOptions) {
    const tracked = new TrackedFiles(opts.root, { indexFile: opts.indexFile, startsWhole: opts.startsWhole, prefetched: opts.prefetched, redact: opts.redact })
    this.paths = new PathResolver(opts.root, opts.rules, tracked)
    this.files = new FileTools(this.paths, opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
    this.redact = opts.redact ?? ((t) => t)
    this.handlers = {
      list_files: (args) => listFiles(this.paths, args),
      read_file: (args) => this.files.readFile(args),
      search: (args) => search(this.paths, args),
      write_file: (args) => this.files.writeFile(args),
      edit_file: (args) => this.files.editFile(args),
      delete_file: (args) => this.files.deleteFile(args),
      finish: async ({ summary }) => ({ content: 'finished', isError: false, finished: { summary } })
    }
  }

  specs(): ToolSpec[] {
    return structuredClone(SPECS)
  }

  /** Sorted repo-relative paths written or deleted so far. */
  touched(): string[] {
    return [...this.files.written.keys()].sort()
  }

  /** What the drafter wrote: each path's exact bytes, or null for a deletion. What a draft commits. */
  writes(): ReadonlyMap<string, Buffer | null> {
    return new Map(this.files.written)
  }

  /** Something outside the tools changed the workspace (the test command ran): listings are read again. */
  workspaceChanged(): void {
    this.paths.tracked.changed()
  }

  /** What git tracks or would track (the listing list_files, search and the repo map use). */
  get tracked(): TrackedFiles {
    return this.paths.tracked
  }

  async run(name: string, input: unknown): Promise<ToolOutcome> {
    let outcome: ToolOutcome
    try {
      outcome = await this.dispatch(name, input)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      outcome = { content: err instanceof Refusal ? message : `${name} failed: ${message}`, isError: true }
    }
    return { ...outcome, content: this.redact(this.paths.hideRoot(outcome.content)) }
  }

  private async dispatch(name: string, input: unknown): Promise<ToolOutcome> {
    if (!Object.hasOwn(argSchemas, name)) {
      return fail(`unknown tool ${JSON.stringify(name)}; the tools are: ${Object.keys(argSchemas).join(', ')}`)
    }
    const tool = name as ToolName
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return fail(`${tool}: the arguments must be a JSON object`)
    }
    const parsed = argSchemas[tool].safeParse(input)
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`)
      return fail(`${tool}: invalid arguments: ${problems.join('; ')}`)
    }
    // The schema checked the data against this tool's arguments.
    const handler = this.handlers[tool] as (args: unknown) => Promise<ToolOutcome>
    return handler(parsed.data)
  }
}
