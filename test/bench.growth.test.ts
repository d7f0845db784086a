// Issue 17: growth from 10k to 1M and 10M is measured with the scales taking turns call by call (bench/growth.ts).
// A virtual clock stands in for the machine: each call "takes" its scale's cost times how slow the machine is at
// that moment, so the checks are exact and a slowing machine can be modelled.
import { describe, expect, it } from 'vitest';
import { growthRow, interleave, type ScaleCalls } from '../bench/growth.js';
import { interleavedGrowthTable } from '../bench/report.js';

/** Scales costing `costs` ms each on a machine that slows from 1× to `slowdown`× over `calls` calls. */
function machine(costs: number[], slowdown: number, calls: number) {
  let done = 0;
  const order: string[] = [];
  const at = (cost: number, name: string) => async () => {
    order.push(name);
    return cost * (1 + ((slowdown - 1) * done++) / calls);
  };
  const scales: ScaleCalls[] = costs.map((cost, i) => ({ plugin: at(cost, `p${i}`), raw: at(cost * 0.95, `r${i}`) }));
  return { scales, order };
}
const virtual = async (run: () => Promise<unknown>) => Number(await run());
const n = 200;
const calls = 3 * 2 * (n + 20);

describe('bench growth, scales in turn (issue 17)', () => {
  it('a machine that slows down 1.5× over the pass shows no growth when the scales take turns in short blocks', async () => {
    const { scales } = machine([2, 2, 2], 1.5, calls);
    const row = growthRow({ label: 'tickets.search[recent]', shape: 'search' }, await interleave(scales, n, 20, { time: virtual }));
    // Blocks of ten calls: neighbouring blocks are 22–44 calls apart, 1–2 % of the slowdown.
    for (const g of [...row.paired, ...row.plugin.map((s) => s.p50 / row.plugin[0]!.p50)]) expect(Math.abs(g - 1)).toBeLessThan(0.02);
    // The same machine measured a scale after another (as the scale runs are) reads the slowdown as growth.
    const { scales: apart } = machine([2, 2, 2], 1.5, calls);
    const one = [];
    for (const scale of apart) one.push(await interleave([scale], n, 20, { time: virtual }));
    const p50s = one.map((s) => growthRow({ label: 'x', shape: 'search' }, s).plugin[0]!.p50);
    expect(p50s[2]! / p50s[0]!).toBeGreaterThan(1.2);
  });

  it('a scale that costs 1.3× more shows ×1.3, on a slowing machine too', async () => {
    const { scales } = machine([2, 2.2, 2.6], 1.5, calls);
    const row = growthRow({ label: 'tickets.myQueue', shape: 'search' }, await interleave(scales, n, 20, { time: virtual }));
    expect(row.paired[0]).toBeCloseTo(1.1, 1);
    expect(row.paired[1]).toBeCloseTo(1.3, 1);
    const table = interleavedGrowthTable(['10k', '1m', '10m'], [row]);
    expect(table).toContain('| tickets.myQueue |');
    expect(table).toMatch(/\| missed \(≤ ×1\.2\) \|$/m);
  });

  it('the scales take turns in blocks, each after an unmeasured call; the first scale and the first arm rotate', async () => {
    const { scales, order } = machine([1, 1, 1], 1, calls);
    const samples = await interleave(scales, 4, 0, { block: 2, time: virtual });
    expect(samples.plugin.map((s) => s.length)).toEqual([4, 4, 4]);
    // A block of scale i: its unmeasured call (input 0, then 2), then calls 0–1 (2–3), the raw arm first in odd calls.
    const block = (i: number) => `p${i} r${i} p${i} r${i} r${i} p${i}`;
    expect(order.join(' ')).toBe([0, 1, 2, 1, 2, 0].map(block).join(' '));
  });

  it('R-REP-1 the month’s report may grow ×1.5; a page is missed when either quotient, p50 or paired, is over ×1.2', () => {
    const summary = (p50: number) => ({ n: 1, p50, p95: p50, mean: p50 });
    const row = (shape: 'report' | 'search', small: number, big: number, paired: number) => ({
      label: shape,
      shape,
      plugin: [summary(small), summary(big)],
      raw: [summary(small), summary(big)],
      paired: [paired],
    });
    const table = interleavedGrowthTable(['10k', '10m'], [row('report', 8, 11.6, 1.44), row('search', 2, 2.2, 1.25)]);
    expect(table).toMatch(/^\| report \|.*\| met \(≤ ×1\.5\) \|$/m);
    expect(table).toMatch(/^\| search \|.*×1\.10 \| ×1\.25 \|.*\| missed \(≤ ×1\.2\) \|$/m);
  });
});
