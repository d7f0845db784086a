// `customerdesk worker`: the notification worker as a process of its own (R-NOT-1). With the embedded
// database only while the service is stopped (PGlite allows one process; the service runs this loop itself).
// Webhook from CUSTOMERDESK_WEBHOOK_URL / CUSTOMERDESK_WEBHOOK_SECRET; without one, events wait in the outbox.
import { InvalidArgumentError, type Command } from 'commander';
import { consoleLogger } from '../../core/logger.js';
import { withDatabaseOptions, type DbOptions } from '../options.js';
import { openMigrated } from '../database.js';

const seconds = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError('give at least 1 (seconds)');
  return n;
};

export function register(program: Command): void {
  withDatabaseOptions(program.command('worker'))
    .description('Scan for time-based notifications and deliver the outbox to the webhook until stopped (Ctrl-C)')
    .option('--interval <seconds>', 'seconds between rounds', seconds, 30)
    .action(async (o: DbOptions & { interval: number }) => {
      const { runWorker } = await import('../../areas/notifications/worker.js');
      const { webhookFromEnv } = await import('../../areas/notifications/webhook-env.js');
      const logger = consoleLogger('customerdesk-worker');
      const { db, where } = await openMigrated(o);
      const stop = new AbortController();
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
      logger.info(`delivering notifications from ${where}`);
      try {
        await runWorker({ db, site: o.site, zone: o.zone, webhook: webhookFromEnv(process.env), intervalMs: o.interval * 1000, signal: stop.signal, logger });
      } finally {
        await db.close();
      }
    });
}
