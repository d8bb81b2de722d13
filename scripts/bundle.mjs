// Bundles src/index.ts into dist/index.js, the file the runner executes, and the
// local CLI into dist/cli.js.
// ESM output: the toolkit and octokit are ESM-only. The banner gives bundled
// CommonJS code a real `require` for Node's built-in modules.
import { chmodSync } from 'node:fs'
import { build } from 'esbuild'

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
}
const requireShim =
  "import { createRequire as __draftReviewCreateRequire } from 'node:module';\nconst require = __draftReviewCreateRequire(import.meta.url);"

// The action, as the runner starts it.
await build({ ...shared, entryPoints: ['src/index.ts'], outfile: 'dist/index.js', banner: { js: requireShim } })
// The local CLI (`npx draft-review`), the package's bin.
await build({ ...shared, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${requireShim}` } })
chmodSync('dist/cli.js', 0o755)
