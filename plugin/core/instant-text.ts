import { OID } from '../db/type-parsers.js';
import type { ColumnParsers } from '../db/types.js';
import { formatMillis } from './json.js';

// A timestamptz as PostgreSQL writes it in text (ISO DateStyle, any session time zone: "2026-10-09 08:00:00.123456+00",
// "… 16:00:00+08", "… -03:30") straight to the form results carry (core/json.ts), with no Date in between: for rows
// that leave as they are read (OpContext.sqlForOutput). Digits past the millisecond are dropped, as a Date drops them.
const pattern = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

const digits = (t: string, i: number): number => (t.charCodeAt(i) - 48) * 10 + t.charCodeAt(i + 1) - 48;

/** The usual form read by character codes, without allocating: "YYYY-MM-DD HH:MM:SS[.f…]±HH[:MM[:SS]]". */
function parse(text: string, zone: string): string | null {
  const n = text.length;
  if (n < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return parseOther(text, zone);
  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    let k = 0;
    for (i++; i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57; i++, k++) if (k < 3) millis = millis * 10 + text.charCodeAt(i) - 48;
    for (; k < 3; k++) millis *= 10;
  }
  const sign = text.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || i + 3 > n) return parseOther(text, zone);
  let offset = digits(text, i + 1) * 3600;
  i += 3;
  if (i < n && text.charCodeAt(i) === 58) {
    offset += digits(text, i + 1) * 60;
    i += 3;
  }
  if (i < n && text.charCodeAt(i) === 58) {
    offset += digits(text, i + 1);
    i += 3;
  }
  if (i !== n) return parseOther(text, zone);
  const year = digits(text, 0) * 100 + digits(text, 2);
  if (year < 100) return parseOther(text, zone);
  const wall = Date.UTC(year, digits(text, 5) - 1, digits(text, 8), digits(text, 11), digits(text, 14), digits(text, 17), millis);
  return formatMillis(wall - (sign === 45 ? -offset : offset) * 1000, zone);
}

/** Any other form, by pattern: years before 100, and what PostgreSQL writes for infinity and BC. */
function parseOther(text: string, zone: string): string | null {
  const m = pattern.exec(text);
  // 'infinity' leaves as null, as the Date path's Infinity does; a BC instant cannot occur here and stays as written.
  if (!m) return /^-?infinity$/.test(text) ? null : text;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '', frac = '', sign, oh = '', om = '0', os = '0'] = m;
  const millis = frac === '' ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  // Date.UTC reads a two-digit year as 19xx; such years are set apart.
  const wall =
    Number(y) >= 100
      ? Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), millis)
      : new Date(0).setUTCFullYear(Number(y), Number(mo) - 1, Number(d)) + ((Number(h) * 60 + Number(mi)) * 60 + Number(s)) * 1000 + millis;
  const offset = ((Number(oh) * 60 + Number(om)) * 60 + Number(os)) * 1000;
  return formatMillis(wall - (sign === '-' ? -offset : offset), zone);
}

const byZone = new Map<string, ColumnParsers>();

/** The column parsers that read a statement's instants as text in `zone` (one set per zone, made once). */
export function instantsAsText(zone: string): ColumnParsers {
  let parsers = byZone.get(zone);
  if (!parsers) {
    parsers = { [OID.TIMESTAMPTZ]: (text: string) => parse(text, zone) };
    byZone.set(zone, parsers);
  }
  return parsers;
}
