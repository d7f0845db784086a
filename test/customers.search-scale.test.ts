import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, onRealPostgres, type TestDb } from './support/db.js';
import { statements } from '../plugin/generated/embedded.js';

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

// Parameters of customers/search: site, unit, floor, name, phone, category, grade, status, q, qName, qPhone, custom, cursor…, limit.
const params = (over: Record<number, unknown>) => Array.from({ length: 15 }, (_, i) => (i === 0 ? 'main' : i === 14 ? 51 : (over[i] ?? null)));
async function plan(over: Record<number, unknown>): Promise<string> {
  const lines = await t.sql<{ 'QUERY PLAN': string }>(`explain ${statements['customers/search']}`, params(over));
  return lines.map((l) => l['QUERY PLAN']).join('\n');
}

describe('search at scale', () => {
  it(`R-ARC-6 unit, phone and name-prefix searches on ${rows} customers use indexes, not a Seq Scan on customers`, async () => {
    const timings: string[] = [];
    for (const over of [{ 1: '22F-12345' }, { 4: '13900012345' }, { 3: 'company 0a1%' }]) {
      const text = await plan(over);
      expect(text, text).not.toMatch(/Seq Scan on customers/);
      expect(text, text).toMatch(/Index Scan|Index Only Scan|Bitmap Index Scan/);
      const started = performance.now();
      const found = await t.sql(statements['customers/search'], params(over));
      expect(found.length, JSON.stringify(over)).toBeGreaterThan(0);
      timings.push(`${JSON.stringify(over)} ${found.length} rows in ${(performance.now() - started).toFixed(1)} ms`);
    }
    const [hit] = await t.sql(statements['customers/search'], params({ 4: '13900012345' }));
    expect(hit).toMatchObject({ unit: expect.stringMatching(/-12345$/) });
    console.log(`[customers.search-scale] ${rows} customers loaded and indexed in ${loadSeconds.toFixed(0)} s; ${timings.join('; ')}`);
  }, 60_000);
});
