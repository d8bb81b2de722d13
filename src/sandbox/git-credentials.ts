// Credentials a checkout saved in the repository's own git config (actions/checkout v5
// writes an `http.<url>.extraheader` with the token; v6 and later an `includeIf` that
// points into RUNNER_TEMP) are in the workspace, which the test command can read. They
// are taken out of every config file for the test's duration and put back byte for byte
// afterwards, whatever the test did to the file meanwhile.
import { lstat, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { runGit } from '../git/run'

/** Config keys that carry or lead to a credential (names as `git config --list` prints them). */
const CREDENTIAL_KEY = /^(http\.(.*\.)?extraheader|includeif\..*|include\..*|credential\..*)$/i

export interface SavedConfig {
  path: string
  bytes: Buffer
  mode: number
}

/** Removes credential entries; returns what to restore (only the files it changed). */
export async function hideGitCredentials(workspace: string, holdsSecret: (text: string) => boolean): Promise<SavedConfig[]> {
  const saved: SavedConfig[] = []
  for (const path of await configFiles(join(workspace, '.git'))) {
    const entries = await listEntries(path)
    const keys = [...new Set(entries.filter((e) => CREDENTIAL_KEY.test(e.key) || holdsSecret(e.key) || holdsSecret(e.value)).map((e) => e.key))]
    if (keys.length === 0) continue
    const st = await lstat(path)
    saved.push({ path, bytes: await readFile(path), mode: st.mode & 0o777 })
    for (const key of keys) await gitConfig(path, ['--unset-all', key]).catch(() => undefined)
    // Whatever git could not unset (a key name it will not parse back), the file must not keep.
    const left = await listEntries(path)
    if (left.some((e) => keys.includes(e.key))) throw new Error(`could not remove saved credentials from ${path}`)
  }
  return saved
}

/** Puts each saved file back exactly; a symlink the test left in its place is removed first, never followed. */
export async function restoreGitCredentials(workspace: string, saved: SavedConfig[]): Promise<void> {
  for (const s of saved) {
    // A folder on the way swapped for a symlink would send the write elsewhere: refuse.
    for (let dir = dirname(s.path); dir.length > workspace.length; dir = dirname(dir)) {
      if (!(await lstat(dir)).isDirectory()) throw new Error(`the test command replaced ${dir}: its git config was not restored`)
    }
    await rm(s.path, { force: true, recursive: true })
    await writeFile(s.path, s.bytes, { flag: 'wx', mode: s.mode })
  }
}

/** .git/config and each submodule's config under .git/modules. */
async function configFiles(gitDir: string): Promise<string[]> {
  const out: string[] = []
  const visit = async (dir: string, depth: number): Promise<void> => {
    const config = join(dir, 'config')
    if ((await lstat(config).catch(() => undefined))?.isFile()) out.push(config)
    if (depth > 4) return
    const modules = join(dir, 'modules')
    for (const e of await readdir(modules, { withFileTypes: true }).catch(() => [])) {
      if (e.isDirectory()) await visit(join(modules, e.name), depth + 1)
    }
  }
  if ((await lstat(gitDir).catch(() => undefined))?.isDirectory()) await visit(gitDir, 0)
  return out
}

async function listEntries(path: string): Promise<{ key: string; value: string }[]> {
  const raw = await gitConfig(path, ['--null', '--list'])
  return raw
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const nl = entry.indexOf('\n')
      return nl < 0 ? { key: entry, value: '' } : { key: entry.slice(0, nl), value: entry.slice(nl + 1) }
    })
}

async function gitConfig(path: string, args: string[]): Promise<string> {
  // --file reads that file alone: no system or global config, -c values are not listed and
  // includes are not followed. Through the hardened runner, in a bare environment.
  return (await runGit(['config', '--file', path, ...args], { cwd: dirname(path) })).stdout
}
