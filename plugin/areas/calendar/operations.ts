import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { localDate, note } from '../../core/schemas.js';
import { addCalendarDays } from '../../time/calendar.js';

const day = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday', 'normal']), name: z.string().nullable() });
const periods = z.array(z.object({ start: z.string(), end: z.string() }));

export default [
  defineOperation({
    name: 'calendar.get',
    title: 'Working calendar',
    description:
      'Office hours (opening, close and the periods of a working day — gaps such as a lunch break never count as working time, R-DAY-9), weekday exceptions, weekend days, and the holidays and make-up working days between two dates (default: this year and next).',
    access: 'staff',
    kind: 'read',
    input: z.object({ from: localDate.optional(), to: localDate.optional() }),
    output: z.object({
      timeZone: z.string(),
      officeStart: z.string(),
      officeEnd: z.string(),
      periods,
      weekdayPeriods: z.record(z.string(), periods).describe('ISO weekday (1 = Monday) → its own periods, where it differs'),
      weekend: z.array(z.number()),
      days: z.array(day),
    }),
    async handler(ctx, input) {
      const { calendar, settings } = await ctx.config();
      const thisYear = addCalendarDays(ctx.zone, ctx.now, 0).slice(0, 4);
      const from = input.from ?? `${thisYear}-01-01`;
      const to = input.to ?? `${Number(thisYear) + 1}-12-31`;
      const days = await ctx.sql('calendar/days', { site: ctx.site, from, to });
      return {
        timeZone: calendar.zone,
        officeStart: settings.office.start,
        officeEnd: settings.office.end,
        periods: settings.office.periods,
        weekdayPeriods: settings.office.weekdays,
        weekend: calendar.weekend,
        days: days as z.input<typeof day>[],
      };
    },
  }),
  defineOperation({
    name: 'calendar.setDays',
    title: 'Set holidays and make-up days',
    description:
      'Marks dates as holiday (off), workday (make-up working day, 调休上班) or normal (back to the weekly pattern). Office hours (office.periods, office.weekdays) and weekend days are settings (settings.update office).',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      days: z
        .array(z.strictObject({ date: localDate, kind: z.enum(['holiday', 'workday', 'normal']), name: note(80).optional() }))
        .min(1)
        .max(400)
        // One statement upserts them all; Postgres refuses to touch one row twice in it.
        .refine((days) => new Set(days.map((d) => d.date)).size === days.length, 'each date at most once')
        .describe('JSON array, e.g. [{"date":"2026-10-01","kind":"holiday","name":"国庆节"}]'),
    }),
    output: z.array(day),
    async handler(ctx, input) {
      const rows = await ctx.sql('calendar/set-day', { site: ctx.site, days: JSON.stringify(input.days) });
      ctx.audit({ entity: 'calendar', entityId: ctx.site, after: input.days });
      return rows as z.input<typeof day>[];
    },
  }),
];
