import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket, pathTo } from './tickets.fixtures.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d), { calendar: true });

/** Walks a ticket through dispatch and work; resolves at `resolvedAt`, signs off and replies at `repliedAt`. */
async function replied(kind: string, openedAt: string, resolvedAt: string, repliedAt: string) {
  t.setNow(openedAt);
  const ticket = await openTicket(t, cast, { kind });
  const steps = pathTo(cast, ids, 'in_progress', '2026-10-30T17:30');
  for (const [who, op, input] of steps) if (kind === 'complaint' || op !== 'tickets.classify') await t.unchecked(who)(op, { id: ticket.id, ...input });
  t.setNow(resolvedAt);
  await t.as(cast.engineer)('tickets.resolve', { id: ticket.id, cause: '水管老化', action: '更换', result: '已修复' });
  await t.as(cast.engineeringHead)('tickets.signOff', { id: ticket.id });
  t.setNow(repliedAt);
  return t.as(cast.agent)('tickets.reply', { id: ticket.id, replyText: '已修好' });
}

describe('callbacks (R-TIC-10)', () => {
  it('S-CB-1 a repair resolved Friday 2026-10-09 15:00 gets its callback the next working day, 2026-10-10', async () => {
    const ticket = await replied('repair', '2026-10-09T09:00:00+08:00', '2026-10-09T15:00:00+08:00', '2026-10-09T15:30:00+08:00');
    expect(ticket.callbacks).toMatchObject([{ dueOn: '2026-10-10', doneAt: null }]);
    const due = await t.as(cast.agent2)('callbacks.due', { until: '2026-10-10' });
    expect(due.map((c: any) => c.ticketId)).toContain(ticket.id);
    const [event] = await t.sql<{ payload: any }>(`select payload from outbox where event = 'callback.scheduled' and (payload->>'ticketId')::bigint = $1`, [ticket.id]);
    expect(event?.payload.dueOn).toBe('2026-10-10');
  });

  it('S-CB-2 a complaint replied 2026-09-30 gets its callback 15 days later, 2026-10-15', async () => {
    const ticket = await replied('complaint', '2026-09-29T09:00:00+08:00', '2026-09-30T10:00:00+08:00', '2026-09-30T11:00:00+08:00');
    expect(ticket.callbacks).toMatchObject([{ dueOn: '2026-10-15' }]);
    const closed = await t.as(cast.agent)('tickets.close', { id: ticket.id });
    expect(closed.state).toBe('callback_pending');
    const before = await t.as(cast.agent)('callbacks.due', { until: '2026-10-14' });
    expect(before.map((c: any) => c.ticketId)).not.toContain(ticket.id);
  });

  it('S-CB-3 a dissatisfied callback on 2026-10-15 reopens the ticket with a new deadline and schedules the next callback', async () => {
    const ticket = await replied('complaint', '2026-09-29T09:00:00+08:00', '2026-09-30T10:00:00+08:00', '2026-09-30T11:00:00+08:00');
    await t.as(cast.agent)('tickets.close', { id: ticket.id });
    t.setNow('2026-10-15T10:00:00+08:00');
    await expectError(t.as(cast.agent)('tickets.recordCallback', { id: ticket.id, outcome: 'dissatisfied', deadline: '2026-10-01T10:00' }), 'VALIDATION', 'deadline');
    const reopened = await t.as(cast.agent2)('tickets.recordCallback', {
      id: ticket.id,
      outcome: 'dissatisfied',
      comment: '还是漏水',
      deadline: '2026-10-20T17:30',
    });
    expect(reopened).toMatchObject({ state: 'reopened', deadlineAt: '2026-10-20T17:30:00+08:00', reopenedCount: 1, signedOffAt: null });
    expect(reopened.callbacks).toMatchObject([
      { outcome: 'dissatisfied', comment: '还是漏水', staffId: cast.agent2, doneAt: '2026-10-15T10:00:00+08:00' },
      { outcome: null, dueOn: '2026-11-04' },
    ]);
    expect(reopened.clocks.find((c: any) => c.clock === 'deadline')).toMatchObject({ dueAt: '2026-10-20T17:30:00+08:00', metAt: null });
    const events = await t.sql<{ event: string }>(`select event from outbox where (payload->>'ticketId')::bigint = $1 order by id`, [ticket.id]);
    expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(['ticket.reopened', 'callback.scheduled']));
    // The dispatcher sets the rework in motion; the next reply moves the open callback instead of adding one.
    const again = await t.as(cast.supervisor)('tickets.assign', { id: ticket.id, assigneeId: cast.engineer, deadline: '2026-10-20T17:30' });
    expect(again.state).toBe('assigned');
  });

  it('R-TIC-10 a satisfied callback closes the ticket; recording one with none scheduled is STATE', async () => {
    const ticket = await replied('complaint', '2026-09-14T09:00:00+08:00', '2026-09-14T10:00:00+08:00', '2026-09-14T11:00:00+08:00');
    const closed = await t.as(cast.agent)('tickets.recordCallback', { id: ticket.id, outcome: 'basically_satisfied' });
    expect(closed).toMatchObject({ state: 'closed', closedAt: '2026-09-14T11:00:00+08:00' });
    t.setNow('2026-09-14T12:00:00+08:00');
    const help = await openTicket(t, cast, { kind: 'help' });
    await expectError(t.as(cast.agent)('tickets.recordCallback', { id: help.id, outcome: 'satisfied' }), 'STATE');
  });
});
