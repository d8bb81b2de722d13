// The pre-push check, the last line behind the tools' path policy: a commit that carries a
// protected path (here made by calling the commit layer directly, as a bug in the tools
// would) is refused, nothing is pushed, and the summary says so in words.
import { checkoutWorkspace, makeOrigin, tip } from '../emulators/git'
import { startGitHubEmulator } from '../emulators/github'
import { Git } from '../src/git'
import { createOctokit, GitHubClient } from '../src/github'
import type { LoopResult } from '../src/loop'
import { CostMeter } from '../src/meter'
import { publish, PublishError } from '../src/publish'
import { readSettings } from '../src/settings'
import { pushViolations } from '../src/workspace/paths'
import { SAMPLE_FILES } from './fixtures/sample-repo'

const TOKEN = 'ghs_push_check_token'

test('pushViolations: .git, protected-paths, and outside test-paths in a tests run', () => {
  const rules = { mode: 'tests' as const, protectedGlobs: ['.github/workflows/**'], testGlobs: ['tests/**'] }
  expect(pushViolations(['tests/a.test.js', '.GitHub/Workflows/x.yml', 'src/x.js', 'sub/.git/config'], rules)).toEqual([
    expect.stringContaining('.GitHub/Workflows/x.yml is protected'),
    expect.stringContaining('src/x.js: this is a tests run'),
    'sub/.git/config is inside .git'
  ])
  expect(pushViolations(['src/x.js'], { ...rules, mode: 'changes' })).toEqual([])
})

test('a branch that would change a protected path is not pushed, and the summary on the issue says why', async () => {
  const origin = await makeOrigin(SAMPLE_FILES)
  const github = await startGitHubEmulator({ token: TOKEN })
  try {
    github.addRepo({ owner: 'acme', name: 'widgets', defaultBranch: 'main', bareDir: origin.bareDir, permissions: { maria: 'write' } })
    github.addIssue('acme/widgets', { number: 7, title: 'x', user: 'maria' })
    const ws = await checkoutWorkspace(origin.bareDir)
    const git = new Git(ws)
    const branch = 'draft-review/issue-7'
    const { baseSha } = await git.startBranch('main', branch)
    const writes = new Map([
      ['src/ok.js', Buffer.from('ok\n')],
      ['.github/workflows/evil.yml', Buffer.from('on: push\n')]
    ])
    expect((await git.commitWrites(writes, 'draft')).changed).toBe(true)
    const inputs: Record<string, string> = { 'anthropic-api-key': 'sk-ant-x', 'github-token': TOKEN }
    const settings = readSettings((name) => inputs[name] ?? '')
    const outputs: Record<string, string> = {}
    const result: LoopResult = {
      stopReason: 'approved', approved: true, drafts: 1, reviews: [], testRuns: [], drafterSummary: 'done',
      drafterModels: [settings.drafters[0]!.id], toolErrors: 0, cutOffs: 0, repeatNudges: 0, endedForRepeats: 0, compactions: 0, note: ''
    }
    const gh = new GitHubClient(createOctokit(TOKEN, github.url, () => {}), 'acme', 'widgets')
    const attempt = publish(
      settings,
      { eventName: 'issues', payload: {}, owner: 'acme', repo: 'widgets', apiUrl: github.url, serverUrl: 'https://github.example', workspace: ws },
      { info: () => {}, warning: () => {}, setOutput: (k, v) => void (outputs[k] = v), jobSummary: async () => {}, redact: (t) => t },
      {
        gh, git, issue: { number: 7, title: 'x', body: '', labels: [], isPullRequest: false }, mode: 'changes', base: 'main', branch,
        baseSha, lease: '', auth: { serverUrl: 'https://github.example', token: TOKEN }, meter: new CostMeter(2, settings.reviewer.price), result
      }
    )
    await expect(attempt).rejects.toBeInstanceOf(PublishError)
    await expect(attempt).rejects.toMatchObject({ step: 'checking the branch before pushing' })
    expect(await tip(origin.bareDir, branch)).toBeNull()
    expect(github.pulls('acme/widgets')).toHaveLength(0)
    const summary = github.comments('acme/widgets', 7).map((c) => c.body).join('\n')
    expect(summary).toContain('Nothing was pushed')
    expect(summary).toContain('.github/workflows/evil.yml is protected (protected-paths: .github/workflows/**)')
    expect(outputs).toMatchObject({ approved: 'false', 'stop-reason': 'error', 'pr-number': '' })
  } finally {
    await github.close()
    await origin.cleanup()
  }
})
