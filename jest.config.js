// ESM end to end: @actions/* and octokit ship ESM only, so tests run under
// node --experimental-vm-modules (set by `npm test`) with ts-jest in ESM mode.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 60_000,
  // End-to-end tests mostly wait on child processes and the 1 s spacing octokit puts
  // between GitHub writes: more workers than cores overlaps that waiting.
  maxWorkers: 4,
  verbose: false
}
