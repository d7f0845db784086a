import pg from 'pg';
import type { ColumnParsers, Db, Tx } from './types.js';
import { checkSchemaName } from './types.js';
import { parsers } from './type-parsers.js';

export interface PgOptions {
  connectionString?: string;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  password?: string;
  ssl?: boolean;
  schema: string;
  max?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

const types = {
  getTypeParser: ((oid: number, format?: string) => parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

const withParsers = new WeakMap<ColumnParsers, typeof types>();
function typesWith(extra: ColumnParsers): typeof types {
  let found = withParsers.get(extra);
  if (!found) {
    found = { getTypeParser: ((oid: number, format?: string) => extra[oid] ?? types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser };
    withParsers.set(extra, found);
  }
  return found;
}

// 1 MiB built from 64-character pieces: 2.8 ms once per connection, against 25 ms for 4 MiB of one character.
const growAllocator = `select length(repeat('${'x'.repeat(64)}', 16384))`;

/**
 * What each new connection runs once (also the bench's raw arm, bench/db.ts).
 * - No parallel workers: the plugin reads pages and records, and at 10M tickets the planner split a page of 500
 *   (tickets.dueSoon) and the monthly report over workers whose start took 13–17 ms, more than the page itself.
 * - One 1 MiB allocation, freed at once. glibc serves a block over 128 KiB by mmap and returns it to the system on
 *   free, until the process has freed one that large; from then on such blocks come from its heap (the threshold
 *   follows the largest freed). Planning a ticket page takes such a block: on a new backend, each call faulted
 *   106–127 pages in (tickets.dueSoon 113), 0.2–0.3 ms of a 1.1–1.8 ms page and 1.1 ms of a 4.8 ms due-soon list,
 *   and a backend that had once run a large query did not (2026-11-29 18:36 and 19:08 UTC, 10k tickets). Which
 *   backend was which decided which arm of the bench won.
 */
export function sessionSetup(schema: string, statementTimeoutMs: number): string {
  return `set search_path to ${schema}, public; set statement_timeout to ${statementTimeoutMs}; set max_parallel_workers_per_gather to 0; ${growAllocator}`;
}

export function pgDb(options: PgOptions): Db {
  const schema = checkSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString || undefined,
    host: options.host || undefined,
    port: options.port || undefined,
    database: options.database || undefined,
    user: options.user || undefined,
    password: options.password || undefined,
    ssl: options.ssl ? { rejectUnauthorized: false } : undefined,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    // Pipelining (https://node-postgres.com/features/pipelining, pg ≥ 8.23): a statement is written at once, not
    // after the previous one's answer, and the server still runs them in order. BEGIN and the actor lookup share a
    // round trip, and so do the independent reads of a ticket (tickets/detail.ts). Each statement keeps its own
    // result or error; after an error inside a transaction the rest fail with "current transaction is aborted".
    pipeline: true,
    types,
  });
  // search_path once per new connection, not per call: handlers' SQL stays unqualified. Set by a statement
  // rather than the startup `options` packet, which poolers and wire-protocol proxies may drop.
  const prepared = new WeakSet<pg.PoolClient>();
  // An idle client dropped by the server must not crash the host process (ToolJet's server).
  pool.on('error', () => undefined);
  const session = sessionSetup(schema, options.statementTimeoutMs ?? 30_000);

  return {
    kind: 'pg',
    schema,
    async transaction<T>(fn: (tx: Tx) => Promise<T>, settle?: (result: T) => T): Promise<T> {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client whose connection dies (pg_terminate_backend, server restart) emits 'error';
      // unheard, that is an uncaught exception that would take ToolJet's server down with it.
      const onError = (e: Error) => void (broken = e);
      client.on('error', onError);
      const tx: Tx = {
        async query<R>(text: string, params?: readonly unknown[], parsers?: ColumnParsers) {
          const values = params as unknown[] | undefined;
          const result = await (parsers ? client.query({ text, values, types: typesWith(parsers) }) : client.query(text, values));
          return result.rows as R[];
        },
        async exec(text: string) {
          await client.query(text);
        },
      };
      // A client whose rollback failed is dead; destroying it lets the pool reconnect on the next call.
      const release = () => {
        client.off('error', onError);
        client.release(broken);
      };
      let result: T;
      try {
        if (!prepared.has(client)) {
          await client.query(session);
          prepared.add(client);
        }
        // fn runs while BEGIN is on its way: its first statement is pipelined behind BEGIN, and its CPU work (the
        // runner parses the input) overlaps their round trip. BEGIN's own error is kept for a fn that sent none.
        const begun = client.query('begin').then(
          () => undefined,
          (e: Error) => e,
        );
        result = await fn(tx);
        const beginError = await begun;
        if (beginError) throw beginError;
      } catch (error) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        release();
        throw error;
      }
      try {
        // The result is shaped (the runner's JSON copy) while COMMIT is on its way. A failed COMMIT has already
        // ended the transaction in PostgreSQL, so there is nothing to roll back; its error is the call's.
        const committed = client.query('commit');
        let shaped: { value: T } | { error: unknown };
        try {
          shaped = { value: settle ? settle(result) : result };
        } catch (error) {
          shaped = { error };
        }
        await committed;
        if ('error' in shaped) throw shaped.error;
        return shaped.value;
      } finally {
        release();
      }
    },
    close: () => pool.end(),
  };
}
