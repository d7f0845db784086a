// R-REP-1 / R-REP-2 on tickets that went through the real operations (not written into the tables), so
// the reports read what the ticket workflow actually records. Two October 2026 complaints owned by one
// agent: A replied 5 h after intake (on time), B 30 h after (the normal 24 h reply clock is missed);
// A's callback is satisfied, B's dissatisfied (reopened with a November deadline and callback).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { freshUnit } from './tickets.fixtures.js';
import { departmentIds } from './support/desk.js';
import type { OpName } from '../plugin/app.js';
import type { InputArg } from '../plugin/core/caller.js';
import { asJson } from '../plugin/core/export.js';

let t: TestDb;
let cast: Cast;

/** One operation at a pinned local time. */
async function at<N extends OpName>(time: string, staff: number, op: N, ...input: InputArg<N>) {
  t.setNow(time);
  return t.as(staff)(op, ...input);
}

async function complaint(day: string, replyAt: string, resolveBy: string): Promise<number> {
  const { engineering } = await departmentIds(t);
  const { id } = await at(`${day}T09:00+08:00`, cast.agent, 'tickets.open', {
    kind: 'complaint',
    channel: 'phone',
    matter: '电梯噪音 lift noise',
    unit: freshUnit(),
    complainantName: '陈先生',
  });
  await at(`${day}T09:10+08:00`, cast.agent, 'tickets.acknowledge', { id });
  await at(`${day}T09:20+08:00`, cast.supervisor, 'tickets.classify', { id, category: 'service_quality', severity: 'normal' });
  await at(`${day}T09:30+08:00`, cast.supervisor, 'tickets.assign', { id, departmentId: engineering, assigneeId: cast.engineer, deadline: resolveBy });
  await at(`${day}T10:00+08:00`, cast.engineer, 'tickets.start', { id });
  await at(`${day}T11:00+08:00`, cast.engineer, 'tickets.resolve', { id, cause: '缆绳松动', action: '紧固', result: '已修复' });
  await at(`${day}T12:00+08:00`, cast.engineeringHead, 'tickets.signOff', { id });
  await at(replyAt, cast.agent, 'tickets.reply', { id, replyText: '已处理' });
  await at(replyAt, cast.agent, 'tickets.close', { id });
  return id;
}

beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
  const a = await complaint('2026-10-12', '2026-10-12T14:00+08:00', '2026-10-14T17:30');
  const b = await complaint('2026-10-13', '2026-10-14T15:00+08:00', '2026-10-16T17:30');
  // Complaint callbacks fall 15 days after the reply (S-CB-2): 27 and 29 October; both made that day.
  await at('2026-10-27T10:00+08:00', cast.agent2, 'tickets.recordCallback', { id: a, outcome: 'satisfied' });
  await at('2026-10-29T10:00+08:00', cast.agent2, 'tickets.recordCallback', {
    id: b,
    outcome: 'dissatisfied',
    deadline: '2026-11-10T17:30',
    nextCallbackOn: '2026-11-12',
  });
  t.setNow('2026-11-05T10:00+08:00');
}, 120_000);
afterAll(() => t.close());

describe('R-REP-1 reports on tickets handled through the operations', () => {
  it('R-REP-1 handling time, on-time rate of the reply clock, closure and satisfaction for October', async () => {
    const r = asJson(await t.as(cast.manager)('reports.monthly', { month: '2026-10' }));
    expect(r.handling).toEqual({ complaints: 2, averageHours: 17.5, p90Hours: 30, targetHours: 17, targetMet: false });
    expect(r.onTime.find((c: { clock: string }) => c.clock === 'reply')).toEqual({ clock: 'reply', onTime: 1, late: 1, running: 0, percent: 50 });
    // Every other clock (acknowledge, answer, deadline) was met in time.
    expect(r.onTime.filter((c: { clock: string; late: number }) => c.clock !== 'reply' && c.late > 0)).toEqual([]);
    expect(r.closure).toEqual({ tickets: 2, closed: 1, percent: 50 });
    expect(r.satisfaction).toEqual({ callbacks: 2, satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, percent: 50 });
    expect(r.counts.kind).toEqual([{ key: 'complaint', count: 2 }]);
  });

  it('R-REP-2 the first-contact owner loses 2 for the late complaint and 1 for the dissatisfied callback', async () => {
    const [agent] = asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', staffId: cast.agent })).staff;
    expect(agent).toMatchObject({ lateTickets: 1, dissatisfiedCallbacks: 1, upheldComplaints: 0, score: 92, fine: 0 });
    // The callback staff member is not the owner: no penalty for making the call.
    const [caller] = asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', staffId: cast.agent2 })).staff;
    expect(caller).toMatchObject({ lateTickets: 0, dissatisfiedCallbacks: 0, score: 95 });
  });

  it('R-TIC-10 callback statistics: both October calls on their day; the rescheduled one is due in November', async () => {
    expect(asJson(await t.as(cast.manager)('reports.callbackStats', { from: '2026-10', to: '2026-11' })).months).toEqual([
      { month: '2026-10', made: 2, satisfied: 1, basicallySatisfied: 0, dissatisfied: 1, satisfactionPercent: 50, due: 2, doneOnTime: 2, doneLate: 0, open: 0 },
      { month: '2026-11', made: 0, satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, satisfactionPercent: null, due: 1, doneOnTime: 0, doneLate: 0, open: 1 },
    ]);
  });
});
