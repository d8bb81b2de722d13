// The token estimate must err high against a real tokenizer on every kind of text, with
// Claude's newer tokenizer (about 30% more tokens than o200k) taken into account.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base'
import { estimateRequestTokens, estimateTextTokens } from '../src/conversation/estimate'
import { corpora } from './fixtures/token-corpora'

const texts = corpora()

test.each(Object.keys(texts))('estimate >= o200k x 1.3 on %s', (name) => {
  const text = texts[name]!
  const harsh = Math.ceil(countTokens(text) * 1.3)
  expect(estimateTextTokens(text)).toBeGreaterThanOrEqual(harsh)
})

test('bytes/3 would undercount high-entropy text, the estimate does not', () => {
  for (const name of ['base64', 'hex', 'uuids', 'lockfile']) {
    const text = texts[name]!
    const real = countTokens(text)
    expect(Math.ceil(text.length / 3)).toBeLessThan(real) // the old estimate's failure, on o200k alone
    expect(estimateTextTokens(text)).toBeGreaterThan(real * 1.3)
  }
})

test('code is not overcounted by more than 2x against o200k x 1.3 (the budget stays usable)', () => {
  for (const name of ['file:src/drafter.ts', 'file:README.md', 'minified']) {
    const text = texts[name]!
    expect(estimateTextTokens(text)).toBeLessThan(2 * 1.3 * countTokens(text))
  }
})

test('a request estimate covers every message, the tools and the framing', () => {
  const base = { system: 'sys', messages: [{ role: 'user' as const, text: 'hello' }] }
  const withTools = { ...base, tools: [{ name: 'read_file', description: 'Read a file', parameters: { type: 'object' } }] }
  const longer = { ...base, messages: [...base.messages, { role: 'tool' as const, results: [{ callId: 'a', content: 'x'.repeat(3000), isError: false }] }] }
  expect(estimateRequestTokens(withTools)).toBeGreaterThan(estimateRequestTokens(base) + 600)
  expect(estimateRequestTokens(longer)).toBeGreaterThan(estimateRequestTokens(base) + 700)
})
