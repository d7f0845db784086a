import { afterAll, beforeAll } from 'vitest';
import { testDb, type TestDb } from './db.js';
import { seedCast, type Cast } from './staff.js';

export interface Desk {
  t: TestDb;
  cast: Cast;
}

/**
 * The usual test-file setup: a database of its own with the scenario cast, opened before the file's
 * tests (then `ready` runs, to keep the handles and add more setup) and closed after them.
 */
export function useDesk(ready: (desk: Desk) => unknown, options: Parameters<typeof testDb>[0] = {}): void {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await testDb(options);
    await ready({ t, cast: await seedCast(t) });
  });
  afterAll(() => t?.close());
}
