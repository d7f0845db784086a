// Inside ToolJet there may be no worker process: after each write, run() hands a few pending outbox events
// (R-NOT-1) to the webhook, and about once a minute first scans for time-based ones (deadlines, overdue
// loans, callbacks due). The query waits at most flushBudgetMs; a slower webhook keeps going in the
// background under its normal timeout, so a slow receiver costs neither query time nor failed attempts.
import type { Db } from '../db/types.js';
import { consoleLogger } from '../core/logger.js';
import { deliverDue } from '../areas/notifications/deliver.js';
import { scanSite } from '../areas/notifications/scan.js';
import type { SourceOptions } from './source-options.js';

const flushBudgetMs = 300;
const scanEveryMs = 60_000;
/** Events per flush: one batch, so a backlog drains through the worker or later writes, not one query. */
const flushLimit = 5;

const logger = consoleLogger('customerdesk');
const lastScan = new WeakMap<Db, number>();

async function scanThenDeliver(db: Db, source: SourceOptions, url: string): Promise<void> {
  const now = Date.now();
  if (now - (lastScan.get(db) ?? 0) >= scanEveryMs) {
    lastScan.set(db, now);
    await scanSite(db, source.site, source.time_zone, new Date(now));
  }
  const webhook = { url, secret: source.webhook_secret || undefined };
  await deliverDue(db, source.site, webhook, { limit: flushLimit, budgetMs: flushBudgetMs, logger });
}

interface Flusher {
  running?: Promise<void>;
  next?: Promise<void>;
}
// One flush per pool at a time, so a burst of writes against a slow webhook does not pile up requests;
// a write during a flush (which may have claimed before that write committed) gets one more round after it.
const flushers = new WeakMap<Db, Flusher>();

function flushSoon(db: Db, source: SourceOptions, url: string): Promise<void> {
  let f = flushers.get(db);
  if (!f) flushers.set(db, (f = {}));
  const flusher = f;
  if (!flusher.running) {
    const run: Promise<void> = scanThenDeliver(db, source, url)
      // The write already committed; an event that could not be sent waits in the outbox for the next try.
      .catch((e: unknown) => logger.warn('notification flush failed; events stay queued', { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        if (flusher.running === run) flusher.running = undefined;
      });
    flusher.running = run;
    return run;
  }
  flusher.next ??= flusher.running.then(() => {
    flusher.next = undefined;
    return flushSoon(db, source, url);
  });
  return flusher.next;
}

/** After a write, a few pending notifications go out within a small time budget, so queries stay fast. */
export async function flushNotifications(db: Db, source: SourceOptions): Promise<void> {
  if (!source.webhook_url) return;
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, flushBudgetMs)));
  await Promise.race([flushSoon(db, source, source.webhook_url), budget]);
  clearTimeout(timer);
}
