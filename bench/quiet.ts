// The server as a quiet production database is when its day starts: tables vacuumed and analysed, and no
// autovacuum worker running beside the calls measured.
//
// A scale's writes (its intakes, bursts and folds) leave tens of thousands of dead rows, and autovacuum cleaned
// them up while the next scale's reads were measured: the 10k schema's tickets, clocks and audit log at
// 18:07:55–18:09:01 UTC, within the 18:07–18:10 run, whose 1M phone search came out 0.4 ms slower in one arm for
// all of its 200 calls. That the vacuum caused it is not proven; the bench no longer lets the two overlap. (The
// ticket-list rows one arm lost at 10k in other runs were the server's allocator: plugin/db/pg.ts sessionSetup.)
import type pg from 'pg';

/** `vacuum (analyze)` of every table of `schema`; returns the seconds it took. */
export async function vacuumSchema(pool: pg.Pool, schema: string): Promise<number> {
  const t0 = performance.now();
  const tables = (await pool.query<{ t: string }>(`select quote_ident(relname) as t from pg_class where relnamespace = $1::regnamespace and relkind = 'r'`, [schema])).rows;
  await pool.query(`vacuum (analyze) ${tables.map((r) => `${schema}.${r.t}`).join(', ')}`);
  return (performance.now() - t0) / 1000;
}

/** Waits (up to `limitSeconds`) until no autovacuum worker runs on the server; returns the seconds waited. */
export async function autovacuumIdle(pool: pg.Pool, limitSeconds = 300): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const [row] = (await pool.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`)).rows;
    const waited = (performance.now() - t0) / 1000;
    if (!row?.n || waited > limitSeconds) return waited;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
