import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { runWorker } from '../plugin/areas/notifications/worker.js';

let t: TestDb;
let cast: Cast;
let clockId: number;
let ticketId: number;

const events = async (event: string) => t.sql<{ payload: Record<string, unknown> }>(`select payload from outbox where event = $1 order by id`, [event]);

useDesk(async (d) => {
  ({ t, cast } = d);
  const [ticket] = await t.sql<{ id: number }>(
    `insert into tickets (site, number, year, kind, channel, state, unit, matter, first_owner_id, assignee_id, opened_at)
     values ('main', '261009001', 2026, 'complaint', 'phone', 'assigned', '12F-1203', 'noise', $1, $2, '2026-10-09T09:00+08:00') returning id`,
    [cast.agent, cast.engineer],
  );
  ticketId = ticket!.id;
  clockId = ticketId;
  await t.sql(`insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at) values ('main', $1, 'reply', 'elapsed', '2026-10-09T09:00+08:00', '2026-10-10T09:00+08:00')`, [ticketId]);
  await t.sql(`insert into ticket_callbacks (site, ticket_id, due_on, scheduled_at) values ('main', $1, '2026-10-10', '2026-10-09T12:00+08:00')`, [ticketId]);
  const [customer] = await t.sql<{ id: number }>(`insert into customers (site, unit, floor, name) values ('main', '12F-1203', 12, '华信公司') returning id`);
  const [archive] = await t.sql<{ id: number }>(`insert into archives (site, customer_id, label) values ('main', $1, '华信公司') returning id`, [customer!.id]);
  await t.sql(
    `insert into loans (site, archive_id, borrower_id, purpose, state, requested_at, issued_at, due_at)
     values ('main', $1, $2, 'check', 'issued', '2026-10-09T09:00+08:00', '2026-10-09T10:00+08:00', '2026-10-09T17:30+08:00')`,
    [archive!.id, cast.agent],
  );
});

describe('R-NOT-1 time-based events', () => {
  const scan = () => t.as(cast.supervisor)('notifications.scan');

  it('R-NOT-1 a loan reminder before it falls due, then overdue, each once (R-LEN-7)', async () => {
    t.setNow('2026-10-09T16:00+08:00');
    expect((await scan()).total).toBe(0);
    t.setNow('2026-10-09T16:30+08:00'); // 1 h before office close
    expect((await scan()).emitted).toMatchObject({ 'loan.due_soon': 1, 'loan.overdue': 0 });
    expect((await scan()).total).toBe(0);
    t.setNow('2026-10-09T17:31+08:00');
    expect((await scan()).emitted).toMatchObject({ 'loan.due_soon': 0, 'loan.overdue': 1 });
    expect((await events('loan.overdue'))[0]?.payload).toMatchObject({ unit: '12F-1203', borrowerId: cast.agent });
  });

  it('R-NOT-1 ticket deadline near (within settings.sla.dueSoonHours), then missed; a moved deadline notifies again', async () => {
    t.setNow('2026-10-10T06:59+08:00');
    expect((await scan()).emitted['ticket.deadline_near']).toBe(0);
    t.setNow('2026-10-10T07:00+08:00');
    expect((await scan()).emitted['ticket.deadline_near']).toBe(1);
    t.setNow('2026-10-10T09:00+08:00');
    expect((await scan()).emitted).toMatchObject({ 'ticket.deadline_near': 0, 'ticket.deadline_missed': 1 });
    expect((await events('ticket.deadline_missed'))[0]?.payload).toMatchObject({
      ticketId,
      number: '261009001',
      clock: 'reply',
      firstOwnerId: cast.agent,
      assigneeId: cast.engineer,
    });
    expect((await scan()).total).toBe(0);
    // A new deadline (e.g. after an extension) is a new thing to warn about.
    await t.sql(`update ticket_clocks set due_at = '2026-10-10T10:00+08:00' where ticket_id = $1`, [clockId]);
    t.setNow('2026-10-10T10:01+08:00');
    expect((await scan()).emitted['ticket.deadline_missed']).toBe(1);
    // A met clock stays quiet.
    await t.sql(`update ticket_clocks set due_at = '2026-10-10T11:00+08:00', met_at = '2026-10-10T10:30+08:00' where ticket_id = $1`, [clockId]);
    t.setNow('2026-10-10T11:01+08:00');
    expect((await scan()).emitted['ticket.deadline_missed']).toBe(0);
  });

  it('R-NOT-1 callback due today, once (R-TIC-10)', async () => {
    const [callback] = await events('callback.due');
    expect(callback?.payload).toMatchObject({ ticketId, dueOn: '2026-10-10' });
    expect((await t.sql(`select 1 from outbox where event = 'callback.due'`)).length).toBe(1);
  });

  it('R-ACT-2 only leads and the administrator scan', async () => {
    await expectError(t.as(cast.agent)('notifications.scan'), 'FORBIDDEN');
  });

  it('R-NOT-1 the worker scans and delivers until it is stopped', async () => {
    await t.sql(`update ticket_clocks set met_at = null, due_at = '2026-10-11T09:00+08:00' where ticket_id = $1`, [clockId]);
    const got: string[] = [];
    const server: Server = createServer((req, res) => {
      got.push(String(req.headers['x-customerdesk-event']));
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const stop = new AbortController();
    const pending = (await t.sql<{ n: number }>(`select count(*)::int as n from outbox where status = 'pending'`))[0]!.n;
    const worker = runWorker({
      db: t.db,
      site: 'main',
      zone: 'Asia/Shanghai',
      webhook: { url },
      intervalMs: 20,
      signal: stop.signal,
      now: () => new Date('2026-10-11T08:00+08:00'),
    });
    for (let i = 0; i < 200 && got.length < pending + 1; i++) await new Promise((r) => setTimeout(r, 20));
    stop.abort();
    await worker;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(got).toContain('ticket.deadline_near');
    expect(got).toHaveLength(pending + 1);
    expect((await t.sql<{ n: number }>(`select count(*)::int as n from outbox where status = 'pending'`))[0]!.n).toBe(0);
  });
});
