// Issue 17: the plugin's reads are pages and single records. At 10M tickets the planner chose parallel workers
// for tickets.dueSoon's page of 500 and for reports.monthly (estimates of ~10^6 rows behind a LIMIT), and
// starting them took 13–17 ms — more than the page itself. The plugin's sessions plan without workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres, testDb, type TestDb } from './support/db.js';

describe.skipIf(!onRealPostgres)('issue 17 the plugin’s connections start no parallel workers', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });
  afterAll(() => t.close());

  it('a scan the planner would split over workers (parallel made free) runs in one process on the plugin’s session', async () => {
    const plan = await t.db.transaction(async (tx) => {
      // As a large table makes them look: workers cost nothing to start, any table is big enough to split.
      await tx.exec('set local parallel_setup_cost = 0; set local parallel_tuple_cost = 0; set local min_parallel_table_scan_size = 0; set local min_parallel_index_scan_size = 0');
      const rows = await tx.query<{ 'QUERY PLAN': string }>('explain select count(*) from tickets');
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).not.toMatch(/Gather/);
  });
});
