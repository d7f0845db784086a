// Issue 17: the plugin sends a statement without waiting for the previous one's answer — BEGIN and the actor
// lookup, a ticket's six reads (plugin/db/pg.ts, pipeline mode). node-postgres supports that only in pipeline mode;
// otherwise it queues the statement itself, which pg 8 marks deprecated (and pg 9 removes) with a
// DeprecationWarning that would land in ToolJet's server log on its first query.
import { afterAll, describe, expect, it } from 'vitest';
import { onRealPostgres } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { TestDb } from './support/db.js';
import type { Cast } from './support/staff.js';
import { openTicket } from './tickets.fixtures.js';

// Listening before the desk is seeded: a deprecation is reported once per process, on its first occurrence.
const warnings: Error[] = [];
const onWarning = (w: Error) => void warnings.push(w);
process.on('warning', onWarning);
afterAll(() => void process.off('warning', onWarning));

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

describe.skipIf(!onRealPostgres)('issue 17 statements pipelined on PostgreSQL', () => {
  it('R-TIC-1 opening, reading and searching tickets leaves no driver warning in the host’s log', async () => {
    const ticket = await openTicket(t, cast);
    const read = await t.as(cast.agent)('tickets.get', { id: ticket.id });
    expect(read.number).toBe(ticket.number);
    const page = await t.as(cast.agent)('tickets.search', { limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    // process.emitWarning is delivered on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });
});
