import { makeRedactor, scrubEnv } from '../src/secrets'

test('every known secret is redacted, longest first', () => {
  const redact = makeRedactor(['ghs_abcdef123', 'sk-ant-secret-key', 'sk-ant-secret-key-longer'])
  expect(redact('token ghs_abcdef123 and sk-ant-secret-key-longer and sk-ant-secret-key')).toBe('token *** and *** and ***')
})

test('the test command environment has no inputs, tokens, provider keys or secret values', () => {
  const env = scrubEnv(
    {
      PATH: '/bin',
      HOME: '/home/runner',
      INPUT_ANTHROPIC_API_KEY: 'sk-ant-secret',
      GITHUB_TOKEN: 'ghs_secret',
      ACTIONS_RUNTIME_TOKEN: 'rt',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt',
      OPENAI_API_KEY: 'sk-x',
      MY_COPY: 'prefix-sk-ant-secret',
      GITHUB_REPOSITORY: 'o/r'
    },
    ['sk-ant-secret', 'ghs_secret']
  )
  expect(env).toEqual({ PATH: '/bin', HOME: '/home/runner', GITHUB_REPOSITORY: 'o/r' })
})
