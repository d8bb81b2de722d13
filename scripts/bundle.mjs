// Bundles src/index.ts into dist/index.js, the file the runner executes.
// ESM output: the toolkit and octokit are ESM-only. The banner gives bundled
// CommonJS code a real `require` for Node's built-in modules.
import { build } from 'esbuild'

await build({
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __draftReviewCreateRequire } from 'node:module';\nconst require = __draftReviewCreateRequire(import.meta.url);"
  }
})
