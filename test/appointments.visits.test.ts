import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';
import { asJson } from '../plugin/core/export.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => {
  ({ t, cast } = d);
});

const outbox = (event: string, appointmentId: number) =>
  t.sql<{ payload: { windowStart: string } }>(`select payload from outbox where event = $1 and (payload->>'appointmentId')::bigint = $2`, [event, appointmentId]);
const scan = () => t.as(cast.supervisor)('notifications.scan', {});

describe('appointments with residents (R-DAY-10)', () => {
  it('R-DAY-10 R-NOT-1 a visit booked for 14:00–16:00 is reminded once, an hour before the window', async () => {
    t.setNow('2026-10-13T09:00:00+08:00');
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    const visit = await t.as(cast.agent)('appointments.book', {
      ticketId: ticket.id,
      kind: 'visit',
      from: '2026-10-13T14:00',
      to: '2026-10-13T16:00',
      assigneeId: cast.engineer,
      contact: '陈先生 13800138000',
      note: '业主下午在家',
    });
    expect(visit).toMatchObject({ state: 'scheduled', windowStart: '2026-10-13T14:00:00+08:00', windowEnd: '2026-10-13T16:00:00+08:00', assigneeId: cast.engineer, ticketNumber: ticket.number });
    t.setNow('2026-10-13T12:59:00+08:00');
    await scan();
    expect(await outbox('appointment.reminder', visit.id)).toHaveLength(0);
    t.setNow('2026-10-13T13:00:00+08:00');
    await scan();
    await scan();
    const reminders = await outbox('appointment.reminder', visit.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.payload).toMatchObject({ number: ticket.number, kind: 'visit', assigneeId: cast.engineer });
    t.setNow('2026-10-13T15:10:00+08:00');
    const kept = await t.as(cast.engineer)('appointments.complete', { id: visit.id, note: '已上门维修' });
    expect(kept).toMatchObject({ state: 'done', recordedBy: cast.engineer, recordedAt: '2026-10-13T15:10:00+08:00' });
    const detail = await t.as(cast.agent)('tickets.get', { id: ticket.id });
    expect(detail.timeline.map((e: { operation: string }) => e.operation)).toEqual(expect.arrayContaining(['appointment.booked', 'appointment.done']));
    await expectError(t.as(cast.engineer)('appointments.miss', { id: visit.id, missedBy: 'resident', reason: 'x' }), 'STATE');
  });

  it('R-DAY-10 a callback nobody recorded is prompted once its window closes; a missed one records whose side missed it', async () => {
    t.setNow('2026-10-14T09:00:00+08:00');
    const ticket = await openTicket(t, cast);
    const call = await t.as(cast.agent)('appointments.book', { ticketId: ticket.id, kind: 'callback', from: '2026-10-14T10:00', to: '2026-10-14T10:30' });
    expect(call.assigneeId).toBe(cast.agent);
    await expectError(t.as(cast.agent)('appointments.miss', { id: call.id, missedBy: 'resident', reason: '未接听' }), 'STATE');
    t.setNow('2026-10-14T10:31:00+08:00');
    await scan();
    expect(await outbox('appointment.unrecorded', call.id)).toHaveLength(1);
    const missed = await t.as(cast.agent)('appointments.miss', { id: call.id, missedBy: 'resident', reason: '三次未接听' });
    expect(missed).toMatchObject({ state: 'missed', missedBy: 'resident', outcomeNote: '三次未接听' });
    expect((await t.as(cast.manager)('appointments.list', { state: 'missed' })).map((a: { id: number }) => a.id)).toContain(call.id);
  });

  it('R-DAY-10 bad windows and closed tickets are refused naming the field, and nothing is booked', async () => {
    t.setNow('2026-10-15T09:00:00+08:00');
    const ticket = await openTicket(t, cast);
    const book = (input: Record<string, unknown>) => t.unchecked(cast.agent)('appointments.book', { ticketId: ticket.id, kind: 'visit', ...input });
    await expectError(book({ from: '2026-10-15T16:00', to: '2026-10-15T14:00' }), 'VALIDATION', 'to');
    await expectError(book({ from: '2026-10-15T07:00', to: '2026-10-15T08:00' }), 'VALIDATION', 'to');
    await expectError(book({ from: '2026-10-15T10:00', to: '2026-10-17T10:00' }), 'VALIDATION', 'to');
    await expectError(book({ from: '2026-10-15T10:00', to: '2026-10-15T11:00', assigneeId: 999999 }), 'VALIDATION', 'assigneeId');
    await expectError(t.as(cast.agent)('appointments.book', { ticketId: 999999, kind: 'visit', from: '2026-10-15T10:00', to: '2026-10-15T11:00' }), 'NOT_FOUND');
    expect(await t.as(cast.agent)('appointments.list', { ticketId: ticket.id })).toEqual([]);
  });

  it('R-DAY-10 R-REP-1 the monthly report counts appointments by outcome, apart from the tickets', async () => {
    t.setNow('2026-10-16T09:00:00+08:00');
    const ticket = await openTicket(t, cast);
    const later = await t.as(cast.agent)('appointments.book', { ticketId: ticket.id, kind: 'visit', from: '2026-10-20T09:00', to: '2026-10-20T11:00' });
    await t.as(cast.agent)('appointments.cancel', { id: later.id, reason: '业主改期' });
    t.setNow('2026-11-02T09:00:00+08:00');
    const report = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10' }));
    expect(report.appointments).toEqual({ booked: 3, done: 1, missed: 1, missedByResident: 1, missedByStaff: 0, cancelled: 1, open: 0 });
  });

  it('R-DAY-4 R-DAY-10 a visit is booked and listed by the ticket number staff quote; an unknown number is NOT_FOUND', async () => {
    t.setNow('2026-11-03T09:00:00+08:00');
    const ticket = await openTicket(t, cast, { kind: 'repair' });
    const visit = await t.as(cast.agent)('appointments.book', { ticketNumber: ticket.number, kind: 'visit', from: '2026-11-03T14:00', to: '2026-11-03T16:00' });
    expect(visit).toMatchObject({ state: 'scheduled', ticketNumber: ticket.number });
    expect((await t.as(cast.agent)('appointments.list', { ticketNumber: ticket.number })).map((a: { id: number }) => a.id)).toEqual([visit.id]);
    await expectError(t.as(cast.agent)('appointments.book', { ticketNumber: '991231999', kind: 'visit', from: '2026-11-03T14:00', to: '2026-11-03T16:00' }), 'NOT_FOUND');
  });
});
