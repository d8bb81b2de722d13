// The release: LICENSE and CHANGELOG are there and agree with package.json, and
// .github/workflows/release.yml parses with GitHub's workflow parser and, run step by step
// with bash against a local origin, moves the major tag only for a vX.Y.Z release whose
// version package.json and CHANGELOG.md declare.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { git } from '../emulators/git'
import { workflowErrors } from './fixtures/workflow-parser'

const root = fileURLToPath(new URL('..', import.meta.url))
const workflowText = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; license: string }

interface Step {
  name?: string
  uses?: string
  run?: string
  env?: Record<string, string>
}
const workflow = parseYaml(workflowText) as {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: { release: { if: string; steps: Step[] } }
}
const steps = workflow.jobs.release.steps

test('LICENSE is the MIT licence package.json names; CHANGELOG has a section for the version', () => {
  expect(pkg.license).toBe('MIT')
  const license = readFileSync(join(root, 'LICENSE'), 'utf8')
  expect(license).toMatch(/^MIT License\n/)
  expect(license).toContain('Permission is hereby granted, free of charge')
  const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
  expect(changelog).toContain(`## [${pkg.version}]`)
})

test('release.yml parses with GitHub workflow parser, runs on a published release, checks dist/', async () => {
  expect(await workflowErrors('release.yml', workflowText)).toEqual([])
  expect(workflow.on.release).toEqual({ types: ['published'] })
  expect(workflow.permissions).toEqual({ contents: 'write' })
  expect(workflow.jobs.release.if).toContain('!github.event.release.prerelease')
  // The dist/ check is the CI script: install, test, rebuild, fail on a difference.
  expect(steps.some((s) => s.run?.trim() === '.ci/run')).toBe(true)
  const ci = readFileSync(join(root, '.ci/run'), 'utf8')
  expect(ci).toContain('npm run -s bundle')
  expect(ci).toContain('git diff --quiet -- dist')
})

describe('release.yml, its run steps executed with bash against a local origin', () => {
  let dir: string
  let origin: string
  let work: string
  let first: string
  let second: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'draft-review-release-'))
    origin = join(dir, 'origin.git')
    work = join(dir, 'work')
    await git(dir, ['init', '--quiet', '--bare', origin])
    await git(dir, ['init', '--quiet', '--initial-branch', 'main', work])
    await git(work, ['remote', 'add', 'origin', origin])
    first = await commit('1.0.0')
    await git(work, ['tag', '--annotate', 'v1.0.0', '-m', 'v1.0.0'])
    await git(work, ['tag', '--annotate', 'v1', '-m', 'v1'])
    second = await commit('1.1.0')
    await git(work, ['tag', '--annotate', 'v1.1.0', '-m', 'v1.1.0'])
    await git(work, ['push', '--quiet', 'origin', 'main', '--tags'])
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function commit(version: string): Promise<string> {
    await writeFile(join(work, 'package.json'), JSON.stringify({ name: 'draft-review', version }) + '\n')
    await writeFile(join(work, 'CHANGELOG.md'), `# Changelog\n\n## [${version}]\n\n- things\n`)
    await git(work, ['add', '-A'])
    await git(work, ['commit', '--quiet', '-m', version])
    return (await git(work, ['rev-parse', 'HEAD'])).trim()
  }

  /** Runs one step's script as the runner does (bash -e -o pipefail), with its env. */
  async function runStep(step: Step, env: Record<string, string>): Promise<{ code: number; out: string; env: string; summary: string }> {
    const githubEnv = join(dir, 'github-env')
    const summary = join(dir, 'summary')
    await writeFile(githubEnv, '')
    await writeFile(summary, '')
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      cwd: work,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GITHUB_ENV: githubEnv,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_SERVER_URL: 'https://github.invalid',
        ...env
      }
    })
    return { code: r.status ?? -1, out: r.stdout + r.stderr, env: await readFile(githubEnv, 'utf8'), summary: await readFile(summary, 'utf8') }
  }

  const check = (): Step => steps.find((s) => s.name?.startsWith('Check the tag'))!
  const move = (): Step => steps.find((s) => s.name?.startsWith('Move'))!
  const originTag = async (tag: string): Promise<string> => (await git(origin, ['rev-parse', `${tag}^{commit}`])).trim()

  test('v1.1.0: the check passes, names the major tag, and v1 moves to the release on origin', async () => {
    expect(await originTag('v1')).toBe(first)
    const checked = await runStep(check(), { TAG: 'v1.1.0' })
    expect(checked.code).toBe(0)
    expect(checked.env).toBe('MAJOR=v1\n')
    const moved = await runStep(move(), { TAG: 'v1.1.0', MAJOR: 'v1', GH_TOKEN: 'ghs_releaseToken' })
    expect(moved.code).toBe(0)
    expect(moved.out).toContain('v1 -> v1 (forced update)')
    expect(moved.out).not.toContain('ghs_releaseToken')
    expect(await originTag('v1')).toBe(second)
    expect(moved.summary).toContain(`v1 now points to v1.1.0 (${second})`)
    // Moving back by hand (workflow_dispatch with an earlier tag) works the same way.
    expect((await runStep(move(), { TAG: 'v1.0.0', MAJOR: 'v1', GH_TOKEN: 'x' })).code).toBe(0)
    expect(await originTag('v1')).toBe(first)
  })

  test.each([
    ['a tag that is not vX.Y.Z', 'v1.1', /not of the form vX\.Y\.Z/],
    ['a tag package.json does not declare', 'v1.2.0', /package\.json says version 1\.1\.0, the tag says 1\.2\.0/]
  ])('%s fails the check, so nothing moves', async (_what, tag, message) => {
    const r = await runStep(check(), { TAG: tag })
    expect(r.code).toBe(1)
    expect(r.out).toMatch(message)
    expect(r.env).toBe('')
  })

  test('a version with no CHANGELOG section fails the check', async () => {
    await writeFile(join(work, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n')
    const r = await runStep(check(), { TAG: 'v1.1.0' })
    expect(r.code).toBe(1)
    expect(r.out).toContain("CHANGELOG.md has no '## [1.1.0]' section")
  })
})
