// Child process of bench/cold-start.ts: a fresh Node process, as after a ToolJet server restart. Times the first
// evaluation of dist/index.js (ToolJet's newest loader form; it compiles this build's implementation once), the
// first run() (pool connect, migration check, first statements) on an already warm database, and a second
// query through a fresh evaluation, as ToolJet makes every later query.
import { bundleText, evaluatePlugin } from '../harness/tooljet-loader.js';

const [optionsJson = '{}', operation = 'system.info', inputJson = '{}', user = ''] = process.argv.slice(2);
const text = bundleText();
const t0 = performance.now();
const plugin = evaluatePlugin(text, 3);
const t1 = performance.now();
await plugin.run(JSON.parse(optionsJson), { operation, ...JSON.parse(inputJson) }, 'cold-ds', '1', { user: { id: user } });
const t2 = performance.now();
await evaluatePlugin(text, 3).run(JSON.parse(optionsJson), { operation, ...JSON.parse(inputJson) }, 'cold-ds', '1', { user: { id: user } });
const t3 = performance.now();
process.stdout.write(`${JSON.stringify({ evaluate: t1 - t0, firstRun: t2 - t1, secondRun: t3 - t2 })}\n`);
process.exit(0);
