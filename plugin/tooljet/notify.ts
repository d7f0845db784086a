// Inside ToolJet there is no worker process: after each write, run() hands a few pending outbox events
// (R-NOT-1) to the webhook. The query waits at most flushBudgetMs; a slower webhook keeps going in the
// background under its normal timeout, so a slow receiver costs neither query time nor failed attempts.
import type { Db } from '../db/types.js';
import { consoleLogger } from '../core/logger.js';
import { deliverDue } from '../notifications/deliver.js';
import type { SourceOptions } from './source-options.js';

export const flushBudgetMs = 300;
/** Events per flush: one batch, so a backlog drains through the worker or later writes, not one query. */
const flushLimit = 5;

const logger = consoleLogger('customerdesk');
// One flush per pool at a time: a burst of writes against a slow webhook does not pile up requests.
const inFlight = new WeakMap<Db, Promise<void>>();

/** After a write, a few pending notifications go out within a small time budget, so queries stay fast. */
export async function flushNotifications(db: Db, source: SourceOptions): Promise<void> {
  if (!source.webhook_url || inFlight.has(db)) return;
  const webhook = { url: source.webhook_url, secret: source.webhook_secret || undefined };
  const flush = deliverDue(db, source.site, webhook, { limit: flushLimit, budgetMs: flushBudgetMs, logger })
    .then(
      () => undefined,
      // The write already committed; an event that could not be sent waits in the outbox for the next try.
      (e: unknown) => logger.warn('notification flush failed; events stay queued', { error: e instanceof Error ? e.message : String(e) }),
    )
    .finally(() => inFlight.delete(db));
  inFlight.set(db, flush);
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, flushBudgetMs)));
  await Promise.race([flush, budget]);
  clearTimeout(timer);
}
