import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { addWorkingDays, addWorkingHours, officeClose, sameDayDue, workingMsBetween, type OfficePeriod, type WorkingCalendar } from '../plugin/time/calendar.js';

// R-DAY-9: office hours with a lunch break, 08:30–12:00 and 13:30–17:30 (7.5 h a day), on the
// SCENARIOS.md calendar (National Day week off, Saturday 2026-10-10 worked instead).
const lunch: WorkingCalendar = {
  zone: 'Asia/Shanghai',
  hours: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  weekend: [6, 7],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string): Date => new Date(iso);

describe('R-DAY-9 office hours in several periods', () => {
  it('R-DAY-9 two working hours from 11:00 end at 14:30: one before lunch, one after', () => {
    expect(addWorkingHours(lunch, at('2026-09-28T11:00:00+08:00'), 2)).toEqual(at('2026-09-28T14:30:00+08:00'));
    expect(workingMsBetween(lunch, at('2026-09-28T11:00:00+08:00'), at('2026-09-28T14:00:00+08:00'))).toBe(1.5 * HOUR);
  });

  it('R-DAY-9 a budget used up at 12:00 is due at 12:00, not at the afternoon opening', () => {
    expect(addWorkingHours(lunch, at('2026-09-28T11:00:00+08:00'), 1)).toEqual(at('2026-09-28T12:00:00+08:00'));
  });

  it('R-DAY-9 an instant in the lunch break starts counting at 13:30 and the break itself counts nothing', () => {
    const noon = at('2026-09-28T12:30:00+08:00');
    expect(addWorkingHours(lunch, noon, 1)).toEqual(at('2026-09-28T14:30:00+08:00'));
    expect(workingMsBetween(lunch, at('2026-09-28T12:00:00+08:00'), at('2026-09-28T13:30:00+08:00'))).toBe(0);
    expect(sameDayDue(lunch, noon)).toEqual(at('2026-09-28T17:30:00+08:00'));
  });

  it('R-DAY-9 S-SLA-5 with a lunch break: 10 working hours from Friday 17:00 end Tuesday 10:30 (0.5 + 7.5 + 2)', () => {
    const opened = at('2026-09-25T17:00:00+08:00');
    expect(addWorkingHours(lunch, opened, 10)).toEqual(at('2026-09-29T10:30:00+08:00'));
  });

  it('R-DAY-9 S-SLA-3 day counts are unchanged: the third working day still closes 2026-10-10 17:30', () => {
    expect(addWorkingDays(lunch, at('2026-09-30T16:00:00+08:00'), 3)).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('R-DAY-9 a weekday may have its own periods; a make-up Saturday keeps the ordinary ones', () => {
    const shortFriday: WorkingCalendar = { ...lunch, weekdayHours: { 5: [{ start: '08:30', end: '12:00' }], 6: [{ start: '09:00', end: '11:00' }] } };
    expect(officeClose(shortFriday, '2026-10-09')).toEqual(at('2026-10-09T12:00:00+08:00'));
    expect(sameDayDue(shortFriday, at('2026-10-09T13:00:00+08:00'))).toEqual(at('2026-10-10T17:30:00+08:00'));
    expect(addWorkingHours(shortFriday, at('2026-10-09T11:00:00+08:00'), 2)).toEqual(at('2026-10-10T09:30:00+08:00'));
    expect(addWorkingDays(shortFriday, at('2026-10-08T10:00:00+08:00'), 1)).toEqual(at('2026-10-09T12:00:00+08:00'));
  });
});

// Shanghai has no DST, so local wall time is UTC+8 and a brute-force oracle can count minutes directly.
const SHANGHAI_OFFSET = 8 * HOUR;
const DAY = 24 * HOUR;
const minuteOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Ordered, non-overlapping periods with real gaps between them, on whole minutes. */
const periodsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 2, maxLength: 8 })
  .filter((cuts) => cuts.length % 2 === 0)
  .map((cuts): OfficePeriod[] => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const out: OfficePeriod[] = [];
    for (let i = 0; i < sorted.length; i += 2) out.push({ start: hhmm(sorted[i] ?? 0), end: hhmm(sorted[i + 1] ?? 0) });
    return out;
  });

const calendarArb = fc
  .record({ hours: periodsArb, friday: fc.option(periodsArb, { nil: undefined }) })
  .map(({ hours, friday }): WorkingCalendar => ({ ...lunch, hours, weekdayHours: friday ? { 5: friday } : {} }));

/** Is the instant inside an office period of a working day? Minute by minute, without the calendar module. */
function inOffice(cal: WorkingCalendar, t: number): boolean {
  const local = new Date(t + SHANGHAI_OFFSET);
  const day = local.toISOString().slice(0, 10);
  const weekday = local.getUTCDay() || 7;
  const makeUp = cal.workdays.includes(day);
  if (cal.holidays.includes(day) || (!makeUp && cal.weekend.includes(weekday))) return false;
  const periods = (makeUp ? undefined : cal.weekdayHours?.[weekday]) ?? cal.hours;
  const m = Math.floor(((t + SHANGHAI_OFFSET) % DAY) / MINUTE);
  return periods.some((p) => m >= minuteOfDay(p.start) && m < minuteOfDay(p.end));
}

const from = at('2026-09-20T00:00:00+08:00').getTime();
const minuteInstant = fc.integer({ min: 0, max: 30 * 24 * 60 }).map((k) => from + k * MINUTE);

describe('R-DAY-9 properties', () => {
  const runs = { numRuns: 150 };

  it('R-DAY-9 working time between two instants is exactly the office minutes between them: a gap never counts', () => {
    fc.assert(
      fc.property(calendarArb, minuteInstant, fc.integer({ min: 0, max: 4 * 24 * 60 }), (cal, a, span) => {
        let expected = 0;
        for (let t = a; t < a + span * MINUTE; t += MINUTE) if (inOffice(cal, t)) expected += MINUTE;
        expect(workingMsBetween(cal, new Date(a), new Date(a + span * MINUTE))).toBe(expected);
      }),
      runs,
    );
  });

  it('R-DAY-9 a working-hours deadline never falls inside a gap and uses exactly its budget', () => {
    fc.assert(
      fc.property(calendarArb, minuteInstant, fc.integer({ min: 1, max: 40 * 60 }), (cal, t, minutes) => {
        const due = addWorkingHours(cal, new Date(t), minutes / 60).getTime();
        // The minute before the deadline is office time: the budget ran out inside a period or at its end.
        expect(inOffice(cal, due - MINUTE)).toBe(true);
        expect(workingMsBetween(cal, new Date(t), new Date(due))).toBe(minutes * MINUTE);
      }),
      runs,
    );
  });

  it('R-DAY-9 a working-day deadline is the end of the last period of a working day', () => {
    fc.assert(
      fc.property(calendarArb, minuteInstant, fc.integer({ min: 1, max: 10 }), (cal, t, n) => {
        const due = addWorkingDays(cal, new Date(t), n).getTime();
        expect(inOffice(cal, due - MINUTE)).toBe(true);
        expect(inOffice(cal, due)).toBe(false);
        const dueDay = new Date(due + SHANGHAI_OFFSET).toISOString().slice(0, 10);
        expect(officeClose(cal, dueDay).getTime()).toBe(due);
      }),
      runs,
    );
  });
});
