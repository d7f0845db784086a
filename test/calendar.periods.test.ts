import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import { seedScenarioCalendar, type Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { openTicket } from './tickets.fixtures.js';

let t: TestDb;
let cast: Cast;
useDesk(async (d) => {
  ({ t, cast } = d);
  await seedScenarioCalendar(t, cast.admin);
});

const lunchBreak = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

describe('office hours in periods through the settings (R-DAY-9)', () => {
  it('R-DAY-9 an admin sets two periods a day; the calendar shows them with opening and close', async () => {
    const settings = await t.as(cast.admin)('settings.update', { patch: { office: { periods: lunchBreak, weekdays: { 5: [{ start: '08:30', end: '12:00' }] } } } });
    expect(settings.office).toMatchObject({ start: '08:30', end: '17:30', periods: lunchBreak });
    const calendar = await t.as(cast.agent)('calendar.get', { from: '2026-10-01', to: '2026-10-31' });
    expect(calendar).toMatchObject({ officeStart: '08:30', officeEnd: '17:30', periods: lunchBreak, weekdayPeriods: { 5: [{ start: '08:30', end: '12:00' }] } });
  });

  it('R-DAY-9 R-TIC-5 a working-time reply clock skips the lunch break: critical opened Mon 11:00 is due Tue 15:00', async () => {
    await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { reply: 'working' } } } });
    try {
      t.setNow('2026-09-28T11:00:00+08:00');
      const ticket = await openTicket(t, cast);
      const classified = await t.as(cast.supervisor)('tickets.classify', { id: ticket.id, category: 'service_quality', severity: 'critical' });
      // 1 h before lunch + 4 h in the afternoon on Monday, 3.5 h + 1.5 h on Tuesday.
      const reply = classified.clocks.find((c: { clock: string }) => c.clock === 'reply');
      expect(reply!.dueAt).toBe('2026-09-29T15:00:00+08:00');
      t.setNow('2026-09-28T13:30:00+08:00');
      const later = await t.as(cast.agent)('tickets.get', { id: ticket.id });
      expect(later.clocks.find((c) => c.clock === 'reply')!.remainingMs).toBe(9 * 3_600_000);
    } finally {
      await t.as(cast.admin)('settings.update', { patch: { sla: { basis: { reply: 'elapsed' } } } });
    }
  });

  it('R-DAY-9 overlapping periods are refused naming the field; nothing is saved', async () => {
    const before = await t.as(cast.admin)('settings.get', {});
    await expectError(
      t.as(cast.admin)('settings.update', {
        patch: {
          office: {
            periods: [
              { start: '08:30', end: '12:30' },
              { start: '12:00', end: '17:30' },
            ],
          },
        },
      }),
      'VALIDATION',
      'patch.office.periods',
    );
    await expectError(t.as(cast.admin)('settings.update', { patch: { office: { periods: [{ start: '12:00', end: '08:30' }] } } }), 'VALIDATION', 'patch.office.periods.0.end');
    expect(await t.as(cast.admin)('settings.get', {})).toEqual(before);
  });

  it('R-DAY-9 a start that contradicts the periods is refused with the fix; periods: null returns to start/end', async () => {
    await expectError(t.as(cast.admin)('settings.update', { patch: { office: { start: '09:00' } } }), 'VALIDATION', 'patch.office.start');
    const single = await t.as(cast.admin)('settings.update', { patch: { office: { periods: null, start: '09:00', end: '18:00', weekdays: {} } } });
    expect(single.office).toMatchObject({ start: '09:00', end: '18:00', periods: [{ start: '09:00', end: '18:00' }] });
  });
});
