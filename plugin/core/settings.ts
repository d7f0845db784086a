import { z } from 'zod';

// Defaults come from the regulations (SPEC R-TIC-5, R-TIC-10, R-LEN-5, R-REP-2, R-DUT-1) and §6b (R-DAY-*).
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time of day as HH:mm');
const hours = z
  .number()
  .positive()
  .max(24 * 30);
const days = z.number().int().min(0).max(60);
const basis = z.enum(['elapsed', 'working']);

// R-DAY-9: office hours are one or more periods a day, e.g. 08:30–12:00 and 13:30–17:30.
const period = z.strictObject({ start: hhmm, end: hhmm }).refine((p) => p.start < p.end, { message: 'a period ends after it starts', path: ['end'] });
const periods = z
  .array(period)
  .min(1)
  .max(6)
  .refine((ps) => ps.every((p, i) => i === 0 || ps[i - 1]!.end <= p.start), 'periods in time order, not overlapping');

// `start`/`end` are the one-period shorthand and, in the output, the day's opening and close; `periods`
// (when set) is the detail. A weekday may have its own periods; a make-up working day keeps the ordinary ones.
const officeSchema = z
  .strictObject({
    start: hhmm.optional(),
    end: hhmm.optional(),
    periods: periods.nullable().optional(),
    weekdays: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), periods).default({}),
    weekend: z.array(z.number().int().min(1).max(7)).max(6).default([6, 7]),
  })
  .superRefine((o, ctx) => {
    const first = o.periods?.[0];
    const last = o.periods?.at(-1);
    const hint = 'send office.periods alone, or office.periods: null with start/end';
    if (first && o.start !== undefined && o.start !== first.start)
      ctx.addIssue({ code: 'custom', path: ['start'], message: `office start ${o.start} is not the first period's start ${first.start}: ${hint}` });
    if (last && o.end !== undefined && o.end !== last.end) ctx.addIssue({ code: 'custom', path: ['end'], message: `office end ${o.end} is not the last period's end ${last.end}: ${hint}` });
    if (!o.periods && (o.start ?? '08:30') >= (o.end ?? '17:30')) ctx.addIssue({ code: 'custom', path: ['end'], message: 'office end must be after office start' });
  })
  .transform(({ start, end, periods: given, weekdays, weekend }) => {
    const hours = given ?? [{ start: start ?? '08:30', end: end ?? '17:30' }];
    return { start: hours[0]!.start, end: hours.at(-1)!.end, periods: hours, weekdays, weekend };
  });

export const settingsSchema = z.strictObject({
  office: officeSchema.prefault({}),
  sla: z
    .strictObject({
      // R-DAY-5: each clock's basis is its own setting; hour clocks elapsed (the hotline runs around the
      // clock), day clocks on the working calendar.
      basis: z
        .strictObject({
          acknowledge: basis.default('elapsed'),
          reply: basis.default('elapsed'),
          answer: basis.default('working'),
          investigation: basis.default('working'),
          report: basis.default('working'),
          repair: basis.default('working'),
        })
        .prefault({}),
      acknowledgeHours: hours.default(2),
      replyHours: z.strictObject({ critical: hours.default(10), urgent: hours.default(15), normal: hours.default(24) }).prefault({}),
      investigationDays: days.default(3),
      reportDays: days.default(5),
      maxExtendedDays: days.default(7),
      repairDays: days.default(3),
      answerDays: days.default(3),
      dueSoonHours: hours.default(2),
    })
    .prefault({}),
  tickets: z
    .strictObject({
      categories: z
        .array(z.strictObject({ key: z.string().min(1).max(40), label: z.string().min(1).max(80) }))
        .min(1)
        .default([
          { key: 'service_quality', label: '服务质量 Service quality' },
          { key: 'product_quality', label: '产品质量 Product/work quality' },
          { key: 'after_sales', label: '售后 After-sales' },
          { key: 'appearance', label: '外观包装 Appearance/packaging' },
          { key: 'grievance', label: '抱怨 Grievance' },
          { key: 'other', label: '其他 Other' },
        ]),
      repeatWindowDays: days.default(30),
      suggestionBoxEveryDays: days.default(5),
    })
    .prefault({}),
  callbacks: z
    .strictObject({
      repairDelayWorkingDays: days.default(1),
      complaintDelayDays: days.default(15),
    })
    .prefault({}),
  loans: z
    .strictObject({
      takeOutAllowed: z.boolean().default(false),
      takeOutDays: days.default(3),
      maxRenewals: z.number().int().min(0).max(10).default(1),
      reminderHoursBeforeDue: hours.default(1),
    })
    .prefault({}),
  scores: z
    .strictObject({
      start: z.number().default(95),
      latePenalty: z.number().min(0).default(2),
      dissatisfiedPenalty: z.number().min(0).default(1),
      upheldComplaintFine: z.number().min(0).default(50),
      // R-DAY-3: a partly upheld finding is fined too only where the desk decides so.
      finePartlyUpheld: z.boolean().default(false),
    })
    .prefault({}),
  // R-DAY-1: how far back an action may be entered after the fact.
  lateEntry: z.strictObject({ windowDays: z.number().int().min(0).max(365).default(7) }).prefault({}),
  handover: z
    .strictObject({
      acknowledgeMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .default(30),
    })
    .prefault({}),
  // R-DAY-8: photos and scans are stored in the database, so their size is capped per file and per site.
  attachments: z
    .strictObject({
      maxFileBytes: z
        .number()
        .int()
        .min(1024)
        .max(100 * 1024 * 1024)
        .default(10 * 1024 * 1024),
      maxSiteBytes: z
        .number()
        .int()
        .min(1)
        .max(Number.MAX_SAFE_INTEGER)
        .default(5 * 1024 * 1024 * 1024),
    })
    .prefault({}),
  // R-DAY-10: how long before an appointment's window the reminder goes out.
  appointments: z
    .strictObject({
      reminderMinutes: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60)
        .default(60),
    })
    .prefault({}),
  // R-DOC-1: who the printed documents say they come from (the header of every document).
  documents: z
    .strictObject({
      propertyName: z.string().trim().min(1).max(80).default('物业管理处 Property Management Office'),
      centreName: z.string().trim().min(1).max(80).default('客户服务中心 Customer Service Centre'),
    })
    .prefault({}),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = settingsSchema.parse({});
