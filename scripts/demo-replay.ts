// The recorded replay behind `npm run demo` and `scripts/screenshot-summary.ts`: a small
// repository with one bug, its issue, and what the drafter and the reviewer answered (recorded
// from Sonnet 4.6 and Opus 4.8), with the token counts they reported, in order. Both scripts
// play it as the action's default models, so what they show is priced as a default run.
import type { EmulatorTurn } from '../emulators/models'

export const files: Record<string, string> = {
  'README.md': '# widgets\n\nTiny math helpers.\n',
  'package.json': JSON.stringify({ name: 'widgets', version: '1.0.0', scripts: { test: 'node test.js' } }, null, 2) + '\n',
  'src/sum.js': '// Adds two numbers.\nfunction sum(a, b) {\n  return a - b\n}\n\nmodule.exports = { sum }\n',
  'test.js': "const assert = require('node:assert')\nconst { sum } = require('./src/sum')\nassert.strictEqual(sum(2, 3), 5)\nconsole.log('1 passed, 0 failed')\n"
}
export const issue = { number: 12, title: 'sum() subtracts instead of adding', body: 'Calling sum(2, 3) returns -1. It should return 5.' }

export const drafter: EmulatorTurn[] = [
  { toolCalls: [{ name: 'read_file', input: { path: 'src/sum.js', start_line: null, end_line: null } }], usage: { input: 2_310, output: 96, cacheWrite: 1_820 } },
  { toolCalls: [{ name: 'edit_file', input: { path: 'src/sum.js', old_string: 'return a - b', new_string: 'return a + b', replace_all: false } }], usage: { input: 180, output: 120, cacheRead: 4_130 } },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() used subtraction; it now adds its arguments.' } }], usage: { input: 150, output: 64, cacheRead: 4_430 } },
  { toolCalls: [{ name: 'edit_file', input: { path: 'test.js', old_string: 'assert.strictEqual(sum(2, 3), 5)', new_string: 'assert.strictEqual(sum(2, 3), 5)\nassert.strictEqual(sum(-2, -3), -5)\nassert.strictEqual(sum(0, 0), 0)', replace_all: false } }], usage: { input: 420, output: 180, cacheRead: 4_640 } },
  { toolCalls: [{ name: 'finish', input: { summary: 'sum() now adds; test.js covers negative numbers and zero.' } }], usage: { input: 160, output: 70, cacheRead: 5_240 } }
]
export const reviewer: EmulatorTurn[] = [
  {
    json: {
      verdict: 'reject',
      summary: 'The fix is right, but the test still only covers one positive case.',
      findings: [{ file: 'test.js', line: 3, severity: 'major', message: 'Add cases for negative numbers and zero so the bug cannot come back unnoticed.' }]
    },
    usage: { input: 2_450, output: 610 }
  },
  { json: { verdict: 'approve', summary: 'Correct fix with tests for positive, negative and zero inputs.', findings: [] }, usage: { input: 2_620, output: 240 } }
]

/**
 * The action's default models (action.yml): the replay is answered as the default ladder's
 * first tier and the default reviewer; empty inputs let the action's own defaults apply.
 */
export const DEFAULT_MODELS = { drafter: 'claude-haiku-5-5', reviewer: 'claude-opus-5-5' }
export const DEFAULT_MODEL_INPUTS = { 'drafter-model': '', 'reviewer-model': '' }
