// R-DAY-1 late entry on tickets and callbacks: an action entered after the fact says when it happened;
// clocks are judged on that instant; the timeline and the audit keep both instants and who entered it.
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket, pathTo } from './tickets.fixtures.js';
import { asJson } from '../plugin/core/export.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d));

const clock = (ticket: { clocks: { clock: string }[] }, name: string) => ticket.clocks.find((c) => c.clock === name) as Record<string, unknown>;

/** Everything a refused late entry must leave as it was. */
const snapshot = async (id: number) => ({
  ticket: (await t.sql('select to_jsonb(t) - $2 as r from tickets t where id = $1', [id, 'updated_at']))[0],
  events: await t.sql('select * from ticket_events where ticket_id = $1 order by id', [id]),
  clocks: await t.sql('select * from ticket_clocks where ticket_id = $1 order by clock', [id]),
  callbacks: await t.sql('select * from ticket_callbacks where ticket_id = $1 order by id', [id]),
  audit: (await t.sql<{ n: number }>('select count(*)::int as n from audit_log'))[0],
});

describe('R-DAY-1 late entry on tickets', () => {
  it('R-DAY-1 receivedAt takes the local form "YYYY-MM-DD HH:mm" in the data source zone, and ISO 8601 with an offset', async () => {
    t.setNow('2026-09-14T12:00:00+08:00');
    expect((await openTicket(t, cast, { receivedAt: '2026-09-14 09:00' })).openedAt).toBe('2026-09-14T09:00:00+08:00');
    expect((await openTicket(t, cast, { receivedAt: '2026-09-14T01:30:00Z' })).openedAt).toBe('2026-09-14T09:30:00+08:00');
    expect((await openTicket(t, cast, { receivedAt: '2026-09-14T09:45' })).openedAt).toBe('2026-09-14T09:45:00+08:00');
    await expectError(openTicket(t, cast, { receivedAt: '2026-02-30 09:00' }), 'VALIDATION', 'receivedAt');
    await expectError(openTicket(t, cast, { receivedAt: '14/09/2026 09:00' }), 'VALIDATION', 'receivedAt');
  });

  it('R-DAY-1 an acknowledgement typed in after the deadline but made in time is on time; the event and the audit keep both instants and who entered it', async () => {
    t.setNow('2026-09-14T12:00:00+08:00');
    const ticket = await openTicket(t, cast, { receivedAt: '2026-09-14 09:00' });
    expect(clock(ticket, 'acknowledge')).toMatchObject({ dueAt: '2026-09-14T11:00:00+08:00', late: true });
    const acked = await t.as(cast.agent2)('tickets.acknowledge', { id: ticket.id, occurredAt: '2026-09-14 10:30' });
    expect(clock(acked, 'acknowledge')).toMatchObject({ metAt: '2026-09-14T10:30:00+08:00', late: false });
    expect(acked.acknowledgedAt).toBe('2026-09-14T10:30:00+08:00');
    expect(acked.timeline.at(-1)).toMatchObject({
      operation: 'acknowledge',
      at: '2026-09-14T10:30:00+08:00',
      enteredAt: '2026-09-14T12:00:00+08:00',
      actorId: cast.agent2,
    });
    const [audit] = await t.sql<{ at: Date; occurred_at: Date; actor_id: number }>(
      `select at, occurred_at, actor_id from audit_log where entity = 'ticket' and entity_id = $1 and action = 'acknowledge'`,
      [String(ticket.id)],
    );
    expect(audit).toEqual({ at: new Date('2026-09-14T04:00:00Z'), occurred_at: new Date('2026-09-14T02:30:00Z'), actor_id: cast.agent2 });
    // Without occurredAt the action happened when it is entered: now, too late.
    const other = await openTicket(t, cast, { receivedAt: '2026-09-14 09:00' });
    expect(clock(await t.as(cast.agent)('tickets.acknowledge', { id: other.id }), 'acknowledge')).toMatchObject({ metAt: '2026-09-14T12:00:00+08:00', late: true });
  });

  it('R-DAY-1 a future occurredAt, one before the previous event and one outside the window are VALIDATION errors naming the field; nothing is written', async () => {
    t.setNow('2026-09-14T12:00:00+08:00');
    const ticket = await openTicket(t, cast, { receivedAt: '2026-09-14 09:00' });
    const before = await snapshot(ticket.id);
    await expectError(t.as(cast.agent)('tickets.acknowledge', { id: ticket.id, occurredAt: '2026-09-14 12:01' }), 'VALIDATION', 'occurredAt');
    await expectError(t.as(cast.agent)('tickets.acknowledge', { id: ticket.id, occurredAt: '2026-09-14 08:59' }), 'VALIDATION', 'occurredAt');
    await expectError(t.as(cast.agent)('tickets.acknowledge', { id: ticket.id, occurredAt: '2026-09-14T13:00:00+08:00' }), 'VALIDATION', 'occurredAt');
    expect(await snapshot(ticket.id)).toEqual(before);
    // The window (default 7 days) bounds intake times too, and is a setting.
    await expectError(openTicket(t, cast, { receivedAt: '2026-09-07 11:59' }), 'VALIDATION', 'receivedAt');
    await expectError(openTicket(t, cast, { receivedAt: '2026-09-14 12:05' }), 'VALIDATION', 'receivedAt');
    expect((await openTicket(t, cast, { receivedAt: '2026-09-07 12:00' })).openedAt).toBe('2026-09-07T12:00:00+08:00');
    await t.as(cast.admin)('settings.update', { patch: { lateEntry: { windowDays: 30 } } });
    try {
      expect((await openTicket(t, cast, { receivedAt: '2026-09-01 09:00' })).openedAt).toBe('2026-09-01T09:00:00+08:00');
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { lateEntry: { windowDays: 7 } } });
    }
  });

  it('R-DAY-1 each step of a day entered in the evening keeps its own time; the reply clock and the monthly on-time rate are judged on them', async () => {
    t.setNow('2026-09-15T20:00:00+08:00');
    const ticket = await openTicket(t, cast, { receivedAt: '2026-09-15 08:00', severity: 'critical' });
    const steps: [number, string, Record<string, unknown>, string][] = [
      [cast.agent, 'tickets.acknowledge', {}, '08:20'],
      [cast.manager, 'tickets.classify', { category: 'service_quality', severity: 'critical' }, '08:40'],
      [cast.manager, 'tickets.assign', { departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-09-16T17:30' }, '09:00'],
      [cast.engineer, 'tickets.start', {}, '10:00'],
      [cast.engineer, 'tickets.resolve', { cause: '缆绳松动', action: '紧固', result: '已修复' }, '14:00'],
      [cast.engineeringHead, 'tickets.signOff', {}, '15:00'],
      [cast.agent, 'tickets.reply', { replyText: '已处理' }, '17:00'],
    ];
    let last = ticket;
    for (const [who, op, input, time] of steps) last = await t.unchecked(who)(op, { id: ticket.id, ...input, occurredAt: `2026-09-15 ${time}` });
    // Critical: 10 h from 08:00 → due 18:00; replied 17:00 though entered at 20:00.
    expect(clock(last, 'reply')).toMatchObject({ dueAt: '2026-09-15T18:00:00+08:00', metAt: '2026-09-15T17:00:00+08:00', late: false });
    expect(last.timeline.map((e: { at: string }) => e.at.slice(11, 16))).toEqual(['08:00', '08:20', '08:40', '09:00', '10:00', '14:00', '15:00', '17:00']);
    expect(last.timeline.every((e: { enteredAt: string }) => e.enteredAt === '2026-09-15T20:00:00+08:00')).toBe(true);
    expect(last).toMatchObject({ resolvedAt: '2026-09-15T14:00:00+08:00', signedOffAt: '2026-09-15T15:00:00+08:00', repliedAt: '2026-09-15T17:00:00+08:00' });
    const report = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-09' }));
    expect(report.onTime.find((c: { clock: string }) => c.clock === 'reply')).toMatchObject({ onTime: 1, late: 0 });
  });

  it('R-DAY-1 a callback made in the afternoon and entered the next morning is dated when it was made; before the reply it is refused', async () => {
    t.setNow('2026-09-16T09:00:00+08:00');
    const ticket = await openTicket(t, cast, { kind: 'repair', receivedAt: '2026-09-16 08:00' });
    for (const [who, op, input] of pathTo(cast, ids, 'callback_pending', '2026-09-30T17:30')) await t.unchecked(who)(op, { id: ticket.id, ...input });
    t.setNow('2026-09-17T09:30:00+08:00');
    const before = await snapshot(ticket.id);
    await expectError(t.as(cast.agent2)('tickets.recordCallback', { id: ticket.id, outcome: 'satisfied', occurredAt: '2026-09-16 08:30' }), 'VALIDATION', 'occurredAt');
    expect(await snapshot(ticket.id)).toEqual(before);
    const closed = await t.as(cast.agent2)('tickets.recordCallback', { id: ticket.id, outcome: 'satisfied', occurredAt: '2026-09-16 16:00' });
    expect(closed.callbacks.at(-1)).toMatchObject({ doneAt: '2026-09-16T16:00:00+08:00', enteredAt: '2026-09-17T09:30:00+08:00', staffId: cast.agent2 });
    expect(closed.closedAt).toBe('2026-09-16T16:00:00+08:00');
  });
});
