// The database under test: a real PostgreSQL (DATABASE_URL, or a throwaway one from scripts/pg-start.sh) or an
// in-process PGlite exposed on loopback through @electric-sql/pglite-socket (the bundle carries only `pg`).
import { BenchError } from './fail.js';
import { execFileSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { sessionSetup } from '../plugin/db/pg.js';

export type DbKind = 'postgres' | 'pglite';

export interface BenchDatabase {
  kind: DbKind;
  /** ToolJet source options (strings, as ToolJet stores them), schema included. */
  sourceOptions(schema: string): Record<string, string>;
  /** A pg pool for the raw-SQL arm, the generator and the checks. */
  pool(schema: string, max: number): pg.Pool;
  /** For the cold-start child process. */
  url: string;
  version: string;
  stop(): Promise<void>;
}

export async function openDatabase(kind: DbKind): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL || execFileSync('bash', ['scripts/pg-start.sh'], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    if (!/^postgres(ql)?:\/\/[^@]*@?(127\.0\.0\.1|localhost)[:/]/.test(url)) {
      throw new BenchError(`the benchmark runs on loopback only; DATABASE_URL points elsewhere (${url.replace(/:[^:@/]*@/, ':***@')})`);
    }
    return withVersion({
      kind,
      url,
      version: '',
      sourceOptions: (schema) => ({ connection_string: url, schema, site: 'main', time_zone: 'Asia/Shanghai' }),
      pool: (schema, max) => rawPool(url, schema, max),
      stop: async () => undefined,
    });
  }
  // PGlite is one backend: every connection is served by the same single-threaded engine, so transactions
  // from different clients run one after another (the socket server queues them).
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const port = 20000 + Math.floor(Math.random() * 20000);
  // The bundle's pool may open 10 connections, the raw arm, the recorder and the cold-start children more.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 64 });
  await server.start();
  const url = `postgres://postgres:x@127.0.0.1:${port}/postgres`;
  return withVersion({
    kind,
    url,
    version: '',
    sourceOptions: (schema) => ({ host: '127.0.0.1', port: String(port), database: 'postgres', username: 'postgres', password: 'x', schema, site: 'main', time_zone: 'Asia/Shanghai' }),
    pool: (schema, max) => rawPool(url, schema, max),
    async stop() {
      await server.stop();
      await db.close();
    },
  });
}

/** The plugin's session setup on each new connection (plugin/db/pg.ts), by statements: PGlite's socket ignores startup options. */
function rawPool(url: string, schema: string, max: number): pg.Pool {
  // pg-pool awaits onConnect before it hands the client out: an un-awaited `set` in the
  // 'connect' event raced the caller's first query (pg's "already executing a query" deprecation).
  const pool = new pg.Pool({ connectionString: url, max, onConnect: (client) => client.query(sessionSetup(schema, 0)) });
  // A connection the server drops while idle must not end the run; the pool opens a new one when needed.
  pool.on('error', (e) => process.stderr.write(`  (raw pool: ${e.message})\n`));
  return pool;
}

async function withVersion(d: BenchDatabase): Promise<BenchDatabase> {
  const client = new pg.Client({ connectionString: d.url });
  await client.connect();
  try {
    d.version = String((await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? '?');
  } finally {
    await client.end();
  }
  return d;
}
