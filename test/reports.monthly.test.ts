import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { asJson } from '../plugin/core/export.js';

// The October 2026 data set of SCENARIOS.md S-REP, written straight into the ticket tables so every
// figure below can be checked by hand. Times are local (+08:00).
interface TicketSpec {
  number: string;
  kind: 'complaint' | 'repair';
  channel: string;
  category: string;
  severity?: string;
  department: 'customer_service' | 'engineering';
  unit: string;
  owner: number;
  opened: string;
  replied?: string;
  state: string;
  malicious?: boolean;
  targetStaff?: number;
  finding?: 'upheld' | 'partly_upheld' | 'not_upheld';
  clocks: { clock: string; due: string; met?: string }[];
  callback?: { due: string; done?: string; outcome?: 'satisfied' | 'basically_satisfied' | 'dissatisfied' };
}

let t: TestDb;
let cast: Cast;

async function addTicket(spec: TicketSpec): Promise<number> {
  const [row] = await t.sql<{ id: number }>(
    `insert into tickets (site, number, year, kind, channel, state, severity, category, malicious, unit, matter,
                          first_owner_id, department_id, opened_at, replied_at, target_staff_id, finding)
     select 'main', $1, 2026, $2, $3, $4, $5, $6, $7, $8, 'matter of ' || $1, $9::bigint, d.id, $10::timestamptz, $11::timestamptz, $12::bigint, $14
       from departments d where d.code = $13
     returning id`,
    [
      spec.number,
      spec.kind,
      spec.channel,
      spec.state,
      spec.severity ?? null,
      spec.category,
      spec.malicious ?? false,
      spec.unit,
      spec.owner,
      spec.opened,
      spec.replied ?? null,
      spec.targetStaff ?? null,
      spec.department,
      spec.finding ?? null,
    ],
  );
  const ticketId = row!.id;
  for (const c of spec.clocks) {
    await t.sql(
      `insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at, met_at)
       values ('main', $1, $2, 'elapsed', $3::timestamptz, $4::timestamptz, $5::timestamptz)`,
      [ticketId, c.clock, spec.opened, c.due, c.met ?? null],
    );
  }
  if (spec.callback) {
    await t.sql(
      `insert into ticket_callbacks (site, ticket_id, due_on, scheduled_at, done_at, outcome, staff_id)
       values ('main', $1, $2::date, $3::timestamptz, $4::timestamptz, $5, $6)`,
      [ticketId, spec.callback.due, spec.replied ?? spec.opened, spec.callback.done ?? null, spec.callback.outcome ?? null, cast.agent2],
    );
  }
  return ticketId;
}

const complaint = (s: Omit<TicketSpec, 'kind' | 'department' | 'severity'>): TicketSpec => ({
  ...s,
  kind: 'complaint',
  department: 'customer_service',
  severity: 'normal',
});
const repair = (s: Omit<TicketSpec, 'kind' | 'department' | 'category'>): TicketSpec => ({
  ...s,
  kind: 'repair',
  department: 'engineering',
  category: 'other',
});

useDesk(async (d) => {
  ({ t, cast } = d);
  const specs: TicketSpec[] = [
    // Four complaints: handling 5, 12, 20 and 30 h; the normal reply clock is 24 h, so the last one is late.
    complaint({
      number: '261012001',
      channel: 'phone',
      category: 'service_quality',
      unit: '12F-1203',
      owner: cast.agent2,
      state: 'closed',
      opened: '2026-10-12T09:00+08:00',
      replied: '2026-10-12T14:00+08:00',
      clocks: [{ clock: 'reply', due: '2026-10-13T09:00+08:00', met: '2026-10-12T14:00+08:00' }],
      callback: { due: '2026-10-27', done: '2026-10-27T10:00+08:00', outcome: 'satisfied' },
    }),
    complaint({
      number: '261014001',
      channel: 'visit',
      category: 'product_quality',
      unit: '12F-1203',
      owner: cast.supervisor,
      state: 'closed',
      targetStaff: cast.engineer,
      finding: 'upheld',
      opened: '2026-10-14T09:00+08:00',
      replied: '2026-10-14T21:00+08:00',
      clocks: [{ clock: 'reply', due: '2026-10-15T09:00+08:00', met: '2026-10-14T21:00+08:00' }],
      callback: { due: '2026-10-29', done: '2026-10-28T10:00+08:00', outcome: 'basically_satisfied' },
    }),
    complaint({
      number: '261015001',
      channel: 'phone',
      category: 'service_quality',
      unit: '08F-0801',
      owner: cast.agent2,
      state: 'closed',
      opened: '2026-10-15T08:00+08:00',
      replied: '2026-10-16T04:00+08:00',
      clocks: [{ clock: 'reply', due: '2026-10-16T08:00+08:00', met: '2026-10-16T04:00+08:00' }],
      callback: { due: '2026-10-31', done: '2026-10-31T09:00+08:00', outcome: 'satisfied' },
    }),
    complaint({
      number: '261020001',
      channel: 'email',
      category: 'grievance',
      unit: '15F-1501',
      owner: cast.agent,
      state: 'callback_pending',
      opened: '2026-10-20T10:00+08:00',
      replied: '2026-10-21T16:00+08:00',
      clocks: [
        { clock: 'reply', due: '2026-10-21T10:00+08:00', met: '2026-10-21T16:00+08:00' },
        { clock: 'deadline', due: '2026-12-01T17:30+08:00' },
      ],
      callback: { due: '2026-10-30' },
    }),
    // Two repairs, both on time.
    repair({
      number: '261009001',
      channel: 'phone',
      unit: '12F-1203',
      owner: cast.agent2,
      state: 'closed',
      opened: '2026-10-09T10:00+08:00',
      clocks: [{ clock: 'repair', due: '2026-10-13T17:30+08:00', met: '2026-10-09T15:00+08:00' }],
      callback: { due: '2026-10-10', done: '2026-10-12T09:00+08:00', outcome: 'dissatisfied' },
    }),
    repair({
      number: '261022001',
      channel: 'online',
      unit: '03F-0302',
      owner: cast.agent,
      state: 'closed',
      opened: '2026-10-22T11:00+08:00',
      clocks: [{ clock: 'repair', due: '2026-10-27T17:30+08:00', met: '2026-10-22T16:00+08:00' }],
      callback: { due: '2026-10-23', done: '2026-10-23T10:00+08:00', outcome: 'satisfied' },
    }),
    // One malicious complaint, late: counted apart, and no penalty for its owner.
    complaint({
      number: '261025001',
      channel: 'letter',
      category: 'grievance',
      unit: '09F-0901',
      owner: cast.agent,
      state: 'closed',
      malicious: true,
      opened: '2026-10-25T09:00+08:00',
      replied: '2026-10-27T09:00+08:00',
      clocks: [{ clock: 'reply', due: '2026-10-26T09:00+08:00', met: '2026-10-27T09:00+08:00' }],
    }),
    // Just outside the month in local time (inside it in UTC for the second): both late, neither counted.
    complaint({
      number: '260930001',
      channel: 'phone',
      category: 'other',
      unit: '12F-1203',
      owner: cast.agent,
      state: 'new',
      opened: '2026-09-30T23:50+08:00',
      clocks: [{ clock: 'reply', due: '2026-10-01T23:50+08:00' }],
    }),
    complaint({
      number: '261101001',
      channel: 'phone',
      category: 'other',
      unit: '12F-1203',
      owner: cast.agent,
      state: 'replied',
      opened: '2026-11-01T00:10+08:00',
      replied: '2026-11-01T05:00+08:00',
      clocks: [{ clock: 'reply', due: '2026-11-02T00:10+08:00' }],
      // Done at 07:00 on 1 November local (still 31 October in UTC): a November call.
      callback: { due: '2026-11-01', done: '2026-11-01T07:00+08:00', outcome: 'satisfied' },
    }),
  ];
  for (const spec of specs) await addTicket(spec);
  // Written straight into the tables: the rollup the report reads (migration 010) is rebuilt from them.
  await t.sql(`select rebuild_report_rollup('main', 'Asia/Shanghai')`);
  t.setNow('2026-11-10T10:00+08:00');
});

describe('S-REP monthly analysis, October 2026', () => {
  it('S-REP-1 complaint on-time rate 75%, malicious complaint counted separately (1)', async () => {
    const r = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10' }));
    expect(r.onTime).toEqual([
      { clock: 'deadline', onTime: 0, late: 0, running: 1, percent: null },
      { clock: 'repair', onTime: 2, late: 0, running: 0, percent: 100 },
      { clock: 'reply', onTime: 3, late: 1, running: 0, percent: 75 },
    ]);
    expect(r.malicious).toEqual({ count: 1, late: 1 });
  });

  it('S-REP-2 average complaint handling 16.75 h (target ≤ 17 h met), p90 30 h by nearest rank', async () => {
    const r = asJson(await t.as(cast.director)('reports.monthly', { month: '2026-10' }));
    expect(r.handling).toEqual({ complaints: 4, averageHours: 16.75, p90Hours: 30, targetHours: 17, targetMet: true });
  });

  it('S-REP-3 satisfaction rate 80% from the callbacks done in the month', async () => {
    const r = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10' }));
    expect(r.satisfaction).toEqual({ callbacks: 5, satisfied: 3, basicallySatisfied: 1, dissatisfied: 1, percent: 80 });
  });

  it('R-REP-1 counts by kind, category, severity, department and channel, closure, repeat complaints and top units', async () => {
    const r = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10', topUnits: 2 }));
    expect(r.month).toBe('2026-10');
    expect(r.from).toBe('2026-10-01T00:00:00+08:00');
    expect(r.to).toBe('2026-11-01T00:00:00+08:00');
    expect(r.counts).toEqual({
      kind: [
        { key: 'complaint', count: 5 },
        { key: 'repair', count: 2 },
      ],
      category: [
        { key: 'grievance', count: 2 },
        { key: 'other', count: 2 },
        { key: 'service_quality', count: 2 },
        { key: 'product_quality', count: 1 },
      ],
      severity: [
        { key: 'normal', count: 5 },
        { key: 'unclassified', count: 2 },
      ],
      department: [
        { key: '客务部 Customer service', count: 5 },
        { key: '工程部 Engineering', count: 2 },
      ],
      channel: [
        { key: 'phone', count: 3 },
        { key: 'email', count: 1 },
        { key: 'letter', count: 1 },
        { key: 'online', count: 1 },
        { key: 'visit', count: 1 },
      ],
    });
    // Six tickets that are not malicious, five of them closed.
    expect(r.closure).toEqual({ tickets: 6, closed: 5, percent: 83.33 });
    // 12F-1203 complained on 30 September, 12 and 14 October: both October complaints are repeats.
    expect(r.repeatComplaints).toBe(2);
    expect(r.topUnits).toEqual([
      { unit: '12F-1203', tickets: 3, complaints: 2 },
      { unit: '08F-0801', tickets: 1, complaints: 1 },
    ]);
  });

  it('S-REP-4 staff score for the owner of the late complaint: 95 − 2 = 93; dissatisfied callback and upheld complaint', async () => {
    const { staff: scores, basis } = asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10' }));
    expect(basis).toMatch(/tickets opened \(received\) in the period/);
    const of = (id: number) => scores.find((s: { staffId: number }) => s.staffId === id);
    expect(of(cast.agent)).toMatchObject({ lateTickets: 1, dissatisfiedCallbacks: 0, score: 93, fine: 0 });
    expect(of(cast.agent2)).toMatchObject({ lateTickets: 0, dissatisfiedCallbacks: 1, score: 94 });
    expect(of(cast.supervisor)).toMatchObject({ score: 95 });
    expect(of(cast.engineer)).toMatchObject({ upheldComplaints: 1, fine: 50, score: 95 });
    expect(asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', staffId: cast.agent })).staff).toEqual([
      { staffId: cast.agent, name: '张丽', lateTickets: 1, dissatisfiedCallbacks: 0, upheldComplaints: 0, partlyUpheldComplaints: 0, notUpheldComplaints: 0, findingsPending: 0, score: 93, fine: 0 },
    ]);
  });

  it('R-REP-2 the assessment period may be a month, a quarter or a year', async () => {
    const scoreOf = async (period: Record<string, unknown>) => asJson(await t.as(cast.manager)('reports.staffScores', { ...period, staffId: cast.agent })).staff[0];
    // Q4 adds the complaint of 1 November, late too; the year adds the late one of 30 September.
    expect(await scoreOf({ quarter: '2026-Q4' })).toMatchObject({ lateTickets: 2, score: 91 });
    expect(await scoreOf({ year: 2026 })).toMatchObject({ lateTickets: 3, score: 89 });
    expect(await scoreOf({ quarter: '2026-Q3' })).toMatchObject({ lateTickets: 1, score: 93 });
    await expectError(t.as(cast.manager)('reports.staffScores', {}), 'VALIDATION', 'month');
    await expectError(t.as(cast.manager)('reports.staffScores', { month: '2026-10', year: 2026 }), 'VALIDATION', 'month');
  });

  it('R-REP-2 penalties follow settings.scores', async () => {
    await t.as(cast.admin)('settings.update', { patch: { scores: { start: 100, latePenalty: 5 } } });
    const [agent] = asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', staffId: cast.agent })).staff;
    expect(agent!.score).toBe(95);
    await t.as(cast.admin)('settings.update', { patch: { scores: { start: 95, latePenalty: 2 } } });
  });

  it('R-TIC-10 callback statistics per month: calls by outcome, satisfaction, due vs done on time', async () => {
    expect(asJson(await t.as(cast.manager)('reports.callbackStats', { from: '2026-10', to: '2026-11' })).months).toEqual([
      { month: '2026-10', made: 5, satisfied: 3, basicallySatisfied: 1, dissatisfied: 1, satisfactionPercent: 80, due: 6, doneOnTime: 4, doneLate: 1, open: 1 },
      { month: '2026-11', made: 1, satisfied: 1, basicallySatisfied: 0, dissatisfied: 0, satisfactionPercent: 100, due: 1, doneOnTime: 1, doneLate: 0, open: 0 },
    ]);
    const year = asJson(await t.as(cast.manager)('reports.callbackStats', { year: 2026 })).months;
    expect(year.map((m: { month: string }) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(year[9]!.made).toBe(5);
    // Without a range: the current month (10 November 2026 here); one end alone is that one month.
    expect(asJson(await t.as(cast.manager)('reports.callbackStats', {})).months.map((m: { month: string }) => m.month)).toEqual(['2026-11']);
    expect(asJson(await t.as(cast.manager)('reports.callbackStats', { to: '2026-10' })).months[0]).toMatchObject({ month: '2026-10', made: 5 });
    await expectError(t.as(cast.manager)('reports.callbackStats', { from: '2026-11', to: '2026-10' }), 'VALIDATION', 'to');
    await expectError(t.as(cast.manager)('reports.callbackStats', { from: '2026-01', to: '2029-01' }), 'VALIDATION', 'to');
    await expectError(t.as(cast.manager)('reports.callbackStats', { year: 2026, to: '2026-10' }), 'VALIDATION', 'year');
  });

  it('R-ACT-2 reports are for managers and directors', async () => {
    await expectError(t.as(cast.supervisor)('reports.monthly', { month: '2026-10' }), 'FORBIDDEN');
    await expectError(t.as(cast.agent)('reports.staffScores', { month: '2026-10' }), 'FORBIDDEN');
  });
});

describe('R-REP-1 quarterly sample', () => {
  it('R-REP-1 the director’s sample is 20% (rounded up) of the quarter’s repairs and the same for the same seed', async () => {
    // 23 more repairs in Q4 (25 with October's two), and one on the last evening of Q3 that must stay out.
    for (let i = 1; i <= 23; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await addTicket(
        repair({ number: `2612${day}${String(100 + i)}`, channel: 'phone', unit: `0${1 + (i % 9)}F-0${i}`, owner: cast.agent, state: 'closed', opened: `2026-12-${day}T10:00+08:00`, clocks: [] }),
      );
    }
    await addTicket(repair({ number: '260930900', channel: 'phone', unit: '01F-0101', owner: cast.agent, state: 'closed', opened: '2026-09-30T23:00+08:00', clocks: [] }));
    const first = asJson(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'audit-2027-01' }));
    expect(first.population).toBe(25);
    expect(first.records).toHaveLength(5);
    expect(first.records.every((r: { number: string }) => r.number !== '260930900')).toBe(true);
    expect(new Set(first.records.map((r: { id: number }) => r.id)).size).toBe(5);
    const again = asJson(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'audit-2027-01' }));
    expect(again).toEqual(first);
    const other = asJson(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'another seed' }));
    expect(other.records.map((r: { id: number }) => r.id)).not.toEqual(first.records.map((r: { id: number }) => r.id));
    const empty = asJson(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q2', seed: 'x' }));
    expect(empty).toMatchObject({ quarter: '2026-Q2', seed: 'x', population: 0, records: [] });
    await expectError(t.as(cast.manager)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'x' }), 'FORBIDDEN');
  });

  it('R-REP-1 the quarterly summary prints the director’s 20% repair sample, and leaves it out for a manager', async () => {
    const doc = await t.as(cast.director)('documents.render', { template: 'quarterly-summary', params: { quarter: '2026-Q4', seed: 'audit-2027-01' } });
    const sample = asJson(await t.as(cast.director)('reports.quarterlySample', { quarter: '2026-Q4', seed: 'audit-2027-01' }));
    expect(doc.html).toContain('Repair sample');
    expect(doc.html).toContain('audit-2027-01');
    for (const r of sample.records) expect(doc.html).toContain(r.number);
    const managers = await t.as(cast.manager)('documents.render', { template: 'quarterly-summary', params: { quarter: '2026-Q4' } });
    expect(managers.html).not.toContain('Repair sample');
  });
});
