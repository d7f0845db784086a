// A real day at the intake desk: severity at intake (R-DAY-2), ticket numbers wherever a ticket is taken
// (R-DAY-4), a basis per clock (R-DAY-5), and the customer check (R-DAY-6).
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';
import { registry } from '../plugin/app.js';
import { inputJsonSchema } from '../plugin/core/coerce.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d), { calendar: true });

const clock = (ticket: { clocks: { clock: string }[] }, name: string) => ticket.clocks.find((c) => c.clock === name) as Record<string, unknown> | undefined;
const ticketCount = async () => (await t.sql<{ n: number }>('select count(*)::int as n from tickets'))[0]!.n;

describe('R-DAY-2 severity at intake', () => {
  it('R-DAY-2 a critical complaint marked 特急 at intake has its 10-hour reply clock and is flagged for manager review at once (S-SLA-1 times)', async () => {
    t.setNow('2026-09-30T16:00:00+08:00');
    const ticket = await openTicket(t, cast, { severity: 'critical' });
    expect(ticket).toMatchObject({ severity: 'critical', serious: true, seriousReasons: ['critical'] });
    expect(clock(ticket, 'reply')).toMatchObject({ dueAt: '2026-10-01T02:00:00+08:00', basis: 'elapsed' });
    // Exactly as classification would: a supervisor may not dispatch it, a manager reviews it.
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    const dispatch = { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-08T17:30' };
    await expectError(t.as(cast.supervisor)('tickets.assign', dispatch), 'FORBIDDEN');
    expect((await t.as(cast.manager)('tickets.assign', dispatch)).reviewedBy).toBe(cast.manager);
    const classified = await openTicket(t, cast);
    const after = await t.as(cast.supervisor)('tickets.classify', { id: classified.id, category: 'service_quality', severity: 'critical' });
    expect({ clock: clock(after, 'reply'), serious: after.seriousReasons }).toEqual({ clock: clock(ticket, 'reply'), serious: ticket.seriousReasons });
  });

  it('R-DAY-2 a normal repair at intake starts no reply clock and no review; a later classification can still change the severity', async () => {
    t.setNow('2026-09-30T16:00:00+08:00');
    const repair = await openTicket(t, cast, { kind: 'repair', severity: 'normal' });
    expect(repair).toMatchObject({ severity: 'normal', serious: false });
    expect(clock(repair, 'reply')).toBeUndefined();
    const complaint = await openTicket(t, cast, { severity: 'urgent' });
    expect(clock(complaint, 'reply')).toMatchObject({ dueAt: '2026-10-01T07:00:00+08:00' });
    const reclassified = await t.as(cast.supervisor)('tickets.classify', { id: complaint.id, category: 'grievance', severity: 'normal' });
    expect(clock(reclassified, 'reply')).toMatchObject({ dueAt: '2026-10-01T16:00:00+08:00' });
    await expectError(openTicket(t, cast, { severity: '特急' }), 'VALIDATION', 'severity');
  });
});

describe('R-DAY-4 ticket numbers', () => {
  it('R-DAY-4 every operation that takes a ticket takes its id or its number, from one shared input', () => {
    const takers = [...registry.values()].filter((op) => op.name.startsWith('tickets.') && 'id' in (inputJsonSchema(op).properties ?? {}));
    expect(takers.length).toBeGreaterThan(20);
    for (const op of takers) expect(Object.keys(inputJsonSchema(op).properties ?? {}), op.name).toEqual(expect.arrayContaining(['id', 'number']));
  });

  it('R-DAY-4 staff act on a ticket by the number they quote; an unknown number is NOT_FOUND; id and number together or neither are refused', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const ticket = await openTicket(t, cast);
    const acked = await t.as(cast.agent)('tickets.acknowledge', { number: ticket.number, note: '已电话确认' });
    expect(acked).toMatchObject({ id: ticket.id, state: 'acknowledged' });
    expect((await t.as(cast.agent)('tickets.get', { number: ticket.number })).id).toBe(ticket.id);
    await expectError(t.as(cast.agent)('tickets.get', { number: '261012999' }), 'NOT_FOUND');
    await expectError(t.as(cast.agent)('tickets.acknowledge', { number: '261012999' }), 'NOT_FOUND');
    await expectError(t.as(cast.agent)('tickets.get', { number: '2610' }), 'VALIDATION', 'number');
    await expectError(t.as(cast.agent)('tickets.get', {}), 'VALIDATION', 'id');
    await expectError(t.as(cast.agent)('tickets.get', { id: ticket.id, number: ticket.number }), 'VALIDATION', 'number');
    const html = await t.as(cast.agent)('documents.render', { template: 'complaint-intake', params: { number: ticket.number } });
    expect(html.html).toContain(ticket.number);
  });
});

describe('R-DAY-5 a basis per clock', () => {
  it('R-DAY-5 each clock has its own basis setting; the defaults are as before (hour clocks elapsed, day clocks working)', async () => {
    expect((await t.as(cast.admin)('settings.get', {})).sla.basis).toEqual({
      acknowledge: 'elapsed',
      reply: 'elapsed',
      answer: 'working',
      investigation: 'working',
      report: 'working',
      repair: 'working',
    });
    t.setNow('2026-09-25T17:00:00+08:00');
    await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { reply: 'working', repair: 'elapsed' } } } });
    try {
      // S-SLA-5: reply on working time; acknowledge stays elapsed; a repair on elapsed days is 3 × 24 h.
      const complaint = await openTicket(t, cast, { severity: 'critical' });
      expect(clock(complaint, 'reply')).toMatchObject({ basis: 'working', dueAt: '2026-09-29T09:00:00+08:00' });
      expect(clock(complaint, 'acknowledge')).toMatchObject({ basis: 'elapsed', dueAt: '2026-09-25T19:00:00+08:00' });
      expect(clock(complaint, 'answer')).toMatchObject({ basis: 'working', dueAt: '2026-09-30T17:30:00+08:00' });
      const repair = await openTicket(t, cast, { kind: 'repair' });
      expect(clock(repair, 'repair')).toMatchObject({ basis: 'elapsed', dueAt: '2026-09-28T17:00:00+08:00' });
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { reply: 'elapsed', repair: 'working' } } } });
    }
    await expectError(t.as(cast.admin)('settings.update', { patch: { sla: { basis: { reply: 'weekly' } } } }), 'VALIDATION');
  });
});

describe('R-DAY-6 intake checks the customer', () => {
  it('R-DAY-6 an unknown customer is NOT_FOUND and a unit that is not the customer’s is refused naming both; nothing is written', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const customer = await t.as(cast.agent)('customers.create', { unit: '12F-1299', name: '核对公司' });
    const before = await ticketCount();
    await expectError(openTicket(t, cast, { customerId: 987654, unit: '12F-1299' }), 'NOT_FOUND');
    const wrong = openTicket(t, cast, { customerId: customer.id, unit: '03F-0301' });
    await expectError(wrong, 'VALIDATION', 'unit');
    await wrong.catch((e: Error) => expect(e.message).toMatch(/03F-0301.*customer \d+.*12F-1299/));
    expect(await ticketCount()).toBe(before);
    // The customer's own unit, in any letter case, or none (the customer's unit is taken).
    expect((await openTicket(t, cast, { customerId: customer.id, unit: '12f-1299' })).customerId).toBe(customer.id);
    expect((await openTicket(t, cast, { customerId: customer.id, unit: undefined })).unit).toBe('12F-1299');
  });
});
