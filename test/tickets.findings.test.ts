// R-DAY-3: the reviewing manager's finding on a complaint, before sign-off; R-REP-2 fines follow it.
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';
import { asJson, csvFile } from '../plugin/core/export.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d));

const conduct = { account: '保安态度恶劣', witnesses: '邻居李女士', evidence: [], signed: true };

/** A conduct complaint about agent 2, resolved by engineering and waiting for sign-off. */
async function resolvedConductComplaint(): Promise<number> {
  const ticket = await openTicket(t, cast, { targetStaffId: cast.agent2, conduct });
  const id = ticket.id as number;
  await t.as(cast.agent)('tickets.acknowledge', { id });
  await t.as(cast.manager)('tickets.assign', { id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-30T17:30' });
  await t.as(cast.engineer)('tickets.start', { id });
  await t.as(cast.engineer)('tickets.resolve', { id, cause: '沟通不当', action: '批评教育', result: '已向业主致歉' });
  return id;
}

const scoreOf = async (staffId: number) => asJson(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', staffId })).staff[0]!;

describe('R-DAY-3 findings on complaints', () => {
  it('R-DAY-3 a conduct complaint cannot be signed off before the manager records a finding; the finding is on the ticket and its timeline', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const id = await resolvedConductComplaint();
    await expectError(t.as(cast.engineeringHead)('tickets.signOff', { id }), 'STATE');
    await expectError(t.as(cast.supervisor)('tickets.recordFinding', { id, finding: 'upheld' }), 'FORBIDDEN');
    await expectError(t.unchecked(cast.manager)('tickets.recordFinding', { id, finding: 'maybe' }), 'VALIDATION', 'finding');
    const found = await t.as(cast.manager)('tickets.recordFinding', { id, finding: 'not_upheld', note: '监控显示保安处置得当' });
    expect(found).toMatchObject({ finding: 'not_upheld', findingBy: cast.manager, findingNote: '监控显示保安处置得当', state: 'resolved' });
    expect(found.timeline.at(-1)).toMatchObject({ operation: 'recordFinding', data: { finding: 'not_upheld' } });
    const signed = await t.as(cast.engineeringHead)('tickets.signOff', { id });
    expect(signed.signedOffBy).toBe(cast.engineeringHead);
    await expectError(t.as(cast.manager)('tickets.recordFinding', { id, finding: 'upheld' }), 'STATE');
  });

  it('R-TIC-9 R-DAY-3 allowedActions offers only what the ticket accepts: no sign-off before the finding, no second sign-off or late finding, reply only once signed off', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const id = await resolvedConductComplaint();
    const offered = async () => (await t.as(cast.manager)('tickets.get', { id })).allowedActions;
    expect(await offered()).toEqual(expect.arrayContaining(['recordFinding', 'reopen']));
    expect(await offered()).not.toContain('signOff');
    expect(await offered()).not.toContain('reply');
    await t.as(cast.manager)('tickets.recordFinding', { id, finding: 'upheld' });
    expect(await offered()).toEqual(expect.arrayContaining(['signOff', 'recordFinding']));
    await t.as(cast.engineeringHead)('tickets.signOff', { id });
    const signed = await offered();
    expect(signed).toContain('reply');
    expect(signed).not.toContain('signOff');
    expect(signed).not.toContain('recordFinding');
    // What is offered is accepted: the screens enable a button by this list (apps/ticket-actions.ts).
    await expectError(t.as(cast.engineeringHead)('tickets.signOff', { id }), 'STATE');
  });

  it('R-DAY-3 only complaints get a finding: one on a repair is a STATE error', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const repair = await openTicket(t, cast, { kind: 'repair' });
    await t.as(cast.agent)('tickets.acknowledge', { id: repair.id });
    await t.as(cast.supervisor)('tickets.assign', { id: repair.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-30T17:30' });
    await expectError(t.as(cast.manager)('tickets.recordFinding', { id: repair.id, finding: 'upheld' }), 'STATE');
  });

  it('R-DAY-3 R-REP-2 the staff member is fined for an upheld finding only (partly upheld per setting); not upheld and pending cost nothing', async () => {
    t.setNow('2026-10-13T09:00:00+08:00');
    const base = await scoreOf(cast.agent2);
    const findings = ['upheld', 'partly_upheld', 'not_upheld'] as const;
    for (const finding of findings) {
      const id = await resolvedConductComplaint();
      await t.as(cast.manager)('tickets.recordFinding', { id, finding });
    }
    await resolvedConductComplaint(); // no finding yet
    const after = await scoreOf(cast.agent2);
    expect({
      upheld: after.upheldComplaints - base.upheldComplaints,
      partly: after.partlyUpheldComplaints - base.partlyUpheldComplaints,
      notUpheld: after.notUpheldComplaints - base.notUpheldComplaints,
      pending: after.findingsPending - base.findingsPending,
      fine: after.fine - base.fine,
    }).toEqual({ upheld: 1, partly: 1, notUpheld: 1, pending: 1, fine: 50 });
    await t.as(cast.admin)('settings.update', { patch: { scores: { finePartlyUpheld: true } } });
    try {
      expect((await scoreOf(cast.agent2)).fine - base.fine).toBe(100);
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { scores: { finePartlyUpheld: false } } });
    }
    const csv = csvFile.parse(await t.as(cast.manager)('reports.staffScores', { month: '2026-10', format: 'csv' }));
    expect(csv.csv.split('\r\n')[0]).toContain('upheldComplaints,partlyUpheldComplaints,notUpheldComplaints,findingsPending');
  });
});
