import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';

let t: TestDb;
let cast: Cast;
let ids: Ids;
useTicketDesk((d) => ({ t, cast, ids } = d));

describe('incident actions entered after the fact (R-DAY-7 with R-DAY-1)', () => {
  it('R-DAY-7 R-DAY-1 a dispatch typed in at 10:00 that happened at 09:20 is dated 09:20 on every linked ticket; a future one changes nothing', async () => {
    t.setNow('2026-10-20T09:00:00+08:00');
    const lift = await t.as(cast.agent)('incidents.open', { title: '1号电梯停运 lift out of service' });
    const a = await openTicket(t, cast, { kind: 'repair', incidentId: lift.id });
    const b = await openTicket(t, cast, { kind: 'repair', incidentId: lift.id });
    t.setNow('2026-10-20T10:00:00+08:00');
    const dispatch = { id: lift.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2026-10-20T17:30' };
    await expectError(t.as(cast.supervisor)('incidents.dispatch', { ...dispatch, occurredAt: '2026-10-20 10:30' }), 'VALIDATION', 'occurredAt');
    const states = await t.sql<{ state: string }>('select state from tickets where id = any($1::bigint[])', [[a.id, b.id]]);
    expect(states.map((s) => s.state)).toEqual(['new', 'new']);
    await t.as(cast.supervisor)('incidents.dispatch', { ...dispatch, occurredAt: '2026-10-20 09:20' });
    for (const ticket of [a, b]) {
      const detail = await t.as(cast.agent)('tickets.get', { number: ticket.number });
      expect(detail.clocks.find((c) => c.clock === 'acknowledge')!.metAt).toBe('2026-10-20T09:20:00+08:00');
      expect(detail.state).toBe('assigned');
    }
  });
});
