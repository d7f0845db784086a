import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { execute, type Env } from '../../plugin/core/runner.js';
import { createCaller, type Caller } from '../../plugin/core/caller.js';
import { registry } from '../../plugin/app.js';
import type { Identity } from '../../plugin/core/actor.js';
import type { Db } from '../../plugin/db/types.js';
import { pgDb } from '../../plugin/db/pg.js';
import { pgliteDb } from '../../plugin/db/pglite.js';
import { ensureMigrated } from '../../plugin/db/ready.js';

/** A database of its own for one test file: a fresh PGlite, or a fresh schema on DATABASE_URL. */
export interface TestDb {
  db: Db;
  env: Env;
  /** Pins the clock (ISO text with offset); `null` returns to the wall clock. */
  setNow(iso: string | null): void;
  /** Runs an operation as a staff member (in-process identity); name, input and result are typed. */
  as(staffId: number): Caller;
  /** Untyped: what a type-checked caller cannot send (unknown names, wrong types, ToolJet's strings) or names chosen at run time. */
  unchecked(staffId: number): (name: string, input?: unknown) => Promise<any>;
  run(identity: Identity, name: string, input?: unknown): Promise<any>;
  /** Raw SQL for assertions (same schema). */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export const onRealPostgres = Boolean(process.env.DATABASE_URL);

/**
 * The migrated PGlite data directory the global setup dumped (support/pglite-snapshot.ts): a fresh
 * PGlite runs initdb, which is most of a test file's start-up; loading the dump skips it. ensureMigrated
 * below still checks the migrations, so a stale snapshot is brought up to date, never trusted.
 */
function pgliteSnapshot(): Blob | undefined {
  const file = process.env.CUSTOMERDESK_PGLITE_SNAPSHOT;
  return file && existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}

export async function testDb(options: { zone?: string; site?: string } = {}): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `t_${randomBytes(6).toString('hex')}` : 'customerdesk';
  const db = url ? pgDb({ connectionString: url, schema, max: 60 }) : await pgliteDb({ schema, loadDataDir: pgliteSnapshot() });
  let now: Date | null = null;
  const env: Env = {
    registry,
    db,
    site: options.site ?? 'main',
    zone: options.zone ?? 'Asia/Shanghai',
    clock: () => now ?? new Date(),
    checkOutput: true,
  };
  await ensureMigrated(db);
  const run = (identity: Identity, name: string, input?: unknown) => execute(env, name, input ?? {}, identity);
  return {
    db,
    env,
    setNow(iso) {
      now = iso === null ? null : new Date(iso);
    },
    as: (staffId) => createCaller(env, { kind: 'staff', staffId }),
    unchecked: (staffId) => (name, input) => run({ kind: 'staff', staffId }, name, input),
    run,
    sql: (text, params) => db.transaction((tx) => tx.query(text, params)),
    async close() {
      if (url) await db.transaction((tx) => tx.exec(`drop schema if exists ${schema} cascade`));
      await db.close();
    },
  };
}
