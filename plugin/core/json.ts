import { DateTime } from 'luxon';

/**
 * Results leave as plain JSON, the same from pg, PGlite and an idempotent replay. Instants are written
 * with the data source's offset ("2026-10-09T16:00:00+08:00"), which reads right in a ToolJet table.
 */
export function toJson(value: unknown, zone: string): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const original = this[key];
    return original instanceof Date ? formatInstant(original, zone) : v;
  });
  return JSON.parse(text);
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
