import { createHash } from 'node:crypto';
import { pgDb } from '../db/pg.js';
import type { Db } from '../db/types.js';
import type { SourceOptions } from './source-options.js';

interface Entry {
  version: string;
  db: Db;
}

// Lives as long as this build's implementation, which plugin/tooljet/entry.cts keeps in the host process's
// registry: every fresh evaluation of the bundle finds the same pools here.
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

// parseSourceOptions hands back one object per distinct options text, so the digest is made once per object.
const prints = new WeakMap<SourceOptions, string>();
function fingerprint(options: SourceOptions): string {
  let print = prints.get(options);
  if (print === undefined) {
    print = createHash('sha256').update(JSON.stringify(options)).digest('hex');
    prints.set(options, print);
  }
  return print;
}

/**
 * ToolJet passes the data source options' `updatedAt` column, a Date (server/src/modules/data-queries/util.service.ts,
 * runQuery) made in ToolJet's realm; a string in older callers and tests. Two Dates are never `===`, so compare time values.
 */
export function versionOf(updatedAt: unknown): string {
  if (updatedAt === undefined || updatedAt === null) return '';
  if (typeof updatedAt === 'object' && Object.prototype.toString.call(updatedAt) === '[object Date]') {
    return new Date(updatedAt as Date).toISOString();
  }
  return String(updatedAt);
}

/**
 * One pool per data source, ended and rebuilt when ToolJet says the data source was edited (dataSourceUpdatedAt)
 * or when its resolved options differ: ToolJet resolves {{constants.…}} / {{secrets.…}} in them per query, so a
 * changed secret reaches us without a newer updatedAt. Without a data source id the options are the key.
 */
export function cachedDb(options: SourceOptions, dataSourceId?: string, dataSourceUpdatedAt?: unknown): Db {
  const print = fingerprint(options);
  const key = dataSourceId ?? `opts:${print}`;
  const version = `${versionOf(dataSourceUpdatedAt)} ${print}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.db;
  if (hit) void hit.db.close().catch(() => undefined);
  const db = dbFor(options);
  cache.set(key, { version, db });
  return db;
}

/** Ends every pool: a newer build of the plugin has taken over in this process. */
export async function closeAll(): Promise<void> {
  const entries = [...cache.values()];
  cache.clear();
  await Promise.all(entries.map((e) => e.db.close().catch(() => undefined)));
}
