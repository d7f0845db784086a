import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

describe('runner', () => {
  it('R-ACT-1 the first staff member on an empty database becomes admin, later anonymous calls are refused', async () => {
    const [first] = await t.sql<{ roles: string[] }>('select roles from staff order by id limit 1');
    expect(first?.roles).toContain('admin');
    await expectError(t.run({ kind: 'anonymous' }, 'staff.upsert', { name: 'Mallory', roles: ['admin'] }), 'FORBIDDEN');
    const [{ n }] = (await t.sql<{ n: number }>(`select count(*) as n from staff where name = 'Mallory'`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('R-ACT-2 an agent cannot change settings, and nothing changes', async () => {
    const before = await t.as(cast.agent)('settings.get');
    await expectError(t.as(cast.agent)('settings.update', { patch: { sla: { acknowledgeHours: 1 } } }), 'FORBIDDEN');
    expect(await t.as(cast.agent)('settings.get')).toEqual(before);
  });

  it('R-ACT-1 a ToolJet user id maps to its staff row; an unknown one is refused with a hint', async () => {
    const info = await t.run({ kind: 'tooljet', userId: 'tj-manager', trustActorField: false }, 'system.info', {});
    expect(info.actor.name).toBe('李强');
    await expectError(t.run({ kind: 'tooljet', userId: 'nobody', trustActorField: false }, 'staff.list', {}), 'FORBIDDEN');
  });

  it('R-ACT-1 the actor field is honoured only when the data source trusts it', async () => {
    const trusted = await t.run({ kind: 'tooljet', actorField: String(cast.director), trustActorField: true }, 'system.info', {});
    expect(trusted.actor.name).toBe('赵刚');
    const untrusted = await t.run({ kind: 'tooljet', actorField: String(cast.director), trustActorField: false }, 'system.info', {});
    expect(untrusted.actor).toBeNull();
  });

  it('R-ACT-3 every write leaves an audit row, and the database refuses to change the audit log', async () => {
    const before = (await t.sql<{ n: number }>('select count(*) as n from audit_log'))[0]!.n;
    await t.as(cast.admin)('departments.upsert', { code: 'cleaning', name: '保洁部 Cleaning', kind: 'cleaning' });
    const after = (await t.sql<{ n: number }>('select count(*) as n from audit_log'))[0]!.n;
    expect(after).toBe(before + 1);
    await expect(t.sql('update audit_log set operation = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(t.sql('delete from audit_log')).rejects.toThrow(/append-only/);
  });

  it('rejects bad input with a VALIDATION error naming the field, and unknown fields', async () => {
    await expectError(t.as(cast.admin)('departments.upsert', { code: 'Bad Code!', name: 'x' }), 'VALIDATION', 'code');
    await expectError(t.unchecked(cast.admin)('departments.upsert', { code: 'ok', name: 'x', colour: 'red' }), 'VALIDATION', 'colour');
    await expectError(t.as(cast.admin)('settings.update', { patch: { sla: { acknowledgeHours: -1 } } }), 'VALIDATION', 'patch.sla.acknowledgeHours');
  });

  it('R-ACT-1 a bad input is reported as such whoever sends it — an unknown ToolJet user, an agent without the role — and nothing is written', async () => {
    // The runner looks the actor up while it parses the input; the input's error still comes first, as it names what to fix.
    const before = (await t.sql<{ n: number }>('select count(*) as n from departments'))[0]!.n;
    await expectError(t.run({ kind: 'tooljet', userId: 'nobody', trustActorField: false }, 'departments.upsert', { code: 'Bad Code!', name: 'x' }), 'VALIDATION', 'code');
    await expectError(t.as(cast.agent)('departments.upsert', { code: 'Bad Code!', name: 'x' }), 'VALIDATION', 'code');
    await expectError(t.as(cast.agent)('departments.upsert', { code: 'ok_code', name: 'x' }), 'FORBIDDEN');
    expect((await t.sql<{ n: number }>('select count(*) as n from departments'))[0]!.n).toBe(before);
  });

  it('coerces ToolJet literals: "true" → true, "" → not given, JSON text → array', async () => {
    const all = await t.unchecked(cast.agent)('departments.list', { includeInactive: 'true' });
    expect(all.length).toBeGreaterThan(0);
    const staff = await t.unchecked(cast.agent)('staff.list', { role: '', includeInactive: 'false' });
    expect(staff.length).toBeGreaterThan(5);
    const days = await t.unchecked(cast.admin)('calendar.setDays', { days: '[{"date":"2027-01-01","kind":"holiday","name":"元旦"}]' });
    expect(days).toEqual([{ date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
  });

  it('§7 calendar.setDays refuses a date given twice, naming days, and changes nothing', async () => {
    const twice = [
      { date: '2027-02-01', kind: 'holiday' },
      { date: '2027-02-01', kind: 'workday' },
    ];
    await expectError(t.unchecked(cast.admin)('calendar.setDays', { days: twice }), 'VALIDATION', 'days');
    expect(await t.sql(`select 1 from calendar_days where day = '2027-02-01'`)).toEqual([]);
  });

  it('settings.update merges a partial patch and keeps the other defaults', async () => {
    const s = await t.as(cast.admin)('settings.update', { patch: { sla: { replyHours: { critical: 8 } } } });
    expect(s.sla.replyHours).toEqual({ critical: 8, urgent: 15, normal: 24 });
    expect(s.sla.acknowledgeHours).toBe(2);
    await t.as(cast.admin)('settings.update', { patch: { sla: { replyHours: { critical: 10 } } } });
  });

  it('an unknown operation is a VALIDATION error naming the operation field', async () => {
    await expectError(t.unchecked(cast.admin)('nope.nothing', {}), 'VALIDATION', 'operation');
  });
});
