import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { freshUnit, openTicket } from './tickets.fixtures.js';
import { asJson } from '../plugin/core/export.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d), { calendar: true });

const MINUTE = 60_000;
const first = new Date('2026-10-12T07:50:00+08:00').getTime();
const local = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);

describe('incidents: one burst pipe, fifty callers (R-DAY-7)', () => {
  let incidentId: number;
  let tickets: { id: number; number: string; firstOwnerId: number }[] = [];

  it('R-DAY-7 R-TIC-2 50 callers in 10 minutes, taken by two agents at once, are all linked at intake with gap-free numbers', async () => {
    t.setNow(new Date(first + 10 * MINUTE).toISOString());
    const incident = await t.as(cast.supervisor)('incidents.open', { title: '3号楼12层水管爆裂 burst pipe', location: '3号楼 12F', occurredAt: local(first) });
    incidentId = incident.id;
    expect(incident).toMatchObject({ state: 'open', ticketCount: 0 });
    const [before] = await t.sql<{ last: number }>('select coalesce(max(last), 0)::int as last from ticket_numbers');
    // Each caller gives the time they called (simulated occurrence times, 12 s apart); two agents take calls concurrently.
    tickets = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.as(i % 2 === 0 ? cast.agent : cast.agent2)('tickets.open', {
          kind: 'repair',
          channel: 'phone',
          matter: '楼上漏水 water through the ceiling',
          unit: freshUnit(),
          complainantName: `住户${i}`,
          receivedAt: local(first + i * 12_000),
          incidentId,
        }),
      ),
    );
    const counts = tickets.map((x) => Number(x.number.slice(6))).sort((a, b) => a - b);
    const start = (before?.last ?? 0) + 1;
    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => start + i));
    expect(new Set(tickets.map((x) => x.number.slice(0, 6)))).toEqual(new Set(['261012']));
    const detail = await t.as(cast.agent)('incidents.get', { id: incidentId });
    expect(detail.ticketCount).toBe(50);
    expect(detail.tickets.map((x: { id: number }) => x.id).sort()).toEqual(tickets.map((x) => x.id).sort());
  });

  it('R-DAY-7 R-TIC-6 one dispatch assigns all 50, each ticket with its own acknowledge and deadline clocks', async () => {
    const result = await t.as(cast.supervisor)('incidents.dispatch', { id: incidentId, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-12T17:30' });
    expect(result.done).toHaveLength(50);
    expect(result.skipped).toEqual([]);
    expect(new Set(result.done.map((x: { state: string }) => x.state))).toEqual(new Set(['assigned']));
    const one = await t.as(cast.agent)('tickets.get', { id: tickets[7]!.id });
    expect(one.incidentId).toBe(incidentId);
    // Its own intake time: acknowledged 10 minutes after the 8th caller called, against its own 2-hour clock.
    const ack = one.clocks.find((c: { clock: string }) => c.clock === 'acknowledge');
    expect(ack!.metAt).toBe('2026-10-12T08:00:00+08:00');
    expect(ack!.dueAt).toBe(`2026-10-12T09:51:24+08:00`);
    expect(one.clocks.find((c) => c.clock === 'deadline')!.dueAt).toBe('2026-10-12T17:30:00+08:00');
    const [events] = await t.sql<{ n: number }>(`select count(*)::int as n from ticket_events where operation = 'assign' and ticket_id = any($1::bigint[])`, [tickets.map((x) => x.id)]);
    expect(events?.n).toBe(50);
  });

  it('R-DAY-7 R-TIC-9 R-TIC-10 resolve, sign off and reply in one action each; each first-contact owner replies to their callers, each ticket gets its own callback', async () => {
    t.setNow('2026-10-12T15:00:00+08:00');
    const resolved = await t.as(cast.engineer)('incidents.resolve', { id: incidentId, cause: '水管老化', action: '更换管段', result: '已修复' });
    expect(resolved.done).toHaveLength(50);
    await t.as(cast.engineeringHead)('incidents.signOff', { id: incidentId });
    const byAgent = await t.as(cast.agent)('incidents.reply', { id: incidentId, replyText: '水管已修复' });
    expect(byAgent.done).toHaveLength(25);
    expect(byAgent.skipped).toHaveLength(25);
    expect(byAgent.skipped[0]!.reason).toMatch(/first-contact owner/);
    await t.as(cast.agent2)('incidents.reply', { id: incidentId, replyText: '水管已修复' });
    const closed = await t.as(cast.agent)('incidents.closeTickets', { id: incidentId });
    expect(closed.done.map((x: { state: string }) => x.state)).toEqual(Array(50).fill('callback_pending'));
    const [callbacks] = await t.sql<{ n: number; days: string[] }>(
      `select count(*)::int as n, array_agg(distinct due_on::text) as days from ticket_callbacks where done_at is null and ticket_id = any($1::bigint[])`,
      [tickets.map((x) => x.id)],
    );
    // R-TIC-10: 100% of repairs get a callback on the working day after completion.
    expect(callbacks).toEqual({ n: 50, days: ['2026-10-13'] });
    const done = await t.as(cast.supervisor)('incidents.close', { id: incidentId, note: '全部回复' });
    expect(done.state).toBe('closed');
  });

  it('R-DAY-7 linking to a closed incident is a STATE error and writes nothing, at intake or later', async () => {
    const [before] = await t.sql<{ n: number }>('select count(*)::int as n from tickets');
    await expectError(t.as(cast.agent)('tickets.open', { kind: 'repair', channel: 'phone', matter: '漏水', unit: freshUnit(), incidentId }), 'STATE');
    const [after] = await t.sql<{ n: number }>('select count(*)::int as n from tickets');
    expect(after?.n).toBe(before?.n);
    const lone = await openTicket(t, cast);
    await expectError(t.as(cast.agent)('incidents.link', { id: incidentId, tickets: [lone.number] }), 'STATE');
    const [row] = await t.sql<{ incident_id: number | null }>('select incident_id from tickets where id = $1', [lone.id]);
    expect(row?.incident_id).toBeNull();
  });

  it('R-DAY-7 R-DAY-4 a ticket is linked by its number, once; one of another incident is refused naming both', async () => {
    t.setNow('2026-10-13T09:00:00+08:00');
    const lift = await t.as(cast.agent)('incidents.open', { title: '2号电梯困人 lift stuck' });
    const call = await openTicket(t, cast);
    const linked = await t.as(cast.agent)('incidents.link', { id: lift.id, tickets: [call.number] });
    expect(linked.tickets.map((x: { number: string }) => x.number)).toEqual([call.number]);
    const other = await t.as(cast.agent)('incidents.open', { title: '停水 water cut' });
    await expectError(t.as(cast.agent)('incidents.link', { id: other.id, tickets: [call.id] }), 'VALIDATION', 'tickets');
    await expectError(t.as(cast.agent)('incidents.link', { id: other.id, tickets: ['991231999'] }), 'NOT_FOUND');
  });

  it('R-DAY-7 R-TIC-7 a refusal on any linked ticket changes none of them', async () => {
    const leak = await t.as(cast.agent)('incidents.open', { title: '车库渗水 garage leak' });
    const plain = await openTicket(t, cast, { kind: 'repair', incidentId: leak.id });
    const conduct = await openTicket(t, cast, {
      incidentId: leak.id,
      targetStaffId: cast.engineer,
      conduct: { account: '维修工态度恶劣' },
    });
    // The conduct complaint is serious: a supervisor may not dispatch it, so nothing is dispatched.
    await expectError(t.as(cast.supervisor)('incidents.dispatch', { id: leak.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-14T17:30' }), 'FORBIDDEN');
    const states = await t.sql<{ state: string }>('select state from tickets where id = any($1::bigint[]) order by id', [[plain.id, conduct.id]]);
    expect(states.map((s) => s.state)).toEqual(['new', 'new']);
  });

  it('R-DAY-7 R-REP-1 the monthly report counts incidents apart from the tickets that reported them', async () => {
    t.setNow('2026-11-02T09:00:00+08:00');
    const report = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10' }));
    // Four incidents this month: the burst pipe (50 repairs, closed), the lift (1 complaint), the water cut (none),
    // the garage leak (1 repair, 1 conduct complaint).
    expect(report.incidents).toEqual({ opened: 4, closed: 1, linkedTickets: 53, linkedComplaints: 2 });
    const repairs = report.counts.kind.find((k: { key: string }) => k.key === 'repair');
    expect(repairs!.count).toBeGreaterThanOrEqual(51);
  });
});
