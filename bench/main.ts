// `npm run bench -- --scale 10k[,100k,1m] --db pglite|postgres [--json out.json]` (issue 8).
// Per scale: a new schema migrated by the bundle, the seeded data set, both arms of every operation, the
// 16-client tickets.open burst with its gap-free check, and bundle size + cold start. Then the growth table.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { openDatabase, type DbKind } from './db.js';
import type pg from 'pg';
import { generate, ZONE, type Generated } from './generate.js';
import { buildOps, type BenchOp } from './ops.js';
import { PluginArm } from './plugin-arm.js';
import { LOADER_OPS, loaderTable } from './loader-report.js';
import { Recorder } from './trace.js';
import { restore } from './restore.js';
import { autovacuumIdle, vacuumSchema } from './quiet.js';
import { pgDb } from '../plugin/db/pg.js';
import { callsOf, measure } from './measure.js';
import { PLUGIN_POOL, throughput } from './throughput.js';
import { coldStart } from './cold-start.js';
import { absoluteChecks, extrasTable, growthTable, interleavedGrowthTable, opsTable, writeTraces, type ScaleRun } from './report.js';
import { interleavedGrowth, type GrowthRow, type ScaleArms } from './growth.js';
import { registry } from '../plugin/app.js';
import { BenchError, fixable } from './fail.js';

const SCALES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1m': 1_000_000, '10m': 10_000_000 };

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
  return n;
};
const scaleList = (v: string): string[] => {
  const list = v
    .toLowerCase()
    .split(',')
    .map((s) => s.trim());
  for (const s of list) if (!(s in SCALES)) throw new InvalidArgumentError(`one or more of ${Object.keys(SCALES).join(', ')}`);
  return list;
};

const program = new Command('bench')
  .description('Cost of every benchmarked operation through the bundle against the same SQL through pg, at growing scale')
  .addOption(new Option('--scale <list>', 'tickets in the main site: 10k, 100k, 1m, 10m, or a comma list for a growth table').default(['10k'], '10k').argParser(scaleList))
  .addOption(new Option('--db <kind>', 'database under test').choices(['pglite', 'postgres']).default('pglite'))
  .option('--json <file>', 'write every measurement as JSON')
  .option('--iterations <n>', 'measured calls per arm and operation', positive, 200)
  .option('--warmup <n>', 'unmeasured calls per arm first', positive, 20)
  .option('--clients <n>', 'concurrent clients for the tickets.open burst', positive, 16)
  .option('--seconds <n>', 'length of the tickets.open burst', positive, 10)
  .option('--cold-runs <n>', 'fresh processes for the cold-start median', positive, 5)
  .option('--seed <n>', 'data generator seed', positive, 1)
  .option('--loader <labels>', `operations also measured through ToolJet's loader, a fresh evaluation per call (default: ${LOADER_OPS.join(',')}; "none" to skip)`, (v: string) =>
    v.split(',').map((s) => s.trim()),
  )
  .option('--only <operations>', 'comma list of operations to measure (default: all benchmarked ones)', (v: string) => v.split(',').map((s) => s.trim()))
  .option('--growth <files>', 'only print the growth table of earlier --json results (comma list, smallest scale first)', (v: string) => v.split(','))
  .option('--keep', 'keep the generated schema (its name is printed)')
  .option('--reuse <schemas>', 'measure schemas kept by earlier --keep runs instead of generating (kept again): one per --scale, same order', (v: string) => v.split(',').map((s) => s.trim()))
  .parse();

interface Options {
  scale: string[];
  db: DbKind;
  json?: string;
  iterations: number;
  warmup: number;
  clients: number;
  seconds: number;
  coldRuns: number;
  seed: number;
  keep?: boolean;
  reuse?: string[];
  only?: string[];
  loader?: string[];
  growth?: string[];
}

const opts = program.opts<Options>();
const log = (line: string) => process.stderr.write(`${line}\n`);

/** A scale's run, and its arms left open (with `close`) for the interleaved growth pass. */
interface Measured extends ScaleArms {
  run: ScaleRun;
  close(): Promise<void>;
}

async function benchScale(scale: string, reuse: string | undefined): Promise<Measured> {
  const tickets = SCALES[scale]!;
  const schema = reuse ?? `bench_${scale}_${randomBytes(3).toString('hex')}`;
  const sourceOptions = db.sourceOptions(schema);
  const plugin = new PluginArm(sourceOptions);
  const loader = new PluginArm(sourceOptions, 'tooljet');
  const loaderOps = new Set<string>(opts.loader ?? LOADER_OPS);
  await plugin.connect();
  const pool = db.pool(schema, opts.clients + 4);
  const recorder = new Recorder({ connectionString: db.url, schema }, { site: 'main', zone: ZONE });
  let armPool: pg.Pool | undefined;
  const close = async () => {
    await recorder.close();
    await armPool?.end();
    if (!opts.keep && !reuse) await pool.query(`drop schema ${schema} cascade`).catch(() => undefined);
    await pool.end();
  };
  try {
    log(`\n${scale}: schema ${schema} on ${db.kind} ${db.version}`);
    const { generated, generateSeconds } = reuse ? await readMeta(pool, reuse) : await generateInto(pool, tickets);
    if (reuse) {
      const t0 = performance.now();
      const kept = pgDb({ connectionString: db.url, schema, max: 1 });
      const removed = await kept.transaction((tx) => restore(tx, generated[0]!.site, ZONE)).finally(() => kept.close());
      log(`  took back ${removed} intakes of earlier runs in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // As autovacuum leaves a table in service: statistics and the visibility map (index-only scans) up to date.
    const vacuumSeconds = await vacuumSchema(pool, schema);
    const diskBytes = Number(
      (await pool.query<{ b: string }>(`select sum(pg_total_relation_size(oid)) as b from pg_class where relnamespace = $1::regnamespace and relkind in ('r', 'm')`, [schema])).rows[0]?.b ?? 0,
    );
    log(
      `  ${reuse ? 'kept, generated' : 'generated'} in ${generateSeconds?.toFixed(1) ?? '?'} s (+ ${vacuumSeconds.toFixed(1)} s vacuum analyze), ${(diskBytes / 2 ** 30).toFixed(2)} GiB: ${JSON.stringify(generated[0]!.rows)}`,
    );
    await recorder.warm();
    const ops = await buildOps(pool, generated[0]!, new Set(registry.keys()));
    // The raw arm on connections of its own, opened now. A backend that has just generated or vacuumed every table
    // keeps them all in its caches: the raw arm measured on the vacuum's backend read 51-row ticket pages ~0.15 ms
    // faster than on any other (a ratio of 1.13–1.21 for the plugin's tickets.search where it was 1.01–1.06 on
    // another connection: bench/measure.ts run alone, 2026-11-29 13:41–13:43 UTC).
    armPool = db.pool(schema, opts.clients + 4);
    if (db.kind === 'postgres') {
      const waited = await autovacuumIdle(pool);
      if (waited >= 1) log(`  waited ${waited.toFixed(0)} s for autovacuum to finish`);
    }
    const run: ScaleRun = { scale, tickets, db: db.kind, version: db.version, generateSeconds, vacuumSeconds, diskBytes, ops: [], ...(reuse ? { reused: reuse } : {}) };
    for (const op of ops.filter((o) => !opts.only || opts.only.includes(o.operation))) {
      const { n, warmup } = callsOf(op, opts.iterations, opts.warmup);
      const result = await measure({ plugin, recorder, pool: armPool, ...(loaderOps.has(op.label) ? { loader } : {}) }, op, n, warmup);
      log(
        `  ${op.label.padEnd(28)} plugin p50 ${result.plugin.p50.toFixed(2)} ms, raw p50 ${result.raw.p50.toFixed(2)} ms, ratio ${result.ratio.toFixed(2)}${result.loader ? `; fresh evaluation p50 ${result.loader.p50.toFixed(2)} ms` : ''}`,
      );
      run.ops.push(result);
    }
    const open = ops.find((o) => o.operation === 'tickets.open');
    if (open) {
      const rawPool = db.pool(schema, PLUGIN_POOL);
      run.throughput = await throughput({ plugin, recorder, pool: armPool, rawPool }, open, 'main', opts.clients, opts.seconds).finally(() => rawPool.end());
      const t = run.throughput;
      log(`  tickets.open x${opts.clients}: ${t.perSecond.toFixed(0)}/s, raw ${t.raw.perSecond.toFixed(0)}/s (×${t.ratio.toFixed(2)}), gap-free ${t.gapFree}`);
    }
    const search = ops.find((o) => o.operation === 'tickets.search')!;
    run.cold = await coldStart(sourceOptions, search.operation, search.input(0, 0), search.user, opts.coldRuns);
    // The writes' dead rows cleaned up now, not by autovacuum while the next scale (or run) is measured.
    if (opts.keep || reuse) log(`  vacuumed after the writes in ${(await vacuumSchema(pool, schema)).toFixed(1)} s`);
    return { scale, run, ops, arms: { plugin, recorder, pool: armPool }, close };
  } catch (e) {
    await close();
    throw e;
  }
}

interface Meta {
  generated: Generated[];
  /** Null for a schema kept before the time was stored. */
  generateSeconds: number | null;
}

/** Generates the data set and keeps what the operations need to know of it with the schema, for --reuse. */
async function generateInto(pool: pg.Pool, tickets: number): Promise<Meta> {
  const client = await pool.connect();
  try {
    const t0 = performance.now();
    const generated = await generate(client, tickets, opts.seed, process.stderr.isTTY);
    const generateSeconds = (performance.now() - t0) / 1000;
    await client.query('create table bench_meta (generated jsonb not null, generate_seconds float8)');
    await client.query('insert into bench_meta values ($1::jsonb, $2)', [JSON.stringify(generated), generateSeconds]);
    return { generated, generateSeconds };
  } finally {
    client.release();
  }
}

/** bench_meta of a kept schema; whole rows as JSON, as schemas kept before generate_seconds have no such column. */
async function readMeta(pool: pg.Pool, schema: string): Promise<Meta> {
  const [row] = (await pool.query<{ m: { generated: Generated[]; generate_seconds?: number | null } }>('select to_jsonb(m) as m from bench_meta m')).rows;
  if (!row) throw new BenchError(`${schema} has no bench_meta: it was not made by npm run bench -- --keep`);
  return { generated: row.m.generated, generateSeconds: row.m.generate_seconds ?? null };
}

if (opts.reuse && opts.reuse.length !== opts.scale.length) program.error('error: --reuse names one kept schema per --scale');

function stopOn(e: unknown): never {
  const line = fixable(e);
  if (!line) throw e;
  log(`bench: ${line}`);
  process.exit(1);
}

if (opts.growth) {
  const saved = opts.growth.flatMap((file) => (JSON.parse(readFileSync(file, 'utf8')) as { runs: ScaleRun[] }).runs);
  process.stdout.write(`${growthTable(saved)}\n`);
  process.exit(0);
}

const db = await openDatabase(opts.db).catch(stopOn);
const measured: Measured[] = [];
let growth: GrowthRow[] = [];
// Thrown after the connections are closed: as one line when the user can fix it (stopOn), else with its stack.
let failed: { e: unknown } | undefined;
try {
  for (const [k, scale] of opts.scale.entries()) measured.push(await benchScale(scale, opts.reuse?.[k]));
  if (measured.length > 1) {
    if (db.kind === 'postgres') await autovacuumIdle(measured[0]!.arms.pool);
    log('\ngrowth: every scale in turn, ten calls at a time');
    const only = (ops: BenchOp[]) => ops.filter((o) => !opts.only || opts.only.includes(o.operation));
    growth = await interleavedGrowth(
      measured.map((m) => ({ ...m, ops: only(m.ops) })),
      opts.iterations,
      opts.warmup,
      (row) => log(`  ${row.label.padEnd(28)} plugin p50 ${row.plugin.map((p) => p.p50.toFixed(2)).join(' / ')} ms, paired growth ${row.paired.map((g) => `×${g.toFixed(2)}`).join(' / ')}`),
    );
  }
} catch (e) {
  failed = { e };
} finally {
  for (const m of measured) await m.close();
  await db.stop();
}
if (failed) stopOn(failed.e);
const runs = measured.map((m) => m.run);

const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
const out: string[] = [`# npm run bench -- --scale ${opts.scale.join(',')} --db ${opts.db}`, '', `${new Date().toISOString()} · ${machine} · ${opts.db} ${db.version}`, ''];
for (const run of runs) {
  out.push(
    `## ${run.scale} tickets (${run.db}; ${run.reused ? `kept schema ${run.reused}, ` : ''}data generated in ${run.generateSeconds?.toFixed(0) ?? '?'} s + ${(run.vacuumSeconds ?? 0).toFixed(0)} s vacuum analyze, ${((run.diskBytes ?? 0) / 2 ** 30).toFixed(2)} GiB on disk)`,
    '',
    opsTable(run),
    '',
    extrasTable(run),
    '',
  );
  out.push(...absoluteChecks(run).map((l) => `- ${l}`), '', 'Statements of one recorded write (ms):', '', writeTraces(run), '');
}
const loaderRows = runs.map((run) => [run, loaderTable(run.ops)] as const).filter(([, table]) => table !== '');
for (const [run, table] of loaderRows) out.push(`## ToolJet's loader: a fresh evaluation per call (${run.scale}, ${run.db})`, '', table, '');
if (runs.length > 1)
  out.push('## Growth, every scale in turn', '', interleavedGrowthTable(opts.scale, growth), '', "## Growth of the scale runs' p50s (each scale in its own minutes)", '', growthTable(runs, false), '');
process.stdout.write(`${out.join('\n')}\n`);
if (opts.json) writeFileSync(opts.json, `${JSON.stringify({ date: new Date().toISOString(), machine, options: opts, version: db.version, runs, growth }, null, 2)}\n`);
