// Bundle size and cold start: evaluate the bundle + first run() in a fresh process, several times (median).
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';
import { summarize } from './stats.js';

export interface ColdStart {
  bundleBytes: number;
  runs: number;
  /** medians, ms */
  evaluate: number;
  firstRun: number;
  total: number;
  secondRun: number;
}

interface ChildTimes {
  evaluate: number;
  firstRun: number;
  secondRun: number;
}

export async function coldStart(sourceOptions: Record<string, string>, operation: string, input: Record<string, string>, user: string, runs: number): Promise<ColdStart> {
  const samples: ChildTimes[] = [];
  for (let i = 0; i < runs; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/cold-child.ts', JSON.stringify(sourceOptions), operation, JSON.stringify(input), user]);
    samples.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ChildTimes);
  }
  const median = (f: (s: ChildTimes) => number) => summarize(samples.map(f)).p50;
  return {
    bundleBytes: statSync('dist/index.js').size,
    runs,
    evaluate: median((s) => s.evaluate),
    firstRun: median((s) => s.firstRun),
    total: median((s) => s.evaluate + s.firstRun),
    secondRun: median((s) => s.secondRun),
  };
}
