import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  addHours,
  addMs,
  addWorkingDays,
  addWorkingHours,
  isWorkingDay,
  localDate,
  msBetween,
  nextWorkingDay,
  officeClose,
  sameDayDue,
  workingMsBetween,
  type WorkingCalendar,
} from '../plugin/time/calendar.js';

// The calendar of SCENARIOS.md: National Day week off, Saturday 2026-10-10 worked instead.
const shanghai: WorkingCalendar = {
  zone: 'Asia/Shanghai',
  hours: [{ start: '08:30', end: '17:30' }],
  weekend: [6, 7],
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-10-10'],
};

const withNewYear: WorkingCalendar = { ...shanghai, holidays: [...shanghai.holidays, '2027-01-01'] };

// Clocks go back on Sunday 2026-10-25 at 03:00 CEST → 02:00 CET.
const berlin: WorkingCalendar = {
  zone: 'Europe/Berlin',
  hours: [{ start: '08:30', end: '17:30' }],
  weekend: [6, 7],
  holidays: [],
  workdays: [],
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string): Date => new Date(iso);

describe('worked examples', () => {
  it('S-SLA-1 R-TIC-5 critical hotline complaint: acknowledge in 2 elapsed hours, final reply in 10 elapsed hours across the holiday', () => {
    const opened = at('2026-09-30T16:00:00+08:00');
    expect(addHours(shanghai, 'elapsed', opened, 2)).toEqual(at('2026-09-30T18:00:00+08:00'));
    expect(addHours(shanghai, 'elapsed', opened, 10)).toEqual(at('2026-10-01T02:00:00+08:00'));
  });

  it('S-SLA-2 R-TIC-5 normal complaint final reply 24 elapsed hours later, holiday or not', () => {
    expect(addHours(shanghai, 'elapsed', at('2026-09-30T16:00:00+08:00'), 24)).toEqual(at('2026-10-01T16:00:00+08:00'));
  });

  it('S-SLA-3 R-TIC-5 investigation due after 3 working days skips the October holiday and counts the make-up Saturday', () => {
    expect(addWorkingDays(shanghai, at('2026-09-30T16:00:00+08:00'), 3)).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('S-SLA-3 R-TIC-5 written report due after 5 working days skips Sunday 2026-10-11', () => {
    expect(addWorkingDays(shanghai, at('2026-09-30T16:00:00+08:00'), 5)).toEqual(at('2026-10-13T17:30:00+08:00'));
  });

  it('S-SLA-4 R-TIC-5 extension to the 7-working-day maximum is due 2026-10-15 17:30', () => {
    expect(addWorkingDays(shanghai, at('2026-09-30T16:00:00+08:00'), 7)).toEqual(at('2026-10-15T17:30:00+08:00'));
  });

  it('S-SLA-5 R-TIC-5 10 working hours from Friday 17:00 end Tuesday 09:00 (0.5 h + 9 h + 0.5 h)', () => {
    const opened = at('2026-09-25T17:00:00+08:00');
    const due = at('2026-09-29T09:00:00+08:00');
    expect(addHours(shanghai, 'working', opened, 10)).toEqual(due);
    expect(addWorkingHours(shanghai, opened, 10)).toEqual(due);
    expect(msBetween(shanghai, 'working', opened, due)).toBe(10 * HOUR);
  });

  it('S-SLA-6 R-TIC-5 R-TIC-12 40 min left resumed at 2026-10-08 09:00 runs to 09:40 on either clock basis', () => {
    const resumed = at('2026-10-08T09:00:00+08:00');
    expect(addMs(shanghai, 'elapsed', resumed, 40 * MINUTE)).toEqual(at('2026-10-08T09:40:00+08:00'));
    expect(addMs(shanghai, 'working', resumed, 40 * MINUTE)).toEqual(at('2026-10-08T09:40:00+08:00'));
  });

  it('S-LEN-1 R-LEN-5 in-office loan issued Friday 16:00 is due at 17:30 the same day', () => {
    expect(sameDayDue(shanghai, at('2026-10-09T16:00:00+08:00'))).toEqual(at('2026-10-09T17:30:00+08:00'));
  });

  it('S-LEN-1 R-LEN-5 in-office loan issued after close is due at close of the next working day (the make-up Saturday)', () => {
    expect(sameDayDue(shanghai, at('2026-10-09T18:00:00+08:00'))).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('S-LEN-2 R-LEN-5 take-out loan for 3 working days issued 2026-09-30 10:00 is due 2026-10-10 17:30', () => {
    expect(addWorkingDays(shanghai, at('2026-09-30T10:00:00+08:00'), 3)).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('S-CB-1 R-TIC-10 repair resolved Friday 2026-10-09 15:00 gets its callback on the make-up Saturday', () => {
    expect(nextWorkingDay(shanghai, at('2026-10-09T15:00:00+08:00'))).toBe('2026-10-10');
  });

  it('S-CB-2 R-TIC-10 complaint replied 2026-09-30 gets its callback 15 calendar days later', () => {
    expect(addCalendarDays('Asia/Shanghai', at('2026-09-30T11:00:00+08:00'), 15)).toBe('2026-10-15');
  });
});

describe('edge cases', () => {
  it('R-TIC-5 weekends, holidays and make-up days decide the working day', () => {
    expect(isWorkingDay(shanghai, '2026-09-30')).toBe(true);
    expect(isWorkingDay(shanghai, '2026-10-05')).toBe(false); // holiday on a Monday
    expect(isWorkingDay(shanghai, '2026-10-10')).toBe(true); // make-up Saturday
    expect(isWorkingDay(shanghai, '2026-10-11')).toBe(false); // ordinary Sunday
  });

  it('R-TIC-5 an instant before office opening starts counting at 08:30', () => {
    const early = at('2026-10-08T07:00:00+08:00');
    expect(addWorkingHours(shanghai, early, 1)).toEqual(at('2026-10-08T09:30:00+08:00'));
    expect(workingMsBetween(shanghai, early, at('2026-10-08T09:00:00+08:00'))).toBe(30 * MINUTE);
    expect(sameDayDue(shanghai, early)).toEqual(at('2026-10-08T17:30:00+08:00'));
  });

  it('R-TIC-5 a budget that runs out exactly at close is due at close, not at the next opening', () => {
    expect(addWorkingHours(shanghai, at('2026-09-25T17:00:00+08:00'), 0.5)).toEqual(at('2026-09-25T17:30:00+08:00'));
  });

  it('R-TIC-5 R-LEN-5 an instant exactly at close has no office time left that day', () => {
    const close = at('2026-10-09T17:30:00+08:00');
    expect(addWorkingHours(shanghai, close, 1)).toEqual(at('2026-10-10T09:30:00+08:00'));
    expect(workingMsBetween(shanghai, close, at('2026-10-09T23:00:00+08:00'))).toBe(0);
    expect(sameDayDue(shanghai, close)).toEqual(at('2026-10-10T17:30:00+08:00'));
  });

  it('R-TIC-5 R-LEN-5 an instant on a holiday waits for the first working day', () => {
    const holiday = at('2026-10-03T10:00:00+08:00');
    expect(addWorkingHours(shanghai, holiday, 1)).toEqual(at('2026-10-08T09:30:00+08:00'));
    expect(sameDayDue(shanghai, holiday)).toEqual(at('2026-10-08T17:30:00+08:00'));
    expect(addWorkingDays(shanghai, holiday, 1)).toEqual(at('2026-10-08T17:30:00+08:00'));
    expect(nextWorkingDay(shanghai, holiday)).toBe('2026-10-08');
  });

  it('R-TIC-5 a clock paused over the holiday would otherwise have used 1 working hour', () => {
    const paused = at('2026-09-30T17:00:00+08:00');
    const resumed = at('2026-10-08T09:00:00+08:00');
    expect(msBetween(shanghai, 'working', paused, resumed)).toBe(HOUR);
    expect(msBetween(shanghai, 'elapsed', paused, resumed)).toBe(7 * 24 * HOUR + 16 * HOUR);
    expect(msBetween(shanghai, 'elapsed', resumed, paused)).toBe(0);
  });

  it('R-TIC-5 R-TIC-10 counting crosses 1 January, with and without a New Year holiday', () => {
    const eve = at('2026-12-31T10:00:00+08:00');
    expect(addWorkingDays(shanghai, eve, 1)).toEqual(at('2027-01-01T17:30:00+08:00'));
    expect(addWorkingDays(withNewYear, eve, 1)).toEqual(at('2027-01-04T17:30:00+08:00'));
    expect(addWorkingHours(withNewYear, at('2026-12-31T17:00:00+08:00'), 1)).toEqual(at('2027-01-04T09:00:00+08:00'));
    expect(addCalendarDays('Asia/Shanghai', at('2026-12-20T12:00:00+08:00'), 15)).toBe('2027-01-04');
  });

  it('R-TIC-5 a UTC instant late on 31 December is already 1 January in Shanghai', () => {
    const t = at('2026-12-31T16:05:00Z');
    expect(localDate('Asia/Shanghai', t)).toBe('2027-01-01');
    expect(localDate('UTC', t)).toBe('2026-12-31');
    expect(nextWorkingDay(shanghai, t)).toBe('2027-01-04');
    expect(sameDayDue(shanghai, t)).toEqual(at('2027-01-01T17:30:00+08:00'));
    expect(sameDayDue(withNewYear, t)).toEqual(at('2027-01-04T17:30:00+08:00'));
    expect(addWorkingDays(shanghai, t, 1)).toEqual(at('2027-01-04T17:30:00+08:00'));
  });

  it('R-TIC-5 office hours stay at local wall time across the end of summer time in Berlin', () => {
    expect(officeClose(berlin, '2026-10-23')).toEqual(at('2026-10-23T15:30:00Z'));
    expect(officeClose(berlin, '2026-10-26')).toEqual(at('2026-10-26T16:30:00Z'));
    expect(addWorkingHours(berlin, at('2026-10-23T17:00:00+02:00'), 1)).toEqual(at('2026-10-26T09:00:00+01:00'));
    const friOpen = at('2026-10-23T08:30:00+02:00');
    const monClose = at('2026-10-26T17:30:00+01:00');
    expect(workingMsBetween(berlin, friOpen, monClose)).toBe(18 * HOUR);
    expect(msBetween(berlin, 'elapsed', friOpen, monClose)).toBe(3 * 24 * HOUR + 10 * HOUR);
    expect(addWorkingDays(berlin, at('2026-10-23T12:00:00+02:00'), 1)).toEqual(monClose);
  });

  it('R-TIC-5 the Sunday of the change itself is a full 9-hour office day on a seven-day calendar', () => {
    const sevenDays: WorkingCalendar = { ...berlin, weekend: [] };
    const sunday = '2026-10-25';
    expect(officeClose(sevenDays, sunday)).toEqual(at('2026-10-25T16:30:00Z'));
    expect(workingMsBetween(sevenDays, at('2026-10-25T00:00:00+02:00'), at('2026-10-25T23:59:00+01:00'))).toBe(9 * HOUR);
    expect(addWorkingHours(sevenDays, at('2026-10-24T17:00:00+02:00'), 1)).toEqual(at('2026-10-25T09:00:00+01:00'));
  });

  it('R-TIC-5 a zero or negative budget is due immediately', () => {
    const t = at('2026-10-03T10:00:00+08:00');
    expect(addWorkingHours(shanghai, t, 0)).toEqual(t);
    expect(addMs(shanghai, 'working', t, -5 * MINUTE)).toEqual(t);
  });

  it('R-TIC-5 large counts step by day and stay on working-day closes', () => {
    const due = addWorkingDays(shanghai, at('2026-09-30T16:00:00+08:00'), 2000);
    const day = localDate('Asia/Shanghai', due);
    expect(isWorkingDay(shanghai, day)).toBe(true);
    expect(due).toEqual(officeClose(shanghai, day));
    const t = at('2026-09-30T16:00:00+08:00');
    expect(workingMsBetween(shanghai, t, addWorkingHours(shanghai, t, 20_000))).toBe(20_000 * HOUR);
  });

  it('R-TIC-5 a calendar without any working day throws a RangeError instead of looping forever', () => {
    const closed: WorkingCalendar = { ...shanghai, weekend: [1, 2, 3, 4, 5, 6, 7], workdays: [] };
    const t = at('2026-09-30T16:00:00+08:00');
    expect(() => addWorkingDays(closed, t, 1)).toThrow(RangeError);
    expect(() => addWorkingHours(closed, t, 1)).toThrow(RangeError);
    expect(() => nextWorkingDay(closed, t)).toThrow(RangeError);
    expect(() => sameDayDue(closed, t)).toThrow(RangeError);
    expect(workingMsBetween(closed, t, at('2027-09-30T16:00:00+08:00'))).toBe(0);
  });
});

describe('properties', () => {
  const start = at('2026-01-01T00:00:00Z').getTime();
  const end = at('2028-01-01T00:00:00Z').getTime() - 1;
  // Half-hour instants and budgets often land exactly on opening or close, where off-by-one bugs live.
  const instant = fc
    .oneof(
      fc.integer({ min: start, max: end }),
      fc.integer({ min: 0, max: Math.floor((end - start) / (30 * MINUTE)) }).map((k) => start + k * 30 * MINUTE),
    )
    .map((ms) => new Date(ms));
  // Whole milliseconds expressed in hours, so no rounding enters and the sums must match exactly.
  const hours = fc
    .oneof(
      fc.integer({ min: 0, max: 200 * HOUR }),
      fc.integer({ min: 0, max: 400 }).map((k) => k * 30 * MINUTE),
    )
    .map((ms) => ms / HOUR);
  const runs = { numRuns: 200 };

  for (const cal of [shanghai, berlin]) {
    describe(cal.zone, () => {
      it('R-TIC-5 the office time between t and addWorkingHours(t, h) is h hours', () => {
        fc.assert(
          fc.property(instant, hours, (t, h) => {
            expect(workingMsBetween(cal, t, addWorkingHours(cal, t, h))).toBe(Math.round(h * HOUR));
          }),
          runs,
        );
      });

      it('R-TIC-5 adding a + b working hours equals adding a then b', () => {
        fc.assert(
          fc.property(instant, hours, hours, (t, a, b) => {
            expect(addWorkingHours(cal, addWorkingHours(cal, t, a), b)).toEqual(addWorkingHours(cal, t, a + b));
          }),
          runs,
        );
      });

      it('R-TIC-5 R-LEN-5 addWorkingDays lands on an office close of a working day after t', () => {
        fc.assert(
          fc.property(instant, fc.integer({ min: 1, max: 30 }), (t, n) => {
            const due = addWorkingDays(cal, t, n);
            const day = localDate(cal.zone, due);
            expect(isWorkingDay(cal, day)).toBe(true);
            expect(due).toEqual(officeClose(cal, day));
            expect(day > localDate(cal.zone, t)).toBe(true);
          }),
          runs,
        );
      });
    });
  }
});
