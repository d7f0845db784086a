import { z } from 'zod';
import { atLeast } from '../../core/roles.js';
import { id, month, year } from '../../core/schemas.js';
import { localDate } from '../../time/calendar.js';
import { formatInstant } from '../../core/json.js';
import { buildMonthlyReport, monthlyBasis } from './monthly.js';
import { assessmentPeriod, monthRange, quarter, quarterPeriod } from './period.js';
import { callbackMonth, callbackStats, monthlyReport, quarterlySample, sampleRecord, staffScore, staffScores } from './schemas.js';
import { defineReport, longTable, rowsTable } from './export.js';

const readers = atLeast('manager');
const maxMonths = 36;

export default [
  defineReport({
    name: 'reports.monthly',
    title: 'Monthly complaint analysis (每月投诉情况分析)',
    description:
      'Tickets opened in the month by kind, category, severity, department and channel; on-time rate per SLA clock; complaint handling time (average and p90 against the 17 h target); closure and callback satisfaction rates; repeat complaints and top units. Malicious complaints stay out of the statistics and are counted apart (R-REP-1). ' +
      `Basis (R-DAY-11): ${monthlyBasis}`,
    access: readers,
    input: z.object({
      month: month.describe('month as YYYY-MM (local time of the data source)'),
      topUnits: z.number().int().min(1).max(50).default(10).describe('how many units to list by ticket count'),
    }),
    output: monthlyReport,
    handler: (ctx, input) => buildMonthlyReport(ctx, input.month, input.topUnits),
    csv: (r) => ({ fileName: `monthly-${r.month}.csv`, table: longTable(r, ['basis']) }),
  }),
  defineReport({
    name: 'reports.quarterlySample',
    title: 'Quarterly 20% sample of repair records',
    description:
      "The director's quarterly check (R-REP-1): a random 20% (rounded up) of the repair tickets opened in the quarter. The same seed always gives the same sample, so the check can be repeated and audited.",
    access: ['director'],
    input: z.object({
      quarter: quarter.describe('quarter as YYYY-Qn, e.g. 2026-Q4'),
      seed: z.string().trim().min(1).max(100).describe('any text; write it down with the sample to reproduce it'),
    }),
    output: quarterlySample,
    async handler(ctx, input) {
      const { from, to } = quarterPeriod(input.quarter, ctx.zone);
      const rows = await ctx.sql<z.input<typeof sampleRecord> & { population: number }>('reports/quarterly-sample', { site: ctx.site, from, to, seed: input.seed });
      return {
        quarter: input.quarter,
        seed: input.seed,
        basis: `repair tickets opened (received) in ${input.quarter}; a record's place in the sample is fixed by the seed`,
        population: rows[0]?.population ?? 0,
        records: rows.map(({ population: _, ...record }) => record),
      };
    },
    csv: (r) => ({ fileName: `repair-sample-${r.quarter}.csv`, table: rowsTable(sampleRecord, r.records) }),
  }),
  defineReport({
    name: 'reports.staffScores',
    title: 'Staff assessment scores',
    description:
      'Per staff member for an assessment period — a month, a quarter or a year (R-REP-2): settings.scores.start, minus latePenalty per late ticket they own as first contact, minus dissatisfiedPenalty per dissatisfied callback on their tickets; a fine of upheldComplaintFine per complaint about them found upheld (R-DAY-3; partly upheld too when settings.scores.finePartlyUpheld), with the count of each finding.',
    access: readers,
    input: z.object({
      month: month.optional().describe('assess this month, YYYY-MM'),
      quarter: quarter.optional().describe('or this quarter, YYYY-Qn'),
      year: year.optional().describe('or this whole year'),
      staffId: id.optional().describe('only this staff member'),
    }),
    output: staffScores,
    async handler(ctx, input) {
      const { scores } = (await ctx.config()).settings;
      const { from, to } = assessmentPeriod(input, ctx.zone);
      const staff = await ctx.sql<z.input<typeof staffScore>>('reports/staff-scores', {
        site: ctx.site,
        from,
        to,
        asOf: ctx.now,
        start: scores.start,
        latePenalty: scores.latePenalty,
        dissatisfiedPenalty: scores.dissatisfiedPenalty,
        upheldFine: scores.upheldComplaintFine,
        staffId: input.staffId ?? null,
        finePartlyUpheld: scores.finePartlyUpheld,
      });
      const basis = 'late tickets and findings: tickets opened (received) in the period, each clock judged on when its actions happened; ' + 'dissatisfied callbacks: callbacks made in the period';
      return { from: formatInstant(from, ctx.zone), to: formatInstant(to, ctx.zone), basis, staff };
    },
    csv: (r, input) => ({ fileName: `staff-scores-${input.month ?? input.quarter ?? input.year}.csv`, table: rowsTable(staffScore, r.staff) }),
  }),
  defineReport({
    name: 'reports.callbackStats',
    title: 'Callback statistics (回访统计)',
    description: 'Per month: callbacks made, by outcome, and the satisfaction rate; of the callbacks due that month, how many were done on time, late or are still open (R-TIC-10).',
    access: readers,
    input: z.object({
      year: year.optional().describe('a whole year, January to December (instead of from/to)'),
      from: month.optional().describe('first month, YYYY-MM (default: the last month, or the current month)'),
      to: month.optional().describe('last month, YYYY-MM (default: the first month)'),
    }),
    output: callbackStats,
    async handler(ctx, input) {
      const { first, last } = monthRange(input, localDate(ctx.zone, ctx.now).slice(0, 7), maxMonths);
      const months = await ctx.sql<z.input<typeof callbackMonth>>('reports/callback-stats', { site: ctx.site, zone: ctx.zone, first: `${first}-01`, last: `${last}-01` });
      const basis = 'made and outcomes: callbacks made in the month (when the call was made), whichever month their ticket was opened; ' + 'due, on time, late, open: callbacks due in the month';
      return { basis, months };
    },
    csv: (r) => ({ fileName: `callbacks-${r.months[0]?.month ?? 'none'}-${r.months.at(-1)?.month ?? 'none'}.csv`, table: rowsTable(callbackMonth, r.months) }),
  }),
];
