// Vitest global setup: one migrated PGlite, dumped once; every test file's testDb() loads the dump instead
// of running initdb and the migrations again (most of a file's start-up). Not used on PostgreSQL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgliteDb } from '../../plugin/db/pglite.js';
import { ensureMigrated } from '../../plugin/db/ready.js';

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.DATABASE_URL) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'cd-pglite-'));
  const db = await pgliteDb({ dataDir: join(dir, 'data'), schema: 'customerdesk' });
  await ensureMigrated(db);
  await db.close();
  // The Db hides its PGlite, so the migrated directory is reopened as one to dump it.
  const pg = await PGlite.create(join(dir, 'data'), { extensions: { pg_trgm } });
  const dump = await pg.dumpDataDir('none');
  await pg.close();
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  process.env.CUSTOMERDESK_PGLITE_SNAPSHOT = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
