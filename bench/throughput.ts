// tickets.open from 16 concurrent clients for a fixed time, twice: (a) through one plugin instance (as ToolJet's
// server holds one), and (b) the same statements replayed raw on a pool of the same size (bench/trace.ts). The
// per-year number counter is the contention point (R-TIC-2): afterwards every year's numbers must still run 1..n
// without a gap or a duplicate, and every acknowledged call must have left exactly one ticket.
import type pg from 'pg';
import type { BenchOp } from './ops.js';
import type { PluginArm } from './plugin-arm.js';
import { numberingCheck } from './generate.js';
import { summarize, type Summary } from './stats.js';
import { replay, type Recorder, type Trace } from './trace.js';

export interface Burst {
  clients: number;
  seconds: number;
  calls: number;
  failures: number;
  perSecond: number;
  latency: Summary;
  firstFailure?: string;
}

export interface ThroughputResult extends Burst {
  /** The same statements replayed raw with as many clients on as many connections as the plugin's pool. */
  raw: Burst;
  /** plugin calls/s ÷ raw calls/s. */
  ratio: number;
  gapFree: boolean;
  ticketsAdded: number;
}

/** The plugin's pool size (plugin/db/pg.ts): the raw burst gets as many connections. */
export const PLUGIN_POOL = 10;

async function burst(clients: number, seconds: number, call: (k: number) => Promise<unknown>): Promise<Burst> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const k = next++;
      const t0 = performance.now();
      try {
        await call(k);
        latencies.push(performance.now() - t0);
      } catch (e) {
        failures++;
        firstFailure ??= String((e as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsed = (performance.now() - started) / 1000;
  return { clients, seconds: elapsed, calls: latencies.length, failures, perSecond: latencies.length / elapsed, latency: summarize(latencies), ...(firstFailure ? { firstFailure } : {}) };
}

export async function throughput(
  arms: { plugin: PluginArm; recorder: Recorder; pool: pg.Pool; rawPool: pg.Pool },
  op: BenchOp,
  site: string,
  clients: number,
  seconds: number,
): Promise<ThroughputResult> {
  const count = async () => Number((await arms.pool.query<{ n: string }>('select count(*) as n from tickets where site = $1', [site])).rows[0]?.n);
  const before = await count();
  // Inputs far from the ones the latency runs used. The raw arm replays a few recorded intakes in turn: each
  // replay takes its own number and ticket id, as the plugin's calls do.
  const plugin = await burst(clients, seconds, (k) => arms.plugin.run(op.operation, op.input(1_000_000 + k, 0), op.user));
  const traces: Trace[] = [];
  // As many as the units the plugin's calls cycle through (bench/ops.ts samples 64): a complaint locks its unit
  // until commit, and with only one trace per client, two replays of one complaint met on its unit's lock far more
  // often than the plugin's calls did (2–3 backends waiting on it at 10k, raw 111–149 /s against 202–235, 14:05 UTC).
  for (let k = 0; k < Math.max(clients, 64); k++) traces.push(await arms.recorder.record(op.operation, op.input(2_000_000 + k, 1), op.user));
  const raw = await burst(clients, seconds, (k) => replay(arms.rawPool, traces[k % traces.length]!));
  const ticketsAdded = (await count()) - before;
  const pg = await arms.pool.connect();
  const years = await numberingCheck(pg, site).finally(() => pg.release());
  return {
    ...plugin,
    raw,
    ratio: plugin.perSecond / raw.perSecond,
    gapFree: years.every((y) => y.ok) && ticketsAdded === plugin.calls + raw.calls,
    ticketsAdded,
  };
}
