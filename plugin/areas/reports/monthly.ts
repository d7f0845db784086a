// 每月投诉情况分析 (R-REP-1): every figure is computed by the database; this module only puts the
// statements' rows into the report's shape.
import type { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { formatInstant } from '../../core/json.js';
import { monthPeriod } from './period.js';
import type { monthlyReport } from './schemas.js';
import { fold } from './rollup.js';

type MonthlyReport = z.input<typeof monthlyReport>;
type Dimension = keyof MonthlyReport['counts'];

/** R-DAY-11: what the monthly figures count. */
export const monthlyBasis =
  'counts, on-time rates, handling time, closure, repeats and top units: tickets opened (received) in the month, each clock judged on when its actions happened (occurredAt); ' +
  'satisfaction: callbacks made in the month, whichever month their ticket was opened';

/** The regulations' target for the monthly average complaint handling time. */
export const handlingTargetHours = 17;

interface Summary {
  maliciousCount: number;
  maliciousLate: number;
  handledComplaints: number;
  averageHours: number | null;
  p90Hours: number | null;
  targetMet: boolean | null;
  tickets: number;
  closed: number;
  closurePercent: number | null;
  callbacks: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionPercent: number | null;
  repeatComplaints: number;
}

interface Month {
  site: string;
  from: Date;
  to: Date;
  month: string;
  repeatDays: number;
  topUnits: number;
}

interface Figures {
  counts: { dimension: Dimension; key: string; count: number }[];
  onTime: MonthlyReport['onTime'];
  s: Summary | undefined;
  units: MonthlyReport['topUnits'];
}

/** Straight from the month's tickets: what the rollup must equal, and the path for a zone the rollup is not kept in. */
async function fromTickets(ctx: OpContext, { site, from, to, repeatDays, topUnits }: Month): Promise<Figures> {
  const range = { site, from, to };
  const [counts, onTime, [s], units] = await Promise.all([
    ctx.sql<Figures['counts'][number]>('reports/monthly-counts', range),
    ctx.sql<MonthlyReport['onTime'][number]>('reports/monthly-clocks', { ...range, asOf: ctx.now }),
    ctx.sql<Summary>('reports/monthly-summary', { ...range, asOf: ctx.now, repeatDays, targetHours: handlingTargetHours }),
    ctx.sql<MonthlyReport['topUnits'][number]>('reports/monthly-units', { ...range, topUnits }),
  ]);
  return { counts, onTime, s, units };
}

/** From the per-day rollup (migration 010): the cost follows the month's days and dimensions, not its tickets. */
async function fromRollup(ctx: OpContext, { site, from, to, month, repeatDays, topUnits }: Month): Promise<Figures> {
  const days = { site, firstDay: `${month}-01`, nextDay: nextMonth(month) };
  const [counts, onTime, [s], units] = await Promise.all([
    ctx.sql<Figures['counts'][number]>('reports/monthly-rollup-counts', days),
    ctx.sql<MonthlyReport['onTime'][number]>('reports/monthly-rollup-clocks', { ...days, asOf: ctx.now, from, to }),
    ctx.sql<Summary>('reports/monthly-rollup-summary', { ...days, asOf: ctx.now, repeatDays, targetHours: handlingTargetHours, from, to }),
    ctx.sql<MonthlyReport['topUnits'][number]>('reports/monthly-rollup-units', { site, month: `${month}-01`, topUnits }),
  ]);
  return { counts, onTime, s, units };
}

/** '2026-12' → '2027-01-01'. */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export async function buildMonthlyReport(ctx: OpContext, month: string, topUnits: number): Promise<MonthlyReport> {
  const { from, to } = monthPeriod(month, ctx.zone);
  const range = { site: ctx.site, from, to };
  // Before the reads, so they mostly find the rollup alone; they add any deltas left, so a skipped fold is exact too.
  // The statements of each step are independent: sent together, they share round trips (pipelining, db/pg.ts).
  const [{ settings }, , [rollup]] = await Promise.all([ctx.config(), fold(ctx.tx, ctx.site), ctx.sql<{ zone: string }>('reports/rollup-zone', { site: ctx.site })]);
  const figures = rollup?.zone === ctx.zone ? fromRollup : fromTickets;
  // R-DAY-7 / R-DAY-10: incidents and appointments are counted apart from the tickets.
  const [{ counts, onTime, s, units }, [incidents], [appointments]] = await Promise.all([
    figures(ctx, { site: ctx.site, from, to, month, repeatDays: settings.tickets.repeatWindowDays, topUnits }),
    ctx.sql<MonthlyReport['incidents']>('incidents/monthly', range),
    ctx.sql<MonthlyReport['appointments']>('appointments/monthly', range),
  ]);
  if (!s || !incidents || !appointments) throw new Error('a monthly statement returned no row');
  const byDimension = (d: Dimension) => counts.filter((r) => r.dimension === d).map(({ key, count }) => ({ key, count }));
  return {
    month,
    from: formatInstant(from, ctx.zone),
    to: formatInstant(to, ctx.zone),
    basis: monthlyBasis,
    counts: {
      kind: byDimension('kind'),
      category: byDimension('category'),
      severity: byDimension('severity'),
      department: byDimension('department'),
      channel: byDimension('channel'),
    },
    onTime,
    malicious: { count: s.maliciousCount, late: s.maliciousLate },
    handling: {
      complaints: s.handledComplaints,
      averageHours: s.averageHours,
      p90Hours: s.p90Hours,
      targetHours: handlingTargetHours,
      targetMet: s.targetMet,
    },
    closure: { tickets: s.tickets, closed: s.closed, percent: s.closurePercent },
    satisfaction: {
      callbacks: s.callbacks,
      satisfied: s.satisfied,
      basicallySatisfied: s.basicallySatisfied,
      dissatisfied: s.dissatisfied,
      percent: s.satisfactionPercent,
    },
    repeatComplaints: s.repeatComplaints,
    topUnits: units,
    incidents,
    appointments,
  };
}
