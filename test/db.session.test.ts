// Issue 17: each new connection of the plugin first frees one 1 MiB allocation (plugin/db/pg.ts sessionSetup), so
// the server's allocator keeps blocks of that size in its heap. Planning a ticket page takes a block over glibc's
// initial 128 KiB mmap threshold: a new backend mapped it in and gave it back on every call, ~106 page faults
// and 0.2–0.3 ms a page, until some large query happened to raise the threshold.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres, testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { execute } from '../plugin/core/runner.js';
import { pgDb } from '../plugin/db/pg.js';
import type { Db } from '../plugin/db/types.js';

/** Minor page faults of a server process so far (field 10 of /proc/<pid>/stat). */
const minorFaults = (pid: number): number => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[7]);

describe.skipIf(!onRealPostgres)('issue 17 the plugin’s connections', () => {
  let t: TestDb;
  let cast: Cast;
  let db: Db;
  beforeAll(async () => {
    t = await testDb();
    cast = await seedCast(t);
    // One connection, so every call below runs on the backend measured.
    db = pgDb({ connectionString: process.env.DATABASE_URL, schema: t.db.schema, max: 1 });
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('a page of tickets costs the server no page faults once the connection is set up', async (context) => {
    const [backend] = await db.transaction((tx) => tx.query<{ pid: number }>('select pg_backend_pid() as pid'));
    // The server's processes are only readable when it runs on this machine (as in CI).
    if (!existsSync(`/proc/${backend!.pid}/stat`)) context.skip();
    const page = () => execute({ ...t.env, db }, 'tickets.search', { limit: 50 }, { kind: 'staff', staffId: cast.agent });
    for (let k = 0; k < 5; k++) await page();
    const before = minorFaults(backend!.pid);
    for (let k = 0; k < 20; k++) await page();
    expect((minorFaults(backend!.pid) - before) / 20).toBeLessThan(20);
  });
});
