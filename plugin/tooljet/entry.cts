// The text ToolJet evaluates: dist/index.js. Why it is a stub, not the plugin itself:
//
// ToolJet's server evaluates a marketplace plugin's bundle afresh for EVERY query, in a new vm context
// (server/src/modules/data-sources/services/plugin-selector.service.ts, findMarketplacePluginService;
// the three loader forms of its history are reproduced in test/support/tooljet-loader.ts), then calls
// `new module.exports.default()`. Evaluating the whole plugin each time costs 100–200 ms (zod schemas,
// templates, drivers at top level), and every module-level cache — connection pools, the migration
// check, compiled templates — would start empty, so every query would open a pool of its own.
//
// So this stub does almost nothing per evaluation. The implementation (plugin/index.ts bundled) is held
// here as ONE string literal: V8 caches the compile of identical source, so re-evaluating the stub costs
// well under a millisecond. Once per build per process the string is compiled with
// `vm.runInThisContext`, i.e. in the HOST's realm, not the evaluation's: it gets every Node global
// whatever the sandbox lacks (form 2 has no TextEncoder), and nothing it creates — pools, timers,
// promises of a background notification flush — references an evaluation's context, which can
// therefore be collected after its query. The compiled module is kept in one registry on `process`
// (shared by every form and context) under `Symbol.for(registryKey)`, keyed by the build's hash
// (scripts/build.mjs): its module scope IS this build's long-lived state — pools keyed by data source id
// + updatedAt (tooljet/connections.ts), the migration check (db/ready.ts), compiled templates, parsed
// schemas. A new build retires the others (their pools are ended), so an upgraded plugin never reuses
// an old version's objects.
// Alternatives, per evaluation once the build is held (`tsx bench/loader-alternatives.ts 1000`, 2026-11-29, shared
// 2-core machine at load ~13): the whole implementation evaluated every time 214 ms p50; the implementation inline
// as a function the stub does not call 0.42 ms; this string literal 0.47 ms. The two stubs cost the same; the
// string wins because only it is compiled in the host realm — an inline function would live in the first
// evaluation's sandbox, without form 2's missing globals and pinning that context for the life of the build.
import type { QueryService } from './types.js';

declare const CUSTOMERDESK_IMPLEMENTATION: string;
declare const CUSTOMERDESK_BUILD: string;

/** What the implementation module (plugin/index.ts) exports. */
interface Implementation {
  default: new () => QueryService;
  retire(): Promise<void>;
}

const registryKey = 'customerdesk.tooljet.builds';

function implementationOf(build: string, source: string): Implementation {
  // Host-realm code creates the registry, so not even the Map belongs to this evaluation's context.
  const vm = require('node:vm') as typeof import('node:vm');
  const key = Symbol.for(registryKey);
  if (!Reflect.has(process, key)) Reflect.set(process, key, vm.runInThisContext('new Map()'));
  const builds = Reflect.get(process, key) as Map<string, Implementation>;
  const found = builds.get(build);
  if (found) return found;
  // The module object is made inside the compiled wrapper too: host realm, like everything it holds.
  const wrapper = `(function (require) { var m = { exports: {} }; (function (module, exports) {${source}\n})(m, m.exports); return m.exports; })`;
  const compiled = vm.runInThisContext(wrapper, { filename: `customerdesk-${build}.js` }) as (r: NodeJS.Require) => Implementation;
  const implementation = compiled(require);
  for (const [other, old] of builds) {
    builds.delete(other);
    void old.retire().catch(() => undefined);
  }
  builds.set(build, implementation);
  return implementation;
}

module.exports = implementationOf(CUSTOMERDESK_BUILD, CUSTOMERDESK_IMPLEMENTATION);
