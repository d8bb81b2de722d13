import { chooseLauncher, noSandboxMessage, sandboxLauncher, type SandboxProbe } from '../src/sandbox/preflight'
import type { LauncherKind } from '../src/sandbox/launch'

/** A probe whose answers are set by the test, recording what it was asked. */
function probe(p: { isRoot: boolean; sudo: boolean; works: LauncherKind[] }): SandboxProbe & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    isRoot: p.isRoot,
    sudoWorks: async () => {
      asked.push('sudo -n true')
      return p.sudo
    },
    trySandbox: async (kind) => {
      asked.push(kind)
      return p.works.includes(kind) ? undefined : `${kind}: unshare: unshare failed: Operation not permitted`
    }
  }
}

test('as root the sandbox is entered directly; not root, through passwordless sudo; else an unprivileged user namespace', async () => {
  expect((await chooseLauncher(probe({ isRoot: true, sudo: false, works: ['root', 'userns'] }))).kind).toBe('root')
  const hosted = probe({ isRoot: false, sudo: true, works: ['sudo', 'userns'] })
  expect((await chooseLauncher(hosted)).kind).toBe('sudo')
  expect(hosted.asked).toEqual(['sudo -n true', 'sudo'])
  const noSudo = probe({ isRoot: false, sudo: false, works: ['userns'] })
  expect(await chooseLauncher(noSudo)).toEqual({ kind: 'userns', tried: [{ kind: 'sudo', reason: 'no passwordless sudo' }] })
  // Root in a container that may not unshare: a user namespace is still tried.
  expect((await chooseLauncher(probe({ isRoot: true, sudo: false, works: ['userns'] }))).kind).toBe('userns')
})

test('no root, no sudo, no user namespaces: an error naming test-sandbox that says how to turn it off, and what was tried', async () => {
  const none = probe({ isRoot: false, sudo: false, works: [] })
  const error = await sandboxLauncher(none).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  const message = (error as Error).message
  expect(message).toMatch(/^Input 'test-sandbox': this runner cannot isolate test-command/)
  expect(message).toContain("set 'test-sandbox: false'")
  expect(message).toContain('sudo -n unshare: no passwordless sudo')
  expect(message).toContain('unshare in an unprivileged user namespace: userns: unshare: unshare failed: Operation not permitted')
  expect(message).toContain('No model was called.')
  expect(none.asked).toEqual(['sudo -n true', 'userns'])
  // Asked once per process: the answer is kept.
  await expect(sandboxLauncher(probe({ isRoot: true, sudo: false, works: ['root'] }))).rejects.toBe(error)
})

test('the message keeps each reason to one short line', () => {
  const long = 'x\n'.repeat(500)
  const message = noSandboxMessage([{ kind: 'root', reason: long }])
  expect(message).not.toContain('\n')
  expect(message.length).toBeLessThan(1200)
})
