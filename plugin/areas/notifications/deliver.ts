// R-NOT-1 delivery: outbox rows are POSTed to the webhook at least once, each with its event id so the
// receiver can drop repeats. A webhook that is down only delays events; nothing is lost.
import { createHmac } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import fetch from 'node-fetch';
import type { Db } from '../../db/types.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { runStatement } from '../../core/statement.js';
import { version } from '../../version.js';

export interface Webhook {
  url: string;
  secret?: string;
  timeoutMs?: number;
}

export interface DeliverOptions {
  /** Most events to try in this call. */
  limit?: number;
  /** Stop claiming new events once this much wall time is spent (a round in flight finishes). */
  budgetMs?: number;
  now?: () => Date;
  logger?: Logger;
}

export interface DeliveryResult {
  delivered: number;
  failed: number;
  /** Events still waiting (due later, or not reached within limit/budget). */
  pending: number;
}

interface Claimed {
  id: number;
  eventId: string;
  event: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
}

export const maxAttempts = 12;
const defaultTimeoutMs = 5_000;
const batchSize = 10;
// Long enough that no other worker reclaims an event whose request is still within its timeout.
const leaseMarginMs = 60_000;
const backoffBaseMs = 30_000;
const backoffCapMs = 3_600_000;

// A fresh connection per request: a kept-alive socket the receiver has meanwhile closed fails with
// ECONNRESET and would count as a failed attempt. Webhook traffic is light enough not to need reuse.
const agents = { http: new HttpAgent({ keepAlive: false }), https: new HttpsAgent({ keepAlive: false }) };
const agentFor = (url: URL) => (url.protocol === 'https:' ? agents.https : agents.http);

/** 30 s · 2^attempts, capped at 1 h, ±20 % jitter so a fleet of failed events does not retry in step. */
export function backoffMs(previousAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(backoffBaseMs * 2 ** previousAttempts, backoffCapMs);
  return Math.min(Math.round(base * (0.8 + 0.4 * random())), backoffCapMs);
}

export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function deliverDue(db: Db, site: string, webhook: Webhook, opts: DeliverOptions = {}): Promise<DeliveryResult> {
  const limit = opts.limit ?? 100;
  const budgetMs = opts.budgetMs ?? 30_000;
  const now = opts.now ?? (() => new Date());
  const log = opts.logger ?? silentLogger;
  const timeoutMs = webhook.timeoutMs ?? defaultTimeoutMs;
  const started = performance.now();
  const result = { delivered: 0, failed: 0 };

  while (result.delivered + result.failed < limit && performance.now() - started < budgetMs) {
    const claimedAt = now();
    const leaseUntil = new Date(claimedAt.getTime() + timeoutMs + leaseMarginMs);
    const size = Math.min(batchSize, limit - result.delivered - result.failed);
    const batch = await db.transaction((tx) => runStatement<Claimed>(tx, 'notifications/claim', { site, claimedAt, size, leaseUntil }));
    if (batch.length === 0) break;
    const outcomes = await Promise.all(batch.map((row) => send(row, site, webhook, timeoutMs)));
    await db.transaction(async (tx) => {
      for (const [i, row] of batch.entries()) {
        const error = outcomes[i];
        const at = now();
        if (error === null) {
          await runStatement(tx, 'notifications/delivered', { site, id: row.id, leaseUntil, at });
          result.delivered++;
          continue;
        }
        const retryAt = new Date(at.getTime() + backoffMs(row.attempts));
        const [updated] = await runStatement<{ status: string }>(tx, 'notifications/failed', { site, id: row.id, leaseUntil, error, maxAttempts, retryAt });
        result.failed++;
        const fields = { eventId: row.eventId, event: row.event, attempt: row.attempts + 1, error };
        if (updated?.status === 'dead') log.error('webhook delivery gave up; notifications.retry re-queues it', fields);
        else log.warn('webhook delivery failed; will retry', { ...fields, retryAt: retryAt.toISOString() });
      }
    });
  }
  const [count] = await db.transaction((tx) => runStatement<{ n: number }>(tx, 'notifications/pending-count', { site }));
  return { ...result, pending: count?.n ?? 0 };
}

/** One POST; null when the receiver took it (2xx), otherwise a short reason that never holds the secret or URL. */
async function send(row: Claimed, site: string, webhook: Webhook, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify({ id: row.eventId, event: row.event, site, createdAt: row.createdAt.toISOString(), payload: row.payload });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': `customerdesk/${version}`,
    'x-customerdesk-event-id': row.eventId,
    'x-customerdesk-event': row.event,
  };
  if (webhook.secret) headers['x-customerdesk-signature'] = signature(body, webhook.secret);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // Redirects are refused: events go only to the configured address.
    const response = await fetch(webhook.url, { method: 'POST', body, headers, redirect: 'manual', signal: abort.signal, agent: agentFor });
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? null : `HTTP ${response.status}`;
  } catch (e) {
    if (abort.signal.aborted) return `timeout after ${timeoutMs} ms`;
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `network error ${code}` : 'network error';
  } finally {
    clearTimeout(timer);
  }
}
