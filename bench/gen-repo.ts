// Deterministic, source-like repositories for the bench: nested packages of TypeScript
// with tests, docs and config, file sizes spread like a real project (many small files,
// a long tail of large ones). Every repository also holds COMMON_FILES, the one file
// the scripted drafter edits, so both repositories get the very same diff.
import { intBetween, mulberry32, pick, type Rng } from './prng'

export const TARGET_PATH = 'src/math/sum.ts'
export const TARGET_BEFORE = [
  '// Small arithmetic helpers used across the packages.',
  '',
  '/** Adds two numbers. */',
  'export function sum(a: number, b: number): number {',
  '  return a - b',
  '}',
  '',
  '/** Adds every number of the list. */',
  'export function total(values: readonly number[]): number {',
  '  return values.reduce((acc, v) => sum(acc, v), 0)',
  '}',
  ''
].join('\n')
export const TARGET_OLD = '  return a - b'
export const TARGET_NEW = '  return a + b'

export const ISSUE = {
  number: 12,
  title: 'sum() subtracts instead of adding',
  body: 'Calling `sum(2, 3)` from `src/math/sum.ts` returns -1. It should return 5, and `total([1, 2, 3])` should return 6.'
}

/** Files both repositories share, identical. */
export function commonFiles(): Record<string, string> {
  return {
    'README.md': '# widgets\n\nA monorepo of small packages. See docs/ for the guides.\n\nRun `npm test` to test every package.\n',
    'package.json': JSON.stringify({ name: 'widgets', version: '1.0.0', private: true, workspaces: ['packages/*'], scripts: { test: 'node --test' } }, null, 2) + '\n',
    [TARGET_PATH]: TARGET_BEFORE
  }
}

const WORDS = [
  'account', 'adapter', 'buffer', 'cache', 'channel', 'client', 'config', 'context', 'cursor', 'digest', 'entry',
  'event', 'field', 'filter', 'frame', 'graph', 'handle', 'header', 'index', 'item', 'job', 'key', 'layer', 'ledger',
  'limit', 'loader', 'mapper', 'message', 'meter', 'node', 'offset', 'order', 'owner', 'packet', 'page', 'parser',
  'path', 'payload', 'policy', 'pool', 'query', 'queue', 'range', 'record', 'region', 'report', 'request', 'result',
  'route', 'rule', 'schema', 'scope', 'segment', 'session', 'signal', 'slot', 'source', 'span', 'state', 'store',
  'stream', 'table', 'task', 'tenant', 'token', 'topic', 'tracker', 'user', 'value', 'vector', 'version', 'window',
  'worker', 'zone'
]
const VERBS = [
  'apply', 'build', 'check', 'collect', 'compute', 'create', 'decode', 'encode', 'ensure', 'expand', 'fetch', 'find',
  'flush', 'format', 'load', 'merge', 'normalize', 'open', 'parse', 'read', 'refresh', 'render', 'resolve', 'retry',
  'scan', 'select', 'sort', 'split', 'sync', 'update', 'validate', 'write'
]
const TYPES = ['string', 'number', 'boolean', 'Date', 'Uint8Array', 'string[]', 'number[]', 'Map<string, number>', 'Record<string, string>']
const PROSE = [
  'the', 'a', 'when', 'each', 'every', 'only', 'never', 'before', 'after', 'returns', 'keeps', 'reads', 'writes',
  'so that', 'unless', 'with', 'without', 'from', 'into', 'for', 'is', 'are', 'may', 'must', 'one', 'all', 'its'
]
const PACKAGES = ['core', 'api', 'cli', 'web', 'store', 'auth', 'billing', 'search', 'sync', 'metrics', 'jobs', 'mail', 'files', 'admin']
const SUBDIRS = ['internal', 'adapters', 'types', 'helpers', 'legacy', 'v2']
const AREAS = ['model', 'service', 'handlers', 'util', 'io', 'net', 'db', 'cache', 'parsers', 'validation', 'views', 'workers']

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)
const camel = (rng: Rng) => pick(rng, VERBS) + cap(pick(rng, WORDS)) + (rng() < 0.4 ? cap(pick(rng, WORDS)) : '')
const typeName = (rng: Rng) => cap(pick(rng, WORDS)) + (rng() < 0.5 ? cap(pick(rng, WORDS)) : '')
const sentence = (rng: Rng, n: number) => {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(rng() < 0.35 ? pick(rng, PROSE) : pick(rng, rng() < 0.7 ? WORDS : VERBS))
  const s = out.join(' ')
  return cap(s) + '.'
}

function tsStatement(rng: Rng, indent: string): string {
  const v = pick(rng, WORDS)
  switch (intBetween(rng, 0, 7)) {
    case 0: return `${indent}const ${v} = ${camel(rng)}(${pick(rng, WORDS)}, ${intBetween(rng, 0, 512)})`
    case 1: return `${indent}if (!${v}) throw new Error('${sentence(rng, 5)}')`
    case 2: return `${indent}for (const ${v} of ${pick(rng, WORDS)}s) ${pick(rng, WORDS)}.push(${camel(rng)}(${v}))`
    case 3: return `${indent}// ${sentence(rng, intBetween(rng, 6, 14))}`
    case 4: return `${indent}const ${v}${intBetween(rng, 1, 9)} = await this.${camel(rng)}({ ${pick(rng, WORDS)}: ${pick(rng, WORDS)}, limit: ${intBetween(rng, 1, 1000)} })`
    case 5: return `${indent}if (${pick(rng, WORDS)}.length > ${intBetween(rng, 1, 64)}) return ${pick(rng, WORDS)}.slice(0, ${intBetween(rng, 1, 64)})`
    case 6: return `${indent}${pick(rng, WORDS)}.${pick(rng, WORDS)} = ${pick(rng, WORDS)}?.${pick(rng, WORDS)} ?? ${rng() < 0.5 ? 'null' : `'${pick(rng, WORDS)}'`}`
    default: return `${indent}return { ${pick(rng, WORDS)}, ${pick(rng, WORDS)}: ${camel(rng)}(${pick(rng, WORDS)}) }`
  }
}

function tsBlock(rng: Rng): string {
  const lines: string[] = []
  const kind = rng()
  if (kind < 0.2) {
    const name = typeName(rng)
    lines.push(`/** ${sentence(rng, intBetween(rng, 5, 12))} */`, `export interface ${name} {`)
    for (let i = intBetween(rng, 2, 8); i > 0; i--) lines.push(`  ${pick(rng, WORDS)}${rng() < 0.3 ? '?' : ''}: ${pick(rng, TYPES)}`)
    lines.push('}')
  } else if (kind < 0.35) {
    const name = typeName(rng)
    lines.push(`export class ${name} {`, `  private readonly ${pick(rng, WORDS)}s = new Map<string, ${typeName(rng)}>()`, '')
    for (let m = intBetween(rng, 1, 3); m > 0; m--) {
      lines.push(`  /** ${sentence(rng, intBetween(rng, 4, 10))} */`, `  async ${camel(rng)}(${pick(rng, WORDS)}: ${pick(rng, TYPES)}): Promise<${typeName(rng)}> {`)
      for (let i = intBetween(rng, 2, 9); i > 0; i--) lines.push(tsStatement(rng, '    '))
      lines.push('  }', '')
    }
    lines.push('}')
  } else if (kind < 0.45) {
    lines.push(`export const ${pick(rng, WORDS).toUpperCase()}_${pick(rng, WORDS).toUpperCase()} = {`)
    for (let i = intBetween(rng, 3, 10); i > 0; i--) lines.push(`  ${pick(rng, WORDS)}: ${rng() < 0.5 ? intBetween(rng, 0, 99999) : `'${pick(rng, WORDS)}-${pick(rng, WORDS)}'`},`)
    lines.push('} as const')
  } else {
    lines.push(`/**`, ` * ${sentence(rng, intBetween(rng, 6, 16))}`, ` * ${sentence(rng, intBetween(rng, 4, 12))}`, ' */')
    lines.push(`export function ${camel(rng)}(${pick(rng, WORDS)}: ${typeName(rng)}, ${pick(rng, WORDS)}: ${pick(rng, TYPES)}): ${typeName(rng)} {`)
    for (let i = intBetween(rng, 3, 14); i > 0; i--) lines.push(tsStatement(rng, '  '))
    lines.push('}')
  }
  return lines.join('\n') + '\n\n'
}

function tsFile(rng: Rng, bytes: number, test: boolean): string {
  let out = `// ${sentence(rng, intBetween(rng, 6, 14))}\n`
  for (let i = intBetween(rng, 1, 6); i > 0; i--) out += `import { ${camel(rng)}, ${typeName(rng)} } from '../${pick(rng, AREAS)}/${pick(rng, WORDS)}'\n`
  out += '\n'
  if (test) out += `import { describe, it } from 'node:test'\nimport assert from 'node:assert'\n\n`
  while (out.length < bytes) {
    if (test) {
      out += `describe('${camel(rng)}', () => {\n  it('${sentence(rng, 6)}', async () => {\n`
      for (let i = intBetween(rng, 2, 6); i > 0; i--) out += tsStatement(rng, '    ') + '\n'
      out += `    assert.deepStrictEqual(${pick(rng, WORDS)}, ${intBetween(rng, 0, 99)})\n  })\n})\n\n`
    } else out += tsBlock(rng)
  }
  return out
}

function mdFile(rng: Rng, bytes: number): string {
  let out = `# ${cap(pick(rng, WORDS))} ${pick(rng, WORDS)}s\n\n`
  while (out.length < bytes) {
    const r = rng()
    if (r < 0.15) out += `## ${cap(pick(rng, VERBS))} a ${pick(rng, WORDS)}\n\n`
    else if (r < 0.25) out += '```ts\n' + tsStatement(rng, '') + '\n' + tsStatement(rng, '') + '\n```\n\n'
    else {
      const n = intBetween(rng, 2, 6)
      const ss: string[] = []
      for (let i = 0; i < n; i++) ss.push(sentence(rng, intBetween(rng, 6, 18)))
      out += ss.join(' ') + '\n\n'
    }
  }
  return out
}

function jsonFile(rng: Rng, bytes: number): string {
  const obj: Record<string, unknown> = {}
  let size = 2
  while (size < bytes) {
    const k = `${pick(rng, WORDS)}_${intBetween(rng, 0, 9999)}`
    const v = { id: intBetween(rng, 1, 1e6), name: `${pick(rng, WORDS)} ${pick(rng, WORDS)}`, tags: [pick(rng, WORDS), pick(rng, WORDS)], enabled: rng() < 0.5 }
    obj[k] = v
    size += k.length + 90
  }
  return JSON.stringify(obj, null, 2) + '\n'
}

const OVERSHOOT = 560

/** Source-like TypeScript of about `bytes` bytes (a test file when `test`), deterministic per seed. */
export function sourceText(seed: number, bytes: number, test = false): string {
  return tsFile(mulberry32(seed), bytes, test)
}

/** Log-normal-ish sizes (median ~ e^mu), scaled so they add up to totalBytes. */
function sizes(rng: Rng, n: number, totalBytes: number): number[] {
  const raw: number[] = []
  for (let i = 0; i < n; i++) {
    // Box-Muller
    const u = Math.max(1e-12, rng())
    const v = rng()
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    raw.push(Math.min(40, Math.exp(1.0 * z)))
  }
  const sum = raw.reduce((a, b) => a + b, 0)
  // A file is written block by block until it reaches its size, so it ends on average
  // about OVERSHOOT bytes past it: aim that much lower.
  return raw.map((r) => Math.max(120, Math.round((r / sum) * totalBytes) - OVERSHOOT))
}

export interface GeneratedRepo {
  files: Record<string, string>
  fileCount: number
  totalBytes: number
  dirCount: number
}

/** `count` files (COMMON_FILES included) of about `totalBytes` in all. */
export function generateRepo(opts: { count: number; totalBytes: number; seed: number }): GeneratedRepo {
  const rng = mulberry32(opts.seed)
  const files: Record<string, string> = commonFiles()
  const fixed = Object.keys(files).length
  const n = opts.count - fixed
  const budget = opts.totalBytes - Object.values(files).reduce((a, s) => a + s.length, 0)
  const sz = sizes(rng, n, budget)
  const dirs = new Set<string>()
  for (let i = 0; i < n; i++) {
    let path: string
    let body: (bytes: number) => string
    do {
      const r = rng()
      const pkg = `packages/${pick(rng, PACKAGES)}`
      if (r < 0.62) {
        let dir = `${pkg}/src/${pick(rng, AREAS)}`
        if (rng() < 0.4) dir += `/${pick(rng, SUBDIRS)}`
        path = `${dir}/${pick(rng, WORDS)}-${pick(rng, WORDS)}.ts`
        body = (b) => tsFile(rng, b, false)
      } else if (r < 0.82) {
        path = `${pkg}/test/${pick(rng, AREAS)}/${pick(rng, WORDS)}-${pick(rng, VERBS)}.test.ts`
        body = (b) => tsFile(rng, b, true)
      } else if (r < 0.92) {
        path = `docs/${pick(rng, PACKAGES)}/${pick(rng, VERBS)}-${pick(rng, WORDS)}.md`
        body = (b) => mdFile(rng, b)
      } else {
        path = `${pkg}/fixtures/${pick(rng, WORDS)}-${intBetween(rng, 1, 99)}.json`
        body = (b) => jsonFile(rng, b)
      }
    } while (path in files)
    files[path] = body(sz[i]!)
    dirs.add(path.slice(0, path.lastIndexOf('/')))
  }
  const totalBytes = Object.values(files).reduce((a, s) => a + Buffer.byteLength(s), 0)
  return { files, fileCount: Object.keys(files).length, totalBytes, dirCount: dirs.size }
}
