// What the sandbox hides: every place a job keeps a credential or a runner command
// file. The mount namespace puts an empty tmpfs over each folder and /dev/null over
// each file, so the test command finds nothing there by any path. Pure.
import { dirname, isAbsolute, join, normalize } from 'node:path'

/** The runner's command files: whoever can write them changes later steps of the job. */
export const COMMAND_FILES = ['GITHUB_ENV', 'GITHUB_OUTPUT', 'GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const

/** Where tools keep credentials under HOME (git, gh, docker, ssh, clouds, registries). */
const HOME_CREDENTIALS = [
  '.gitconfig',
  '.git-credentials',
  '.config/git',
  '.config/gh',
  '.config/hub',
  '.netrc',
  '.npmrc',
  '.yarnrc.yml',
  '.docker',
  '.ssh',
  '.gnupg',
  '.aws',
  '.azure',
  '.config/gcloud',
  '.kube',
  '.pypirc',
  '.gem/credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.m2/settings.xml',
  '.gradle/gradle.properties',
  '.terraform.d/credentials.tfrc.json',
  '.vault-token'
]

/** Variables that name a credential file or folder of their own. */
const NAMED_BY_ENV = ['GIT_CONFIG_GLOBAL', 'NPM_CONFIG_USERCONFIG', 'DOCKER_CONFIG', 'KUBECONFIG', 'AWS_SHARED_CREDENTIALS_FILE', 'GOOGLE_APPLICATION_CREDENTIALS']

/**
 * Absolute paths to hide, folders and files alike (the sandbox looks at which is which).
 * `runnerRoot` is the runner's own install folder (its `.credentials` and keys), when found.
 */
export function pathsToHide(env: NodeJS.ProcessEnv, runnerRoot?: string): string[] {
  const out: string[] = []
  const add = (p: string | undefined): void => {
    if (!p || !isAbsolute(p)) return
    const n = normalize(p).replace(/\/+$/, '')
    if (n && n !== '/' && !out.includes(n)) out.push(n)
  }
  add(env.RUNNER_TEMP)
  for (const name of COMMAND_FILES) if (env[name]) add(dirname(env[name]!))
  add(runnerRoot)
  if (env.HOME) for (const rel of HOME_CREDENTIALS) add(join(env.HOME, rel))
  if (env.XDG_CONFIG_HOME) for (const rel of ['git', 'gh']) add(join(env.XDG_CONFIG_HOME, rel))
  for (const name of NAMED_BY_ENV) add(env[name])
  return out
}
