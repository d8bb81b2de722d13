import { checkWrite, matchesAny, normalizeToolPath, type PathRules } from '../src/workspace/paths'

const TEST_GLOBS = ['**/*.test.*', '**/*.spec.*', '**/__tests__/**', 'test/**', 'tests/**', 'spec/**']
const changes: PathRules = { mode: 'changes', protectedGlobs: ['.github/workflows/**'], testGlobs: TEST_GLOBS }
const tests: PathRules = { ...changes, mode: 'tests' }

function reason(check: ReturnType<typeof normalizeToolPath>): string {
  if (check.ok) throw new Error(`expected a refusal, got ${check.rel}`)
  return check.reason
}

describe('normalizeToolPath', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['src//lib/../a.ts', 'src/a.ts'],
    ['src\\win\\a.ts', 'src/win/a.ts'],
    ['  docs/x.md ', 'docs/x.md'],
    ['src/', 'src'],
    ['.github/workflows/ci.yml', '.github/workflows/ci.yml'],
    ['.gitignore', '.gitignore'],
    ['a/./b/../c', 'a/c']
  ])('%j -> %j', (input, rel) => {
    expect(normalizeToolPath(input)).toEqual({ ok: true, rel })
  })

  it.each(['/etc/passwd', 'C:\\Windows\\x', 'c:/x', '\\\\server\\share\\x', '//server/x'])('refuses absolute %j', (p) => {
    expect(reason(normalizeToolPath(p))).toMatch(/absolute paths are not allowed; use a path relative to the repository root/)
  })

  it.each(['../x', 'a/../../x', '..', 'a\\..\\..\\x', './../x'])('refuses escaping %j', (p) => {
    expect(reason(normalizeToolPath(p))).toMatch(/outside the repository/)
  })

  it.each(['.git/config', 'sub/.git/HEAD', '.GIT/config', '.Git', 'a/.git', '.git./config', 'GIT~1/config', 'x/../.git/hooks/pre-commit'])(
    'refuses .git %j',
    (p) => {
      expect(reason(normalizeToolPath(p))).toMatch(/\.git/)
    }
  )

  it('refuses NUL bytes', () => {
    expect(reason(normalizeToolPath('a\0b'))).toMatch(/NUL/)
  })

  it('refuses the root for file operations and allows it for listing', () => {
    for (const p of ['', '.', './', 'a/..']) {
      expect(reason(normalizeToolPath(p))).toMatch(/empty/)
      expect(normalizeToolPath(p, { allowRoot: true })).toEqual({ ok: true, rel: '' })
    }
  })
})

describe('checkWrite', () => {
  it('refuses protected paths in every mode, naming the glob', () => {
    for (const rules of [changes, tests]) {
      const check = checkWrite('.github/workflows/ci.yml', rules)
      expect(check).toEqual({ ok: false, reason: '.github/workflows/ci.yml is protected (protected-paths: .github/workflows/**)' })
    }
  })

  it('protects case variants and everything under a protected directory glob', () => {
    expect(checkWrite('.GitHub/Workflows/ci.yml', changes).ok).toBe(false)
    const rules: PathRules = { ...changes, protectedGlobs: ['secrets'] }
    expect(checkWrite('secrets/key.pem', rules).ok).toBe(false)
    expect(checkWrite('secretsx/key.pem', rules).ok).toBe(true)
  })

  it('allows ordinary paths in changes mode', () => {
    expect(checkWrite('src/a.ts', changes)).toEqual({ ok: true, rel: 'src/a.ts' })
    expect(checkWrite('.github/dependabot.yml', changes).ok).toBe(true)
  })

  it('in tests mode allows only test paths', () => {
    const refused = checkWrite('src/a.ts', tests)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.reason).toContain('this is a tests run: only test files may be written (test-paths: **/*.test.*')
    }
    for (const p of ['src/x.test.ts', 'tests/a.py', 'pkg/__tests__/b.js', 'test/unit/c.rb', 'a.spec.js', 'spec/d_spec.rb']) {
      expect(checkWrite(p, tests)).toEqual({ ok: true, rel: p })
    }
    expect(checkWrite('testsx/a.py', tests).ok).toBe(false)
  })

  it('protected wins over test paths', () => {
    const rules: PathRules = { ...tests, protectedGlobs: ['tests/golden/**'] }
    expect(checkWrite('tests/golden/a.txt', rules).ok).toBe(false)
    expect(checkWrite('tests/other.txt', rules).ok).toBe(true)
  })
})

describe('matchesAny', () => {
  it('matches dotfiles and nested paths', () => {
    expect(matchesAny('.github/workflows/ci.yml', ['.github/workflows/**'])).toBe(true)
    expect(matchesAny('a/.hidden/b.test.ts', ['**/*.test.*'])).toBe(true)
    expect(matchesAny('src/a.ts', ['**/*.test.*', 'tests/**'])).toBe(false)
    expect(matchesAny('src/a.ts', [])).toBe(false)
  })
})
