// Markdown tables of a run (printed, and pasted into docs/benchmarks.md) and the targets of issues 8 and 17.
import type { OpResult } from './measure.js';
import type { ThroughputResult } from './throughput.js';
import type { ColdStart } from './cold-start.js';
import type { GrowthRow } from './growth.js';
import { ms, type Summary } from './stats.js';

export interface ScaleRun {
  scale: string;
  tickets: number;
  db: string;
  version: string;
  /** Of the run that made the data (a --reuse run reads it from bench_meta; null when the kept schema predates that). */
  generateSeconds: number | null;
  /** The kept schema measured by --reuse. */
  reused?: string;
  /** vacuum (analyze) after generating, as autovacuum would leave the tables in service. */
  vacuumSeconds?: number;
  /** Tables, indexes and TOAST of the schema after generating. */
  diskBytes?: number;
  ops: OpResult[];
  throughput?: ThroughputResult;
  cold?: ColdStart;
}

const TARGET = {
  readRatio: 1.15,
  writeRatio: 1.3,
  searchP50: 5,
  reportP50: 300,
  opensPerSecond: 500,
  /** plugin intake/s ÷ the same statements replayed raw, same clients and connections (issue 17). */
  opensRatio: 0.8,
  /** Growth of p50 from the smallest to a larger scale (issue 17): reads that touch one page, and the month's report. */
  growthPage: 1.2,
  growthReport: 1.5,
  bundleMiB: 1.5,
  coldMs: 150,
} as const;

export function opsTable(run: ScaleRun): string {
  const lines = [
    `| operation | kind | stmts | plugin p50 | plugin p95 | raw p50 | raw p95 | Δ p50 | ratio a/b p50 | paired ratio | target | client CPU plugin / raw |`,
    `|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|`,
  ];
  for (const r of run.ops) {
    const limit = r.kind === 'read' ? TARGET.readRatio : TARGET.writeRatio;
    // Met only when both the ratio of the p50s and the median of call-by-call ratios are within the limit.
    const verdict = r.ratio <= limit && r.pairedRatio <= limit ? `met (≤ ${limit})` : `missed (≤ ${limit})`;
    lines.push(
      `| ${r.label} | ${r.kind} | ${r.statements} | ${ms(r.plugin.p50)} | ${ms(r.plugin.p95)} | ${ms(r.raw.p50)} | ${ms(r.raw.p95)} | ${ms(r.plugin.p50 - r.raw.p50)} | ${r.ratio.toFixed(2)} | ${r.pairedRatio.toFixed(2)} | ${verdict} | ${ms(r.cpu.plugin)} / ${ms(r.cpu.raw)} |`,
    );
  }
  return lines.join('\n');
}

export function extrasTable(run: ScaleRun): string {
  const lines = ['| measure | value | target |', '|---|--:|---|'];
  const t = run.throughput;
  if (t) {
    const burst = (b: typeof t.raw) => `${b.perSecond.toFixed(0)} /s (${b.calls} ok, ${b.failures} failed; p50 ${ms(b.latency.p50)} ms, p95 ${ms(b.latency.p95)} ms)`;
    lines.push(`| tickets.open, ${t.clients} clients, ${t.seconds.toFixed(1)} s, plugin | ${burst(t)} | ≥ ${TARGET.opensPerSecond}/s at 1M on PostgreSQL |`);
    lines.push(`| the same statements replayed raw, ${t.raw.clients} clients, ${t.raw.seconds.toFixed(1)} s | ${burst(t.raw)} | |`);
    lines.push(`| intake throughput plugin ÷ raw | ${t.ratio.toFixed(2)} | ≥ ${TARGET.opensRatio} (${t.ratio >= TARGET.opensRatio ? 'met' : 'missed'}) |`);
    if (t.raw.firstFailure) lines.push(`| first raw failure | ${t.raw.firstFailure.replace(/\|/g, '/').slice(0, 160)} | |`);
    lines.push(`| numbers gap-free after the burst | ${t.gapFree ? 'yes' : 'NO'} (${t.ticketsAdded} tickets added) | yes |`);
    if (t.firstFailure) lines.push(`| first failure | ${t.firstFailure.replace(/\|/g, '/').slice(0, 160)} | |`);
    const hold = run.ops.find((o) => o.operation === 'tickets.open')?.counterHold;
    if (hold)
      lines.push(
        `| counter row held per intake (p50 of ${hold.calls} recorded calls) | ${ms(hold.p50)} ms over ${hold.statements} statement${hold.statements === 1 ? '' : 's'} + commit → ≤ ${(1000 / hold.p50).toFixed(0)}/s per site | ≤ 1 ms (${hold.p50 <= 1 ? 'met' : 'missed'}) |`,
      );
  }
  const c = run.cold;
  if (c) {
    lines.push(`| dist/index.js | ${(c.bundleBytes / 1024 / 1024).toFixed(2)} MiB | ≤ ${TARGET.bundleMiB} MB |`);
    lines.push(`| cold start: evaluate + first run() (median of ${c.runs}) | ${ms(c.total)} ms (${ms(c.evaluate)} + ${ms(c.firstRun)}; second run ${ms(c.secondRun)}) | ≤ ${TARGET.coldMs} ms |`);
  }
  return lines.join('\n');
}

/**
 * p50 of each operation at each scale run; growth is the largest quotient of a larger scale's p50 by the smallest's,
 * per arm. Its verdict only when no interleaved pass (below) measured the same rows side by side.
 */
export function growthTable(runs: ScaleRun[], verdict = true): string {
  const labels = runs[0]?.ops.map((o) => o.label) ?? [];
  const head = `| operation | ${runs.map((r) => `${r.scale} ${r.db}: plugin / raw p50`).join(' | ')} | growth plugin (largest) | growth raw (largest) |${verdict ? ' target |' : ''}`;
  const lines = [head, `|---|${runs.map(() => '--:|').join('')}--:|--:|${verdict ? '---|' : ''}`];
  for (const label of labels) {
    const cells = runs.map((r) => r.ops.find((o) => o.label === label));
    const [first, ...later] = cells;
    // The issue's growth is from the smallest scale to each larger one (1M and 10M): the largest of them counts.
    const largest = (p50: (o: OpResult) => number) => Math.max(...later.map((o) => (o && first ? p50(o) / p50(first) : NaN)));
    const [plugin, raw] = [largest((o) => o.plugin.p50), largest((o) => o.raw.p50)];
    const cellsText = cells.map((c) => (c ? `${ms(c.plugin.p50)} / ${ms(c.raw.p50)}` : '–')).join(' | ');
    lines.push(`| ${label} | ${cellsText} | ${times(plugin)} | ${times(raw)} |${verdict ? ` ${growthVerdict(first?.shape, [plugin])} |` : ''}`);
  }
  return lines.join('\n');
}

/** The interleaved pass (bench/growth.ts): p50s side by side, the largest p50 quotient and paired quotient. */
export function interleavedGrowthTable(scales: string[], rows: GrowthRow[]): string {
  const lines = [
    `| operation | ${scales.map((s) => `${s}: plugin / raw p50`).join(' | ')} | growth plugin p50 (largest) | paired (largest) | growth raw p50 (largest) | target |`,
    `|---|${scales.map(() => '--:|').join('')}--:|--:|--:|---|`,
  ];
  for (const r of rows) {
    const largest = (arm: Summary[]) => Math.max(...arm.slice(1).map((s) => s.p50 / arm[0]!.p50));
    const [plugin, paired, raw] = [largest(r.plugin), Math.max(...r.paired), largest(r.raw)];
    const cells = r.plugin.map((p, i) => `${ms(p.p50)} / ${ms(r.raw[i]!.p50)}`).join(' | ');
    lines.push(`| ${r.label} | ${cells} | ${times(plugin)} | ${times(paired)} | ${times(raw)} | ${growthVerdict(r.shape, [plugin, paired])} |`);
  }
  return lines.join('\n');
}

const times = (g: number) => (Number.isFinite(g) ? `×${g.toFixed(2)}` : '–');

/** Point reads, searches and queue pages may grow ×1.2 from the smallest scale, the month's report ×1.5: every quotient given. */
function growthVerdict(shape: OpResult['shape'] | undefined, growth: number[]): string {
  if (!shape || !growth.every(Number.isFinite)) return '–';
  const limit = shape === 'report' ? TARGET.growthReport : shape === 'write' ? undefined : TARGET.growthPage;
  if (limit === undefined) return '–';
  return `${growth.every((g) => g <= limit) ? 'met' : 'missed'} (≤ ×${limit})`;
}

/** Absolute targets of the issue that apply to this run (they are stated for 1M tickets on PostgreSQL). */
export function absoluteChecks(run: ScaleRun): string[] {
  const out: string[] = [];
  for (const r of run.ops) {
    if (r.operation === 'reports.monthly') out.push(`${r.label} p50 ${ms(r.plugin.p50)} ms (target ≤ ${TARGET.reportP50} ms)`);
    else if (r.shape === 'search') out.push(`${r.label} p50 ${ms(r.plugin.p50)} ms (target ≤ ${TARGET.searchP50} ms)${r.plugin.p50 > TARGET.searchP50 ? ' — over' : ''}`);
  }
  return out;
}

/** Where a write's time goes: each statement of one recorded call, in order (begin and commit not shown). */
export function writeTraces(run: ScaleRun): string {
  return run.ops
    .filter((o) => o.kind === 'write')
    .map((o) => `- ${o.label}: ${o.trace.map((s) => `${s.label} ${ms(s.ms)}`).join(' → ')}`)
    .join('\n');
}
