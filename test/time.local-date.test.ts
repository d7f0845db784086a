import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDate } from '../plugin/time/calendar.js';

const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];

describe('local dates (remembered per quarter hour, issue 17)', () => {
  it('R-TIC-2 equal Luxon’s local date for any instant and zone, across DST changes and midnights (fast-check)', () => {
    const instant = fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
      // close to local midnights and DST changes: whole quarter hours ± a minute
      fc.integer({ min: 0, max: 200_000 }).chain((q) => fc.integer({ min: -60_000, max: 60_000 }).map((d) => new Date(Date.UTC(2020, 0, 1) + q * 900_000 + d))),
    );
    fc.assert(
      fc.property(instant, fc.constantFrom(...zones), (t, zone) => {
        expect(localDate(zone, t)).toBe(DateTime.fromJSDate(t, { zone }).toISODate());
      }),
      { numRuns: 5000 },
    );
  });
});
