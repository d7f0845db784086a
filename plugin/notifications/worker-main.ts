// `npm run worker`: the notification worker as a process of its own.
//   DATABASE_URL=postgres://… npm run worker        — a PostgreSQL database
//   npm run worker -- --data-dir ./data             — a PGlite data directory (the default); PGlite allows one
//                                                     process, so not while the local service has it open (it runs this loop itself)
// Webhook from CUSTOMERDESK_WEBHOOK_URL / CUSTOMERDESK_WEBHOOK_SECRET; CUSTOMERDESK_SCHEMA, CUSTOMERDESK_SITE
// and CUSTOMERDESK_TIME_ZONE as for the data source (defaults customerdesk, main, Asia/Shanghai).
import { parseArgs } from 'node:util';
import { consoleLogger } from '../core/logger.js';
import { pgDb } from '../db/pg.js';
import { pgliteDb } from '../db/pglite.js';
import { runWorker } from './worker.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string', default: './data' } } });
const env = process.env;
const schema = env.CUSTOMERDESK_SCHEMA ?? 'customerdesk';
const db = env.DATABASE_URL ? pgDb({ connectionString: env.DATABASE_URL, schema }) : await pgliteDb({ dataDir: values['data-dir'], schema });
const logger = consoleLogger('customerdesk-worker');
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

try {
  await runWorker({
    db,
    site: env.CUSTOMERDESK_SITE ?? 'main',
    zone: env.CUSTOMERDESK_TIME_ZONE ?? 'Asia/Shanghai',
    webhook: env.CUSTOMERDESK_WEBHOOK_URL ? { url: env.CUSTOMERDESK_WEBHOOK_URL, secret: env.CUSTOMERDESK_WEBHOOK_SECRET } : undefined,
    signal: stop.signal,
    logger,
  });
} finally {
  await db.close();
}
