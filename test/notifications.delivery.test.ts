import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { deliverDue, maxAttempts, type Webhook } from '../plugin/areas/notifications/deliver.js';
import { registry } from '../plugin/app.js';
import { defineOperation, type AnyOperation } from '../plugin/core/operation.js';
import { stateError } from '../plugin/core/errors.js';
import type { Logger } from '../plugin/core/logger.js';

const secret = 's3cret-for-tests-only';

/** A webhook receiver on loopback that records what it got; `reply` decides the answer per request. */
interface Receiver {
  url: string;
  received: { id: string; headers: IncomingMessage['headers']; body: string }[];
  reply: (req: IncomingMessage, res: ServerResponse) => void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function receiver(): Promise<Receiver> {
  let server: Server | undefined;
  let port = 0;
  const r: Receiver = {
    url: '',
    received: [],
    reply: (_req, res) => res.writeHead(204).end(),
    async start() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const done = res.end.bind(res);
          // Only a request answered 2xx to a sender still waiting counts as received, as a real consumer
          // would store it; a late answer after the sender's timeout is not a delivery.
          res.end = ((...args: Parameters<typeof res.end>) => {
            if (res.statusCode < 300 && !req.socket.destroyed) r.received.push({ id: String(req.headers['x-customerdesk-event-id']), headers: req.headers, body });
            return done(...args);
          }) as typeof res.end;
          r.reply(req, res);
        });
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      r.url = `http://127.0.0.1:${port}/hook`;
    },
    async stop() {
      server?.closeAllConnections();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
  await r.start();
  return r;
}

let t: TestDb;
let cast: Cast;
let hook: Receiver;
let clock: Date;
const now = () => clock;
// Generous by default so a loaded test machine never turns a slow answer into a failed attempt; the
// timeout test sets its own.
const webhook = (timeoutMs = 3_000): Webhook => ({ url: hook.url, secret, timeoutMs });

async function addEvents(n: number, event = 'test.event'): Promise<string[]> {
  const rows = await t.sql<{ eventId: string }>(
    `insert into outbox (site, event, payload, created_at, next_attempt_at)
     select 'main', $1, jsonb_build_object('n', g), $2::timestamptz, $2::timestamptz from generate_series(1, $3::int) g
     returning event_id as "eventId"`,
    [event, clock, n],
  );
  return rows.map((r) => r.eventId);
}

const outbox = (eventId: string) =>
  t
    .sql<{ status: string; attempts: number; nextAttemptAt: Date; lastError: string | null }>(
      `select status, attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError" from outbox where event_id = $1::uuid`,
      [eventId],
    )
    .then((rows) => rows[0]!);

beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
  hook = await receiver();
});
afterAll(async () => {
  await hook.stop();
  await t.close();
});
beforeEach(async () => {
  clock = new Date('2026-10-09T08:00:00Z');
  hook.received = [];
  hook.reply = (_req, res) => res.writeHead(204).end();
  // Each test starts with an empty queue: earlier tests' leftovers are marked delivered, never deleted.
  await t.sql(`update outbox set status = 'delivered' where status <> 'delivered'`);
});

describe('R-NOT-1 outbox written in the operation’s transaction', () => {
  // Two operations that exist only in this test: one emits and succeeds, one emits and then fails.
  const probes: AnyOperation[] = [
    defineOperation({
      name: 'probe.emitOk',
      title: 'test probe',
      access: 'staff',
      kind: 'write',
      input: z.object({}),
      output: z.object({}),
      async handler(ctx) {
        ctx.emit('probe.ok', { by: ctx.actor.id });
        return {};
      },
    }),
    defineOperation({
      name: 'probe.emitThenFail',
      title: 'test probe',
      access: 'staff',
      kind: 'write',
      input: z.object({}),
      output: z.object({}),
      async handler(ctx) {
        ctx.emit('probe.rolledBack', { by: ctx.actor.id });
        await ctx.tx.query(`update staff set name = name || '!' where id = $1`, [ctx.actor.id]);
        throw stateError('refused after emitting');
      },
    }),
  ];
  beforeAll(() => {
    for (const op of probes) (registry as Map<string, AnyOperation>).set(op.name, op);
  });
  afterAll(() => {
    for (const op of probes) (registry as Map<string, AnyOperation>).delete(op.name);
  });

  it('R-NOT-1 a committed operation leaves its event; a rolled-back one leaves no outbox row', async () => {
    t.setNow('2026-10-09T16:00:00+08:00');
    await t.unchecked(cast.agent)('probe.emitOk');
    await expectError(t.unchecked(cast.agent)('probe.emitThenFail'), 'STATE');
    t.setNow(null);
    const rows = await t.sql<{ event: string; payload: unknown; createdAt: Date }>(`select event, payload, created_at as "createdAt" from outbox where event like 'probe.%'`);
    expect(rows).toEqual([{ event: 'probe.ok', payload: { by: cast.agent }, createdAt: new Date('2026-10-09T08:00:00Z') }]);
    const [agent] = await t.sql<{ name: string }>('select name from staff where id = $1', [cast.agent]);
    expect(agent?.name).toBe('张丽');
  });
});

describe('R-NOT-1 webhook delivery', () => {
  it('R-NOT-1 posts signed JSON with the event id, and marks the event delivered', async () => {
    const [eventId] = await addEvents(1, 'ticket.assigned');
    const result = await deliverDue(t.db, 'main', webhook(), { now });
    expect(result).toEqual({ delivered: 1, failed: 0, pending: 0 });
    const [got] = hook.received;
    expect(got?.id).toBe(eventId);
    expect(got?.headers['content-type']).toBe('application/json');
    const expected = `sha256=${createHmac('sha256', secret).update(got!.body).digest('hex')}`;
    expect(got?.headers['x-customerdesk-signature']).toBe(expected);
    expect(JSON.parse(got!.body)).toEqual({ id: eventId, event: 'ticket.assigned', site: 'main', createdAt: '2026-10-09T08:00:00.000Z', payload: { n: 1 } });
    expect(await outbox(eventId!)).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
  });

  it('R-NOT-1 a receiver slower than the timeout is a failed attempt, retried after a backoff; the secret is never logged or stored', async () => {
    const [eventId] = await addEvents(1);
    hook.reply = (_req, res) => void setTimeout(() => res.writeHead(204).end(), 2_000);
    const lines: string[] = [];
    const logger: Logger = { info: (m, f) => lines.push(m + JSON.stringify(f)), warn: (m, f) => lines.push(m + JSON.stringify(f)), error: (m, f) => lines.push(m + JSON.stringify(f)) };
    const started = performance.now();
    expect(await deliverDue(t.db, 'main', webhook(300), { now, logger })).toEqual({ delivered: 0, failed: 1, pending: 1 });
    expect(performance.now() - started).toBeLessThan(1_500);
    const row = await outbox(eventId!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'timeout after 300 ms' });
    // First backoff: 30 s ± 20 %.
    const delay = row.nextAttemptAt.getTime() - clock.getTime();
    expect(delay).toBeGreaterThanOrEqual(24_000);
    expect(delay).toBeLessThanOrEqual(36_000);
    expect(lines.join('\n')).not.toContain(secret);
    const stored = await t.sql<{ text: string }>(`select coalesce(string_agg(last_error, ' '), '') as text from outbox`);
    expect(stored[0]?.text).not.toContain(secret);
  });

  it('R-NOT-1 retries with growing backoff and is not sent before it is due', async () => {
    const [eventId] = await addEvents(1);
    hook.reply = (_req, res) => res.writeHead(503).end();
    await deliverDue(t.db, 'main', webhook(), { now });
    const first = await outbox(eventId!);
    // Not due yet: nothing is claimed.
    clock = new Date(first.nextAttemptAt.getTime() - 1_000);
    expect(await deliverDue(t.db, 'main', webhook(), { now })).toEqual({ delivered: 0, failed: 0, pending: 1 });
    clock = first.nextAttemptAt;
    expect(await deliverDue(t.db, 'main', webhook(), { now })).toMatchObject({ failed: 1 });
    const second = await outbox(eventId!);
    expect(second).toMatchObject({ attempts: 2, lastError: 'HTTP 503' });
    // Second backoff: 60 s ± 20 %.
    const delay = second.nextAttemptAt.getTime() - clock.getTime();
    expect(delay).toBeGreaterThanOrEqual(48_000);
    expect(delay).toBeLessThanOrEqual(72_000);
    hook.reply = (_req, res) => res.writeHead(200).end('ok');
    clock = second.nextAttemptAt;
    expect(await deliverDue(t.db, 'main', webhook(), { now })).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect(await outbox(eventId!)).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it(`R-NOT-1 gives up after ${maxAttempts} attempts (dead, listed), and notifications.retry sends it again`, async () => {
    const [eventId] = await addEvents(1, 'loan.overdue');
    hook.reply = (_req, res) => res.writeHead(500).end();
    for (let i = 0; i < maxAttempts; i++) {
      await deliverDue(t.db, 'main', webhook(), { now });
      clock = new Date(clock.getTime() + 2 * 3_600_000); // past any backoff (capped at 1 h)
    }
    expect(await outbox(eventId!)).toMatchObject({ status: 'dead', attempts: maxAttempts, lastError: 'HTTP 500' });
    const dead = await t.as(cast.supervisor)('notifications.list', { status: 'dead', event: 'loan.overdue' });
    expect(dead.items.map((n: { eventId: string }) => n.eventId)).toEqual([eventId]);
    await expectError(t.as(cast.agent)('notifications.retry', { ids: [dead.items[0]!.id] }), 'FORBIDDEN');
    t.setNow(clock.toISOString());
    expect(await t.as(cast.supervisor)('notifications.retry', { ids: [dead.items[0]!.id] })).toEqual({ retried: [dead.items[0]!.id] });
    t.setNow(null);
    hook.reply = (_req, res) => res.writeHead(204).end();
    expect(await deliverDue(t.db, 'main', webhook(), { now })).toEqual({ delivered: 1, failed: 0, pending: 0 });
    expect(hook.received.map((r) => r.id)).toEqual([eventId]);
  });

  it('R-NOT-1 a webhook down for the whole first phase loses nothing; back up, every event arrives once per id', async () => {
    const ids = await addEvents(25);
    await hook.stop(); // connection refused from now on
    for (let round = 0; round < 4; round++) {
      const r = await deliverDue(t.db, 'main', webhook(), { now });
      expect(r.delivered).toBe(0);
      clock = new Date(clock.getTime() + 10 * 60_000);
      ids.push(...(await addEvents(5)));
    }
    const waiting = await t.sql<{ status: string; lastError: string | null; n: number }>(
      `select status, last_error as "lastError", count(*)::int as n from outbox where status <> 'delivered' group by 1, 2 order by n desc`,
    );
    // The last five were written after the final round and not tried yet.
    expect(waiting).toEqual([
      { status: 'pending', lastError: 'network error ECONNREFUSED', n: 40 },
      { status: 'pending', lastError: null, n: 5 },
    ]);
    await hook.start();
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    // Two workers at once: skip locked keeps them off each other's events.
    const slow = hook.reply;
    hook.reply = (req, res) => void setTimeout(() => slow(req, res), 5);
    const [a, b] = await Promise.all([deliverDue(t.db, 'main', webhook(), { now, limit: 100 }), deliverDue(t.db, 'main', webhook(), { now, limit: 100 })]);
    expect(a.delivered + b.delivered).toBe(ids.length);
    const got = hook.received.map((r) => r.id);
    expect(new Set(got).size).toBe(got.length);
    expect([...got].sort()).toEqual([...ids].sort());
  });

  it('R-NOT-1 stops when its time budget is spent and leaves the rest pending', async () => {
    await addEvents(30);
    hook.reply = (_req, res) => void setTimeout(() => res.writeHead(204).end(), 60);
    const r = await deliverDue(t.db, 'main', webhook(), { now, budgetMs: 50 });
    // One round of 10 was in flight when the budget ran out.
    expect(r).toEqual({ delivered: 10, failed: 0, pending: 20 });
  });
});
