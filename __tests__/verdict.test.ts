import { parseVerdict, VERDICT_JSON_SCHEMA } from '../src/verdict'

const ok = { verdict: 'reject', summary: 'Off by one.', findings: [{ file: 'src/a.ts', line: 3, severity: 'major', message: 'use <=' }] }

test('bare JSON, fenced JSON and JSON amid prose all parse', () => {
  for (const text of [JSON.stringify(ok), '```json\n' + JSON.stringify(ok) + '\n```', `Here is my verdict: ${JSON.stringify(ok)} thanks`]) {
    expect(parseVerdict(text)).toEqual({ ok: true, verdict: ok })
  }
})

test('answers that do not fit say why', () => {
  expect(parseVerdict('LGTM')).toEqual({ ok: false, error: 'the answer holds no JSON object' })
  expect(parseVerdict('{"verdict": "maybe", "summary": "", "findings": []}')).toMatchObject({ ok: false, error: expect.stringContaining('verdict') })
  expect(parseVerdict('{"verdict": "approve"')).toMatchObject({ ok: false, error: expect.stringContaining('not valid JSON') })
})

test('the schema satisfies both strict modes: every property required, no extra properties', () => {
  const walk = (s: any): void => {
    if (s.type === 'object') {
      expect(s.additionalProperties).toBe(false)
      expect([...s.required].sort()).toEqual(Object.keys(s.properties).sort())
      Object.values(s.properties).forEach(walk)
    }
    if (s.type === 'array') walk(s.items)
    expect(s.minLength).toBeUndefined()
    expect(s.maxLength).toBeUndefined()
  }
  walk(VERDICT_JSON_SCHEMA)
})
