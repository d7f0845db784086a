// One benchmarked operation, both arms, interleaved call by call so that the shared machine's noise falls on both
// alike: (a) the bundle's run(), (b) the same statements replayed through `pg` (bench/trace.ts); for some operations
// also (c) the bundle evaluated afresh per call as ToolJet's server does (bench/plugin-arm.ts, 'tooljet').
import type pg from 'pg';
import type { BenchOp } from './ops.js';
import type { PluginArm } from './plugin-arm.js';
import { labelOf, type Recorder, replay, takesNumber, type Trace } from './trace.js';
import { summarize, timedWithCpu, type Summary } from './stats.js';

export interface OpResult {
  label: string;
  operation: string;
  kind: 'read' | 'write';
  shape: BenchOp['shape'];
  plugin: Summary;
  raw: Summary;
  /** plugin p50 / raw p50 (the measure). */
  ratio: number;
  /** Arm c: a fresh evaluation of the bundle per call (ToolJet's loader form 3), when measured; cpu as below. */
  loader?: Summary & { cpu: number };
  /** Median of call-by-call ratios: the two calls of a pair share the machine's load of that moment. */
  pairedRatio: number;
  /** This process's CPU ms per call (p50): for pg, the client side only (driver, and the plugin in arm a). */
  cpu: { plugin: number; raw: number };
  /** Statements per call, and the runner's own phases of one recorded call (ms). */
  statements: number;
  phases: Trace['phases'];
  /** The recorded call's statements: runner/handler label and server round-trip ms. */
  trace: { label: string; ms: number }[];
  /** tickets.open: how long the year's counter row is held, from its statement to the last (p50 over the recorded calls). */
  counterHold?: { p50: number; statements: number; calls: number };
}

export interface Arms {
  plugin: PluginArm;
  recorder: Recorder;
  pool: pg.Pool;
  /** Arm c, for the operations it is measured on. */
  loader?: PluginArm;
}

/** Measured and warm-up calls per arm: a report reads the whole month, fewer calls keep the run short without changing its p50. */
export const callsOf = (op: Pick<BenchOp, 'shape'>, iterations: number, warmup: number) => (op.shape === 'report' ? { n: Math.min(iterations, 30), warmup: 3 } : { n: iterations, warmup });

export async function measure(arms: Arms, op: BenchOp, iterations: number, warmup: number): Promise<OpResult> {
  await op.prepare?.(arms.pool, iterations + warmup);
  // Reads replay the trace of the same input; writes record a fresh (rolled back) trace before each raw call.
  const reads = op.kind === 'read' ? await readTraces(arms.recorder, op, iterations + warmup) : undefined;
  const traceOf = async (k: number): Promise<Trace> => reads?.(k) ?? arms.recorder.record(op.operation, op.input(k, 1), op.user);
  const plugin: number[] = [];
  const raw: number[] = [];
  const loader: number[] = [];
  const loaderCpu: number[] = [];
  const loaderArm = arms.loader;
  const cpu = { plugin: [] as number[], raw: [] as number[] };
  const holds: number[] = [];
  let last: Trace | undefined;
  // Warm-up calls use inputs after the measured ones so that writes never reuse an input.
  for (let k = iterations; k < iterations + warmup; k++) {
    await arms.plugin.run(op.operation, op.input(k, 0), op.user);
    await loaderArm?.run(op.operation, op.input(k, 0), op.user);
    await replay(arms.pool, await traceOf(k));
  }
  for (let k = 0; k < iterations; k++) {
    const a = async () => {
      const t = await timedWithCpu(() => arms.plugin.run(op.operation, op.input(k, 0), op.user));
      plugin.push(t.wall);
      cpu.plugin.push(t.cpu);
    };
    // Recorded right before its replay: a write's trace holds values (the next ticket number) that the plugin
    // arm's call would otherwise take first.
    const b = async () => {
      const trace = await traceOf(k);
      last = trace;
      const held = heldFrom(trace);
      if (held) holds.push(held.ms);
      const t = await timedWithCpu(() => replay(arms.pool, trace));
      raw.push(t.wall);
      cpu.raw.push(t.cpu);
    };
    const c = async () => {
      if (!loaderArm) return;
      const t = await timedWithCpu(() => loaderArm.run(op.operation, op.input(k, 0), op.user));
      loader.push(t.wall);
      loaderCpu.push(t.cpu);
    };
    // Rotate which arm goes first: the first call of a round finds colder caches.
    const round = loaderArm ? [a, b, c] : [a, b];
    for (let i = 0; i < round.length; i++) await round[(k + i) % round.length]!();
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
    ...(loader.length > 0 ? { loader: { ...summarize(loader), cpu: summarize(loaderCpu).p50 } } : {}),
    pairedRatio: summarize(plugin.map((a, i) => a / raw[i]!)).p50,
    cpu: { plugin: summarize(cpu.plugin).p50, raw: summarize(cpu.raw).p50 },
    statements: last?.statements.length ?? 0,
    phases: last?.phases ?? { total: 0, beforeTx: 0, inTx: 0, afterTx: 0 },
    trace: (last?.statements ?? []).map((st) => ({ label: labelOf(st.text), ms: st.ms })),
    ...(holds.length > 0 && last ? { counterHold: { p50: summarize(holds).p50, statements: heldFrom(last)?.statements ?? 0, calls: holds.length } } : {}),
  };
}

/**
 * The traces of a read's calls 0…count-1, one per distinct input. All are recorded before any call is timed:
 * recording runs the operation's statements, and a replay timed right after them (the first call of each input)
 * would meet the server's caches warmer than the plugin's call of the same round.
 */
export async function readTraces(recorder: Recorder, op: BenchOp, count: number): Promise<(k: number) => Trace> {
  const traces = new Map<string, Trace>();
  const keyOf = (k: number) => JSON.stringify(op.input(k, 1));
  for (let k = 0; k < count; k++) {
    const key = keyOf(k);
    if (!traces.has(key)) traces.set(key, await recorder.record(op.operation, op.input(k, 1), op.user));
  }
  return (k) => {
    const trace = traces.get(keyOf(k));
    if (!trace) throw new Error(`${op.label}: no trace recorded for call ${k}`);
    return trace;
  };
}

/** R-TIC-2 keeps the year's counter row locked from the statement that takes a number until commit. */
function heldFrom(trace: Trace): { ms: number; statements: number } | undefined {
  const from = trace.statements.findIndex((s) => takesNumber(s.text));
  if (from < 0) return undefined;
  const held = trace.statements.slice(from);
  return { ms: held.reduce((sum, s) => sum + s.ms, 0), statements: held.length };
}
