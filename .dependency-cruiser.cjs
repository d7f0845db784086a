// Import rules of the layout (docs/CONTRIBUTING.md), checked by `npm run lint` and test/layout.imports.test.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'an import cycle couples modules that should not know each other', from: {}, to: { circular: true } },
    {
      name: 'core-knows-no-area',
      severity: 'error',
      comment: 'core/, db/ and time/ are below the areas: they get what they need (the registry) passed in',
      from: { path: '^plugin/(core|db|time)/' },
      to: { path: '^plugin/(areas|app\\.ts|apps|cli|gen|seed|server|tooljet|transfer|index\\.ts)' },
    },
    {
      name: 'areas-not-adapters',
      severity: 'error',
      comment: 'an area never imports an adapter or the composition root',
      from: { path: '^plugin/areas/' },
      to: { path: '^plugin/(app\\.ts|apps|cli|gen|seed|server|tooljet|transfer|index\\.ts)' },
    },
    {
      name: 'nothing-imports-tests',
      severity: 'error',
      comment: 'shipped code, scripts, benchmarks and the harness never import tests; what they share with tests is in harness/',
      from: { path: '^(plugin|scripts|bench|harness)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^plugin/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
