// Child process of bench/cold-start.ts: a fresh Node process, as after a ToolJet server restart. Times evaluating
// dist/index.js and the first run() (pool connect, migration check, first statements) on an already warm database.
import { loadBundle } from '../test/support/bundle.js';

const [optionsJson = '{}', operation = 'system.info', inputJson = '{}', user = ''] = process.argv.slice(2);
const t0 = performance.now();
const { Plugin } = loadBundle();
const t1 = performance.now();
const plugin = new Plugin();
await plugin.run(JSON.parse(optionsJson), { operation, ...JSON.parse(inputJson) }, 'cold-ds', '1', { user: { id: user } });
const t2 = performance.now();
await plugin.run(JSON.parse(optionsJson), { operation, ...JSON.parse(inputJson) }, 'cold-ds', '1', { user: { id: user } });
const t3 = performance.now();
process.stdout.write(`${JSON.stringify({ evaluate: t1 - t0, firstRun: t2 - t1, secondRun: t3 - t2 })}\n`);
process.exit(0);
