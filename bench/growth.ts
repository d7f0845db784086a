// Growth from the smallest scale to the larger ones, measured as the two arms are (bench/measure.ts): each
// operation at every scale in turn, call by call. Each scale's rows above run minutes apart, and the same row on
// the same schema measured twice a few minutes apart moved by up to 10 % in both arms on this shared machine
// (2026-11-29 20:19 UTC, tickets.search[recent] at 10k: 2.13–2.35 ms over four runs of 200 calls) — as much as the growth it is meant to show.
import type { BenchOp } from './ops.js';
import { callsOf, readTraces, type Arms } from './measure.js';
import { replay } from './trace.js';
import { summarize, timed, type Summary } from './stats.js';

/** A measured scale's arms, kept open until the growth pass, and the operations built from its data. */
export interface ScaleArms {
  scale: string;
  arms: Arms;
  ops: BenchOp[];
}

export interface GrowthRow {
  label: string;
  shape: BenchOp['shape'];
  /** One per scale, smallest first. */
  plugin: Summary[];
  raw: Summary[];
  /** Per larger scale: the median of call-by-call quotients (this scale ÷ the smallest) of the plugin's calls. */
  paired: number[];
}

/** Call k of one operation at one scale, through each arm. */
export interface ScaleCalls {
  plugin(k: number): Promise<unknown>;
  raw(k: number): Promise<unknown>;
}

/**
 * Milliseconds per arm and scale (smallest scale first) of calls 0…n-1, after calls n…n+warmup-1 unmeasured.
 * The scales take turns in blocks of `block` calls, each block after an unmeasured call: a call right after
 * another scale's meets caches that scale filled (tickets.search[unit] at 10k in turns of 1, 10 and 200 calls:
 * 2.41, 2.32 and 2.14 ms, then 2.21, 2.20 and 2.09 ms; 2026-11-29 20:35 UTC). Ten calls a block still share the
 * machine's drift: a block takes about 50 ms.
 */
export async function interleave(
  scales: ScaleCalls[],
  n: number,
  warmup: number,
  { block = 10, time = timed }: { block?: number; time?: typeof timed } = {},
): Promise<{ plugin: number[][]; raw: number[][] }> {
  const plugin = scales.map(() => [] as number[]);
  const raw = scales.map(() => [] as number[]);
  const call = async (i: number, k: number, measured: boolean) => {
    const pair = [
      { into: plugin[i]!, run: () => scales[i]!.plugin(k) },
      { into: raw[i]!, run: () => scales[i]!.raw(k) },
    ];
    // The arm that goes first alternates, as in measure(): the first call of a pair finds colder caches.
    if (k % 2) pair.reverse();
    for (const { into, run } of pair) {
      const ms = await time(run);
      if (measured) into.push(ms);
    }
  };
  for (let k = n; k < n + warmup; k++) for (let i = 0; i < scales.length; i++) await call(i, k, false);
  // The scale that goes first rotates from block to block.
  for (let from = 0, round = 0; from < n; from += block, round++) {
    for (let j = 0; j < scales.length; j++) {
      const i = (round + j) % scales.length;
      await call(i, from, false);
      for (let k = from; k < Math.min(from + block, n); k++) await call(i, k, true);
    }
  }
  return { plugin, raw };
}

export function growthRow(op: Pick<BenchOp, 'label' | 'shape'>, samples: { plugin: number[][]; raw: number[][] }): GrowthRow {
  const [first = [], ...later] = samples.plugin;
  return {
    label: op.label,
    shape: op.shape,
    plugin: samples.plugin.map((x) => summarize(x)),
    raw: samples.raw.map((x) => summarize(x)),
    paired: later.map((x) => summarize(x.map((ms, k) => ms / first[k]!)).p50),
  };
}

/** The rows whose cost must not grow with the tables (issue 17): point reads, searches and pages, the month's report. */
export const growsFlat = (op: BenchOp): boolean => op.kind === 'read' && op.shape !== 'write';

export async function interleavedGrowth(scales: ScaleArms[], iterations: number, warmup: number, progress: (row: GrowthRow) => void): Promise<GrowthRow[]> {
  const rows: GrowthRow[] = [];
  for (const first of scales[0]?.ops.filter(growsFlat) ?? []) {
    const at = scales.flatMap(({ arms, ops }) => ops.filter((o) => o.label === first.label).map((op) => ({ arms, op })));
    if (at.length !== scales.length) continue;
    const { n, warmup: w } = callsOf(first, iterations, warmup);
    const calls = await Promise.all(
      at.map(async ({ arms, op }): Promise<ScaleCalls> => {
        const traceOf = await readTraces(arms.recorder, op, n + w);
        return { plugin: (k) => arms.plugin.run(op.operation, op.input(k, 0), op.user), raw: (k) => replay(arms.pool, traceOf(k)) };
      }),
    );
    const row = growthRow(first, await interleave(calls, n, w));
    progress(row);
    rows.push(row);
  }
  return rows;
}
