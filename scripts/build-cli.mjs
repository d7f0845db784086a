// Compiles the command-line program (plugin/cli/main.ts) to dist/cli/: plain JavaScript, so no
// TypeScript loader runs at start. npm packages stay external (PGlite loads its WASM beside itself);
// each command's heavy modules are split into chunks loaded only when that command runs.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
await import('./embed.mjs');
await build({
  entryPoints: { main: join(root, 'plugin/cli/main.ts') },
  outdir: join(root, 'dist/cli'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
