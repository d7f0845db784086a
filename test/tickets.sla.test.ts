import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d), { calendar: true });

const clock = (ticket: { clocks: { clock: string }[] }, name: string) => ticket.clocks.find((c) => c.clock === name) as any;

async function classified(at: string, severity: 'critical' | 'urgent' | 'normal') {
  t.setNow(at);
  const ticket = await openTicket(t, cast);
  return t.as(cast.supervisor)('tickets.classify', { id: ticket.id, category: 'service_quality', severity });
}

/** Opened, classified normal and escalated at `at` (dispatched to engineering first). */
async function escalated(at: string) {
  const ticket = await classified(at, 'normal');
  await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
  await t.as(cast.supervisor)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-20T17:30' });
  return t.as(cast.supervisor)('tickets.escalate', { id: ticket.id });
}

describe('SLA clocks (R-TIC-5)', () => {
  it('S-SLA-1 critical hotline complaint opened Wed 2026-09-30 16:00: acknowledge by 18:00, final reply by 2026-10-01 02:00', async () => {
    const ticket = await classified('2026-09-30T16:00:00+08:00', 'critical');
    expect(clock(ticket, 'acknowledge').dueAt).toBe('2026-09-30T18:00:00+08:00');
    expect(clock(ticket, 'reply')).toMatchObject({ dueAt: '2026-10-01T02:00:00+08:00', basis: 'elapsed', late: false, remainingMs: 10 * 3_600_000 });
  });

  it('S-SLA-2 normal complaint opened 2026-09-30 16:00: final reply by 2026-10-01 16:00', async () => {
    const ticket = await classified('2026-09-30T16:00:00+08:00', 'normal');
    expect(clock(ticket, 'reply').dueAt).toBe('2026-10-01T16:00:00+08:00');
  });

  it('S-SLA-3 escalated case opened 2026-09-30 16:00: investigation due 2026-10-10 17:30, report due 2026-10-13 17:30', async () => {
    const ticket = await escalated('2026-09-30T16:00:00+08:00');
    expect(clock(ticket, 'investigation')).toMatchObject({ dueAt: '2026-10-10T17:30:00+08:00', basis: 'working' });
    expect(clock(ticket, 'report').dueAt).toBe('2026-10-13T17:30:00+08:00');
  });

  it('S-SLA-4 one director extension to 7 working days → 2026-10-15 17:30; a second is STATE; past 7 is VALIDATION', async () => {
    const ticket = await escalated('2026-09-30T16:00:00+08:00');
    await expectError(t.as(cast.manager)('tickets.extend', { id: ticket.id, days: 7 }), 'FORBIDDEN');
    await expectError(t.as(cast.director)('tickets.extend', { id: ticket.id, days: 8 }), 'VALIDATION', 'days');
    const extended = await t.as(cast.director)('tickets.extend', { id: ticket.id, days: 7 });
    expect(clock(extended, 'report')).toMatchObject({ dueAt: '2026-10-15T17:30:00+08:00', extended: true });
    await expectError(t.as(cast.director)('tickets.extend', { id: ticket.id, days: 7 }), 'STATE');
  });

  it('S-SLA-5 hour clocks on working time: critical opened Fri 2026-09-25 17:00 → final reply due Tue 2026-09-29 09:00', async () => {
    await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { acknowledge: 'working', reply: 'working' } } } });
    try {
      const ticket = await classified('2026-09-25T17:00:00+08:00', 'critical');
      expect(clock(ticket, 'reply')).toMatchObject({ dueAt: '2026-09-29T09:00:00+08:00', basis: 'working' });
      t.setNow('2026-09-28T08:30:00+08:00');
      // Over the weekend only the 30 minutes of Friday were used: 9.5 working hours are left.
      expect(clock(await t.as(cast.agent)('tickets.get', { id: ticket.id }), 'reply').remainingMs).toBe(9.5 * 3_600_000);
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { acknowledge: 'elapsed', reply: 'elapsed' } } } });
    }
  });

  it('S-SLA-6 waiting_customer from 2026-09-30 17:00 to 2026-10-08 09:00 with 40 min left → due 2026-10-08 09:40', async () => {
    const ticket = await classified('2026-09-30T07:40:00+08:00', 'critical');
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    await t.as(cast.manager)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-09T17:30' });
    await t.as(cast.engineer)('tickets.start', { id: ticket.id });
    t.setNow('2026-09-30T17:00:00+08:00');
    const waiting = await t.as(cast.engineer)('tickets.waitCustomer', { id: ticket.id, note: '业主出差' });
    expect(clock(waiting, 'reply')).toMatchObject({ paused: true, remainingMs: 40 * 60_000, late: false });
    t.setNow('2026-10-08T09:00:00+08:00');
    expect(clock(await t.as(cast.agent)('tickets.get', { id: ticket.id }), 'reply')).toMatchObject({ paused: true, late: false });
    const resumed = await t.as(cast.engineer)('tickets.resume', { id: ticket.id });
    expect(resumed.state).toBe('in_progress');
    expect(clock(resumed, 'reply')).toMatchObject({ dueAt: '2026-10-08T09:40:00+08:00', paused: false, remainingMs: 40 * 60_000 });
  });

  it('R-TIC-5 day clocks count working days after the intake day, skipping weekends and holidays, counting the make-up day, due at office close', async () => {
    t.setNow('2026-09-26T10:00:00+08:00'); // Saturday
    const weekend = await openTicket(t, cast, { kind: 'repair' });
    expect(clock(weekend, 'repair')).toMatchObject({ dueAt: '2026-09-30T17:30:00+08:00', basis: 'working' });
    expect(clock(weekend, 'acknowledge').dueAt).toBe('2026-09-26T12:00:00+08:00');
    t.setNow('2026-09-30T16:00:00+08:00'); // holidays 10-01…10-07, make-up Saturday 10-10
    expect(clock(await openTicket(t, cast), 'answer').dueAt).toBe('2026-10-10T17:30:00+08:00');
    t.setNow('2026-10-09T20:00:00+08:00'); // after office hours: the intake day never counts
    expect(clock(await openTicket(t, cast, { kind: 'repair' }), 'repair').dueAt).toBe('2026-10-13T17:30:00+08:00');
  });

  it('R-TIC-5 a clock shows due time, remaining time and the late flag; meeting it late keeps it late', async () => {
    const ticket = await classified('2026-09-14T09:00:00+08:00', 'urgent');
    t.setNow('2026-09-14T11:30:00+08:00');
    const late = await t.as(cast.agent)('tickets.get', { id: ticket.id });
    expect(clock(late, 'acknowledge')).toMatchObject({ dueAt: '2026-09-14T11:00:00+08:00', late: true, remainingMs: -30 * 60_000 });
    expect(late.overdue).toBe(true);
    const acked = await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    expect(clock(acked, 'acknowledge')).toMatchObject({ metAt: '2026-09-14T11:30:00+08:00', late: true, remainingMs: null });
    expect(clock(acked, 'reply')).toMatchObject({ dueAt: '2026-09-15T00:00:00+08:00', late: false });
  });

  it('R-TIC-5 tickets.dueSoon lists running clocks due within N working hours, late ones included', async () => {
    const ticket = await classified('2026-09-15T09:00:00+08:00', 'critical');
    t.setNow('2026-09-15T10:30:00+08:00');
    const soon = await t.as(cast.supervisor)('tickets.dueSoon', { withinHours: 1 });
    expect(soon.filter((r: any) => r.id === ticket.id).map((r: any) => r.clock)).toEqual(['acknowledge']);
    const later = await t.as(cast.supervisor)('tickets.dueSoon', { withinHours: 12 });
    expect(later.filter((r: any) => r.id === ticket.id).map((r: any) => r.clock)).toEqual(['acknowledge', 'reply']);
  });
});
