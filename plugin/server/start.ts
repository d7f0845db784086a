// `customerdesk serve` (npm start): the port opens first, then the database is opened, migrated and, when
// empty, loaded with the demo set in the background; /healthz shows which, operations answer 503 until then.
// Only node:http is loaded before listening: the operations, drivers and the seed (most of the start-up
// time of a cold process) are imported after the port is open, and a small responder answers meanwhile.
import { createServer, type RequestListener, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import type { Logger } from '../core/logger.js';
import type { Env } from '../core/runner.js';
import type { DemoKey } from '../seed/staff.js';
import { whileLoading, type Readiness } from './readiness.js';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  schema: string;
  site: string;
  zone: string;
  seed: boolean;
}

/** What the service tells the person who started it (console in the CLI, nothing in tests). */
export interface ServeReporter {
  listening(base: string): void;
  progress(step: string, done: number, total: number): void;
  ready(base: string, where: string, keys: DemoKey[] | undefined): void;
}

export interface Running {
  server: Server;
  /** Resolves when the database is ready (or rejects with why it could not be). */
  ready: Promise<Env>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startService(o: ServeOptions, logger: Logger, report: ServeReporter): Promise<Running> {
  let state: Readiness = { phase: 'opening' };
  let handler: RequestListener | undefined;
  const server = createServer((req, res) => (handler ? handler(req, res) : whileLoading(state, res)));
  await listen(server, o.port, o.host);
  const base = `http://${o.host === '0.0.0.0' ? 'localhost' : o.host}:${o.port}`;
  report.listening(base);
  let stopBackground: (() => Promise<void>) | undefined;
  let closeDb: (() => Promise<void>) | undefined;

  const ready = (async () => {
    const [{ createHandler }, { openDatabase }, { ensureMigrated }, { seedIfEmpty }, { startBackground }, { registry }] = await Promise.all([
      import('./http.js'),
      import('../db/open.js'),
      import('../db/ready.js'),
      import('../seed/index.js'),
      import('./background.js'),
      import('../app.js'),
    ]);
    handler = createHandler(() => state);
    const { db, where } = await openDatabase({ url: o.databaseUrl, dataDir: o.dataDir, schema: o.schema });
    closeDb = () => db.close();
    state = { phase: 'migrating' };
    await ensureMigrated(db);
    const env: Env = { registry, db, site: o.site, zone: o.zone, logger };
    const progress = (step: string, done: number, total: number) => {
      state = { phase: 'seeding', progress: { step, done, total } };
      report.progress(step, done, total);
    };
    const keys = o.seed ? await seedIfEmpty(env, logger, progress) : undefined;
    if (keys && !o.databaseUrl) writeFileSync(`${o.dataDir}/demo-api-keys.json`, `${JSON.stringify(keys, null, 2)}\n`);
    stopBackground = startBackground(env, logger);
    state = { phase: 'ready', env };
    report.ready(base, where, keys);
    return env;
  })();
  ready.catch((e: unknown) => {
    state = { phase: 'failed', error: e instanceof Error ? e.message : String(e) };
  });

  return {
    server,
    ready,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      await stopBackground?.();
      await closeDb?.();
    },
  };
}
