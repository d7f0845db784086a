import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { seedCustomers } from '../plugin/seed/customers.js';
import type { SeedContext } from '../plugin/seed/types.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

describe('demo customers', () => {
  it('seeds customers, documents, vacated archives and loans in every state through the operations', async () => {
    let x = 1;
    const s: SeedContext = {
      as: (id) => t.as(id),
      setNow: (at) => t.setNow(at ? at.toISOString() : null),
      random: () => ((x = (x * 16807) % 2147483647) - 1) / 2147483646,
      progress: () => undefined,
      staff: { admin: cast.admin, agents: [cast.agent, cast.agent2], supervisors: [cast.supervisor], managers: [cast.manager], directors: [cast.director], heads: {}, departments: {} },
      made: { customerIds: [], units: [], archiveIds: [] },
    };
    await seedCustomers(s);
    expect(s.made.customerIds.length).toBeGreaterThan(300);
    const states = (await t.sql<{ state: string }>('select distinct state from loans')).map((r) => r.state).sort();
    expect(states).toEqual(['approved', 'cancelled', 'issued', 'rejected', 'requested', 'returned']);
    expect((await t.as(cast.agent)('loans.list', { overdue: true })).items.length).toBeGreaterThan(0);
    const kinds = await t.sql<{ n: number }>('select count(distinct coalesce(subtype, kind))::int as n from archive_documents');
    expect(kinds[0]!.n).toBe(9);
    expect(await t.sql(`select 1 from customers where status = 'vacated'`)).not.toHaveLength(0);
    const [shape] = await t.sql<{ floors: number; reoccupied: number; confidential: number; renamed: number }>(
      `select (select count(distinct floor) from customers)::int as floors,
              (select count(*) from customers v join customers a on a.unit = v.unit and a.status = 'active' where v.status = 'vacated')::int as reoccupied,
              (select count(*) from customers where confidential)::int as confidential,
              (select count(*) from (select archive_id from archive_labels group by 1 having count(*) > 1) r)::int as renamed`,
    );
    expect(shape!.floors).toBeGreaterThanOrEqual(10);
    expect(shape!.reoccupied).toBeGreaterThan(0);
    expect(shape!.confidential).toBeGreaterThan(0);
    expect(shape!.renamed).toBeGreaterThan(0);
    expect((await t.sql<{ state: string }>('select distinct state from edit_requests order by 1')).map((r) => r.state)).toEqual(['approved', 'pending', 'rejected']);
    const held = await t.as(cast.agent)('loans.list', { state: 'approved', limit: 200 });
    expect(held.items.some((l: { hold: boolean }) => l.hold)).toBe(true);
    const renewed = await t.sql(`select 1 from loans where place = 'take_out' and renewals > 0 and state = 'issued'`);
    expect(renewed).toHaveLength(1);
  }, 240_000);
});
