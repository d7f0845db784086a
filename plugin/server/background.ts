// The local service delivers notifications itself (R-NOT-1): the worker loop runs beside the HTTP server
// on the same database handle, which PGlite needs (one process per data directory).
import type { Logger } from '../core/logger.js';
import type { Env } from '../core/runner.js';
import { runWorker } from '../areas/notifications/worker.js';
import { webhookFromEnv } from '../areas/notifications/webhook-env.js';

/** Starts the notification worker; the returned function stops it and resolves once its round has ended. */
export function startBackground(env: Env, logger: Logger): () => Promise<void> {
  const stop = new AbortController();
  const done = runWorker({ db: env.db, site: env.site, zone: env.zone, webhook: webhookFromEnv(process.env), signal: stop.signal, logger }).catch((e: unknown) =>
    logger.error('notification worker ended', { error: e instanceof Error ? e.message : String(e) }),
  );
  return () => {
    stop.abort();
    return done;
  };
}
