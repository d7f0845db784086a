// R-DAY-1 late entry on loans: the keeper records an issue or return after the fact; due times and
// lateness follow when it happened, and the audit keeps when it was entered.
import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import { seedScenarioCalendar, type Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
let archiveId: number;
useDesk(async (d) => {
  ({ t, cast } = d);
  await seedScenarioCalendar(t, cast.admin);
  t.setNow('2026-10-09T09:00:00+08:00');
  const customer = await t.as(cast.agent)('customers.create', { unit: '11F-1101', name: '补录测试公司' });
  archiveId = customer.archiveId;
});

const loanRow = async (id: number) => (await t.sql('select * from loans where id = $1', [id]))[0];

describe('R-DAY-1 late entry on loans', () => {
  it('R-DAY-1 an in-office loan issued at 16:00 and returned at 17:20, both entered later, is due 17:30 and not late', async () => {
    t.setNow('2026-10-09T15:00:00+08:00');
    const loan = await t.as(cast.agent)('loans.request', { archiveId, purpose: '核对租约', occurredAt: '2026-10-09 14:30' });
    expect(loan.requestedAt).toBe('2026-10-09T14:30:00+08:00');
    await t.as(cast.manager)('loans.approve', { id: loan.id, occurredAt: '2026-10-09 14:45' });
    t.setNow('2026-10-09T18:10:00+08:00');
    const out = await t.as(cast.supervisor)('loans.issue', { id: loan.id, occurredAt: '2026-10-09 16:00' });
    expect(out).toMatchObject({ issuedAt: '2026-10-09T16:00:00+08:00', dueAt: '2026-10-09T17:30:00+08:00' });
    const back = await t.as(cast.supervisor)('loans.return', { id: loan.id, pagesReturned: out.pagesOut ?? 0, occurredAt: '2026-10-09 17:20' });
    expect(back).toMatchObject({ state: 'returned', returnedAt: '2026-10-09T17:20:00+08:00', lateMinutes: 0, overdue: false });
    const [audit] = await t.sql<{ at: Date; occurred_at: Date; actor_id: number }>(`select at, occurred_at, actor_id from audit_log where entity = 'loan' and entity_id = $1 and action = 'return'`, [
      String(loan.id),
    ]);
    expect(audit).toEqual({ at: new Date('2026-10-09T10:10:00Z'), occurred_at: new Date('2026-10-09T09:20:00Z'), actor_id: cast.supervisor });
    expect((await loanRow(loan.id))!.last_event_at).toEqual(new Date('2026-10-09T09:20:00Z'));
  });

  it('R-DAY-1 a loan action in the future or before the loan’s previous action is a VALIDATION error; nothing changes', async () => {
    t.setNow('2026-10-12T10:00:00+08:00');
    const loan = await t.as(cast.agent)('loans.request', { archiveId, purpose: '复核', occurredAt: '2026-10-12 09:00' });
    const before = await loanRow(loan.id);
    const audits = async () => (await t.sql<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
    const count = await audits();
    await expectError(t.as(cast.manager)('loans.approve', { id: loan.id, occurredAt: '2026-10-12 10:05' }), 'VALIDATION', 'occurredAt');
    await expectError(t.as(cast.manager)('loans.approve', { id: loan.id, occurredAt: '2026-10-12 08:59' }), 'VALIDATION', 'occurredAt');
    await expectError(t.as(cast.manager)('loans.approve', { id: loan.id, occurredAt: '2026-10-01 09:00' }), 'VALIDATION', 'occurredAt');
    await expectError(t.as(cast.agent)('loans.request', { archiveId, purpose: '复核', occurredAt: '2026-10-13 09:00' }), 'VALIDATION', 'occurredAt');
    expect(await loanRow(loan.id)).toEqual(before);
    expect(await audits()).toBe(count);
    expect((await t.as(cast.manager)('loans.approve', { id: loan.id, occurredAt: '2026-10-12 09:00' })).approvedAt).toBe('2026-10-12T09:00:00+08:00');
    await t.as(cast.agent)('loans.cancel', { id: loan.id });
  });
});
