import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, onRealPostgres, type TestDb } from './support/db.js';
import { bindStatement, type StatementArgs } from '../plugin/core/statement.js';
import type { StatementParams } from '../plugin/generated/embedded.js';
import { rowsRead, seqScans, type PlanNode } from './support/plans.js';

// R-ARC-6: the unit, phone and name-prefix searches stay index-backed at scale (1M on Postgres, 50k on PGlite).
const rows = onRealPostgres ? 1_000_000 : 50_000;
let t: TestDb;
let loadSeconds = 0;
beforeAll(async () => {
  t = await testDb();
  const started = Date.now();
  await t.db.transaction(async (tx) => {
    // A bulk load into indexed tables is slow on a busy machine: drop the search indexes, load, and rebuild
    // them from their own definitions (bulk index builds are far cheaper than a million inserts into a GIN).
    await tx.exec("set local statement_timeout = 0; set local maintenance_work_mem = '256MB'; set local session_replication_role = replica");
    const indexes = await tx.query<{ name: string; def: string }>(
      `select i.relname as name, pg_get_indexdef(i.oid) as def
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class r on r.oid = x.indrelid
        where r.relname = 'customers' and r.relnamespace = current_schema()::regnamespace
          and not exists (select 1 from pg_constraint k where k.conindid = i.oid)`,
    );
    for (const index of indexes) await tx.exec(`drop index ${index.name}`);
    await tx.query(
      `insert into customers (unit, floor, name, phones, category, grade)
       select (2 + g % 29) || 'F-' || g, 2 + g % 29, 'Company ' || md5(g::text), array['139' || lpad(g::text, 8, '0')],
              (array['prospective','new','regular','vip'])[1 + g % 4], (array['A','B','C','D'])[1 + g % 4]
         from generate_series(1, $1::int) g`,
      [rows],
    );
    // session_replication_role = replica skips the foreign-key triggers: every customer id exists by construction.
    await tx.query(`insert into archives (customer_id, label) select id, name from customers`);
    for (const index of indexes) await tx.exec(index.def);
  });
  await t.db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze customers; analyze archives'));
  loadSeconds = (Date.now() - started) / 1000;
}, 600_000);
afterAll(() => t.close());

// customers/search with every filter off but the ones given, one page of 50 (+1).
const search = (over: Partial<StatementParams['customers/search']>): StatementArgs => [
  'customers/search',
  {
    site: 'main',
    unit: null,
    floor: null,
    name: null,
    phone: null,
    category: null,
    grade: null,
    status: null,
    q: null,
    qDigits: null,
    custom: null,
    afterKey: null,
    afterId: null,
    limit: 51,
    ...over,
  },
];
/** Runs one statement under EXPLAIN ANALYZE: it must use an index and read a sliver of the table, never walk it. */
async function indexed(args: StatementArgs, timings: string[]) {
  const { text: statement, values: bound } = bindStatement(...args);
  const values = [...bound];
  const [explained] = await t.sql<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`explain (analyze, format json) ${statement}`, values);
  const { Plan: root, 'Execution Time': ms } = explained!['QUERY PLAN'][0];
  const text = JSON.stringify(root);
  expect(seqScans(root), text).not.toContain('customers');
  expect(text, text).toMatch(/"(Index Scan|Index Only Scan|Bitmap Index Scan)"/);
  expect(rowsRead(root, 'customers'), text).toBeLessThan(1000);
  timings.push(`${args[0]} ${JSON.stringify(values.filter((v) => v !== null && v !== 'main' && v !== 51))}: ${ms.toFixed(1)} ms`);
  return t.sql<{ id: number; unit: string; name: string }>(statement, values);
}

describe('search at scale', () => {
  it(`R-ARC-6 unit, phone, name-prefix and free-text searches on ${rows} customers use indexes, read about a page and never walk the whole table`, async () => {
    const timings: string[] = [];
    expect(await indexed(search({ unit: '22F-12345' }), timings)).toEqual([expect.objectContaining({ unit: '22F-12345' })]);
    const byName = await indexed(search({ name: 'company 0a1%' }), timings);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((c) => c.name.startsWith('Company 0a1'))).toBe(true);
    // A prefix every customer shares reads one page (+1) in name order, not every customer with the prefix.
    const broad = await indexed(search({ name: 'company %' }), timings);
    const inOrder = [...broad].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    expect(broad).toHaveLength(51);
    expect(broad.map((c) => c.id)).toEqual(inOrder.map((c) => c.id));
    const last = broad[49]!;
    const next = await indexed(search({ name: 'company %', afterKey: last.name, afterId: last.id }), timings);
    expect(next[0]).toEqual(broad[50]);
    expect(await indexed(search({ phone: '13900012345' }), timings)).toEqual([expect.objectContaining({ unit: '22F-12345' })]);
    // q = free text: a part of a unit, name or phone, through the trigram index (migration 007).
    expect(await indexed(search({ q: '%00012345%', qDigits: '%00012345%' }), timings)).toEqual([expect.objectContaining({ unit: '22F-12345' })]);
    const fragment = await indexed(search({ q: '%f-1234%' }), timings);
    const [{ n }] = (await t.sql<{ n: number }>(`select count(*)::int as n from customers where unit like '%F-1234%'`)) as [{ n: number }];
    expect(fragment.map((c) => c.unit).every((u) => u.includes('F-1234'))).toBe(true);
    expect(fragment).toHaveLength(Math.min(n, 51));
    console.log(`[customers.search-scale] ${rows} customers loaded and indexed in ${loadSeconds.toFixed(0)} s; ${timings.join('; ')}`);
  }, 120_000);
});
