import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant, toJson } from '../plugin/core/json.js';

const zones = ['Asia/Shanghai', 'UTC', 'Etc/UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe'];

describe('instants in results', () => {
  it('are written exactly as Luxon writes them in the zone, across offsets and DST changes (fast-check)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.constantFrom(...zones), (d, zone) => {
        expect(formatInstant(d, zone)).toBe(DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }));
      }),
      { numRuns: 3000 },
    );
  });

  it('toJson turns nested Dates into zoned text and drops undefined', () => {
    const at = new Date('2026-10-09T08:00:00Z');
    expect(toJson({ a: at, list: [{ b: at }], gone: undefined }, 'Asia/Shanghai')).toEqual({
      a: '2026-10-09T16:00:00+08:00',
      list: [{ b: '2026-10-09T16:00:00+08:00' }],
    });
  });
});
