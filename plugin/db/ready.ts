import { migrate } from './migrate.js';
import type { Db } from './types.js';

const ready = new WeakMap<Db, Promise<unknown>>();

/** Migrations run once per database handle, on first use; a failure is retried on the next call. */
export function ensureMigrated(db: Db): Promise<unknown> {
  let p = ready.get(db);
  if (!p) {
    p = migrate(db).catch((e: unknown) => {
      ready.delete(db);
      throw e;
    });
    ready.set(db, p);
  }
  return p;
}
