import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ColumnParsers, Db, Tx } from './types.js';
import { checkSchemaName } from './types.js';
import { parsers } from './type-parsers.js';

/** Embedded PostgreSQL (WASM) for the local service and the tests; never part of the ToolJet bundle. */
export async function pgliteDb(options: { dataDir?: string; schema: string; loadDataDir?: Blob }): Promise<Db> {
  const schema = checkSchemaName(options.schema);
  // pg_trgm backs free-text search (migration 007); PGlite ships it as a contrib extension to load here.
  // loadDataDir starts from a dumped data directory (the tests' migrated snapshot) instead of running initdb.
  const pg = await PGlite.create(options.dataDir, { parsers, extensions: { pg_trgm }, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
  await pg.exec(`create schema if not exists ${schema}; set search_path to ${schema}, public;`);

  return {
    kind: 'pglite',
    schema,
    // PGlite has one session; its transaction() queues callers, which is the serialisation we want.
    async transaction<T>(fn: (tx: Tx) => Promise<T>, settle?: (result: T) => T): Promise<T> {
      const result = await pg.transaction(async (raw) => {
        const tx: Tx = {
          async query<R>(text: string, params?: readonly unknown[], extra?: ColumnParsers) {
            const result = await raw.query<R>(text, params as unknown[] | undefined, extra ? { parsers: { ...parsers, ...extra } } : undefined);
            return result.rows;
          },
          async exec(text: string) {
            await raw.exec(text);
          },
        };
        return fn(tx);
      });
      // One in-process session: there is no round trip to overlap.
      return settle ? settle(result) : result;
    },
    close: () => pg.close(),
  };
}
