// One benchmarked operation, both arms, interleaved call by call so that the shared machine's noise falls on both
// alike: (a) the bundle's run(), (b) the same statements replayed through `pg` (bench/trace.ts).
import type pg from 'pg';
import type { BenchOp } from './ops.js';
import type { PluginArm } from './plugin-arm.js';
import { Recorder, replay, type Trace } from './trace.js';
import { summarize, timed, type Summary } from './stats.js';

export interface OpResult {
  label: string;
  operation: string;
  kind: 'read' | 'write';
  shape: BenchOp['shape'];
  plugin: Summary;
  raw: Summary;
  /** plugin p50 / raw p50. */
  ratio: number;
  /** Statements per call, and the runner's own phases of one recorded call (ms). */
  statements: number;
  phases: Trace['phases'];
}

export interface Arms {
  plugin: PluginArm;
  recorder: Recorder;
  pool: pg.Pool;
}

export async function measure(arms: Arms, op: BenchOp, iterations: number, warmup: number): Promise<OpResult> {
  await op.prepare?.(arms.pool, iterations + warmup);
  // Reads replay the trace of the same input; writes record a fresh (rolled back) trace before each raw call.
  const traces = new Map<string, Trace>();
  const traceOf = async (k: number): Promise<Trace> => {
    const input = op.input(k, 1);
    const key = JSON.stringify(input);
    const hit = op.kind === 'read' ? traces.get(key) : undefined;
    if (hit) return hit;
    const trace = await arms.recorder.record(op.operation, input, op.user);
    if (op.kind === 'read') traces.set(key, trace);
    return trace;
  };
  const plugin: number[] = [];
  const raw: number[] = [];
  let last: Trace | undefined;
  // Warm-up calls use inputs after the measured ones so that writes never reuse an input.
  for (let k = iterations; k < iterations + warmup; k++) {
    await arms.plugin.run(op.operation, op.input(k, 0), op.user);
    await replay(arms.pool, await traceOf(k));
  }
  for (let k = 0; k < iterations; k++) {
    const a = () => timed(() => arms.plugin.run(op.operation, op.input(k, 0), op.user));
    // Recorded right before its replay: a write's trace holds values (the next ticket number) that the plugin
    // arm's call would otherwise take first.
    const b = async () => {
      const trace = await traceOf(k);
      last = trace;
      return timed(() => replay(arms.pool, trace));
    };
    // Alternate which arm goes first: the second call of a pair finds warmer caches.
    if (k % 2 === 0) {
      plugin.push(await a());
      raw.push(await b());
    } else {
      raw.push(await b());
      plugin.push(await a());
    }
  }
  const p = summarize(plugin);
  const r = summarize(raw);
  return {
    label: op.label,
    operation: op.operation,
    kind: op.kind,
    shape: op.shape,
    plugin: p,
    raw: r,
    ratio: p.p50 / r.p50,
    statements: last?.statements.length ?? 0,
    phases: last?.phases ?? { total: 0, beforeTx: 0, inTx: 0, afterTx: 0 },
  };
}
