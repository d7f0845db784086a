import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { execute } from '../plugin/core/runner.js';
import { indexes, recording, rowsRead, type PlanNode } from './support/plans.js';

// R-TIC-5: tickets.dueSoon lists running clocks due soon, late ones first, 500 at most. A desk with years of
// history has many more late clocks than that; the page must be read in order and stop, not sorted each call.
const rows = 50_000;
let t: TestDb;
let cast: Cast;
useDesk(async (desk) => {
  ({ t, cast } = desk);
  t.setNow('2026-10-09T10:00:00+08:00');
  await t.db.transaction(async (tx) => {
    // session_replication_role = replica skips the foreign-key triggers: the owner and tickets exist by construction.
    await tx.exec('set local statement_timeout = 0; set local session_replication_role = replica');
    await tx.query(
      `insert into tickets (number, year, kind, channel, unit, matter, first_owner_id, opened_at)
       select '26' || lpad(g::text, 7, '0'), 2026, 'repair', 'phone', (2 + g % 29) || 'F-' || (1000 + g % 5000), 'matter ' || g, $2::bigint,
              timestamptz '2026-01-01 09:00+08' + g * interval '7 minutes'
         from generate_series(1, $1::int) g`,
      [rows, cast.agent],
    );
    // Two running clocks a ticket, most of them long past due (nobody met them), as in a desk's backlog.
    await tx.query(
      `insert into ticket_clocks (ticket_id, clock, basis, started_at, due_at)
       select t.id, c.clock, 'elapsed', t.opened_at, t.opened_at + c.budget
         from tickets t, (values ('acknowledge', interval '2 hours'), ('repair', interval '3 days')) c(clock, budget)`,
    );
  });
  await t.db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze tickets; analyze ticket_clocks'));
});

describe('tickets.dueSoon at scale', () => {
  it(`R-TIC-5 the page of running clocks is read in the index's order and stops at 500 among ${2 * rows} clocks`, async () => {
    const noted = recording(t.db);
    const due = await execute<{ id: number; dueAt: string; overdue: boolean }[]>({ ...t.env, db: noted.db }, 'tickets.dueSoon', { withinHours: 4 }, { kind: 'staff', staffId: cast.agent });
    expect(due).toHaveLength(500);
    const times = due.map((d) => new Date(d.dueAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [statement] = noted.statements.filter((s) => /from ticket_clocks c\b/.test(s.text));
    const [explained] = await t.sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, buffers, format json) ${statement!.text}`, [...statement!.values]);
    const plan = explained!['QUERY PLAN'][0].Plan;
    const text = JSON.stringify(plan);
    // Sorted by (due, ticket, clock) in ticket_clocks_due (migration 016): no sort of every clock due by then, and
    // one ticket read per row of the page.
    expect(text, text).not.toMatch(/"Node Type":"(Sort|Incremental Sort|Gather Merge)"/);
    expect(indexes(plan), text).toContain('ticket_clocks_due');
    expect(rowsRead(plan, 'ticket_clocks'), text).toBeLessThanOrEqual(500);
    expect(rowsRead(plan, 'tickets'), text).toBeLessThanOrEqual(500);
  }, 120_000);
});
