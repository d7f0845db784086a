// What the service is doing before it can answer operations: /healthz reports it, and operations answer
// 503 with Retry-After until it is `ready` (the port opens first, so a newcomer sees it alive at once).
import type { ServerResponse } from 'node:http';
import type { Env } from '../core/runner.js';

export type Phase = 'opening' | 'migrating' | 'seeding' | 'ready' | 'failed';

export interface Readiness {
  phase: Phase;
  /** Set once the database is open and migrated. */
  env?: Env;
  /** Seeding progress: the step and how far it is. */
  progress?: { step: string; done: number; total: number };
  /** Why it failed (one line), when phase is `failed`. */
  error?: string;
}

export const readyWith = (env: Env): Readiness => ({ phase: 'ready', env });

/** Seconds a client should wait before asking again. */
export const retryAfter = (r: Readiness): number => (r.phase === 'seeding' ? 2 : 1);

/** The answer to every request while the HTTP adapter itself is still being loaded (the first moments). */
export function whileLoading(state: Readiness, res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(retryAfter(state)) });
  res.end(JSON.stringify({ status: state.phase, error: { code: 'UNAVAILABLE', message: 'the service is starting; try again shortly', issues: [] } }));
}
