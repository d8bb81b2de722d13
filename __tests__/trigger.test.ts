import { InputError } from '../src/settings'
import { decideTrigger, modeFromLabels } from '../src/trigger'

const labels = { label: 'draft-review', testsLabel: 'draft-review:tests' }
const labeled = (name: string, extra: Record<string, unknown> = {}) => ({
  eventName: 'issues',
  payload: { action: 'labeled', label: { name }, issue: { number: 7 }, sender: { login: 'maria', type: 'User' }, ...extra }
})

test('the label picks the mode', () => {
  expect(decideTrigger(labeled('draft-review'), labels)).toEqual({ kind: 'run', issueNumber: 7, sender: 'maria', senderType: 'User', mode: 'changes' })
  expect(decideTrigger(labeled('draft-review:tests'), labels)).toMatchObject({ kind: 'run', mode: 'tests' })
})

test('any other label, action or event is ignored with a reason', () => {
  expect(decideTrigger(labeled('bug'), labels)).toMatchObject({ kind: 'ignore', reason: expect.stringContaining("label 'bug'") })
  expect(decideTrigger({ eventName: 'issues', payload: { action: 'opened' } }, labels)).toMatchObject({ kind: 'ignore' })
  expect(decideTrigger({ eventName: 'push', payload: {} }, labels)).toMatchObject({ kind: 'ignore' })
})

test('workflow_dispatch takes issue-number and needs it', () => {
  expect(decideTrigger({ eventName: 'workflow_dispatch', payload: { sender: { login: 'maria' } } }, labels, 12)).toEqual({ kind: 'run', issueNumber: 12, sender: 'maria', senderType: 'User' })
  expect(() => decideTrigger({ eventName: 'workflow_dispatch', payload: {} }, labels)).toThrow(InputError)
  expect(modeFromLabels(['bug', 'draft-review:tests'], 'draft-review:tests')).toBe('tests')
  expect(modeFromLabels(['bug'], 'draft-review:tests')).toBe('changes')
})
