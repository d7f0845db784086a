import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, seedScenarioCalendar, type Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
let unitNo = 100;
beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
  await t.as(cast.admin)('settings.update', { patch: { loans: { takeOutAllowed: true } } });
});
afterAll(() => t.close());

/** A fresh customer's archive, optionally with documents of the given page counts. */
async function archive(opts: { confidential?: boolean; pages?: number[] } = {}): Promise<number> {
  const c = await t.as(cast.agent)('customers.create', { unit: `9F-${unitNo++}`, name: `测试公司${unitNo}`, confidential: opts.confidential ?? false });
  for (const pages of opts.pages ?? []) {
    await t.as(cast.agent)('archives.addDocument', { archiveId: c.archiveId, kind: 'correspondence', title: '往来函', receivedOn: '2026-09-01', pages, original: true });
  }
  return c.archiveId;
}
const request = (by: number, archiveId: number, place = 'in_office') => t.as(by)('loans.request', { archiveId, purpose: '核对租约', place });
const approve = (loanId: number) => t.as(cast.manager)('loans.approve', { id: loanId });
const issue = (loanId: number) => t.as(cast.supervisor)('loans.issue', { id: loanId });
const loanRow = async (loanId: number) => (await t.sql('select * from loans where id = $1', [loanId]))[0];

describe('loan lifecycle', () => {
  it('S-LEN-1 an in-office loan issued Friday 16:00 is due 17:30, overdue at 17:31, returned 17:45 is 15 min late', async () => {
    t.setNow('2026-10-09T16:00:00+08:00');
    const a = await archive();
    const loan = await request(cast.agent, a);
    expect(loan.state).toBe('requested');
    expect(loan.place).toBe('in_office');
    await approve(loan.id);
    const out = await issue(loan.id);
    expect(out.dueAt).toBe('2026-10-09T17:30:00+08:00');
    expect(out.overdue).toBe(false);
    t.setNow('2026-10-09T17:31:00+08:00');
    const overdue = await t.as(cast.agent)('loans.list', { overdue: true });
    expect(overdue.items.map((l: { id: number }) => l.id)).toContain(loan.id);
    expect((await loanRow(loan.id))?.state).toBe('issued'); // overdue is derived, never stored
    t.setNow('2026-10-09T17:45:00+08:00');
    const back = await t.as(cast.supervisor)('loans.return', { id: loan.id, pagesReturned: 0 });
    expect(back.state).toBe('returned');
    expect(back.lateMinutes).toBe(15);
    expect(back.overdue).toBe(false);
  });

  it('S-LEN-2 a take-out loan of 3 working days issued 2026-09-30 10:00 is due 2026-10-10 17:30 (National Day, make-up Saturday)', async () => {
    await seedScenarioCalendar(t, cast.admin);
    t.setNow('2026-09-30T10:00:00+08:00');
    const loan = await request(cast.agent, await archive(), 'take_out');
    await approve(loan.id);
    expect((await issue(loan.id)).dueAt).toBe('2026-10-10T17:30:00+08:00');
  });

  it('S-LEN-3 R-LEN-2 a requester may not approve their own request; another manager may', async () => {
    t.setNow('2026-10-09T10:00:00+08:00');
    // 王敏 holds manager rights here too, so only the self-approval rule can refuse her.
    await t.as(cast.admin)('staff.upsert', { id: cast.supervisor, roles: ['supervisor', 'manager'] });
    try {
      const loan = await request(cast.supervisor, await archive());
      await expectError(t.as(cast.supervisor)('loans.approve', { id: loan.id }), 'FORBIDDEN');
      expect((await loanRow(loan.id))?.state).toBe('requested');
      expect((await t.as(cast.manager)('loans.approve', { id: loan.id })).state).toBe('approved');
    } finally {
      await t.as(cast.admin)('staff.upsert', { id: cast.supervisor, roles: ['supervisor'] });
    }
  });

  it('R-LEN-2 approval needs a manager or director', async () => {
    const loan = await request(cast.agent, await archive());
    await expectError(t.as(cast.supervisor)('loans.approve', { id: loan.id }), 'FORBIDDEN');
    await expectError(t.as(cast.agent2)('loans.approve', { id: loan.id }), 'FORBIDDEN');
    expect((await t.as(cast.director)('loans.approve', { id: loan.id })).approvedBy).toBe(cast.director);
  });

  it('R-LEN-3 only a supervisor issues and takes back; missing pages are recorded and raise a follow-up', async () => {
    const loan = await request(cast.agent, await archive({ pages: [10, 5] }));
    await approve(loan.id);
    await expectError(t.as(cast.agent)('loans.issue', { id: loan.id }), 'FORBIDDEN');
    await expectError(t.as(cast.manager)('loans.issue', { id: loan.id }), 'FORBIDDEN');
    const out = await issue(loan.id);
    expect(out.pagesOut).toBe(15);
    await expectError(t.as(cast.supervisor)('loans.return', { id: loan.id, pagesReturned: 16 }), 'VALIDATION', 'pagesReturned');
    const back = await t.as(cast.supervisor)('loans.return', { id: loan.id, pagesReturned: 13, note: '缺两页' });
    expect(back.missingPages).toBe(2);
    const events = await t.sql<{ payload: { loanId: number; missingPages: number } }>(`select payload from outbox where event = 'loan.pages_missing'`);
    expect(events.map((e) => e.payload)).toContainEqual(expect.objectContaining({ loanId: loan.id, missingPages: 2 }));
  });

  it('R-LEN-5 take-out needs the setting and is never allowed for a confidential archive', async () => {
    await expectError(request(cast.agent, await archive({ confidential: true }), 'take_out'), 'VALIDATION', 'place');
    await t.as(cast.admin)('settings.update', { patch: { loans: { takeOutAllowed: false } } });
    try {
      await expectError(request(cast.agent, await archive(), 'take_out'), 'VALIDATION', 'place');
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { loans: { takeOutAllowed: true } } });
    }
  });

  it('R-LEN-6 a vacated archive can be lent, and every loan shows in the customer history', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '9F-999', name: '已退租公司' });
    await t.as(cast.supervisor)('customers.vacate', { id: c.id });
    const loan = await request(cast.agent, c.archiveId);
    await approve(loan.id);
    expect((await issue(loan.id)).state).toBe('issued');
    const history = await t.as(cast.agent)('customers.history', { id: c.id });
    expect(history).toContainEqual(expect.objectContaining({ type: 'loan', refId: loan.id, state: 'issued' }));
    expect((await t.as(cast.agent)('customers.get', { id: c.id })).loans.map((l: { id: number }) => l.id)).toEqual([loan.id]);
  });

  it('S-LEN-4 R-LEN-8 a hold waits while the archive is out, blocks renewal, and is offered on return', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const a = await archive();
    const first = await request(cast.agent, a, 'take_out');
    await approve(first.id);
    await issue(first.id);
    const second = await request(cast.agent2, a);
    const held = await approve(second.id);
    expect(held).toMatchObject({ state: 'approved', hold: true, queuePosition: 1 });
    await expectError(issue(second.id), 'CONFLICT');
    await expectError(t.as(cast.supervisor)('loans.renew', { id: first.id }), 'CONFLICT');
    const back = await t.as(cast.supervisor)('loans.return', { id: first.id, pagesReturned: 0 });
    expect(back.offeredLoanId).toBe(second.id);
    const offered = (await t.as(cast.agent)('loans.list', { archiveId: a })).items.find((l: { id: number }) => l.id === second.id);
    expect(offered).toMatchObject({ state: 'approved', hold: false, queuePosition: 1 });
    const events = await t.sql<{ payload: { loanId: number } }>(`select payload from outbox where event = 'loan.hold_offered'`);
    expect(events.map((e) => e.payload.loanId)).toContain(second.id);
    expect((await issue(second.id)).state).toBe('issued');
  });

  it('R-LEN-8 a take-out loan renews up to loans.maxRenewals working-day periods; in-office loans do not renew', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const loan = await request(cast.agent, await archive(), 'take_out');
    await approve(loan.id);
    const out = await issue(loan.id);
    expect(out.dueAt).toBe('2026-10-15T17:30:00+08:00');
    const renewed = await t.as(cast.supervisor)('loans.renew', { id: loan.id });
    expect(renewed).toMatchObject({ renewals: 1, dueAt: '2026-10-20T17:30:00+08:00' });
    await expectError(t.as(cast.supervisor)('loans.renew', { id: loan.id }), 'STATE');
    const inOffice = await request(cast.agent, await archive());
    await approve(inOffice.id);
    await issue(inOffice.id);
    await expectError(t.as(cast.supervisor)('loans.renew', { id: inOffice.id }), 'STATE');
  });

  it('R-LEN-1 every illegal step is a STATE error and changes nothing', async () => {
    t.setNow('2026-10-13T09:00:00+08:00');
    const make = async (state: string): Promise<number> => {
      const loan = await request(cast.agent, await archive(), 'take_out');
      if (state === 'requested') return loan.id;
      if (state === 'rejected') return (await t.as(cast.manager)('loans.reject', { id: loan.id, reason: '无必要' })).id;
      if (state === 'cancelled') return (await t.as(cast.agent)('loans.cancel', { id: loan.id })).id;
      await approve(loan.id);
      if (state === 'approved') return loan.id;
      await issue(loan.id);
      if (state === 'issued') return loan.id;
      return (await t.as(cast.supervisor)('loans.return', { id: loan.id, pagesReturned: 0 })).id;
    };
    const steps: Record<string, [number, string, Record<string, unknown>]> = {
      approve: [cast.manager, 'loans.approve', {}],
      reject: [cast.manager, 'loans.reject', { reason: 'x' }],
      cancel: [cast.manager, 'loans.cancel', {}],
      issue: [cast.supervisor, 'loans.issue', {}],
      return: [cast.supervisor, 'loans.return', { pagesReturned: 0 }],
      renew: [cast.supervisor, 'loans.renew', {}],
    };
    const allowed: Record<string, string[]> = {
      requested: ['approve', 'reject', 'cancel'],
      approved: ['cancel', 'issue'],
      rejected: [],
      issued: ['return', 'renew'],
      returned: [],
      cancelled: [],
    };
    for (const [state, ok] of Object.entries(allowed)) {
      const loanId = await make(state);
      const before = await loanRow(loanId);
      for (const [step, [actor, op, extra]] of Object.entries(steps)) {
        if (ok.includes(step)) continue;
        await expectError(t.as(actor)(op, { id: loanId, ...extra }), 'STATE');
        expect(await loanRow(loanId), `${step} from ${state}`).toEqual(before);
      }
    }
  });

  it('R-LEN-1 a cancelled request is only cancelled by its requester or a manager', async () => {
    const loan = await request(cast.agent, await archive());
    await expectError(t.as(cast.agent2)('loans.cancel', { id: loan.id }), 'FORBIDDEN');
    expect((await t.as(cast.agent)('loans.cancel', { id: loan.id })).cancelledBy).toBe(cast.agent);
  });

  it('R-LEN-7 the monthly register lists loans handed out with totals; every change is audited', async () => {
    const reg = await t.as(cast.agent)('loans.register', { month: '2026-10' });
    expect(reg.totals.issued).toBe(reg.rows.length);
    expect(reg.totals.returnedLate).toBeGreaterThanOrEqual(1);
    expect(reg.totals.missingPages).toBeGreaterThanOrEqual(2);
    const audits = await t.sql<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'loan' and action = 'issue' and before is not null and after is not null`);
    expect(audits[0]!.n).toBeGreaterThan(3);
    const page1 = await t.as(cast.agent)('loans.list', { limit: 2 });
    const page2 = await t.as(cast.agent)('loans.list', { limit: 2, cursor: page1.nextCursor });
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
  });
});
