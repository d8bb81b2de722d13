// Where the run is: the repository, the API roots, the workspace and the event payload,
// read once from the runner's variables and event file.
import { readFileSync } from 'node:fs'

export interface RunContext {
  eventName: string
  payload: Record<string, any>
  owner: string
  repo: string
  apiUrl: string
  serverUrl: string
  workspace: string
  runId?: string
  runUrl?: string
}

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner, repo] = repository.split('/')
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set to owner/name: is this running in GitHub Actions?')
  const eventPath = env.GITHUB_EVENT_PATH
  let payload: Record<string, any> = {}
  if (eventPath) {
    try {
      payload = JSON.parse(readFileSync(eventPath, 'utf8'))
    } catch (e) {
      throw new Error(`Could not read the event payload at GITHUB_EVENT_PATH (${(e as Error).message}).`)
    }
  }
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runId: env.GITHUB_RUN_ID,
    runUrl
  }
}

/**
 * The repository's default branch as the event says it (every repository event carries
 * `repository.default_branch`); undefined when the payload lacks it or names another repository.
 */
export function defaultBranchOf(ctx: Pick<RunContext, 'payload' | 'owner' | 'repo'>): string | undefined {
  const repo = ctx.payload.repository
  const branch = repo?.default_branch
  if (typeof branch !== 'string' || branch === '') return undefined
  return String(repo.full_name ?? '').toLowerCase() === `${ctx.owner}/${ctx.repo}`.toLowerCase() ? branch : undefined
}
