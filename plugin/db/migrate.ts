import { migrations } from '../generated/embedded.js';
import type { Db } from './types.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const allMigrations: Migration[] = Object.entries(migrations)
  .map(([key, sql]) => {
    const [, version, name] = /^migrations\/(\d+)_(.+)$/.exec(key) ?? [];
    if (!version || !name) throw new Error(`migration file name must be NNN_name.sql: ${key}`);
    return { version: Number(version), name, sql };
  })
  .sort((a, b) => a.version - b.version);

export const latestSchemaVersion = allMigrations.at(-1)?.version ?? 0;

/**
 * Applies pending migrations in one transaction under an advisory lock, so several ToolJet workers
 * starting at once apply each migration exactly once. Safe to call on every start.
 */
export async function migrate(db: Db): Promise<{ applied: number[]; version: number }> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`customerdesk.migrate.${db.schema}`]);
    // A migration on a large history (an index over a million tickets, a backfill) outlasts the data
    // source's statement timeout; it runs to its end, once, under the lock.
    await tx.exec(`create schema if not exists ${db.schema};
      set local search_path to ${db.schema}, public;
      set local statement_timeout = 0;
      create table if not exists schema_migrations (
        version int primary key, name text not null, applied_at timestamptz not null default now());`);
    const done = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const m of allMigrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return { applied, version: Math.max(0, ...done, ...applied) };
  });
}

/** 0 on a database Customer Desk has never touched. */
export async function schemaVersion(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const [table] = await tx.query<{ exists: boolean }>('select to_regclass($1) is not null as exists', [`${db.schema}.schema_migrations`]);
    if (!table?.exists) return 0;
    const [row] = await tx.query<{ v: number | null }>(`select max(version) as v from ${db.schema}.schema_migrations`);
    return row?.v ?? 0;
  });
}
