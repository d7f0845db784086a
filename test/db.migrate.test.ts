import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allMigrations, latestSchemaVersion, migrate, schemaVersion } from '../plugin/db/migrate.js';
import { pgDb } from '../plugin/db/pg.js';
import { pgliteDb } from '../plugin/db/pglite.js';

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
