// `npm run worker`: the notification worker as a process of its own.
//   DATABASE_URL=postgres://… npm run worker        — a PostgreSQL database
//   npm run worker -- --data-dir ./data             — the local service's PGlite data directory (the default);
//                                                     PGlite allows one process, so not while the service has it
//                                                     open (the service runs this loop itself)
// Webhook from CUSTOMERDESK_WEBHOOK_URL / CUSTOMERDESK_WEBHOOK_SECRET; without one, time-based events are
// still written to the outbox and wait there.
import { Command } from 'commander';
import { consoleLogger } from '../../core/logger.js';
import { openDatabase } from '../../db/open.js';
import { runWorker } from './worker.js';
import { webhookFromEnv } from './webhook-env.js';

const opts = new Command()
  .name('customerdesk-worker')
  .description('Scans for time-based notifications and delivers the outbox to the webhook until stopped (Ctrl-C)')
  .option('--data-dir <dir>', 'embedded PGlite data directory (ignored with DATABASE_URL)', './data')
  .option('--schema <name>', 'database schema', process.env.CUSTOMERDESK_SCHEMA ?? 'customerdesk')
  .option('--site <site>', 'site (管理处) served', process.env.CUSTOMERDESK_SITE ?? 'main')
  .option('--zone <zone>', 'IANA time zone', process.env.CUSTOMERDESK_TIME_ZONE ?? 'Asia/Shanghai')
  .option('--interval <seconds>', 'seconds between rounds', '30')
  .parse()
  .opts<{ dataDir: string; schema: string; site: string; zone: string; interval: string }>();

const intervalMs = Number(opts.interval) * 1000;
if (!Number.isFinite(intervalMs) || intervalMs < 1000) {
  console.error('--interval must be at least 1 second');
  process.exit(2);
}
const webhook = webhookFromEnv(process.env);
const logger = consoleLogger('customerdesk-worker');
const { db, where } = await openDatabase({ url: process.env.DATABASE_URL, dataDir: opts.dataDir, schema: opts.schema });
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());

logger.info(`delivering notifications from ${where}`);
try {
  await runWorker({ db, site: opts.site, zone: opts.zone, webhook, intervalMs, signal: stop.signal, logger });
} finally {
  await db.close();
}
