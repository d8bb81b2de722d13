// Bundles the action (dist/index.js, the file the runner executes) and the local CLI
// (dist/cli.js, the package's bin). ESM, because the toolkit and octokit are ESM-only.
// Code splitting puts each model SDK and the issue flow in chunks loaded on demand:
// start-up pays only for what the run uses.
import { chmodSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** @actions/core's OIDC client, which the action never uses, is left out (./bundle/no-oidc.js says why). */
const noOidc = {
  name: 'no-oidc',
  setup(b) {
    const stub = fileURLToPath(new URL('./bundle/no-oidc.js', import.meta.url))
    b.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) => (/[\\/]@actions[\\/]core[\\/]/.test(args.importer) ? { path: stub } : undefined))
  }
}

// Start clean: a chunk the sources no longer produce must not linger in dist/.
rmSync('dist', { recursive: true, force: true })
await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noOidc],
  banner: {
    // A hashbang is valid at the top of any module (the CLI needs it); the shim gives
    // bundled CommonJS code a real `require` for Node's built-in modules.
    js: "#!/usr/bin/env node\nimport { createRequire as __draftReviewCreateRequire } from 'node:module';\nconst require = __draftReviewCreateRequire(import.meta.url);"
  }
})
chmodSync('dist/cli.js', 0o755)
