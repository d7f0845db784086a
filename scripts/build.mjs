// Bundles the ToolJet adapter into ONE CommonJS file (ToolJet evaluates its text and calls
// `new module.exports.default()`), then lays out the marketplace folder ToolJet installs from.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');

// pg only touches pg-native when asked for pg.native; an empty stub keeps the bundle free of it.
const stubPgNative = {
  name: 'stub-pg-native',
  setup(b) {
    b.onResolve({ filter: /^pg-native$/ }, () => ({ path: 'pg-native', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'module.exports = null;', loader: 'js' }));
  },
};

// pg probes for Cloudflare Workers at load by constructing a `Response`, which makes Node load its whole
// fetch stack (~130 ms of ToolJet's first query). The bundle only ever runs on Node.
const nodeOnlyPg = {
  name: 'node-only-pg',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('if (isCloudflareRuntime())')) throw new Error('pg/lib/stream.js changed: review the node-only-pg build plugin');
      return { contents: source.replace('if (isCloudflareRuntime())', 'if (false)'), loader: 'js' };
    });
  },
};

// The implementation: plugin/index.ts as one CommonJS module. keepNames, because ToolJet recognises a plugin
// error by `error.constructor.name === 'QueryError'` (server/src/modules/data-queries/service.ts,
// runAndGetResult), which a minifier would otherwise rename.
const implementation = await build({
  entryPoints: [join(root, 'plugin/index.ts')],
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  // Handlebars' main entry registers require.extensions hooks in the host process; the CJS build does not.
  alias: { handlebars: 'handlebars/dist/cjs/handlebars.js' },
  plugins: [stubPgNative, nodeOnlyPg],
  logLevel: 'warning',
});
const implementationText = implementation.outputFiles[0].text;
// The build's identity: the registry on the host process keeps one implementation per hash (plugin/tooljet/entry.cts).
const buildHash = createHash('sha256').update(implementationText).digest('hex').slice(0, 16);

// dist/index.js: the small stub ToolJet evaluates per query, holding the implementation as a string literal.
await build({
  entryPoints: [join(root, 'plugin/tooljet/entry.cts')],
  outfile: join(out, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: true,
  legalComments: 'none',
  define: { CUSTOMERDESK_IMPLEMENTATION: JSON.stringify(implementationText), CUSTOMERDESK_BUILD: JSON.stringify(buildHash) },
  logLevel: 'warning',
});

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const market = join(out, 'marketplace', 'customerdesk');
rmSync(join(out, 'marketplace'), { recursive: true, force: true });
mkdirSync(join(market, 'dist'), { recursive: true });
mkdirSync(join(market, 'lib'), { recursive: true });
copyFileSync(join(out, 'index.js'), join(market, 'dist', 'index.js'));
copyFileSync(join(root, 'manifest.json'), join(market, 'lib', 'manifest.json'));
copyFileSync(join(root, 'operations.json'), join(market, 'lib', 'operations.json'));
copyFileSync(join(root, 'plugin/tooljet/icon.svg'), join(market, 'lib', 'icon.svg'));
const entry = { id: 'customerdesk', name: 'Customer Desk', description: pkg.description, version: pkg.version, author: 'Customer Desk team' };
writeFileSync(join(out, 'marketplace', 'plugins.json'), `${JSON.stringify([entry], null, 2)}\n`);
writeFileSync(join(market, 'plugin.json'), `${JSON.stringify(entry, null, 2)}\n`);
console.log(`dist/index.js (build ${buildHash}) ${(statSync(join(out, 'index.js')).size / 1024).toFixed(0)} KiB; marketplace folder dist/marketplace/customerdesk`);
