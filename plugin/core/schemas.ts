import { z } from 'zod';
import { DateTime } from 'luxon';
import { validation } from './errors.js';

// Field schemas shared by every area, so the same kind of value reads the same everywhere.
export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const text = (max = 200) => z.string().trim().min(1).max(max);
export const note = (max = 4000) => z.string().max(max);
export const phone = z
  .string()
  .trim()
  .regex(/^[+\d][\d\s()-]{2,30}$/, 'a phone number of digits, spaces, +, -, ( )');
export const email = z.string().trim().max(200).email();
export const localDate = z.iso.date().describe('date as YYYY-MM-DD');
// Date and time as typed: ISO 8601 with or without an offset, or the local "YYYY-MM-DD HH:mm" staff write (R-DAY-1).
const instantText = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)?$/;
const parseInstant = (value: string, zone: string): DateTime => DateTime.fromISO(value.trim().replace(' ', 'T'), { zone, setZone: false });
export const instant = z
  .string()
  .trim()
  .regex(instantText, 'date and time as 2026-10-09 16:00 (local) or ISO 8601, e.g. 2026-10-09T16:00:00+08:00')
  .refine((v) => parseInstant(v, 'UTC').isValid, 'not a real date and time')
  .describe('date and time: 2026-10-09 16:00 or 2026-10-09T16:00 (local time of the data source), or ISO 8601 with an offset (2026-10-09T16:00:00+08:00)');
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month as YYYY-MM');
export const year = z.number().int().min(2000).max(2100);

/** Output side: instants leave as ISO text with the data source's offset (core/json.ts). */
export const instantOut = z.string();
export const nullableInstantOut = z.string().nullable();

/** Reads an `instant` input; without an offset it is local time of the data source's zone. */
export function toInstant(value: string, zone: string, field = 'time'): Date {
  const dt = parseInstant(value, zone);
  if (!dt.isValid) throw validation(field, `not a date and time: ${value}`);
  return dt.toJSDate();
}

export const pageInput = {
  limit: z.number().int().min(1).max(200).default(50).describe('rows per page (1–200)'),
  cursor: z.string().max(1000).optional().describe('nextCursor from the previous page'),
};

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('pass as cursor for the next page; null on the last page') });

/** Keyset pagination: the cursor is the last row's sort key, opaque to callers. */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key)) return key;
  } catch {
    /* fall through to the validation error */
  }
  throw validation('cursor', 'not a cursor returned by this operation; start again without it');
}

/** A cursor whose key has the given shape (`z.tuple([z.number()])`), typed for the statement it feeds. */
export function decodeKey<T extends z.ZodTuple>(cursor: string | undefined, shape: T): z.infer<T> | null {
  const key = decodeCursor(cursor);
  if (key === null) return null;
  const parsed = shape.safeParse(key);
  if (!parsed.success) throw validation('cursor', 'not a cursor returned by this operation; start again without it');
  return parsed.data;
}

/** Fetches limit + 1 rows and turns the extra one into a cursor. */
export function page<R>(rows: R[], limit: number, keyOf: (row: R) => readonly unknown[]): { items: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1] as R)) };
}
