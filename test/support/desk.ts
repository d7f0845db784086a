import { afterAll, beforeAll } from 'vitest';
import { testDb, type TestDb } from './db.js';
import { seedCast, seedScenarioCalendar, type Cast } from './staff.js';

export interface Desk {
  t: TestDb;
  cast: Cast;
}

/**
 * The usual test-file setup: a database of its own with the scenario cast, opened before the file's
 * tests (then `ready` runs, to keep the handles and add more setup) and closed after them.
 */
export function useDesk(ready: (desk: Desk) => unknown, options: Parameters<typeof testDb>[0] = {}): void {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await testDb(options);
    await ready({ t, cast: await seedCast(t) });
  });
  afterAll(() => t?.close());
}

/** The scenario's departments that tickets are dispatched to. */
export interface Ids {
  engineering: number;
  security: number;
}

export async function departmentIds(t: TestDb): Promise<Ids> {
  const rows = await t.sql<{ id: number; code: string }>('select id, code from departments');
  const id = (code: string) => rows.find((r) => r.code === code)!.id;
  return { engineering: id('engineering'), security: id('security') };
}

export interface TicketDesk extends Desk {
  ids: Ids;
}

/**
 * useDesk for the ticket, callback and incident tests: also the department ids and, with `calendar`, the
 * scenario's working calendar (office hours and holidays the SLA clocks count in).
 */
export function useTicketDesk(ready: (desk: TicketDesk) => unknown, options: { calendar?: boolean } = {}): void {
  useDesk(async (desk) => {
    const ids = await departmentIds(desk.t);
    if (options.calendar) await seedScenarioCalendar(desk.t, desk.cast.admin);
    await ready({ ...desk, ids });
  });
}
