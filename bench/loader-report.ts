// Arm c against arm a: what a query costs when ToolJet's server evaluates dist/index.js afresh for it (loader form 3,
// harness/tooljet-loader.ts) compared with a warm instance, measured interleaved in the same run (issue 12).
import type { OpResult } from './measure.js';
import { ms } from './stats.js';

/** The operations arm c is measured on by default: a point read, a lookup by id, a search and a write. */
export const LOADER_OPS = ['system.info', 'customers.get', 'tickets.search[recent]', 'tickets.open'] as const;

/** Target: a fresh evaluation costs at most 1.2 × the warm instance's p50, plus 1 ms. */
const limitOf = (warmP50: number): number => 1.2 * warmP50 + 1;

export function loaderTable(ops: readonly OpResult[]): string {
  const lines = [
    '| operation | warm instance p50 | fresh evaluation per call p50 (p95) | raw SQL p50 | fresh / warm | fresh − warm | target ≤ 1.2 × warm + 1 ms | client CPU warm / fresh |',
    '|---|--:|--:|--:|--:|--:|---|--:|',
  ];
  for (const r of ops) {
    if (!r.loader) continue;
    const limit = limitOf(r.plugin.p50);
    const verdict = r.loader.p50 <= limit ? `met (≤ ${ms(limit)} ms)` : `missed (≤ ${ms(limit)} ms)`;
    lines.push(
      `| ${r.label} | ${ms(r.plugin.p50)} | ${ms(r.loader.p50)} (${ms(r.loader.p95)}) | ${ms(r.raw.p50)} | ${(r.loader.p50 / r.plugin.p50).toFixed(2)} | ${ms(r.loader.p50 - r.plugin.p50)} | ${verdict} | ${ms(r.cpu.plugin)} / ${ms(r.loader.cpu)} |`,
    );
  }
  return lines.length > 2 ? lines.join('\n') : '';
}
