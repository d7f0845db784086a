import { ensureMigrated } from '../db/ready.js';
import type { Db } from '../db/types.js';
import { openDatabase } from '../db/open.js';
import type { DbOptions } from './options.js';

/** Opens the database the options name and brings its schema up to date; closes it again if that fails. */
export async function openMigrated(o: DbOptions): Promise<{ db: Db; where: string }> {
  const opened = await openDatabase({ url: o.databaseUrl, dataDir: o.dataDir, schema: o.schema });
  try {
    await ensureMigrated(opened.db);
  } catch (e) {
    await opened.db.close().catch(() => undefined);
    throw e;
  }
  return opened;
}
