// tickets.open from 16 concurrent clients through one plugin instance (as ToolJet's server holds one), for a fixed
// time. The per-year number counter is the contention point (R-TIC-2): afterwards every year's numbers must
// still run 1..n without a gap or a duplicate, and every acknowledged call must have left exactly one ticket.
import type pg from 'pg';
import type { BenchOp } from './ops.js';
import type { PluginArm } from './plugin-arm.js';
import { numberingCheck } from './generate.js';
import { summarize, type Summary } from './stats.js';

export interface ThroughputResult {
  clients: number;
  seconds: number;
  calls: number;
  failures: number;
  perSecond: number;
  latency: Summary;
  gapFree: boolean;
  ticketsAdded: number;
  firstFailure?: string;
}

export async function throughput(plugin: PluginArm, pool: pg.Pool, op: BenchOp, site: string, clients: number, seconds: number): Promise<ThroughputResult> {
  const count = async () => Number((await pool.query<{ n: string }>('select count(*) as n from tickets where site = $1', [site])).rows[0]?.n);
  const before = await count();
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 1_000_000; // inputs far from the ones the latency runs used
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const k = next++;
      const t0 = performance.now();
      try {
        await plugin.run(op.operation, op.input(k, 0), op.user);
        latencies.push(performance.now() - t0);
      } catch (e) {
        failures++;
        firstFailure ??= String((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  const ticketsAdded = (await count()) - before;
  const pg = await pool.connect();
  const years = await numberingCheck(pg, site).finally(() => pg.release());
  return {
    clients,
    seconds: elapsed,
    calls: latencies.length,
    failures,
    perSecond: latencies.length / elapsed,
    latency: summarize(latencies),
    gapFree: years.every((y) => y.ok) && ticketsAdded === latencies.length,
    ticketsAdded,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
