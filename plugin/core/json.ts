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

export function formatInstant(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toISO({ suppressMilliseconds: true }) ?? d.toISOString();
}
