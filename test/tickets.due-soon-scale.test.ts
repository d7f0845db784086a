import { describe, expect, it } from 'vitest';
import { indexes, rowsRead } from './support/plans.js';
import { dueSoonPage, useTicketDesk } from './tickets.due-soon.fixtures.js';

// R-TIC-5: tickets.dueSoon lists running clocks due soon, late ones first, 500 at most. A desk with years of
// history has many more late clocks than that; the page must be read in order and stop, not sorted each call.
const rows = 50_000;
// Two running clocks a ticket, most of them long past due (nobody met them), as in a desk's backlog.
const desk = useTicketDesk(
  rows,
  `timestamptz '2026-01-01 09:00+08' + g * interval '7 minutes'`,
  `insert into ticket_clocks (ticket_id, clock, basis, started_at, due_at)
   select t.id, c.clock, 'elapsed', t.opened_at, t.opened_at + c.budget
     from tickets t, (values ('acknowledge', interval '2 hours'), ('repair', interval '3 days')) c(clock, budget)`,
);

describe('tickets.dueSoon at scale', () => {
  it(`R-TIC-5 the page of running clocks is read in the index's order and stops at 500 among ${2 * rows} clocks`, async () => {
    const { due, plan, text } = await dueSoonPage(desk);
    expect(due).toHaveLength(500);
    // Sorted by (due, ticket, clock) in ticket_clocks_due (migration 016): no sort of every clock due by then, and
    // one ticket read per row of the page.
    expect(text, text).not.toMatch(/"Node Type":"(Sort|Incremental Sort|Gather Merge)"/);
    expect(indexes(plan), text).toContain('ticket_clocks_due');
    expect(rowsRead(plan, 'ticket_clocks'), text).toBeLessThanOrEqual(500);
    expect(rowsRead(plan, 'tickets'), text).toBeLessThanOrEqual(500);
  }, 120_000);
});
