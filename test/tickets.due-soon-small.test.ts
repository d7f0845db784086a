import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { execute } from '../plugin/core/runner.js';
import { recording, rowsRead, seqScans, type PlanNode } from './support/plans.js';

// R-TIC-5 on a young desk: 10,000 tickets, a tenth of them with a clock running late. With that many clocks due
// the planner joined them to a hash of every ticket of the site and sorted the result (8 ms against 1 ms for the
// page read in order, the bench's 10k schema at 20:40 UTC on 2026-11-29).
const rows = 10_000;
let t: TestDb;
let cast: Cast;
useDesk(async (desk) => {
  ({ t, cast } = desk);
  t.setNow('2026-10-09T10:00:00+08:00');
  await t.db.transaction(async (tx) => {
    await tx.exec('set local statement_timeout = 0; set local session_replication_role = replica');
    await tx.query(
      `insert into tickets (number, year, kind, channel, unit, matter, first_owner_id, opened_at)
       select '26' || lpad(g::text, 7, '0'), 2026, 'repair', 'phone', (2 + g % 29) || 'F-' || (1000 + g % 5000), 'matter ' || g, $2::bigint,
              timestamptz '2026-10-09 10:00+08' - g * interval '40 minutes'
         from generate_series(1, $1::int) g`,
      [rows, cast.agent],
    );
    // Every ticket's acknowledge clock: met, but for the thousand newest, which run late or come due within hours.
    await tx.query(
      `insert into ticket_clocks (ticket_id, clock, basis, started_at, due_at, met_at)
       select t.id, 'acknowledge', 'elapsed', t.opened_at, t.opened_at + interval '2 days',
              case when t.opened_at < timestamptz '2026-10-09 10:00+08' - interval '40000 minutes' then t.opened_at + interval '1 hour' end
         from tickets t`,
    );
  });
  await t.db.transaction((tx) => tx.exec('set local statement_timeout = 0; analyze tickets; analyze ticket_clocks'));
});

describe('tickets.dueSoon on a young desk', () => {
  it(`R-TIC-5 with a tenth of ${rows} tickets late, the page still reads each ticket by its key in the clocks' order`, async () => {
    const noted = recording(t.db);
    const due = await execute<{ id: number; dueAt: string }[]>({ ...t.env, db: noted.db }, 'tickets.dueSoon', { withinHours: 4 }, { kind: 'staff', staffId: cast.agent });
    expect(due).toHaveLength(500);
    const times = due.map((d) => new Date(d.dueAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const [statement] = noted.statements.filter((s) => /from ticket_clocks c\b/.test(s.text));
    const [explained] = await t.sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (analyze, format json) ${statement!.text}`, [...statement!.values]);
    const plan = explained!['QUERY PLAN'][0].Plan;
    const text = JSON.stringify(plan);
    expect(seqScans(plan), text).not.toContain('tickets');
    expect(text, text).not.toMatch(/"Node Type":"(Sort|Hash Join)"/);
    expect(rowsRead(plan, 'tickets'), text).toBeLessThanOrEqual(500);
  }, 120_000);
});
