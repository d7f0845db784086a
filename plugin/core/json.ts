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

function plain(v: unknown, zone: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v + 0 : null; // -0 is written 0
  if (v instanceof Date) return formatInstant(v, zone);
  if (typeof v === 'bigint') throw new TypeError('a bigint has no JSON form'); // as JSON.stringify
  if (typeof v !== 'object') return undefined; // functions, symbols
  if (Array.isArray(v)) return v.map((x) => plain(x, zone) ?? null);
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
// 50-row page) runs once per zone and quarter hour; the rest is arithmetic on the UTC text.
const quarterHour = 15 * 60_000;
const offsets = new Map<string, { minutes: number; suffix: string }>();

function offsetAt(ms: number, zone: string): { minutes: number; suffix: string } {
  const key = `${zone}|${Math.floor(ms / quarterHour)}`;
  let found = offsets.get(key);
  if (!found) {
    const dt = DateTime.fromMillis(ms, { zone });
    found = { minutes: dt.offset, suffix: (dt.toISO() ?? 'Z').replace(/^.*T\d\d:\d\d:\d\d\.\d+/, '') };
    if (offsets.size >= 50_000) offsets.clear();
    offsets.set(key, found);
  }
  return found;
}

/** ISO 8601 in the zone, as Luxon writes it ("2026-10-09T16:00:00+08:00", milliseconds only when present). */
export function formatInstant(d: Date, zone: string): string {
  const ms = d.getTime();
  const year = d.getUTCFullYear();
  if (Number.isNaN(ms) || year < 1 || year > 9998) return DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }) ?? d.toISOString();
  const { minutes, suffix } = offsetAt(ms, zone);
  const local = new Date(ms + minutes * 60_000).toISOString();
  const millis = local.slice(19, 23);
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}${suffix}`;
}
