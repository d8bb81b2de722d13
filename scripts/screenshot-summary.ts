// `npm run screenshot`: the summary comment of an emulated run (the demo's replay), rendered
// as GitHub renders it (GitHub-flavoured markdown, mermaid for the chart, the light and the
// dark theme) in headless Chromium, and saved as docs/summary-light.png and
// docs/summary-dark.png. For looking at the result; no test or CI step needs it.
// Needs Chromium: `apt-get install -y chromium` (or set CHROMIUM to a Chrome binary).
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { marked } from 'marked'
import { OWNER, REPO, startWorld } from '../emulators/harness'
import { DEFAULT_MODEL_INPUTS, DEFAULT_MODELS, drafter, files, issue, reviewer } from './demo-replay'

const root = resolve(import.meta.dirname, '..')
const chromium = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync)
if (!chromium) throw new Error('no Chromium found: apt-get install -y chromium, or set CHROMIUM')

/** GitHub's colours for markdown (Primer), per theme. */
const THEMES = {
  light: { bg: '#ffffff', fg: '#1f2328', muted: '#59636e', border: '#d1d9e0', rowAlt: '#f6f8fa', code: '#818b981f', link: '#0969da', mermaid: 'default' },
  dark: { bg: '#0d1117', fg: '#f0f6fc', muted: '#9198a1', border: '#3d444d', rowAlt: '#151b23', code: '#656c7633', link: '#4493f8', mermaid: 'dark' }
} as const

const WIDTH = 900

async function summaryComment(): Promise<string> {
  const world = await startWorld({ files, issue: { ...issue, labels: ['bug'] } })
  try {
    world.anthropic.respond(DEFAULT_MODELS.drafter, drafter)
    world.anthropic.respond(DEFAULT_MODELS.reviewer, reviewer)
    const run = await world.run({ inputs: { ...DEFAULT_MODEL_INPUTS, 'test-command': 'node test.js', 'category-labels': 'bug, docs' } })
    if (run.exitCode !== 0) throw new Error(`the emulated run failed:\n${run.stdout}${run.stderr}`)
    const pr = world.github.pulls(`${OWNER}/${REPO}`)[0]!
    const comment = world.github.comments(`${OWNER}/${REPO}`, pr.number).find((c) => c.body.includes('<!-- draft-review:summary '))
    if (!comment) throw new Error('the run left no summary comment')
    return comment.body
  } finally {
    await world.close()
  }
}

function page(markdown: string, theme: keyof typeof THEMES): string {
  const t = THEMES[theme]
  // Mermaid blocks become the <pre class="mermaid"> mermaid renders; everything else is GFM.
  const renderer = new marked.Renderer()
  const code = renderer.code.bind(renderer)
  renderer.code = (token) => (token.lang === 'mermaid' ? `<pre class="mermaid">${token.text.replace(/</g, '&lt;')}</pre>` : code(token))
  const body = marked.parse(markdown, { gfm: true, renderer, async: false }) as string
  const mermaidJs = pathToFileURL(join(root, 'node_modules/mermaid/dist/mermaid.min.js')).href
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; background: ${t.bg}; color: ${t.fg}; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
  .comment { width: ${WIDTH - 48}px; margin: 16px 24px; border: 1px solid ${t.border}; border-radius: 6px; padding: 16px; box-sizing: border-box; }
  h3 { font-size: 1.25em; margin: 0 0 16px; } p { margin: 0 0 16px; } a { color: ${t.link}; }
  table { border-collapse: collapse; margin: 0 0 16px; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { border: 1px solid ${t.border}; padding: 6px 13px; } th { font-weight: 600; } tr:nth-child(2n) { background: ${t.rowAlt}; }
  code { background: ${t.code}; border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
  blockquote { margin: 0 0 16px; padding: 0 1em; color: ${t.muted}; border-left: .25em solid ${t.border}; }
  sub { color: ${t.muted}; } details { margin: 0 0 16px; } summary { cursor: pointer; }
  pre.mermaid { background: transparent; margin: 0 0 16px; text-align: center; }
</style></head><body><div class="comment">${body}</div>
<script src="${mermaidJs}"></script>
<script>
  for (const d of document.querySelectorAll('details')) d.open = true
  mermaid.initialize({ startOnLoad: false, theme: '${t.mermaid}' })
  mermaid.run({ querySelector: 'pre.mermaid' }).then(() => {
    document.body.dataset.height = String(Math.ceil(document.querySelector('.comment').getBoundingClientRect().bottom) + 16)
    document.body.dataset.rendered = 'yes'
  }, (e) => { document.body.dataset.rendered = 'error: ' + e })
</script></body></html>`
}

function chrome(args: string[]): string {
  return execFileSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--allow-file-access-from-files', '--virtual-time-budget=10000', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024
  })
}

const markdown = await summaryComment()
const scratch = await mkdtemp(join(tmpdir(), 'draft-review-screenshot-'))
try {
  await mkdir(join(root, 'docs'), { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    const html = join(scratch, `${theme}.html`)
    await writeFile(html, page(markdown, theme))
    // First pass: render and measure; second: the screenshot, as tall as the comment.
    const dom = chrome([`--window-size=${WIDTH},4000`, '--dump-dom', pathToFileURL(html).href])
    const rendered = /data-rendered="([^"]*)"/.exec(dom)?.[1]
    if (rendered !== 'yes') throw new Error(`mermaid did not render the chart in the ${theme} theme: ${rendered ?? 'no result'}`)
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1] ?? 2000)
    const png = join(root, 'docs', `summary-${theme}.png`)
    chrome([`--window-size=${WIDTH},${height}`, `--screenshot=${png}`, pathToFileURL(html).href])
    console.log(`${png} (${WIDTH}×${height})`)
  }
  await writeFile(join(root, 'docs', 'summary-comment.md'), markdown + '\n')
  console.log(join(root, 'docs', 'summary-comment.md'))
} finally {
  await rm(scratch, { recursive: true, force: true })
}
