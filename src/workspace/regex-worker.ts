// Runs a model's regular expression in a worker thread that is killed when it runs too
// long. JavaScript regexes backtrack: a pattern such as (a+)+$ on a line of a's followed by
// b takes exponential time, and a running regex cannot be interrupted on its own thread.
// A worker can: terminate() stops it mid-match, so the action never hangs on a pattern.

import { Worker } from 'node:worker_threads'

/**
 * The worker's code, plain JavaScript run with eval so the bundle needs no second file.
 * In: { pattern, files: string[][] (lines), limit }. Out: { matches: [file, line][], more },
 * at most `limit` matches, `more` when one more exists.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
parentPort.on('message', ({ pattern, files, limit }) => {
  const re = new RegExp(pattern)
  const matches = []
  for (let f = 0; f < files.length; f++) {
    const lines = files[f]
    for (let l = 0; l < lines.length; l++) {
      if (!re.test(lines[l])) continue
      if (matches.length === limit) return parentPort.postMessage({ matches, more: true })
      matches.push([f, l])
    }
  }
  parentPort.postMessage({ matches, more: false })
})
`

export interface TimeLimits {
  /** Longest one call to match() may take. */
  perCallMs: number
  /** Longest all calls together may take. */
  totalMs: number
}

export interface LineMatches {
  /** [index into files, index into that file's lines], in order. */
  matches: Array<[number, number]>
  /** Another match exists past the limit. */
  more: boolean
}

/** The pattern ran over its time limit; the worker has been stopped. */
export class RegexTimeout extends Error {}

export class RegexWorker {
  private worker: Worker | undefined
  private budgetMs: number

  constructor(
    private readonly pattern: string,
    private readonly limits: TimeLimits
  ) {
    this.budgetMs = limits.totalMs
  }

  /** The first `limit` lines (across files, in order) the pattern matches. */
  async match(files: string[][], limit: number): Promise<LineMatches> {
    const timeoutMs = Math.min(this.limits.perCallMs, this.budgetMs)
    const started = Date.now()
    try {
      if (timeoutMs <= 0) throw new RegexTimeout()
      return await this.ask({ pattern: this.pattern, files, limit }, timeoutMs)
    } catch (err) {
      await this.close()
      throw err
    } finally {
      this.budgetMs -= Date.now() - started
    }
  }

  /** Stops the worker (safe to call more than once). */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }

  private async ask(message: object, timeoutMs: number): Promise<LineMatches> {
    if (!this.worker) {
      // The clock starts once the thread runs: starting one is not the pattern's time
      // (on a loaded machine it can take longer than a whole search).
      const fresh = new Worker(WORKER_SOURCE, { eval: true })
      this.worker = fresh
      await new Promise<void>((resolve, reject) => {
        fresh.once('online', () => {
          fresh.off('error', reject)
          resolve()
        })
        fresh.once('error', reject)
      })
    }
    const worker = this.worker
    return new Promise((resolve, reject) => {
      const settle = (done: () => void): void => {
        clearTimeout(timer)
        worker.off('message', onMessage).off('error', onError)
        done()
      }
      const onMessage = (reply: LineMatches): void => settle(() => resolve(reply))
      const onError = (err: Error): void => settle(() => reject(err))
      const timer = setTimeout(() => settle(() => reject(new RegexTimeout())), timeoutMs)
      worker.on('message', onMessage).on('error', onError)
      worker.postMessage(message)
    })
  }
}
