// Preloaded into the action process by the bench (NODE_OPTIONS=--require), it only
// watches: it records, on the process's own clock (performance.now(), ms since the
// process started), every HTTP request made through fetch (undici diagnostics
// channels), every child process (node's child_process channel), every throttling
// wait (a Bottleneck scheduling timer, recognised by its call stack), every line
// written to stdout, and at exit the peak RSS and CPU time. It writes them as JSON to
// BENCH_PROBE_OUT. It changes nothing the action does, and is inert in any other
// process (a test command started by the action, say).
'use strict'
const out = process.env.BENCH_PROBE_OUT
const target = process.env.BENCH_PROBE_TARGET
if (out && target && process.argv[1] && require('node:path').resolve(process.argv[1]) === target) {
  const fs = require('node:fs')
  const dc = require('node:diagnostics_channel')
  const now = () => performance.now()
  const tPreload = now()
  const http = new Map()
  const httpDone = []
  const procs = []
  const timers = []
  const lines = []

  dc.subscribe('undici:request:create', ({ request }) => {
    http.set(request, { method: request.method, origin: request.origin, path: request.path, start: now(), headers: null, end: null, status: null })
  })
  dc.subscribe('undici:request:headers', ({ request, response }) => {
    const r = http.get(request)
    if (r) Object.assign(r, { headers: now(), status: response.statusCode })
  })
  const finish = (request, error) => {
    const r = http.get(request)
    if (!r) return
    http.delete(request)
    r.end = now()
    if (error) r.error = String(error && error.message ? error.message : error)
    httpDone.push(r)
  }
  dc.subscribe('undici:request:trailers', ({ request }) => finish(request))
  dc.subscribe('undici:request:error', ({ request, error }) => finish(request, error))

  dc.subscribe('child_process', ({ process: child }) => {
    const p = { args: null, start: now(), end: null }
    procs.push(p)
    // 'close' is when execFile's callback runs: the process has exited and its output is read.
    child.once('close', () => {
      p.end = now()
      p.args = child.spawnargs
    })
  })

  // Bottleneck (octokit's throttling plugin) delays a job with setTimeout(fn, wait) in its
  // _run; every other timer passes straight through.
  const realSetTimeout = globalThis.setTimeout
  const realClearTimeout = globalThis.clearTimeout
  const pending = new Map()
  globalThis.setTimeout = function benchSetTimeout(fn, delay, ...args) {
    if (typeof fn !== 'function' || !(delay >= 1)) return realSetTimeout(fn, delay, ...args)
    const stack = new Error().stack || ''
    // The bundle is split (dist/index.js and its chunks under dist/chunks/): Bottleneck may sit in either.
    if (!/\b_run\b[^\n]*dist[\\/](?:index|chunks[\\/][\w.-]+)\.js/.test(stack.split('\n').slice(2, 4).join('\n'))) return realSetTimeout(fn, delay, ...args)
    const rec = { delay, set: now(), fired: null }
    const handle = realSetTimeout(function () {
      rec.fired = now()
      timers.push(rec)
      pending.delete(handle)
      return fn.apply(this, arguments)
    }, delay, ...args)
    pending.set(handle, rec)
    return handle
  }
  globalThis.clearTimeout = function benchClearTimeout(handle) {
    pending.delete(handle)
    return realClearTimeout(handle)
  }

  const realWrite = process.stdout.write
  process.stdout.write = function (chunk, ...rest) {
    const t = now()
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    for (const line of text.split('\n')) if (line) lines.push({ t, text: line.slice(0, 160) })
    return realWrite.call(this, chunk, ...rest)
  }

  process.on('exit', (code) => {
    const ru = process.resourceUsage()
    let vmHwmKb = null
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))
      if (m) vmHwmKb = Number(m[1])
    } catch {}
    const unfinished = [...http.values()]
    fs.writeFileSync(out, JSON.stringify({
      timeOrigin: performance.timeOrigin,
      preload: tPreload,
      exit: now(),
      code,
      maxRssKb: ru.maxRSS,
      vmHwmKb,
      cpuUserMs: ru.userCPUTime / 1000,
      cpuSystemMs: ru.systemCPUTime / 1000,
      http: [...httpDone, ...unfinished],
      procs,
      timers,
      lines
    }))
  })
}
