import { describe, expect, it } from 'vitest';
import { rowsRead, seqScans } from './support/plans.js';
import { dueSoonPage, useTicketDesk } from './tickets.due-soon.fixtures.js';

// R-TIC-5 on a young desk: 10,000 tickets, a tenth of them with a clock running late. With that many clocks due
// the planner joined them to a hash of every ticket of the site and sorted the result (8 ms against 1 ms for the
// page read in order, the bench's 10k schema at 20:40 UTC on 2026-11-29).
const rows = 10_000;
// Every ticket's acknowledge clock: met, but for the thousand newest, which run late or come due within hours.
const desk = useTicketDesk(
  rows,
  `timestamptz '2026-10-09 10:00+08' - g * interval '40 minutes'`,
  `insert into ticket_clocks (ticket_id, clock, basis, started_at, due_at, met_at)
   select t.id, 'acknowledge', 'elapsed', t.opened_at, t.opened_at + interval '2 days',
          case when t.opened_at < timestamptz '2026-10-09 10:00+08' - interval '40000 minutes' then t.opened_at + interval '1 hour' end
     from tickets t`,
);

describe('tickets.dueSoon on a young desk', () => {
  it(`R-TIC-5 with a tenth of ${rows} tickets late, the page still reads each ticket by its key in the clocks' order`, async () => {
    const { due, plan, text } = await dueSoonPage(desk);
    expect(due).toHaveLength(500);
    expect(seqScans(plan), text).not.toContain('tickets');
    expect(text, text).not.toMatch(/"Node Type":"(Sort|Hash Join)"/);
    expect(rowsRead(plan, 'tickets'), text).toBeLessThanOrEqual(500);
  }, 120_000);
});
