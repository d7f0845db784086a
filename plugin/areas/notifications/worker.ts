// The notification loop of the local service and `npm run worker`: scan for time-based events, fold the report
// rollup's deltas, then deliver what is due, until stopped. A failed round is logged and the next one tries again.
import type { Db } from '../../db/types.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { ensureMigrated } from '../../db/ready.js';
import { scanSite } from './scan.js';
import { deliverDue, type Webhook } from './deliver.js';
import { fold } from '../reports/rollup.js';

export interface WorkerOptions {
  db: Db;
  site: string;
  zone: string;
  /** Without one, events are still scanned into the outbox and wait there. */
  webhook?: Webhook;
  intervalMs?: number;
  signal?: AbortSignal;
  logger?: Logger;
  /** Tests pin time. */
  now?: () => Date;
}

const roundLimit = 100;

export async function runWorker(opts: WorkerOptions): Promise<void> {
  const log = opts.logger ?? silentLogger;
  const intervalMs = opts.intervalMs ?? 30_000;
  const now = opts.now ?? (() => new Date());
  await ensureMigrated(opts.db);
  log.info('notification worker started', { site: opts.site, webhook: opts.webhook ? 'configured' : 'none', intervalMs });
  while (!opts.signal?.aborted) {
    let backlog = false;
    try {
      const scanned = await scanSite(opts.db, opts.site, opts.zone, now());
      if (scanned.total > 0) log.info('time-based events written', scanned.emitted);
      // The report rollup's deltas (migration 015): folded here, out of the writes' transactions.
      await opts.db.transaction((tx) => fold(tx, opts.site));
      if (opts.webhook) {
        // One interval of budget per round: a stop request waits at most about that long.
        const sent = await deliverDue(opts.db, opts.site, opts.webhook, { limit: roundLimit, budgetMs: intervalMs, now, logger: log });
        if (sent.delivered + sent.failed > 0) log.info('webhook round', { ...sent });
        // A webhook back after an outage: keep going while whole rounds are taken, rather than one per interval.
        backlog = sent.delivered + sent.failed >= roundLimit;
      }
    } catch (e) {
      log.error('notification round failed', { error: e instanceof Error ? e.message : String(e) });
    }
    if (!backlog) await sleep(intervalMs, opts.signal);
  }
  log.info('notification worker stopped');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
