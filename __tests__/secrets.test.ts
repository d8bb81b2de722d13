import { makeRedactor, scrubEnv, secretsOfEnv } from '../src/secrets'

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

test('a secret is redacted raw, hex, base64 at every alignment and alphabet, URL-encoded and reversed, also when line-wrapped', () => {
  const secret = 'ghs_Ab+/9zYx~Secret-0001'
  const redact = makeRedactor([secret])
  const b64 = (s: string): string => Buffer.from(s).toString('base64')
  const printed = [
    secret,
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret).toString('hex').toUpperCase(),
    b64(secret),
    b64(`x${secret}`),
    b64(`xy${secret}y`),
    b64(`TOKEN=${secret}\n`).replace(/\+/g, '-').replace(/\//g, '_'),
    encodeURIComponent(secret),
    [...Buffer.from(secret)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    [...secret].reverse().join('')
  ]
  for (const text of printed) {
    const out = redact(`before ${text} after`)
    expect({ text, out: out.includes('***') && !out.includes(text) }).toEqual({ text, out: true })
  }
  // base64 -w 20 and xxd -p wrap long lines.
  const wrapped = b64(`${'A'.repeat(30)}${secret}${'B'.repeat(30)}`).replace(/(.{20})/g, '$1\n')
  const out = redact(wrapped)
  expect(out.replace(/\s/g, '')).not.toContain(b64(secret).slice(4, 20))
  expect(redact('nothing secret here, 0123456789abcdef')).toBe('nothing secret here, 0123456789abcdef')
})

test('tokens the runner puts in the environment are secrets too, and command files never reach the test environment', () => {
  expect(secretsOfEnv({ ACTIONS_RUNTIME_TOKEN: 'rt-0123456789', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt-0123456789', PATH: '/bin', GH_TOKEN: '' })).toEqual([
    'rt-0123456789',
    'idt-0123456789'
  ])
  const env = scrubEnv(
    {
      PATH: '/bin',
      GITHUB_ENV: '/r/_temp/_runner_file_commands/set_env_1',
      GITHUB_OUTPUT: '/r/o',
      GITHUB_PATH: '/r/p',
      GITHUB_STATE: '/r/s',
      GITHUB_STEP_SUMMARY: '/r/ss',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_VALUE_0: 'AUTHORIZATION: basic xyz',
      SSH_AUTH_SOCK: '/tmp/ssh-agent',
      HEXED: Buffer.from('sk-ant-secret').toString('hex')
    },
    ['sk-ant-secret']
  )
  expect(env).toEqual({ PATH: '/bin' })
})
