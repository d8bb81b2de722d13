import { InputError, readSettings, requireProviderKeys } from '../src/settings'

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
const base = { 'github-token': 'ghs_x', 'anthropic-api-key': 'sk-ant-x' }

function errorOf(inputs: Record<string, string>): InputError {
  try {
    // What a run that calls a model checks: the inputs, then its providers' keys.
    requireProviderKeys(readSettings(reader(inputs)))
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error('no error')
}

test('defaults follow the contract', () => {
  const s = readSettings(reader(base))
  expect(s.drafters.map((d) => d.id)).toEqual(['anthropic:claude-haiku-5-5', 'anthropic:claude-sonnet-5-5'])
  expect(s.reviewer.id).toBe('anthropic:claude-opus-5-5')
  expect(s.reviewer.price).toEqual({ input: 4, output: 20, cacheRead: 0.2, cacheWrite: 5 })
  expect(s).toMatchObject({ commentCommand: '/draft-review', contextTokens: undefined, testSandbox: true })
  expect(s).toMatchObject({ label: 'draft-review', testsLabel: 'draft-review:tests', maxIterations: 3, maxCostUsd: 2, testTimeoutSeconds: 600, protectedPaths: ['.github/workflows/**'] })
  expect(s.testPaths).toEqual(expect.arrayContaining(['**/*.test.*', '**/*.spec.*', '**/__tests__/**', 'test/**', 'tests/**', 'spec/**']))
})

test.each([
  [{ 'drafter-model': 'mistral:large' }, 'drafter-model', "unknown provider 'mistral'"],
  [{ 'drafter-model': 'claude-sonnet-4-6' }, 'drafter-model', 'not of the form provider:model'],
  [{ 'reviewer-model': 'anthropic:claude-unknown-9' }, 'reviewer-model', "no price is known for 'anthropic:claude-unknown-9'"],
  [{ 'anthropic-api-key': '' }, 'anthropic-api-key', "provider 'anthropic' is used by drafter-model and reviewer-model"],
  [{ 'drafter-model': 'openai:gpt-6.1-terra' }, 'openai-api-key', "provider 'openai' is used by drafter-model"],
  [{ 'max-cost-usd': 'two' }, 'max-cost-usd', "'two' is not a number"],
  [{ 'max-cost-usd': '-1' }, 'max-cost-usd', 'greater than 0'],
  [{ 'max-iterations': '2.5' }, 'max-iterations', 'whole number'],
  [{ 'test-timeout-seconds': 'soon' }, 'test-timeout-seconds', 'not a number'],
  [{ prices: '{"openai:x": {' }, 'prices', 'not valid JSON'],
  [{ prices: '[1]' }, 'prices', 'must be a JSON object'],
  [{ prices: '{"openai:x": {"input": "3", "output": 1}}' }, 'prices', "'openai:x'.input"],
  [{ prices: '{"openai:x": {"input": 3, "output": 1, "cache": 1}}' }, 'prices', "'openai:x'"],
  [{ 'anthropic-base-url': 'not a url' }, 'anthropic-base-url', 'is not a URL'],
  [{ 'issue-number': 'abc' }, 'issue-number', 'whole number'],
  [{ 'route-by-history': 'yes' }, 'route-by-history', 'not true or false'],
  [{ 'test-sandbox': 'maybe' }, 'test-sandbox', 'not true or false'],
  [{ 'context-tokens': '16k' }, 'context-tokens', 'whole number'],
  [{ 'comment-command': '/draft review' }, 'comment-command', 'single word'],
  [{ 'route-reject-threshold': '40' }, 'route-reject-threshold', 'from 0 to 1'],
  [{ command: 'deploy' }, 'command', 'not one of: run, report'],
  [{ 'escalate-after': '0' }, 'escalate-after', 'whole number']
])('%j fails naming %s', (inputs, input, fragment) => {
  const e = errorOf({ ...base, ...inputs })
  expect(e.input).toBe(input)
  expect(e.message).toContain(`Input '${input}'`)
  expect(e.message).toContain(fragment)
})

test('a price override makes an unknown model usable; a local server needs no key', () => {
  const s = readSettings(
    reader({ ...base, 'drafter-model': 'openai:qwen3-coder', 'openai-base-url': 'http://127.0.0.1:11434/v1/', prices: '{"openai:qwen3-coder": {"input": 0, "output": 0}}' })
  )
  expect(s.drafters[0]).toMatchObject({ provider: 'openai', model: 'qwen3-coder', price: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 } })
  expect(s.openai.baseUrl).toBe('http://127.0.0.1:11434/v1')
  expect(() => requireProviderKeys(s)).not.toThrow()
})

test('a drafter ladder is a comma-separated list, cheapest first', () => {
  const s = readSettings(reader({ ...base, 'drafter-model': 'anthropic:claude-haiku-4-5, anthropic:claude-sonnet-4-6' }))
  expect(s.drafters.map((d) => d.id)).toEqual(['anthropic:claude-haiku-4-5', 'anthropic:claude-sonnet-4-6'])
})

test('glob lists take lines or commas', () => {
  const s = readSettings(reader({ ...base, 'test-paths': 'qa/**\n  e2e/**, **/*.check.ts', 'protected-paths': 'infra/**' }))
  expect(s.testPaths).toEqual(['qa/**', 'e2e/**', '**/*.check.ts'])
  expect(s.protectedPaths).toEqual(['infra/**'])
})

test('the keys are checked only for a run that calls a model: reading the inputs needs none', () => {
  const noKeys = { 'github-token': 'ghs_x', 'drafter-model': 'openai:gpt-6.1-terra' }
  // A skipped trigger or `command: report` reads the settings and stops: no key is asked for.
  expect(() => readSettings(reader(noKeys))).not.toThrow()
  expect(() => readSettings(reader({ ...noKeys, command: 'report' }))).not.toThrow()
  // The models are still parsed at once: a typo fails whether or not a model is called.
  expect(() => readSettings(reader({ ...noKeys, 'drafter-model': 'gemini:pro' }))).toThrow("Input 'drafter-model'")
  // Each provider in use needs its own key, named by the input.
  expect(() => requireProviderKeys(readSettings(reader({ ...noKeys, 'openai-api-key': 'sk-o' })))).toThrow("Input 'anthropic-api-key': is empty, but provider 'anthropic' is used by reviewer-model.")
  expect(() => requireProviderKeys(readSettings(reader({ ...noKeys, 'openai-api-key': 'sk-o', 'anthropic-api-key': 'sk-a' })))).not.toThrow()
})
