// Report periods are local months, quarters and years of the data source's zone, turned into UTC instants once
// so the SQL compares plain timestamptz ranges [from, to) and stays index-friendly.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { validation } from '../../core/errors.js';

export const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'quarter as YYYY-Qn, e.g. 2026-Q4');

export interface Period {
  from: Date;
  to: Date;
}

function startOf(isoMonth: string, zone: string): DateTime {
  return DateTime.fromISO(`${isoMonth}-01T00:00`, { zone });
}

/** '2026-10' → [2026-10-01 00:00, 2026-11-01 00:00) local. */
export function monthPeriod(month: string, zone: string): Period {
  const start = startOf(month, zone);
  return { from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

/** '2026-Q4' → [2026-10-01 00:00, 2027-01-01 00:00) local. */
export function quarterPeriod(q: string, zone: string): Period {
  const [yearText, n] = q.split('-Q');
  const start = startOf(`${yearText}-${String((Number(n) - 1) * 3 + 1).padStart(2, '0')}`, zone);
  return { from: start.toJSDate(), to: start.plus({ months: 3 }).toJSDate() };
}

/** '2026' → [2026-01-01 00:00, 2027-01-01 00:00) local. */
export function yearPeriod(year: number, zone: string): Period {
  const start = startOf(`${year}-01`, zone);
  return { from: start.toJSDate(), to: start.plus({ years: 1 }).toJSDate() };
}

/** Exactly one of a month, a quarter or a year. */
export function assessmentPeriod(input: { month?: string; quarter?: string; year?: number }, zone: string): Period {
  const periods = [
    input.month === undefined ? undefined : monthPeriod(input.month, zone),
    input.quarter === undefined ? undefined : quarterPeriod(input.quarter, zone),
    input.year === undefined ? undefined : yearPeriod(input.year, zone),
  ].filter((p): p is Period => p !== undefined);
  const [only] = periods;
  if (!only || periods.length > 1) throw validation('month', 'give one period: a month, a quarter or a year');
  return only;
}

/** Months from `from` to `to` inclusive, counted like 2026-10 → 2027-01 = 4. */
function monthSpan(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The months a multi-month report covers: a whole year, or from/to where a missing end takes the other
 * one, and nothing at all means the current month. Messages avoid echoing field names the caller did not send.
 */
export function monthRange(input: { year?: number; from?: string; to?: string }, currentMonth: string, maxMonths: number): { first: string; last: string } {
  if (input.year !== undefined && (input.from !== undefined || input.to !== undefined)) {
    throw validation('year', 'give either a year or a range of months, not both');
  }
  const first = input.year !== undefined ? `${input.year}-01` : (input.from ?? input.to ?? currentMonth);
  const last = input.year !== undefined ? `${input.year}-12` : (input.to ?? first);
  const span = monthSpan(first, last);
  if (span < 1) throw validation('to', 'must not be before the first month');
  if (span > maxMonths) throw validation('to', `at most ${maxMonths} months at a time`);
  return { first, last };
}
