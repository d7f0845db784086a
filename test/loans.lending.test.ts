import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import { seedScenarioCalendar, type Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
let unitNo = 100;
useDesk(async (d) => {
  ({ t, cast } = d);
  await t.as(cast.admin)('settings.update', { patch: { loans: { takeOutAllowed: true } } });
  await seedScenarioCalendar(t, cast.admin);
});

/** A fresh customer's archive, optionally with documents of the given page counts. */
async function archive(opts: { confidential?: boolean; pages?: number[]; unit?: string } = {}): Promise<number> {
  const c = await t.as(cast.agent)('customers.create', { unit: opts.unit ?? `9F-${unitNo++}`, name: `测试公司${unitNo++}`, confidential: opts.confidential ?? false });
  for (const pages of opts.pages ?? []) {
    await t.as(cast.agent)('archives.addDocument', { archiveId: c.archiveId, kind: 'correspondence', title: '往来函', receivedOn: '2026-09-01', pages, original: true });
  }
  return c.archiveId;
}
const request = (by: number, archiveId: number, place: 'in_office' | 'take_out' = 'in_office') => t.as(by)('loans.request', { archiveId, purpose: '核对租约', place });
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
      expect(loan.borrowerName).toBe('王敏');
      await expectError(t.as(cast.supervisor)('loans.approve', { id: loan.id }), 'FORBIDDEN');
      expect((await loanRow(loan.id))?.state).toBe('requested');
      expect(await t.as(cast.manager)('loans.approve', { id: loan.id })).toMatchObject({ state: 'approved', approvedBy: cast.manager });
      expect((await t.sql<{ name: string }>('select name from staff where id = $1', [cast.manager]))[0]?.name).toBe('李强');
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

  it('R-LEN-5 an in-office loan handed out after office close is due at the close of the next working day', async () => {
    t.setNow('2026-10-09T18:00:00+08:00');
    const loan = await request(cast.agent, await archive());
    await approve(loan.id);
    expect((await issue(loan.id)).dueAt).toBe('2026-10-10T17:30:00+08:00'); // Saturday 10-10 is a make-up working day
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

  it('S-LEN-4 R-LEN-8 the archive of 12F-1203 is out to A; B waits as hold #1, blocks A’s renewal, and is offered the archive on A’s return', async () => {
    t.setNow('2026-10-12T09:00:00+08:00');
    const a = await archive({ unit: '12F-1203' });
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
        await expectError(t.unchecked(actor)(op, { id: loanId, ...extra }), 'STATE');
        expect(await loanRow(loanId), `${step} from ${state}`).toEqual(before);
      }
    }
  });

  it('R-LEN-1 a cancelled request is only cancelled by its requester or a manager', async () => {
    const loan = await request(cast.agent, await archive());
    await expectError(t.as(cast.agent2)('loans.cancel', { id: loan.id }), 'FORBIDDEN');
    expect((await t.as(cast.agent)('loans.cancel', { id: loan.id })).cancelledBy).toBe(cast.agent);
  });

  it('R-LEN-7 the monthly register lists the loans handed out in the month with exact totals; list filters by borrower, dates and state', async () => {
    // November 2026 is used by no other test here: three loans handed out, one before the month begins.
    const lend = async (by: number, requestedAt: string, issuedAt: string) => {
      t.setNow(requestedAt);
      const loan = await request(by, await archive({ pages: [10] }));
      await approve(loan.id);
      t.setNow(issuedAt);
      await issue(loan.id);
      return loan.id as number;
    };
    const october = await lend(cast.agent, '2026-10-30T09:00:00+08:00', '2026-10-30T10:00:00+08:00');
    const onTime = await lend(cast.agent, '2026-11-02T09:00:00+08:00', '2026-11-02T10:00:00+08:00');
    t.setNow('2026-11-02T11:00:00+08:00');
    await t.as(cast.supervisor)('loans.return', { id: onTime, pagesReturned: 10 });
    const late = await lend(cast.agent2, '2026-11-03T09:00:00+08:00', '2026-11-03T16:00:00+08:00');
    t.setNow('2026-11-03T18:00:00+08:00');
    await t.as(cast.supervisor)('loans.return', { id: late, pagesReturned: 8, note: '缺两页' });
    const out = await lend(cast.agent2, '2026-11-04T09:00:00+08:00', '2026-11-04T10:00:00+08:00');
    await t.as(cast.supervisor)('loans.return', { id: october, pagesReturned: 10 });

    t.setNow('2026-11-05T09:00:00+08:00');
    const reg = await t.as(cast.agent)('loans.register', { month: '2026-11' });
    expect(reg.rows.map((l: { id: number }) => l.id)).toEqual([onTime, late, out]);
    expect(reg.totals).toEqual({ issued: 3, returned: 2, returnedLate: 1, out: 1, overdue: 1, withMissingPages: 1, missingPages: 2 });
    expect(reg.rows[1]).toMatchObject({ lateMinutes: 30, missingPages: 2, returnNote: '缺两页' });
    expect((await t.as(cast.agent)('loans.register', { month: '2026-12' })).totals.issued).toBe(0);

    const ids = async (filter: Record<string, unknown>) => (await t.as(cast.agent)('loans.list', filter)).items.map((l: { id: number }) => l.id);
    expect(await ids({ from: '2026-11-01', to: '2026-11-30' })).toEqual([out, late, onTime]);
    expect(await ids({ from: '2026-11-01', borrowerId: cast.agent2 })).toEqual([out, late]);
    expect(await ids({ from: '2026-11-03', to: '2026-11-03' })).toEqual([late]);
    expect(await ids({ from: '2026-10-30', state: 'returned' })).toEqual([late, onTime, october]);
    expect(await ids({ from: '2026-10-30', overdue: true })).toEqual([out]);
    const page1 = await t.as(cast.agent)('loans.list', { from: '2026-10-30', limit: 2 });
    const page2 = await t.as(cast.agent)('loans.list', { from: '2026-10-30', limit: 2, cursor: page1.nextCursor ?? undefined });
    expect([...page1.items, ...page2.items].map((l: { id: number }) => l.id)).toEqual([out, late, onTime, october]);
    expect(page2.nextCursor).toBeNull();
  });

  it('R-ACT-3 every loan step is audited with before and after', async () => {
    const audits = await t.sql<{ action: string }>(`select distinct action from audit_log where entity = 'loan' and after is not null`);
    expect(audits.map((a) => a.action).sort()).toEqual(['approve', 'cancel', 'issue', 'reject', 'renew', 'request', 'return']);
  });
});
