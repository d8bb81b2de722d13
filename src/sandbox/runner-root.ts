// Finds the runner's install folder by walking up the action's parent processes to
// Runner.Worker (or Runner.Listener): it holds the runner's `.credentials` and RSA key,
// readable by the job's own user, so the sandbox hides it.
import { readFile, readlink } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

const RUNNER_PROGRAM = /^Runner\.(Worker|Listener)$/

export async function findRunnerRoot(startPid = process.ppid): Promise<string | undefined> {
  let pid = startPid
  for (let depth = 0; depth < 16 && pid > 1; depth++) {
    try {
      const exe = await readlink(`/proc/${pid}/exe`)
      // <root>/bin/Runner.Worker
      if (RUNNER_PROGRAM.test(basename(exe))) return dirname(dirname(exe))
      pid = parentOf(await readFile(`/proc/${pid}/stat`, 'utf8'))
    } catch {
      return undefined
    }
  }
  return undefined
}

/** The 4th field of /proc/<pid>/stat; the name in field 2 may hold spaces and parentheses. */
export function parentOf(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(rest[1])
}
