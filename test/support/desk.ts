import { afterAll, beforeAll } from 'vitest';
import { testDb, type TestDb } from './db.js';
import { seedCast, type Cast } from './staff.js';

export interface Desk {
  readonly t: TestDb;
  readonly cast: Cast;
}

/**
 * The usual test-file setup: a database of its own with the scenario cast, opened before the file's
 * tests and closed after. Read `desk.t` / `desk.cast` inside tests (they exist once beforeAll has run).
 */
export function useDesk(options: Parameters<typeof testDb>[0] = {}): Desk {
  let t: TestDb | undefined;
  let cast: Cast | undefined;
  beforeAll(async () => {
    t = await testDb(options);
    cast = await seedCast(t);
  });
  afterAll(() => t?.close());
  return {
    get t() {
      if (!t) throw new Error('useDesk: the database is opened in beforeAll');
      return t;
    },
    get cast() {
      if (!cast) throw new Error('useDesk: the cast is seeded in beforeAll');
      return cast;
    },
  };
}
