// How the sandbox is entered, as argv. Pure.
//   root    the action is root (CI containers, self-hosted runners as root): unshare directly;
//   sudo    hosted runners run the job as `runner` with passwordless sudo: sudo -n unshare;
//   userns  neither: an unprivileged user namespace, where the kernel allows one.
// In every case the namespaces are the same: PID (with /proc mounted anew), mount
// (private propagation, so nothing mounted inside shows outside) and network.

export type LauncherKind = 'root' | 'sudo' | 'userns'

export const NAMESPACE_FLAGS = ['--pid', '--fork', '--kill-child', '--mount-proc', '--mount', '--propagation', 'private', '--net']

/** What each launcher is called in messages. */
export const LAUNCHER_WORDS: Record<LauncherKind, string> = {
  root: 'unshare as root',
  sudo: 'sudo -n unshare',
  userns: 'unshare in an unprivileged user namespace'
}

/** PATH for the setup: only system folders, so nothing in the workspace can stand in for mount or setpriv. */
export const SYSTEM_PATH = '/usr/sbin:/usr/bin:/sbin:/bin'

export function launcherArgv(kind: LauncherKind): string[] {
  if (kind === 'root') return ['unshare', ...NAMESPACE_FLAGS]
  if (kind === 'sudo') return ['sudo', '-n', '--', 'unshare', ...NAMESPACE_FLAGS]
  return ['unshare', '--user', '--map-root-user', ...NAMESPACE_FLAGS]
}

export interface SetupArgs {
  workspace: string
  /** An empty folder the action made, where the sandbox builds its /dev. */
  stage: string
  /** The user the test runs as (the action's own); omitted where it already is that user. */
  user?: { uid: number; gid: number }
  hide: string[]
  env: Record<string, string>
  command: string
}

/** The setup script's key=value words (see setup-script.ts). */
export function setupArgv(a: SetupArgs): string[] {
  const out = [`ws=${a.workspace}`, `stage=${a.stage}`]
  if (a.user) out.push(`uid=${a.user.uid}`, `gid=${a.user.gid}`)
  for (const h of a.hide) out.push(`hide=${h}`)
  for (const [k, v] of Object.entries(a.env)) out.push(`env=${k}=${v}`)
  out.push(`cmd=${a.command}`)
  return out
}

/** Who the test runs as: under sudo, back to the action's own user; otherwise as it is. */
export function testUser(kind: LauncherKind, uid: number, gid: number): { uid: number; gid: number } | undefined {
  return kind === 'sudo' ? { uid, gid } : undefined
}
