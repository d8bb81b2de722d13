// `git grep` for the search tool: the files git tracks or would track (tracked, plus
// untracked ones .gitignore does not hide), binary files skipped, at git's speed. It only
// proposes lines: each is checked again with the model's own JavaScript regex, since git
// speaks PCRE. Null when git cannot answer (not a work tree, no PCRE, a pattern PCRE
// refuses): the caller then scans the files itself.

import { spawn } from 'node:child_process'
import { gitEnv, hardeningArgs } from '../git/run'

export interface GrepLine {
  path: string
  /** 1-based */
  line: number
  text: string
}

export interface GrepResult {
  lines: GrepLine[]
  /** More lines matched than `maxLines`: git was stopped there. */
  more: boolean
}

/** git grep ran past its time limit and was stopped. */
export class GrepTimeout extends Error {}

/**
 * Lines under `dir` ('' is the whole repository) that PCRE's reading of `pattern` matches,
 * in git's order (by path), at most maxLines. Runs in a bare environment with the work
 * tree pinned: a test command may have rewritten .git/config (core.worktree pointing
 * elsewhere, core.fsmonitor running a program, grep.* options changing the output).
 */
export function gitGrep(
  root: string,
  pattern: string,
  dir: string,
  opts: { maxLines: number; timeoutMs: number; indexFile?: string }
): Promise<GrepResult | null> {
  // The run's private index: a file the test command force-added to the shared one stays unsearched.
  const env = gitEnv({ env: { GIT_WORK_TREE: root, ...(opts.indexFile ? { GIT_INDEX_FILE: opts.indexFile } : {}) } })
  // The hardened runner's settings (./git/run.ts), plus grep's own output options pinned.
  const args = [
    ...hardeningArgs(root),
    '-c', 'grep.column=false', '-c', 'grep.fullName=false',
    '-c', 'grep.fallbackToNoIndex=false', '-c', 'color.grep=never', '-c', 'core.quotePath=false',
    'grep', '--untracked', '-P', '-I', '-n', '--null', '--no-color', '--full-name', '-e', pattern, '--',
    dir === '' ? '.' : `:(literal)${dir}`
  ]
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: GrepLine[] = []
    let pending: Buffer = Buffer.alloc(0)
    let stderr = ''
    let more = false
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, opts.timeoutMs)
    const take = (record: Buffer): void => {
      // path NUL line NUL text
      const a = record.indexOf(0)
      const b = a < 0 ? -1 : record.indexOf(0, a + 1)
      if (b < 0) return
      lines.push({ path: record.subarray(0, a).toString('utf8'), line: Number(record.subarray(a + 1, b).toString('latin1')), text: record.subarray(b + 1).toString('utf8') })
    }
    child.stdout.on('data', (chunk: Buffer) => {
      if (more) return
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      let start = 0
      for (let nl = pending.indexOf(10, start); nl !== -1; nl = pending.indexOf(10, start)) {
        if (lines.length === opts.maxLines) {
          more = true
          child.kill('SIGKILL')
          break
        }
        take(pending.subarray(start, nl))
        start = nl + 1
      }
      pending = pending.subarray(start)
    })
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString('utf8')))
    child.on('error', (e) => {
      clearTimeout(timer)
      // No git on PATH: the scan still works.
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') resolve(null)
      else reject(e)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (timedOut) return reject(new GrepTimeout())
      if (more || code === 0 || code === 1) return resolve({ lines, more })
      // 128: not a work tree, git built without PCRE, or a pattern PCRE does not accept.
      void stderr
      resolve(null)
    })
  })
}
