import { DateTime } from 'luxon';

/**
 * Results leave as plain JSON, the same from pg, PGlite and an idempotent replay. Instants are written
 * with the data source's offset ("2026-10-09T16:00:00+08:00"), which reads right in a ToolJet table.
 * One walk over the value builds the copy, with JSON.stringify's rules (undefined and functions dropped
 * from objects and null in arrays, non-finite numbers null, toJSON honoured), without a text round trip.
 */
export function toJson(value: unknown, zone: string): unknown {
  return value === undefined ? null : (plain(value, zone) ?? null);
}

/**
 * toJson for a call's final result, which nothing else holds once the call returns: a value that is JSON already
 * (a page read with OpContext.sqlForOutput) is checked, which allocates nothing, and handed on as it is.
 */
export function resultJson(value: unknown, zone: string): unknown {
  return value !== undefined && isJson(value) ? value : toJson(value, zone);
}

/** Whether JSON.stringify would write `v` as it is: nothing to drop, convert or call. */
function isJson(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v) && !Object.is(v, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (v === null) return true;
  if (Array.isArray(v)) {
    for (const x of v) if (!isJson(x)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in v) return false;
  for (const key in v) if (!isJson((v as Record<string, unknown>)[key])) return false;
  return true;
}

function plain(v: unknown, zone: string): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v + 0 : null; // -0 is written 0
    case 'bigint':
      throw new TypeError('a bigint has no JSON form'); // as JSON.stringify
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols
  }
  if (v === null) return null;
  if (v instanceof Date) return formatInstant(v, zone);
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = plain(v[i], zone) ?? null;
    return out;
  }
  const withToJson = v as { toJSON?: () => unknown };
  if (typeof withToJson.toJSON === 'function') return plain(withToJson.toJSON(), zone);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const x = plain((v as Record<string, unknown>)[key], zone);
    // A "__proto__" key from stored JSON stays an own property, as JSON.parse makes it.
    if (x === undefined) continue;
    if (key === '__proto__') Object.defineProperty(out, key, { value: x, enumerable: true, writable: true, configurable: true });
    else out[key] = x;
  }
  return out;
}

// Offsets change only on quarter-hour boundaries, so Luxon's zone lookup (the costly part of formatting a
// 50-row page) runs once per zone and quarter hour; the rest is arithmetic on the instant, with the
// date part ("2026-10-09T") kept per local day: a page's instants share a handful of days.
const quarterHour = 15 * 60_000;
const day = 86_400_000;
interface Offset {
  ms: number;
  suffix: string;
}
const offsets = new Map<string, Map<number, Offset>>();
const dates = new Map<number, string>();
const cacheLimit = 50_000;
const two = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

function offsetAt(ms: number, zone: string): Offset {
  let byQuarter = offsets.get(zone);
  if (!byQuarter) {
    byQuarter = new Map();
    offsets.set(zone, byQuarter);
  }
  const quarter = Math.floor(ms / quarterHour);
  let found = byQuarter.get(quarter);
  if (!found) {
    const dt = DateTime.fromMillis(ms, { zone });
    found = { ms: Math.round(dt.offset * 60_000), suffix: (dt.toISO() ?? 'Z').replace(/^.*T\d\d:\d\d:\d\d\.\d+/, '') };
    if (byQuarter.size >= cacheLimit) byQuarter.clear();
    byQuarter.set(quarter, found);
  }
  return found;
}

function datePart(localDay: number): string {
  let text = dates.get(localDay);
  if (text === undefined) {
    text = new Date(localDay * day).toISOString().slice(0, 11);
    if (dates.size >= cacheLimit) dates.clear();
    dates.set(localDay, text);
  }
  return text;
}

/** ISO 8601 in the zone, as Luxon writes it ("2026-10-09T16:00:00+08:00", milliseconds only when present). */
export function formatInstant(d: Date, zone: string): string {
  return formatMillis(d.getTime(), zone);
}

// Years 1–9998 by arithmetic; the rest (and an invalid Date) as Luxon writes them.
const first = Date.UTC(1, 0, 1) - 2 * day;
const last = Date.UTC(9999, 0, 1) - 2 * day;

/** formatInstant for an instant given as milliseconds since the epoch. */
export function formatMillis(ms: number, zone: string): string {
  if (!(ms >= first && ms < last)) return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? new Date(ms).toISOString();
  const { ms: offset, suffix } = offsetAt(ms, zone);
  const local = ms + offset;
  const localDay = Math.floor(local / day);
  const t = local - localDay * day;
  const millis = t % 1000;
  const seconds = Math.floor(t / 1000);
  const time = `${two[Math.floor(seconds / 3600)]}:${two[Math.floor(seconds / 60) % 60]}:${two[seconds % 60]}`;
  return `${datePart(localDay)}${time}${millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`}${suffix}`;
}
