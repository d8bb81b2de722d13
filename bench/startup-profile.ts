// Where the cold start of dist/index.js goes, from V8 CPU profiles (node --cpu-prof):
// the bundle's own code is attributed to the package each line came from, using the
// `// node_modules/<pkg>/...` and `// src/...` comments esbuild writes before every
// module of a non-minified bundle. Pure functions; the bench does the I/O.

export interface ModuleStart {
  /** 1-based line of the module's path comment */
  line: number
  pkg: string
}

/** Where each module of the bundle starts, in line order. */
export function moduleStarts(bundle: string): ModuleStart[] {
  const out: ModuleStart[] = []
  const lines = bundle.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/ ((?:node_modules\/(?:@[^/]+\/)?[^/]+)|src)\/\S+\.(?:[cm]?js|ts|json)$/.exec(lines[i]!)
    if (m) out.push({ line: i + 1, pkg: m[1] === 'src' ? 'src (the action)' : m[1]!.replace(/^node_modules\//, '') })
  }
  return out
}

/** Sizes in bytes per package, from the same comments. */
export function packageBytes(bundle: string): { name: string; bytes: number }[] {
  const starts = moduleStarts(bundle)
  const lineOffsets: number[] = [0]
  for (let i = 0; i < bundle.length; i++) if (bundle.charCodeAt(i) === 10) lineOffsets.push(i + 1)
  const sums = new Map<string, number>()
  starts.forEach((s, i) => {
    const from = lineOffsets[s.line - 1]!
    const to = i + 1 < starts.length ? lineOffsets[starts[i + 1]!.line - 1]! : bundle.length
    sums.set(s.pkg, (sums.get(s.pkg) ?? 0) + (to - from))
  })
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
}

function pkgAt(starts: ModuleStart[], line: number): string {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]!.line <= line) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  // Before the first module: esbuild's __esm/__commonJS wrappers, whose self time is V8
  // compiling each module's body when it is first initialised.
  return found < 0 ? 'compiling module bodies on first use (esbuild wrappers)' : starts[found]!.pkg
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; positionTicks?: { line: number; ticks: number }[] }[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

/** Milliseconds of one profile by category: bundle code per package, compiling the bundle, node itself, GC. */
/** `startsFor` maps a script URL to the module starts of that bundle file (entry or chunk), or undefined. */
export function attributeProfile(profile: CpuProfile, startsFor: (url: string) => ModuleStart[] | undefined): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const out: Record<string, number> = {}
  const add = (k: string, us: number) => (out[k] = (out[k] ?? 0) + us / 1000)
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!
    const { functionName, url } = n.callFrame
    const starts = startsFor(url)
    if (starts) {
      const ticks = n.positionTicks ?? []
      const total = ticks.reduce((a, t) => a + t.ticks, 0)
      const key = (line: number) => {
        const pkg = pkgAt(starts, line)
        return pkg.startsWith('compiling') ? pkg : `evaluating ${pkg}`
      }
      if (total === 0) add(key(n.callFrame.lineNumber + 1), us)
      else for (const t of ticks) add(key(t.line), (us * t.ticks) / total)
    } else if (functionName === 'compileSourceTextModule' || functionName === 'decodeUTF8' || functionName === 'read') {
      add('parse + compile the bundle', us)
    } else if (functionName === '(garbage collector)') add('garbage collection', us)
    else if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') add('(program / idle)', us)
    else add('node itself (bootstrap, built-in modules)', us)
  }
  out.total = (profile.endTime - profile.startTime) / 1000
  return out
}
