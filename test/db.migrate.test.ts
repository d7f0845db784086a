import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMigrations, latestSchemaVersion, migrate, schemaVersion } from '../plugin/db/migrate.js';
import { pgDb } from '../plugin/db/pg.js';
import { pgliteDb } from '../plugin/db/pglite.js';
import type { Db } from '../plugin/db/types.js';

describe('migrations', () => {
  it('are numbered NNN_name, strictly increasing', () => {
    const versions = allMigrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(latestSchemaVersion).toBe(versions.at(-1));
  });

  it('apply once on an empty database and do nothing the second time', async () => {
    const db = await pgliteDb({ schema: 'customerdesk' });
    try {
      expect(await schemaVersion(db)).toBe(0);
      const first = await migrate(db);
      expect(first.applied).toEqual(allMigrations.map((m) => m.version));
      const second = await migrate(db);
      expect(second).toEqual({ applied: [], version: latestSchemaVersion });
      expect(await schemaVersion(db)).toBe(latestSchemaVersion);
    } finally {
      await db.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('under an advisory lock: four servers starting at once apply each migration exactly once', async () => {
    const schema = `m_${randomBytes(5).toString('hex')}`;
    const dbs = Array.from({ length: 4 }, () => pgDb({ connectionString: process.env.DATABASE_URL, schema, max: 2 }));
    try {
      const results = await Promise.all(dbs.map((db) => migrate(db)));
      const applied = results.flatMap((r) => r.applied).sort((a, b) => a - b);
      expect(applied).toEqual(allMigrations.map((m) => m.version));
      const rows = await dbs[0]!.transaction((tx) => tx.query<{ n: number }>(`select count(*) as n from ${schema}.schema_migrations`));
      expect(rows[0]?.n).toBe(allMigrations.length);
    } finally {
      await dbs[0]!.transaction((tx) => tx.exec(`drop schema if exists ${schema} cascade`));
      await Promise.all(dbs.map((db) => db.close()));
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('keep data sources in different schemas of one database apart', async () => {
    const a = `s_${randomBytes(5).toString('hex')}`;
    const b = `s_${randomBytes(5).toString('hex')}`;
    const dbA = pgDb({ connectionString: process.env.DATABASE_URL, schema: a, max: 1 });
    const dbB = pgDb({ connectionString: process.env.DATABASE_URL, schema: b, max: 1 });
    try {
      await Promise.all([migrate(dbA), migrate(dbB)]);
      await dbA.transaction((tx) => tx.query(`insert into departments (code, name) values ('x', 'only in A')`));
      const inB = await dbB.transaction((tx) => tx.query<{ n: number }>('select count(*) as n from departments'));
      expect(inB[0]?.n).toBe(0);
    } finally {
      await dbA.transaction((tx) => tx.exec(`drop schema if exists ${a} cascade; drop schema if exists ${b} cascade`));
      await Promise.all([dbA.close(), dbB.close()]);
    }
  });
});

/** What a schema holds beyond its tables' rows: constraints, indexes, triggers, functions — by name and definition. */
async function schemaObjects(db: Db, schema: string): Promise<string[]> {
  const rows = await db.transaction((tx) =>
    tx.query<{ item: string }>(
      `select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(c.oid) as item
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = $1
       union all select 'index ' || tablename || ' ' || indexname from pg_indexes where schemaname = $1
       union all select 'trigger ' || tgrelid::regclass::text || ' ' || tgname
         from pg_trigger t join pg_class r on r.oid = t.tgrelid join pg_namespace n on n.oid = r.relnamespace
        where n.nspname = $1 and not t.tgisinternal
       union all select 'function ' || p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = $1`,
      [schema],
    ),
  );
  // regclass prints schema-qualified names only outside the search path; compare without the schema.
  return rows.map((r) => r.item.replaceAll(`${schema}.`, '')).sort();
}

describe('migrations in a second schema of the same database (CUSTOMERDESK_SCHEMA per data source)', () => {
  it('R-DAY-3: build the same constraints, indexes, triggers and functions as in the first — a guard that looks up the catalog by name alone skips them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'customerdesk-schemas-'));
    try {
      // PGlite is one session bound to one schema: migrate desk_a, reopen the same data directory as desk_b.
      const first = await pgliteDb({ dataDir: dir, schema: 'desk_a' });
      await migrate(first);
      await first.close();
      const second = await pgliteDb({ dataDir: dir, schema: 'desk_b' });
      try {
        await migrate(second);
        const [a, b] = [await schemaObjects(second, 'desk_a'), await schemaObjects(second, 'desk_b')];
        expect(a.some((o) => o.includes('tickets_finding_known'))).toBe(true);
        expect(b).toEqual(a);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
