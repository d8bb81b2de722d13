// What the emulated models answer in the bench's runs: the short run of sections 1 and 2
// (one edit + finish, one approval) and the long run of section 3 (an 8-turn first
// draft, a rejection, a 2-turn re-draft, an approval).
import type { World } from '../emulators/harness'
import type { EmulatorTurn } from '../emulators/models'
import { sourceText, TARGET_NEW, TARGET_OLD, TARGET_PATH, type GeneratedRepo } from './gen-repo'

export const EDIT = { name: 'edit_file', input: { path: TARGET_PATH, old_string: TARGET_OLD, new_string: TARGET_NEW, replace_all: false } }
export const FINISH = (summary: string) => ({ name: 'finish', input: { summary } })
export const APPROVE: EmulatorTurn = { json: { verdict: 'approve', summary: 'sum() now adds; total() follows.', findings: [] } }

export function scriptShortRun(world: World): void {
  world.anthropic.respond('claude-sonnet-4-6', [{ toolCalls: [EDIT] }, { toolCalls: [FINISH('sum() subtracted its arguments; it now adds them.')] }])
  world.anthropic.respond('claude-opus-4-8', [APPROVE])
}

const NEW_TEST_PATH = 'src/math/sum.test.ts'
const NEW_TEST_MARKER = '// TODO: cover negative numbers'
const NEW_TEST = sourceText(7, 24_000, true) + NEW_TEST_MARKER + '\n'

export function cachingScript(repo: GeneratedRepo): { drafter: EmulatorTurn[]; reviewer: EmulatorTurn[] } {
  const paths = Object.keys(repo.files).filter((p) => p.endsWith('.ts') && p !== TARGET_PATH)
  // Three real source files of the repository, mid-sized, for the drafter to read.
  const bySize = paths.map((p) => [p, repo.files[p]!.length] as const).sort((a, b) => a[1] - b[1])
  const reads = [bySize[Math.floor(bySize.length * 0.5)]![0], bySize[Math.floor(bySize.length * 0.7)]![0], TARGET_PATH]
  const read = (path: string) => ({ name: 'read_file', input: { path, start_line: null, end_line: null } })
  const drafter: EmulatorTurn[] = [
    { toolCalls: [{ name: 'list_files', input: { path: 'src', pattern: null } }] },
    { toolCalls: [read(TARGET_PATH)] },
    { toolCalls: [{ name: 'search', input: { pattern: 'sum\\(', path: null, glob: null } }] },
    { toolCalls: [read(reads[0]!)] },
    { toolCalls: [read(reads[1]!)] },
    { toolCalls: [EDIT] },
    { toolCalls: [{ name: 'write_file', input: { path: NEW_TEST_PATH, content: NEW_TEST } }] },
    { toolCalls: [FINISH('sum() now adds; added src/math/sum.test.ts.')] },
    // re-draft after the rejection
    { toolCalls: [{ name: 'edit_file', input: { path: NEW_TEST_PATH, old_string: NEW_TEST_MARKER, new_string: "it('adds negative numbers', () => assert.strictEqual(sum(-2, -3), -5))", replace_all: false } }] },
    { toolCalls: [FINISH('Added the negative-number case the reviewer asked for.')] }
  ]
  const reviewer: EmulatorTurn[] = [
    { json: { verdict: 'reject', summary: 'The fix is right but negative numbers are not tested.', findings: [{ file: NEW_TEST_PATH, line: null, severity: 'major', message: 'Add a case for negative numbers.' }] } },
    { json: { verdict: 'approve', summary: 'Fixed, with tests for positive and negative numbers.', findings: [] } }
  ]
  return { drafter, reviewer }
}
