import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pgDb } from './pg.js';
import { pgliteDb } from './pglite.js';
import type { Db } from './types.js';

/** DATABASE_URL → a real PostgreSQL; otherwise the embedded PGlite in a data directory. */
export async function openDatabase(opts: { url?: string; dataDir: string; schema: string }): Promise<{ db: Db; where: string }> {
  if (opts.url) {
    const u = new URL(opts.url);
    return { db: pgDb({ connectionString: opts.url, schema: opts.schema }), where: `PostgreSQL ${u.host}${u.pathname} (schema ${opts.schema})` };
  }
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  return { db: await pgliteDb({ dataDir: `${dir}/pglite`, schema: opts.schema }), where: `embedded PGlite in ${dir}` };
}
