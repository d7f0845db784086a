// §7 bad input: every registered operation, fed generated and hostile input as ToolJet sends it, either
// succeeds or fails with a known DeskError code, never INTERNAL, never SQL/stack/JS text, and leaves the
// invariants standing. Generated from the registry: a new operation is fuzzed the day it lands.
// FUZZ_RUNS (default 25) inputs per operation; `npm run fuzz` runs 2000. FUZZ_SEED replays a run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operationList, registry } from '../plugin/core/registry.js';
import { testDb, type TestDb } from './support/db.js';
import { errorProblems, fuzzRuns, inputArb, outcomeOf, sampleValid, textFields } from './support/fuzz.js';
import { auditCount, brokenInvariants, rowsUnderCheck, tableCounts, seedWorld, worldOverrides, type World } from './support/invariants.js';

let t: TestDb;
let w: World;
const stats = { cases: 0, ok: 0, codes: {} as Record<string, number>, invariantPasses: 0, rowsChecked: 0, injections: 0 };
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

beforeAll(async () => {
  t = await testDb();
  w = await seedWorld(t);
}, 120_000);

afterAll(async () => {
  console.log(
    `[reliability.fuzz] ${stats.cases} cases over ${operationList().length} operations: ${stats.ok} ok, errors by code ${JSON.stringify(stats.codes)}; ` +
      `${stats.invariantPasses} invariant passes over ${stats.rowsChecked} rows; ${stats.injections} injection payloads stored verbatim` +
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
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (words.push(k), walk(x, depth + 1));
  };
  walk(input, 0);
  for (const other of operationList()) words.push(other.title);
  return words;
}

describe('§7 bad input, generated from every operation’s input schema', () => {
  const ops = operationList();
  it('the registry has operations to fuzz', () => expect(ops.length).toBeGreaterThan(10));

  it.each(ops.map((o) => [o.name]))('%s: ok or a known error code, nothing leaked, invariants hold', async (name) => {
    const op = registry.get(name)!;
    await fc.assert(
      fc.asyncProperty(inputArb(op), async (input) => {
        const before = op.kind === 'write' ? await auditCount(t.sql) : 0;
        const outcome = await outcomeOf(t.as(w.boss)(name, input));
        stats.cases++;
        if (outcome.ok) stats.ok++;
        else stats.codes[outcome.code ?? '?'] = (stats.codes[outcome.code ?? '?'] ?? 0) + 1;
        const problems = errorProblems(outcome, echoed(op, input));
        if (op.kind === 'write') {
          const after = await auditCount(t.sql);
          if (outcome.ok && after <= before) problems.push('R-ACT-3 a successful write left no audit row');
          if (!outcome.ok && after !== before) problems.push(`§7 a failed write (${outcome.code}) changed the audit log`);
        }
        problems.push(...(await brokenInvariants(t.sql, t.db.schema)));
        stats.invariantPasses++;
        expect(problems, `${name} with ${JSON.stringify(input)?.slice(0, 400)}`).toEqual([]);
      }),
      { numRuns: fuzzRuns(), seed, endOnFailure: true },
    );
    stats.rowsChecked += await rowsUnderCheck(t.sql, t.db.schema);
  });
});

// Strings that must be data, never code: SQL, script, template and format-string injection.
const injections = [
  "'; drop table customers; --",
  '<script>alert(1)</script>',
  "{{constructor.constructor('return process')()}}",
  '$1',
  '\\',
  '%s',
  "' OR '1'='1",
  "Robert'); DROP TABLE staff;--",
  '1; select pg_sleep(5)',
  '$$; drop schema public cascade; $$',
  '${process.exit(1)}',
  '<img src=x onerror=alert(1)>',
  '{{#each this}}{{this}}{{/each}}',
  '%n%n%n%s%s',
  '../../etc/passwd',
  '\\x27; --',
  '"; delete from audit_log; --',
  'E\'\\\\\' ; --',
  '$2::jsonb',
  '__proto__',
];

/** A valid input per creating operation; unknown new ones get a sampled valid input. */
function creatingBase(name: string, i: number): Record<string, unknown> | undefined {
  const active = w.archives[2] ?? w.archives[0];
  const known: Record<string, Record<string, unknown>> = {
    'customers.create': { unit: `20F-${String(i).padStart(4, '0')}`, name: '基准 Base' },
    'archives.addDocument': { archiveId: active, kind: 'other', title: '基准', receivedOn: '2026-03-01', pages: 1, original: false },
    'loans.request': { archiveId: active, purpose: '核对 check' },
    'tickets.open': { kind: 'complaint', channel: 'phone', matter: '事由 matter' },
    'shifts.handover': { incomingId: w.cast.agent2 },
  };
  return known[name] ?? sampleValid(registry.get(name)!, worldOverrides(w, name), i);
}

function contains(value: unknown, wanted: string): boolean {
  if (typeof value === 'string') return value === wanted;
  if (Array.isArray(value)) return value.some((v) => contains(v, wanted));
  if (value && typeof value === 'object') return Object.values(value).some((v) => contains(v, wanted));
  return false;
}

describe('injection strings are data', () => {
  const creating = operationList().filter((o) => o.idempotent && o.kind === 'write');
  it('there are creating operations to check', () => expect(creating.length).toBeGreaterThan(0));

  it.each(creating.map((o) => [o.name]))('%s stores every injection string verbatim in every text field and touches nothing else', async (name) => {
    const op = registry.get(name)!;
    const fields = textFields(op);
    let i = 0;
    const base = creatingBase(name, i++);
    expect(base, `no valid input found for ${name}`).toBeDefined();
    // A benign run first: the tables a create touches, and by how much.
    const c0 = await tableCounts(t.sql, t.db.schema);
    await t.as(w.boss)(name, base);
    const c1 = await tableCounts(t.sql, t.db.schema);
    const profile = Object.fromEntries(Object.keys(c1).map((k) => [k, c1[k]! - (c0[k] ?? 0)]));
    for (const field of fields) {
      for (const payload of injections.filter((p) => p.length <= field.max && p.length >= field.min)) {
        const before = await tableCounts(t.sql, t.db.schema);
        const result = await t.as(w.boss)(name, { ...creatingBase(name, i++), [field.key]: payload });
        const after = await tableCounts(t.sql, t.db.schema);
        const delta = Object.fromEntries(Object.keys(after).map((k) => [k, after[k]! - (before[k] ?? 0)]));
        expect(delta, `${name}.${field.key} = ${payload}: row counts`).toEqual(profile);
        expect(contains(result, payload), `${name}.${field.key} = ${payload}: returned verbatim`).toBe(true);
        const touched = Object.keys(delta).filter((k) => delta[k]! > 0 && k !== 'audit_log' && k !== 'idempotency_keys');
        const stored = await Promise.all(
          touched.map((table) => t.sql<{ x: unknown }>(`select row_to_json(r) as x from ${table} r`)),
        );
        expect(contains(stored.flat().map((r) => r.x), payload), `${name}.${field.key} = ${payload}: stored verbatim`).toBe(true);
        stats.injections++;
      }
    }
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });
});
