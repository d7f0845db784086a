// Working-time arithmetic for SLA clocks, loan due dates and callbacks (R-TIC-5, R-LEN-5, R-TIC-10).
// Instants are Dates; local dates are 'YYYY-MM-DD' strings in the calendar's zone. All wall-clock
// arithmetic goes through luxon so office hours stay at local wall time across DST changes.
// Office hours are one or more periods a day (R-DAY-9): the gaps between them (a lunch break) never count.
import { DateTime, type DateTimeMaybeValid } from 'luxon';

/** One stretch of office time, 'HH:mm' to 'HH:mm' local wall time, start before end. */
export interface OfficePeriod {
  start: string;
  end: string;
}

export interface WorkingCalendar {
  zone: string; // IANA zone, e.g. 'Asia/Shanghai'
  hours: OfficePeriod[]; // periods of an ordinary working day, in order, not overlapping, e.g. 08:30–12:00, 13:30–17:30
  // ISO weekday → that weekday's own periods (e.g. a short Friday). A make-up working day keeps `hours`:
  // it is worked as an ordinary day, whatever weekday it falls on.
  weekdayHours?: Partial<Record<number, OfficePeriod[]>>;
  weekend: number[]; // ISO weekdays that are off by default, e.g. [6, 7]
  holidays: string[]; // local dates that are off
  workdays: string[]; // make-up working days: local dates that are working even on a weekend
}

export type ClockBasis = 'elapsed' | 'working';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

// A calendar with no working day would otherwise make the day walks below spin forever.
const MAX_IDLE_DAYS = 3660;

function valid(dt: DateTimeMaybeValid, what: string): DateTime<true> {
  if (!dt.isValid) throw new RangeError(`invalid ${what}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

// Local dates step as UTC midnights: UTC has no DST, so a day is always 24 h and the date never
// slips. This is plain date arithmetic (no zone involved) and much cheaper than luxon per step.

function plusDays(day: string, n: number): string {
  return new Date(Date.parse(day) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

function isoWeekday(day: string): number {
  return new Date(Date.parse(day)).getUTCDay() || 7;
}

// Luxon finds a zone's offset through Intl on every call (~20 µs); an intake or a ticket detail asks for a
// handful of days and office times, so answers are remembered (bounded) per zone, day and time.
const remembered = new Map<string, string | number>();
function remember<T extends string | number>(key: string, compute: () => T): T {
  const hit = remembered.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  if (remembered.size >= 100_000) remembered.clear();
  remembered.set(key, value);
  return value;
}

function wallTime(zone: string, day: string, hhmm: string): number {
  return remember(`w|${zone}|${day}|${hhmm}`, () => valid(DateTime.fromISO(`${day}T${hhmm}`, { zone }), `wall time ${day} ${hhmm} in ${zone}`).toMillis());
}

function hoursToMs(hours: number): number {
  return Math.round(hours * MS_PER_HOUR);
}

// Offsets and local midnights fall on whole quarter hours of UTC (every zone since the 1970s), so one quarter
// hour has one local date; older instants (local mean time) are computed each time.
const QUARTER_HOUR = 15 * 60_000;
const ZONES_ALIGNED_SINCE = Date.UTC(1980, 0, 1);
export function localDate(zone: string, t: Date): string {
  const compute = () => valid(DateTime.fromJSDate(t, { zone }), `instant in ${zone}`).toISODate();
  const ms = t.getTime();
  return ms >= ZONES_ALIGNED_SINCE ? remember(`d|${zone}|${Math.floor(ms / QUARTER_HOUR)}`, compute) : compute();
}

// Precomputed lookups so day walks do not rescan the holiday lists on every step.
interface DayRules {
  isWorking(day: string): boolean;
  /** Office intervals [start, end) of a working day as instants, in order. */
  intervals(day: string): [number, number][];
}

function dayRules(cal: WorkingCalendar): DayRules {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  const weekend = new Set(cal.weekend);
  const periodsOf = (day: string): OfficePeriod[] => (workdays.has(day) ? undefined : cal.weekdayHours?.[isoWeekday(day)]) ?? cal.hours;
  return {
    // A date listed both as holiday and as make-up day counts as off: no deadline falls on a day that may be closed.
    isWorking: (day) => !holidays.has(day) && (workdays.has(day) || !weekend.has(isoWeekday(day))),
    intervals: (day) => periodsOf(day).map((p) => [wallTime(cal.zone, day, p.start), wallTime(cal.zone, day, p.end)]),
  };
}

export function isWorkingDay(cal: WorkingCalendar, day: string): boolean {
  return dayRules(cal).isWorking(day);
}

function nextWorkingAfter(rules: DayRules, day: string): string {
  let d = day;
  for (let idle = 0; idle < MAX_IDLE_DAYS; idle++) {
    d = plusDays(d, 1);
    if (rules.isWorking(d)) return d;
  }
  throw new RangeError(`no working day within ${MAX_IDLE_DAYS} days after ${day}`);
}

/** First working day strictly after t's local date. */
export function nextWorkingDay(cal: WorkingCalendar, t: Date): string {
  return nextWorkingAfter(dayRules(cal), localDate(cal.zone, t));
}

function closeOf(rules: DayRules, day: string): Date {
  const last = rules.intervals(day).at(-1);
  if (!last) throw new RangeError(`no office hours on ${day}`);
  return new Date(last[1]);
}

/** Instant of office close (the end of the day's last period) on the local date `day`. */
export function officeClose(cal: WorkingCalendar, day: string): Date {
  return closeOf(dayRules(cal), day);
}

/** Office close of the n-th working day after t's local date; t's own day never counts (n <= 0 gives its close). */
export function addWorkingDays(cal: WorkingCalendar, t: Date, n: number): Date {
  const rules = dayRules(cal);
  let day = localDate(cal.zone, t);
  for (let counted = 0; counted < n; counted++) day = nextWorkingAfter(rules, day);
  return closeOf(rules, day);
}

/** Office close of t's local date if that is a working day and t is before close, else of the next working day. */
export function sameDayDue(cal: WorkingCalendar, t: Date): Date {
  const rules = dayRules(cal);
  const day = localDate(cal.zone, t);
  const close = closeOf(rules, day);
  if (rules.isWorking(day) && t.getTime() < close.getTime()) return close;
  return closeOf(rules, nextWorkingAfter(rules, day));
}

/**
 * Earliest instant by which `ms` of office time has run from t (t itself when ms <= 0).
 * Landing exactly on the end of a period returns that end, not the next opening: a deadline is the
 * first moment the budget is used up.
 */
function addWorkingMs(cal: WorkingCalendar, t: Date, ms: number): Date {
  let left = Math.round(ms);
  if (left <= 0) return new Date(t.getTime());
  const rules = dayRules(cal);
  const from = t.getTime();
  let day = localDate(cal.zone, t);
  let idle = 0;
  while (idle < MAX_IDLE_DAYS) {
    idle++;
    for (const [open, close] of rules.isWorking(day) ? rules.intervals(day) : []) {
      const start = Math.max(from, open);
      const available = close - start;
      if (available > 0) {
        if (left <= available) return new Date(start + left);
        left -= available;
        idle = 0;
      }
    }
    day = plusDays(day, 1);
  }
  throw new RangeError(`no office time in ${MAX_IDLE_DAYS} consecutive days up to ${day}`);
}

/** Walks the office intervals of working days; fractional hours are rounded to the millisecond. */
export function addWorkingHours(cal: WorkingCalendar, t: Date, hours: number): Date {
  return addWorkingMs(cal, t, hoursToMs(hours));
}

export function addMs(cal: WorkingCalendar, basis: ClockBasis, t: Date, ms: number): Date {
  return basis === 'working' ? addWorkingMs(cal, t, ms) : new Date(t.getTime() + Math.round(ms));
}

export function addHours(cal: WorkingCalendar, basis: ClockBasis, t: Date, hours: number): Date {
  return addMs(cal, basis, t, hoursToMs(hours));
}

/** Office time between two instants, 0 if b <= a. */
export function workingMsBetween(cal: WorkingCalendar, a: Date, b: Date): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to <= from) return 0;
  const rules = dayRules(cal);
  const lastDay = localDate(cal.zone, b);
  let total = 0;
  // The walk is bounded by b's date, so a calendar without working days just yields 0.
  for (let day = localDate(cal.zone, a); day <= lastDay; day = plusDays(day, 1)) {
    if (!rules.isWorking(day)) continue;
    for (const [open, close] of rules.intervals(day)) {
      const start = Math.max(from, open);
      const end = Math.min(to, close);
      if (end > start) total += end - start;
    }
  }
  return total;
}

/** Clock time used between a and b on the given basis; never negative. */
export function msBetween(cal: WorkingCalendar, basis: ClockBasis, a: Date, b: Date): number {
  return basis === 'working' ? workingMsBetween(cal, a, b) : Math.max(0, b.getTime() - a.getTime());
}

/** Local date n calendar days after t's local date. */
export function addCalendarDays(zone: string, t: Date, n: number): string {
  return plusDays(localDate(zone, t), n);
}
