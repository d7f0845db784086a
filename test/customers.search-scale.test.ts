import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, onRealPostgres, type TestDb } from './support/db.js';
import { statements } from '../plugin/generated/embedded.js';

// R-ARC-6: the unit, phone and name-prefix searches stay index-backed at scale (1M on Postgres, 50k on PGlite).
const rows = onRealPostgres ? 1_000_000 : 50_000;
let t: TestDb;
beforeAll(async () => {
  t = await testDb();
  await t.db.transaction(async (tx) => {
    await tx.exec('set local statement_timeout = 0'); // a million-row load outlasts the driver's default
    await tx.query(
      `insert into customers (unit, floor, name, phones, category, grade)
       select (2 + g % 29) || 'F-' || g, 2 + g % 29, 'Company ' || md5(g::text), array['139' || lpad(g::text, 8, '0')],
              (array['prospective','new','regular','vip'])[1 + g % 4], (array['A','B','C','D'])[1 + g % 4]
         from generate_series(1, $1::int) g`,
      [rows],
    );
    await tx.query(`insert into archives (customer_id, label) select id, name from customers`);
  });
  await t.db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze customers; analyze archives'));
}, 120_000);
afterAll(() => t.close());

// Parameters of customers/search: site, unit, floor, name, phone, category, grade, status, q, qName, qPhone, custom, cursor…, limit.
const params = (over: Record<number, unknown>) => Array.from({ length: 15 }, (_, i) => (i === 0 ? 'main' : i === 14 ? 51 : (over[i] ?? null)));
async function plan(over: Record<number, unknown>): Promise<string> {
  const lines = await t.sql<{ 'QUERY PLAN': string }>(`explain ${statements['customers/search']}`, params(over));
  return lines.map((l) => l['QUERY PLAN']).join('\n');
}

describe('search at scale', () => {
  it(`R-ARC-6 unit, phone and name-prefix searches on ${rows} customers use indexes, not a Seq Scan on customers`, async () => {
    for (const over of [{ 1: '12F-12345' }, { 4: '13900012345' }, { 3: 'company 0a1%' }]) {
      const text = await plan(over);
      expect(text, text).not.toMatch(/Seq Scan on customers/);
    }
    const [hit] = await t.sql(statements['customers/search'], params({ 4: '13900012345' }));
    expect(hit).toMatchObject({ unit: expect.stringMatching(/-12345$/) });
  }, 60_000);
});
