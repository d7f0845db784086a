import { OID } from '../db/type-parsers.js';
import type { ColumnParsers } from '../db/types.js';
import { formatMillis } from './json.js';

// A timestamptz as PostgreSQL writes it in text (ISO DateStyle, any session time zone: "2026-10-09 08:00:00.123456+00",
// "… 16:00:00+08", "… -03:30") straight to the form results carry (core/json.ts), with no Date in between: for rows
// that leave as they are read (OpContext.sqlForOutput). Digits past the millisecond are dropped, as a Date drops them.
const pattern = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?([+-])(\d\d)(?::(\d\d))?(?::(\d\d))?$/;

function parse(text: string, zone: string): string | null {
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
