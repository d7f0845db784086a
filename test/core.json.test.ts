import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatInstant, resultJson, toJson } from '../plugin/core/json.js';

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

  it('toJson gives what a JSON text round trip gives, Dates as zoned text (fast-check)', () => {
    const viaText = (v: unknown, zone: string) =>
      JSON.parse(
        JSON.stringify(v, function (this: Record<string, unknown>, key: string, x: unknown) {
          const original = this[key];
          return original instanceof Date ? formatInstant(original, zone) : x;
        }) ?? 'null',
      );
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, undefined, Number.NaN, Infinity, -0),
        fc.string(),
        fc.double(),
        fc.boolean(),
        fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }),
        fc.array(tie('any')),
        fc.dictionary(fc.string(), tie('any')),
      ),
    })).any;
    fc.assert(
      fc.property(value, fc.constantFrom(...zones), (v, zone) => {
        expect(toJson(v, zone)).toEqual(viaText(v, zone));
      }),
      { numRuns: 2000 },
    );
  });

  it('toJson turns nested Dates into zoned text and drops undefined', () => {
    const at = new Date('2026-10-09T08:00:00Z');
    expect(toJson({ a: at, list: [{ b: at }], gone: undefined }, 'Asia/Shanghai')).toEqual({
      a: '2026-10-09T16:00:00+08:00',
      list: [{ b: '2026-10-09T16:00:00+08:00' }],
    });
  });

  it('resultJson hands a value that is JSON already on as it is, and copies one that is not exactly as toJson does (fast-check)', () => {
    // A JSON text round trip, so that -0 (which JSON writes 0) is not among them.
    const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    fc.assert(
      fc.property(json, (v) => {
        expect(resultJson(v, 'Asia/Shanghai')).toBe(v);
      }),
      { numRuns: 1000 },
    );
    const at = new Date('2026-10-09T08:00:00Z');
    for (const v of [{ a: 1, at }, [1, undefined], { n: Number.NaN }, { z: -0 }, { deep: { list: [at] } }, undefined]) {
      const out = resultJson(v, 'Asia/Shanghai');
      expect(out).not.toBe(v);
      expect(out).toEqual(toJson(v, 'Asia/Shanghai'));
    }
  });
});
