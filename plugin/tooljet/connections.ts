import { createHash } from 'node:crypto';
import { pgDb } from '../db/pg.js';
import type { Db } from '../db/types.js';
import type { SourceOptions } from './source-options.js';

interface Entry {
  updatedAt: string | undefined;
  db: Db;
}

const cache = new Map<string, Entry>();

export function dbFor(options: SourceOptions): Db {
  return pgDb({
    connectionString: options.connection_string || undefined,
    host: options.host,
    port: options.port,
    database: options.database,
    user: options.username,
    password: options.password,
    ssl: options.ssl_enabled,
    schema: options.schema,
  });
}

/** Without a data source id (e.g. Test connection), options themselves are the key: never shared across credentials. */
const keyOf = (options: SourceOptions, dataSourceId?: string): string =>
  dataSourceId ?? `opts:${createHash('sha256').update(JSON.stringify(options)).digest('hex')}`;

/** One pool per data source, rebuilt when ToolJet says the data source was edited (dataSourceUpdatedAt). */
export function cachedDb(options: SourceOptions, dataSourceId?: string, dataSourceUpdatedAt?: string): Db {
  const key = keyOf(options, dataSourceId);
  const hit = cache.get(key);
  if (hit && hit.updatedAt === dataSourceUpdatedAt) return hit.db;
  if (hit) void hit.db.close().catch(() => undefined);
  const db = dbFor(options);
  cache.set(key, { updatedAt: dataSourceUpdatedAt, db });
  return db;
}
