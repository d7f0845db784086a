import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { seedTickets } from '../plugin/seed/tickets.js';
import { seededRandom } from '../plugin/seed/random.js';

let t: TestDb;
let cast: Cast;
beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
});
afterAll(() => t.close());

describe('demo tickets', () => {
  it('seedTickets drives tickets through the operations into many states, with callbacks, a transfer and an extension', async () => {
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
    const states = await t.sql<{ state: string }>('select distinct state from tickets');
    expect(states.length).toBeGreaterThanOrEqual(6);
    const [facts] = await t.sql<Record<string, number>>(`select
      (select count(*)::int from ticket_callbacks where outcome is not null) as callbacks,
      (select count(*)::int from ticket_transfers where accepted_at is not null) as transfers,
      (select count(*)::int from ticket_clocks where extended) as extensions,
      (select count(*)::int from tickets where malicious) as malicious`);
    expect(facts).toMatchObject({ transfers: 1, extensions: 1, malicious: 1 });
    expect(facts!.callbacks).toBeGreaterThan(5);
  }, 120_000);
});
