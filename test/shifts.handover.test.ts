import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
const ids: Record<string, number> = {};

/** A ticket with one running clock, written straight into the ticket tables. */
async function ticket(key: string, o: { owner: number; assignee?: number; state?: string; due: string; targetStaff?: number }) {
  const [row] = await t.sql<{ id: number }>(
    `insert into tickets (site, number, year, kind, channel, state, unit, matter, complainant_name, first_owner_id, assignee_id, target_staff_id, opened_at)
     values ('main', $1, 2026, 'complaint', 'phone', $2, '12F-1203', 'matter ' || $1, '陈先生', $3, $4, $5, '2026-10-09T09:00+08:00')
     returning id`,
    [`2610090${Object.keys(ids).length + 10}`, o.state ?? 'assigned', o.owner, o.assignee ?? null, o.targetStaff ?? null],
  );
  ids[key] = row!.id;
  await t.sql(`insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at) values ('main', $1, 'reply', 'elapsed', '2026-10-09T09:00+08:00', $2::timestamptz)`, [row!.id, o.due]);
}

useDesk(async (d) => {
  ({ t, cast } = d);
  await ticket('owned', { owner: cast.agent, due: '2026-10-11T09:00+08:00' });
  await ticket('assigned', { owner: cast.supervisor, assignee: cast.agent, due: '2026-10-12T09:00+08:00' });
  await ticket('dueTonight', { owner: cast.agent2, due: '2026-10-10T02:00+08:00' });
  await ticket('dueLater', { owner: cast.agent2, due: '2026-10-10T12:00+08:00' });
  await ticket('closed', { owner: cast.agent, state: 'closed', due: '2026-10-10T01:00+08:00' });
  await ticket('conduct', { owner: cast.agent, targetStaff: cast.agent2, due: '2026-10-13T09:00+08:00' });
  // One archive out on loan, due at office close today and so overdue at the 20:00 handover.
  const [customer] = await t.sql<{ id: number }>(`insert into customers (site, unit, floor, name) values ('main', '12F-1203', 12, '华信公司') returning id`);
  const [archive] = await t.sql<{ id: number }>(`insert into archives (site, customer_id, label) values ('main', $1, '华信公司') returning id`, [customer!.id]);
  const [loan] = await t.sql<{ id: number }>(
    `insert into loans (site, archive_id, borrower_id, purpose, state, requested_at, issued_at, due_at)
     values ('main', $1, $2, 'check the lease', 'issued', '2026-10-09T09:00+08:00', '2026-10-09T10:00+08:00', '2026-10-09T17:30+08:00') returning id`,
    [archive!.id, cast.agent],
  );
  ids.loan = loan!.id;
  ids.archive = archive!.id;
});

describe('R-DUT-1 shift handover', () => {
  let handoverId: number;

  it('R-DUT-1 the snapshot holds the open tickets the outgoing person owns or is assigned, tickets due in the next shift and archives out', async () => {
    t.setNow('2026-10-09T20:00+08:00');
    const h = await t.as(cast.agent)('shifts.handover', { incomingId: cast.agent2, notes: '12F-1203 will call back after 21:00' });
    handoverId = h.id;
    expect(h).toMatchObject({
      outgoingId: cast.agent,
      outgoingName: '张丽',
      incomingId: cast.agent2,
      incomingName: '刘芳',
      shiftHours: 12,
      notes: '12F-1203 will call back after 21:00',
      acknowledgedAt: null,
      createdAt: '2026-10-09T20:00:00+08:00',
    });
    const own = h.snapshot.ownTickets.map((x: { id: number }) => x.id);
    expect(own).toEqual([ids.owned, ids.assigned, ids.conduct]);
    expect(h.snapshot.ownTickets[0]).toMatchObject({ nextClock: 'reply', nextDueAt: '2026-10-11T09:00:00+08:00', unit: '12F-1203' });
    // R-TIC-8: a complaint about a staff member goes without the unit; no complainant identity at all.
    expect(h.snapshot.ownTickets[2]!.unit).toBeNull();
    expect(JSON.stringify(h.snapshot)).not.toContain('陈先生');
    // Next 12 h: until 08:00 tomorrow.
    expect(h.snapshot.fallingDue.map((x: { id: number }) => x.id)).toEqual([ids.dueTonight]);
    expect(h.snapshot.loansOut).toEqual([
      { loanId: ids.loan, archiveId: ids.archive, unit: '12F-1203', label: '华信公司', borrowerId: cast.agent, borrowerName: '张丽', dueAt: '2026-10-09T17:30:00+08:00', overdue: true },
    ]);
    const [event] = await t.sql<{ payload: unknown }>(`select payload from outbox where event = 'shift.handover'`);
    expect(event?.payload).toEqual({ handoverId, outgoingId: cast.agent, incomingId: cast.agent2 });
  });

  it('R-DUT-1 a longer next shift lists more tickets falling due', async () => {
    const h = await t.as(cast.supervisor)('shifts.handover', { incomingId: cast.manager, hours: 24 });
    // Until 20:00 tomorrow.
    expect(h.snapshot.fallingDue.map((x: { id: number }) => x.id)).toEqual([ids.dueTonight, ids.dueLater]);
    expect(h.snapshot.ownTickets.map((x: { id: number }) => x.id)).toEqual([ids.assigned]);
    await t.as(cast.manager)('shifts.acknowledge', { handoverId: h.id });
  });

  it('R-DUT-1 only the incoming staff member can acknowledge, once', async () => {
    await expectError(t.as(cast.agent)('shifts.acknowledge', { handoverId }), 'FORBIDDEN');
    await expectError(t.as(cast.supervisor)('shifts.acknowledge', { handoverId }), 'FORBIDDEN');
    t.setNow('2026-10-09T20:10+08:00');
    const h = await t.as(cast.agent2)('shifts.acknowledge', { handoverId, note: 'ok' });
    expect(h).toMatchObject({ acknowledgedAt: '2026-10-09T20:10:00+08:00', acknowledgeNote: 'ok' });
    await expectError(t.as(cast.agent2)('shifts.acknowledge', { handoverId }), 'STATE');
    // The first-contact owner stays accountable across shifts (R-TIC-3): a handover moves no ticket.
    const owners = await t.sql<{ id: number; owner: number }>(`select id, first_owner_id as owner from tickets where id = any($1::bigint[]) order by id`, [[ids.owned, ids.conduct]]);
    expect(owners).toEqual([
      { id: ids.owned, owner: cast.agent },
      { id: ids.conduct, owner: cast.agent },
    ]);
    await expectError(t.as(cast.agent2)('shifts.acknowledge', { handoverId: 999999 }), 'NOT_FOUND');
  });

  it('R-DUT-1 a handover goes to someone else who is an active staff member', async () => {
    await expectError(t.as(cast.agent)('shifts.handover', { incomingId: cast.agent }), 'VALIDATION', 'incomingId');
    await expectError(t.as(cast.agent)('shifts.handover', { incomingId: 999999 }), 'VALIDATION', 'incomingId');
  });

  it('R-DUT-1 unacknowledged after 30 minutes raises one notification (scan with a pinned clock)', async () => {
    t.setNow('2026-10-10T08:00+08:00');
    const h = await t.as(cast.agent2)('shifts.handover', { incomingId: cast.agent });
    t.setNow('2026-10-10T08:29+08:00');
    expect((await t.as(cast.supervisor)('notifications.scan')).emitted['shift.handover_unacknowledged']).toBe(0);
    t.setNow('2026-10-10T08:30+08:00');
    expect((await t.as(cast.supervisor)('notifications.scan')).emitted['shift.handover_unacknowledged']).toBe(1);
    t.setNow('2026-10-10T09:00+08:00');
    expect((await t.as(cast.supervisor)('notifications.scan')).emitted['shift.handover_unacknowledged']).toBe(0);
    const listed = await t.as(cast.manager)('notifications.list', { event: 'shift.handover_unacknowledged' });
    expect(listed.items.map((n) => n.payload.handoverId)).toEqual([h.id]);
    const open = await t.as(cast.agent)('shifts.list', { unacknowledged: true, staffId: cast.agent });
    expect(open.items.map((x: { id: number }) => x.id)).toEqual([h.id]);
  });

  it('R-DUT-1 shifts.list pages newest first', async () => {
    const first = await t.as(cast.agent)('shifts.list', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await t.as(cast.agent)('shifts.list', { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((x: { id: number }) => x.id)).toEqual([handoverId + 2, handoverId + 1, handoverId]);
  });
});
