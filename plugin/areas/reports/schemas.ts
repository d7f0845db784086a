// Output shapes of the reports (R-REP-1, R-REP-2); percentages are 0–100 with two decimals, null when
// there is nothing to divide by.
import { z } from 'zod';
import { id, instantOut, nullableInstantOut } from '../../core/schemas.js';
import { basisField } from './export.js';

const percent = z.number().nullable();
const countRow = z.object({ key: z.string(), count: z.number() });

export const monthlyReport = z.object({
  month: z.string(),
  from: instantOut,
  to: instantOut,
  basis: basisField,
  counts: z.object({
    kind: z.array(countRow),
    category: z.array(countRow),
    severity: z.array(countRow),
    department: z.array(countRow),
    channel: z.array(countRow),
  }),
  onTime: z.array(z.object({ clock: z.string(), onTime: z.number(), late: z.number(), running: z.number(), percent })).describe('per SLA clock; malicious tickets excluded'),
  malicious: z.object({ count: z.number(), late: z.number() }).describe('malicious complaints, reported apart from the statistics'),
  handling: z.object({
    complaints: z.number().describe('complaints with a final reply'),
    averageHours: z.number().nullable(),
    p90Hours: z.number().nullable().describe('nearest-rank 90th percentile'),
    targetHours: z.number(),
    targetMet: z.boolean().nullable(),
  }),
  closure: z.object({ tickets: z.number(), closed: z.number(), percent }),
  satisfaction: z.object({
    callbacks: z.number(),
    satisfied: z.number(),
    basicallySatisfied: z.number(),
    dissatisfied: z.number(),
    percent: percent.describe('satisfied or basically satisfied, of the callbacks done in the month'),
  }),
  repeatComplaints: z.number().describe('complaints from a unit that complained within the repeat window before'),
  topUnits: z.array(z.object({ unit: z.string(), tickets: z.number(), complaints: z.number() })),
  incidents: z
    .object({ opened: z.number(), closed: z.number(), linkedTickets: z.number(), linkedComplaints: z.number() })
    .describe('R-DAY-7: incidents opened in the month and the tickets linked to them (a burst of calls is one incident, many tickets)'),
  appointments: z
    .object({
      booked: z.number(),
      done: z.number(),
      missed: z.number(),
      missedByResident: z.number(),
      missedByStaff: z.number(),
      cancelled: z.number(),
      open: z.number(),
    })
    .describe('R-DAY-10: appointments whose window opened in the month, by outcome'),
});

export const staffScore = z.object({
  staffId: id,
  name: z.string(),
  lateTickets: z.number(),
  dissatisfiedCallbacks: z.number(),
  upheldComplaints: z.number().describe('complaints about them found upheld 成立 (R-DAY-3)'),
  partlyUpheldComplaints: z.number().describe('found partly upheld 部分成立; fined only when settings.scores.finePartlyUpheld'),
  notUpheldComplaints: z.number().describe('found not upheld 不成立: no fine'),
  findingsPending: z.number().describe('complaints about them without a finding yet: no fine until found'),
  score: z.number(),
  fine: z.number().describe('yuan'),
});

export const staffScores = z.object({ from: instantOut, to: instantOut, basis: basisField, staff: z.array(staffScore) });

export const sampleRecord = z.object({
  id,
  number: z.string(),
  openedAt: instantOut,
  unit: z.string().nullable(),
  matter: z.string(),
  state: z.string(),
  department: z.string().nullable(),
  resolvedAt: nullableInstantOut,
});

export const callbackMonth = z.object({
  month: z.string(),
  made: z.number(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  dissatisfied: z.number(),
  satisfactionPercent: percent,
  due: z.number(),
  doneOnTime: z.number(),
  doneLate: z.number(),
  open: z.number(),
});

export const callbackStats = z.object({ basis: basisField, months: z.array(callbackMonth) });

export const quarterlySample = z.object({ quarter: z.string(), seed: z.string(), basis: basisField, population: z.number(), records: z.array(sampleRecord) });
