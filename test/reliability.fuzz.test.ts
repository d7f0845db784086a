// §7 bad input: every registered operation, fed generated and hostile input as ToolJet sends it, either
// succeeds or fails with a known DeskError code, never INTERNAL, never SQL/stack/JS text, and leaves the
// invariants standing. Generated from the registry: a new operation is fuzzed the day it lands.
// FUZZ_RUNS (default 15, to stay under a minute in CI) inputs per operation; `npm run fuzz` runs 2000. FUZZ_SEED replays a run.
// Injection strings: reliability.injection.test.ts; roles: reliability.permissions.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operationList, registry } from '../plugin/app.js';
import { testDb, type TestDb } from './support/db.js';
import { errorProblems, fuzzRuns, inputArb, outcomeOf } from './support/fuzz.js';
import { auditCount, brokenInvariants, rowsUnderCheck, seedWorld, type World } from './support/invariants.js';

let t: TestDb;
let w: World;
const stats = { cases: 0, ok: 0, codes: {} as Record<string, number>, invariantPasses: 0, rowsChecked: 0 };
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const slowMs = 10_000;

beforeAll(async () => {
  t = await testDb();
  w = await seedWorld(t);
}, 120_000);

afterAll(async () => {
  console.log(
    `[reliability.fuzz] ${stats.cases} cases over ${operationList().length} operations: ${stats.ok} ok, errors by code ${JSON.stringify(stats.codes)}; ` +
      `${stats.invariantPasses} invariant passes over ${stats.rowsChecked} rows` +
      (w?.skipped.length ? `; world setup skipped: ${w.skipped.join(' | ')}` : ''),
  );
  await t?.close();
});

/** Strings the caller sent, and the operation's own words, may be echoed in an error. */
function echoed(op: { title: string; name: string }, input: unknown): string[] {
  const words: string[] = [op.title, op.name];
  const walk = (v: unknown, depth: number) => {
    if (depth > 8) return;
    if (typeof v === 'string') words.push(v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) words.push(k), walk(x, depth + 1);
  };
  walk(input, 0);
  for (const other of operationList()) words.push(other.title);
  return words;
}

describe('§7 bad input, generated from every operation’s input schema', () => {
  const ops = operationList();
  it('the registry has operations to fuzz', () => expect(ops.length).toBeGreaterThan(10));

  it.each(ops.map((o) => [o.name]))(
    '%s: ok or a known error code, nothing leaked, invariants hold',
    async (name) => {
      const op = registry.get(name)!;
      await fc.assert(
        fc.asyncProperty(inputArb(op), async (input) => {
          const before = op.kind === 'write' ? await auditCount(t.sql) : 0;
          const started = Date.now();
          const outcome = await outcomeOf(t.run({ kind: 'staff', staffId: w.boss }, name, input));
          const took = Date.now() - started;
          stats.cases++;
          if (outcome.ok) stats.ok++;
          else stats.codes[outcome.code ?? '?'] = (stats.codes[outcome.code ?? '?'] ?? 0) + 1;
          const problems = errorProblems(outcome, echoed(op, input));
          // One call holding a transaction this long is a denial of service, whatever its answer.
          if (took > slowMs) problems.push(`§7 the call took ${took} ms`);
          if (op.kind === 'write') {
            const after = await auditCount(t.sql);
            if (outcome.ok && after <= before) problems.push('R-ACT-3 a successful write left no audit row');
            if (!outcome.ok && after !== before) problems.push(`§7 a failed write (${outcome.code}) changed the audit log`);
          }
          // Reads cannot break an invariant; checking after every write pins a break to the input that made it.
          if (op.kind === 'write') {
            problems.push(...(await brokenInvariants(t.sql, t.db.schema)));
            stats.invariantPasses++;
          }
          expect(problems, `${name} with ${JSON.stringify(input)?.slice(0, 400)}`).toEqual([]);
        }),
        { numRuns: fuzzRuns(), seed, endOnFailure: true },
      );
      stats.rowsChecked += await rowsUnderCheck(t.sql, t.db.schema);
      // `npm run fuzz` (2000 inputs per operation) needs far longer than a CI-sized run.
    },
    Math.max(60_000, fuzzRuns() * 250),
  );
});
