// Calls one operation through the bundle many times on a schema kept by `npm run bench -- --keep`, so that a CPU
// profile shows where the plugin's own time goes:
//   node --cpu-prof --import tsx bench/profile.ts --schema bench_10k_ab12cd --operation tickets.myQueue --user tj-main-35
import { Command, InvalidArgumentError } from 'commander';
import { openDatabase } from './db.js';
import { PluginArm } from './plugin-arm.js';
import { summarize } from './stats.js';

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const opts = new Command('bench-profile')
  .requiredOption('--schema <name>', 'a schema kept by npm run bench -- --keep')
  .requiredOption('--operation <name>', 'operation to call')
  .option('--input <json>', 'string inputs as ToolJet sends them', '{}')
  .option('--user <id>', 'ToolJet user id (tj-<site>-<staff index>, see bench/generate.ts STAFF)', 'tj-main-9')
  .option('--n <n>', 'calls', positive, 300)
  .parse()
  .opts<{ schema: string; operation: string; input: string; user: string; n: number }>();

// PostgreSQL only: a PGlite database lives as long as the run that generated it.
const db = await openDatabase('postgres');
const plugin = new PluginArm(db.sourceOptions(opts.schema));
const input = JSON.parse(opts.input) as Record<string, string>;
const times: number[] = [];
for (let k = 0; k < opts.n; k++) {
  const t0 = performance.now();
  await plugin.run(opts.operation, input, opts.user);
  times.push(performance.now() - t0);
}
const s = summarize(times.slice(Math.min(10, opts.n - 1)));
process.stdout.write(`${opts.operation}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms over ${s.n} calls\n`);
await db.stop();
process.exit(0);
