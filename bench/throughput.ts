// tickets.open from 16 concurrent clients for a fixed time, twice, in alternating slices: (a) through one plugin
// instance (as ToolJet's server holds one), and (b) the same statements replayed raw on a pool of the same size
// (bench/trace.ts). The per-year number counter is the contention point (R-TIC-2): afterwards every year's numbers
// must still run 1..n without a gap or a duplicate, and every acknowledged call must have left exactly one ticket.
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

/** One arm's calls over the slices it ran in: latencies of the acknowledged calls, failures, time spent. */
class Arm {
  readonly latencies: number[] = [];
  failures = 0;
  firstFailure: string | undefined;
  elapsed = 0;
  next = 0;

  constructor(private readonly call: (k: number) => Promise<unknown>) {}

  /** `clients` callers in a loop for `seconds`; call k takes the arm's next input. */
  async slice(clients: number, seconds: number): Promise<void> {
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const client = async () => {
      while (performance.now() < deadline) {
        const k = this.next++;
        const t0 = performance.now();
        try {
          await this.call(k);
          this.latencies.push(performance.now() - t0);
        } catch (e) {
          this.failures++;
          this.firstFailure ??= String((e as Error).message);
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, client));
    this.elapsed += (performance.now() - started) / 1000;
  }

  result(clients: number): Burst {
    const { latencies, failures, elapsed, firstFailure } = this;
    return { clients, seconds: elapsed, calls: latencies.length, failures, perSecond: latencies.length / elapsed, latency: summarize(latencies), ...(firstFailure ? { firstFailure } : {}) };
  }
}

/** Slices per arm, run in the order ABBA ABBA: a checkpoint, an autovacuum or an autoanalyze falls on both arms alike. */
const SLICES = 4;

export async function throughput(
  arms: { plugin: PluginArm; recorder: Recorder; pool: pg.Pool; rawPool: pg.Pool },
  op: BenchOp,
  site: string,
  clients: number,
  seconds: number,
): Promise<ThroughputResult> {
  const count = async () => Number((await arms.pool.query<{ n: string }>('select count(*) as n from tickets where site = $1', [site])).rows[0]?.n);
  const before = await count();
  // Inputs far from the ones the latency runs used. The raw arm replays recorded intakes in turn, each taking its own
  // number and ticket id as the plugin's calls do. It records whole periods of the inputs (bench/ops.ts), starting a
  // whole number of periods after the plugin's, so call k of either arm has the same unit and kind and meets the
  // same unit locks: with one trace per client, two replays of one complaint met on its unit's lock far more often
  // (raw 111–149 /s against the plugin's 202–235 at 10k, 14:05 UTC), and a busy unit sampled twice makes two of a
  // period's complaints share a lock, in both arms alike.
  const period = op.period ?? 1;
  const [pluginBase, rawBase] = [1_000_000, 1_000_000 + period * Math.ceil(1_000_000 / period)];
  const traces: Trace[] = [];
  for (let k = 0; k < period * Math.ceil(clients / period); k++) traces.push(await arms.recorder.record(op.operation, op.input(rawBase + k, 1), op.user));
  const plugin = new Arm((k) => arms.plugin.run(op.operation, op.input(pluginBase + k, 0), op.user));
  const raw = new Arm((k) => replay(arms.rawPool, traces[k % traces.length]!));
  for (let i = 0; i < SLICES; i++) for (const arm of i % 2 === 0 ? [plugin, raw] : [raw, plugin]) await arm.slice(clients, seconds / SLICES);
  const ticketsAdded = (await count()) - before;
  const pg = await arms.pool.connect();
  const years = await numberingCheck(pg, site).finally(() => pg.release());
  const [a, b] = [plugin.result(clients), raw.result(clients)];
  return {
    ...a,
    raw: b,
    ratio: a.perSecond / b.perSecond,
    gapFree: years.every((y) => y.ok) && ticketsAdded === a.calls + b.calls,
    ticketsAdded,
  };
}
