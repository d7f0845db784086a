import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

describe('one archive out at a time', () => {
  it('R-LEN-4 50 concurrent issues of one archive: exactly one succeeds, 49 are CONFLICT', async () => {
    t.setNow('2026-10-09T10:00:00+08:00');
    const c = await t.as(cast.agent)('customers.create', { unit: '12F-1203', name: '华润置业有限公司' });
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) {
      const loan = await t.as(i % 2 ? cast.agent : cast.agent2)('loans.request', { archiveId: c.archiveId, purpose: `查阅 ${i}` });
      await t.as(cast.manager)('loans.approve', { id: loan.id });
      ids.push(loan.id);
    }
    const results = await Promise.allSettled(ids.map((id) => t.as(cast.supervisor)('loans.issue', { id })));
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as { code: string }).code));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(49);
    const [{ n }] = (await t.sql<{ n: number }>(`select count(*)::int as n from loans where archive_id = $1 and state = 'issued'`, [c.archiveId])) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('R-LEN-4 the database itself refuses a second issued loan for an archive', async () => {
    const [waiting] = await t.sql<{ id: number }>(`select id from loans where state = 'approved' limit 1`);
    await expect(t.sql(`update loans set state = 'issued' where id = $1`, [waiting!.id])).rejects.toThrow(/loans_one_out_per_archive/);
    await expectError(t.as(cast.supervisor)('loans.issue', { id: waiting!.id }), 'CONFLICT');
  });
});
