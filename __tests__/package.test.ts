// `npm pack` of the repository is what `npx github:OWNER/draft-review` installs: it must
// hold the built CLI and nothing else it needs, and its `draft-review` bin must run after
// an offline install (dist/ inlines every dependency, so there is nothing to fetch).
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
let scratch: string
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'draft-review-pack-'))
})
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

/** npm, offline, with a cache of its own so the machine's cache cannot make the test pass. */
function npm(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: scratch, npm_config_cache: join(scratch, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

test('npm pack, an offline install of the tarball, and the draft-review bin runs', async () => {
  const pack = npm(['pack', '--json', '--pack-destination', scratch], root)
  expect({ code: pack.code, stderr: pack.code === 0 ? '' : pack.stderr }).toEqual({ code: 0, stderr: '' })
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[]; bundled: string[] }]
  const files = info.files.map((f) => f.path)
  expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'action.yml', 'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']))
  expect(files.filter((f) => /^(src|__tests__|emulators|bench|scripts|node_modules)\//.test(f))).toEqual([])

  const app = join(scratch, 'app')
  await mkdir(app)
  const install = npm(['install', '--no-save', '--ignore-scripts', join(scratch, info.filename)], app)
  expect({ code: install.code, stderr: install.code === 0 ? '' : install.stderr }).toEqual({ code: 0, stderr: '' })

  const bin = join(app, 'node_modules', '.bin', 'draft-review')
  const help = spawnSync(bin, ['--help'], { encoding: 'utf8', env: { PATH: process.env.PATH } })
  expect(help.stderr).toBe('')
  expect(help.status).toBe(0)
  expect(help.stdout).toContain('draft-review run (--issue-file FILE | --issue N) [options]')
  expect(help.stdout).toContain('--category-labels LABELS')
  // The chunks the run command loads on demand came along too: it gets as far as --dir.
  const run = spawnSync(bin, ['run', '--issue-file', 'x.md', '--dir', join(scratch, 'missing')], { encoding: 'utf8', env: { PATH: process.env.PATH } })
  expect(run.stderr).toContain(`--dir ${join(scratch, 'missing')}: no such directory`)
  expect(run.status).toBe(2)
})
