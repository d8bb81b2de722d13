import { OutputCollector, renderOutput } from '../src/sandbox/output'

test('10,000 lines are kept as a head and a tail, linearly, with what was cut counted', () => {
  const c = new OutputCollector(3000, 9000)
  let total = 0
  for (let i = 0; i < 10_000; i++) {
    const line = Buffer.from(`line ${i} ${'.'.repeat(40)}\n`)
    total += line.length
    c.push(line)
  }
  const kept = c.kept()
  expect(kept.head.length).toBe(3000)
  expect(kept.tail.length).toBe(9000)
  expect(kept.cutBytes).toBe(total - 12000)
  const text = renderOutput(kept, (t) => t)
  expect(text.startsWith('line 0 ')).toBe(true)
  expect(text.endsWith('line 9999 ' + '.'.repeat(40) + '\n')).toBe(true)
  expect(text).toMatch(/\n\[… \d+ bytes of output cut …\]\nline \d+ /)
})

test('short output is kept whole, chunk boundaries anywhere', () => {
  const c = new OutputCollector(10, 20)
  for (const part of ['ab', 'cdefghijkl', 'mnop', 'qrstuvwxyz']) c.push(Buffer.from(part))
  expect(c.kept().cutBytes).toBe(0)
  expect(renderOutput(c.kept(), (t) => t)).toBe('abcdefghijklmnopqrstuvwxyz')
})

test('a cut never keeps half of a line, so a secret cannot be split past redaction', () => {
  const secret = 'ghs_SECRETSECRETSECRET'
  const c = new OutputCollector(100, 100)
  c.push(Buffer.from('x'.repeat(80) + '\n' + `token ${secret}\n`))
  c.push(Buffer.from('filler\n'.repeat(100)))
  c.push(Buffer.from(`token ${secret}\n` + 'y'.repeat(80) + '\n'))
  const text = renderOutput(c.kept(), (t) => t.split(secret).join('***'))
  expect(text).not.toMatch(/ghs_|SECRET/)
})
