// Issue 17: a page read with OpContext.sqlForOutput gets its instants as text straight from PostgreSQL's text form,
// with no Date in between (plugin/core/instant-text.ts). A user must not be able to tell: the text is what the Date
// path writes (core/json.ts, formatInstant), whatever the session's time zone makes PostgreSQL write.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantsAsText } from '../plugin/core/instant-text.js';
import { OID } from '../plugin/db/type-parsers.js';
import { formatInstant } from '../plugin/core/json.js';
import { testDb, type TestDb } from './support/db.js';

// Offsets of whole hours, half and three-quarter hours, negative ones, DST, and the zones Luxon writes as "Z".
const zones = ['Asia/Shanghai', 'UTC', 'Etc/UTC', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Europe/London', 'America/Santiago'];

describe('issue 17 instants read as text', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await testDb();
  });
  afterAll(() => t.close());

  it('R-TIC-5 equal what the Date path writes, for microsecond instants from 1950 to 2100 in any data source zone and session time zone (fast-check)', async () => {
    // µs since 1970; from 1950, as zones before standard time had offsets in seconds, which pg's Date parser cannot read.
    const instant = fc.bigInt({ min: -631_152_000_000_000n, max: 4_133_980_799_999_999n });
    await fc.assert(
      fc.asyncProperty(fc.array(instant, { minLength: 1, maxLength: 20 }), fc.constantFrom(...zones), fc.constantFrom(...zones), async (micros, zone, session) => {
        const text = micros.map(String).join(',');
        const sql = `select to_timestamp(u / 1e6) as at from unnest('{${text}}'::numeric[]) with ordinality as x(u, n) order by n`;
        const [asDates, asText] = await t.db.transaction(async (tx) => {
          await tx.exec(`set local timezone = '${session}'`);
          return [await tx.query<{ at: Date }>(sql), await tx.query<{ at: string }>(sql, [], instantsAsText(zone))];
        });
        expect(asText.map((r) => r.at)).toEqual(asDates.map((r) => formatInstant(r.at, zone)));
      }),
      { numRuns: 60 },
    );
  });

  it('infinity reads as null, as the Date path’s Infinity leaves a result', async () => {
    const rows = await t.db.transaction((tx) =>
      tx.query<{ a: string | null; b: string | null }>(`select 'infinity'::timestamptz as a, '-infinity'::timestamptz as b`, [], instantsAsText('Asia/Shanghai')),
    );
    expect(rows).toEqual([{ a: null, b: null }]);
  });

  it('an offset in seconds (a zone before standard time, which pg’s Date parser cannot read) and a year before 100 are read in full', () => {
    const read = instantsAsText('UTC')[OID.TIMESTAMPTZ]!;
    expect(read('1900-01-01 08:05:43+08:05:43')).toBe('1900-01-01T00:00:00Z');
    expect(read('1900-01-01 00:00:00.5-00:01:15')).toBe('1900-01-01T00:01:15.500Z');
    expect(read('0050-03-01 12:00:00+00')).toBe('0050-03-01T12:00:00Z');
  });
});
