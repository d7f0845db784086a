import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pgDb } from './pg.js';
import { pgliteDb } from './pglite.js';
import type { Db } from './types.js';

/** A database URL that is not a URL is a typing mistake: say what one looks like. */
export class BadDatabaseUrl extends Error {
  constructor() {
    super('DATABASE_URL is not a connection string; write postgres://user:password@host:5432/database');
  }
}

/** A database URL → a real PostgreSQL; otherwise the embedded PGlite in a data directory. */
export async function openDatabase(opts: { url?: string; dataDir: string; schema: string }): Promise<{ db: Db; where: string }> {
  if (opts.url) {
    let u: URL;
    try {
      u = new URL(opts.url);
    } catch {
      throw new BadDatabaseUrl();
    }
    if (!/^postgres(ql)?:$/.test(u.protocol)) throw new BadDatabaseUrl();
    return { db: pgDb({ connectionString: opts.url, schema: opts.schema }), where: `PostgreSQL ${u.host}${u.pathname} (schema ${opts.schema})` };
  }
  const dir = resolve(opts.dataDir);
  mkdirSync(dir, { recursive: true });
  return { db: await pgliteDb({ dataDir: `${dir}/pglite`, schema: opts.schema }), where: `embedded PGlite in ${dir}` };
}
