import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { seedTickets } from '../plugin/seed/tickets.js';
import { seededRandom } from '../plugin/seed/random.js';
import { ticketStates } from '../plugin/areas/tickets/model.js';

let t: TestDb;
let cast: Cast;
useDesk((d) => ({ t, cast } = d));

describe('demo tickets', () => {
  it('seedTickets drives a year of tickets through the operations into every state, with callbacks, a transfer and an extension', async () => {
    await seedTickets(
      {
        as: t.as,
        setNow: (at) => t.setNow(at ? at.toISOString() : null),
        random: seededRandom(7),
        progress: () => undefined,
        staff: {
          admin: cast.admin,
          agents: [cast.agent, cast.agent2],
          supervisors: [cast.supervisor],
          managers: [cast.manager],
          directors: [cast.director],
          heads: { engineering: cast.engineeringHead, security: cast.securityHead },
          departments: { engineering: [cast.engineeringHead, cast.engineer], security: [cast.securityHead] },
        },
        made: { customerIds: [], units: [], archiveIds: [] },
      },
      90,
    );
    const states = await t.sql<{ state: string }>('select distinct state from tickets order by state');
    expect(states.map((r) => r.state)).toEqual([...ticketStates].sort());
    const [facts] = await t.sql<Record<string, number>>(`select
      (select count(*)::int from ticket_callbacks where outcome is not null) as callbacks,
      (select count(*)::int from ticket_transfers where accepted_at is not null) as transfers,
      (select count(*)::int from ticket_clocks where extended) as extensions,
      (select count(*)::int from tickets where malicious) as malicious,
      (select count(*)::int from ticket_callbacks where outcome = 'dissatisfied') as dissatisfied,
      (select count(distinct to_char(opened_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int from tickets) as months`);
    expect(facts).toMatchObject({ transfers: 1, extensions: 1, malicious: 1 });
    expect(facts!.callbacks).toBeGreaterThan(5);
    expect(facts!.dissatisfied).toBeGreaterThan(0);
    expect(facts!.months).toBeGreaterThanOrEqual(12);
  }, 120_000);
});
