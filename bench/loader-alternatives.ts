// Why dist/index.js is a stub holding the implementation as a string literal (plugin/tooljet/entry.cts): the cost of
// one evaluation under ToolJet's loader form 3 (harness/tooljet-loader.ts) for three ways to lay the bundle out,
// once this process already holds the build's implementation. `npm run build && tsx bench/loader-alternatives.ts`
//  - empty plugin: the floor, what ToolJet's loader costs whatever the plugin;
//  - whole: the implementation itself, evaluated in full every time (what a plain bundle costs);
//  - inline function: a stub that skips the implementation, written inline as a function it does not call;
//  - string literal: dist/index.js as built (the implementation as one string, compiled once per build).
import { createRequire } from 'node:module';
import { bundleText, evaluatePlugin } from '../harness/tooljet-loader.js';
import { summarize } from './stats.js';

const n = Number(process.argv[2] ?? 300);
const stub = bundleText();

// The wrapper the stub hands to vm.runInThisContext: `(function (require) { … return m.exports; })`.
let wrapper = '';
const hostRequire = createRequire(import.meta.url);
const capture = (id: string): unknown => (id === 'node:vm' ? { runInThisContext: (source: string) => (source === 'new Map()' ? new Map() : ((wrapper = source), () => ({}))) } : hostRequire(id));
new Function('module', 'exports', 'require', 'process', stub)({ exports: {} }, {}, capture, { ...process });
if (!wrapper.startsWith('(function (require)')) throw new Error('dist/index.js no longer hands its implementation to vm.runInThisContext');

const layouts: Record<string, string> = {
  // The floor: ToolJet's context and evaluation with a plugin that does nothing at all.
  'empty plugin (floor)': 'module.exports = { default: class {} };',
  'string literal (built)': stub,
  'inline function': `"use strict";var k=Symbol.for("customerdesk.alt"),r=process[k]||(process[k]=new Map()),m=r.get("b");if(!m){m=${wrapper}(require);r.set("b",m)}module.exports=m;`,
  // Last: its garbage (a whole implementation per evaluation) would fall on the rows after it.
  whole: `module.exports = ${wrapper}(require);`,
};

const rows: string[] = ['| layout | evaluations | p50 ms | p95 ms | CPU ms per evaluation, GC included |', '|---|--:|--:|--:|--:|'];
for (const [name, text] of Object.entries(layouts)) {
  const count = name === 'whole' ? Math.min(n, 30) : n;
  evaluatePlugin(text, 3);
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    evaluatePlugin(text, 3);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const s = summarize(times);
  rows.push(`| ${name} | ${count} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${((used.user + used.system) / 1000 / count).toFixed(2)} |`);
}
process.stdout.write(`${rows.join('\n')}\n`);
process.exit(0);
