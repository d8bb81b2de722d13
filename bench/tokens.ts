// 2. Tokens: what the same short run sends the models on a large and on a small
// repository, and how the repository map grows with the file count.
import { promptTokens } from './action-run'
import { log, r1 } from './common'
import type { OverheadResult } from './overhead'

/** The repository map (src/workspace/repo-map.ts renderRepoMap, buildRepoMap's 6,000-char budget) for ever larger file lists. */
export async function mapScaling(): Promise<{ files: number; chars: number; ms: number }[]> {
  try {
    const { renderRepoMap } = await import('../src/workspace/repo-map')
    const out: { files: number; chars: number; ms: number }[] = []
    for (const n of [50, 5_000, 50_000, 500_000]) {
      const files = Array.from({ length: n }, (_, i) => ({ path: `packages/p${i % 40}/src/area${i % 13}/sub${i % 7}/file-${i}.ts`, bytes: 100 + ((i * 7919) % 40_000) }))
      const t0 = performance.now()
      const map = renderRepoMap(files, 6000)
      out.push({ files: n, chars: map.length, ms: r1(performance.now() - t0) })
    }
    return out
  } catch (e) {
    log(`repository map scaling skipped: ${(e as Error).message}`)
    return []
  }
}

/** The token figures of the first successful probed run of each repository, and how far apart they are. */
export function tokenFigures(ovLarge: OverheadResult, ovSmall: OverheadResult) {
  const firstRun = (o: OverheadResult) => o.runs.find((x) => x.exitCode === 0) ?? o.runs[0]!
  const tok = (o: OverheadResult) => {
    const rr = firstRun(o)
    const d = rr.calls.find((c) => c.role === 'drafter')
    const v = rr.calls.find((c) => c.role === 'reviewer')
    return {
      reviewerInput: v ? promptTokens(v) : 0,
      firstDrafterRequest: d ? promptTokens(d) : 0,
      firstMessageChars: rr.firstMessageChars,
      mapChars: rr.mapChars,
      firstDrafterRequestBytes: rr.firstDrafterRequestBytes,
      reviewerRequestBytes: rr.reviewerRequestBytes,
      calls: rr.calls
    }
  }
  const tl = tok(ovLarge)
  const ts = tok(ovSmall)
  const diff = (x: number, y: number) => (y ? Math.round(((x - y) / y) * 1e4) / 1e4 : 0)
  return { large: tl, small: ts, reviewerDiff: diff(tl.reviewerInput, ts.reviewerInput), firstRequestDiff: diff(tl.firstDrafterRequest, ts.firstDrafterRequest) }
}
