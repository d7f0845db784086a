// R-TIC-2 ticket numbers YYMMDDNNN: local intake date + running count within the local year.
import type { OpContext } from '../core/operation.js';
import { localDate } from '../time/calendar.js';

export function formatNumber(day: string, count: number): string {
  // Past 999 tickets in a year the count simply grows a digit; numbers stay unique.
  return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}${String(count).padStart(3, '0')}`;
}

/**
 * Takes the next number of the intake's year. The counter row stays locked until commit, so
 * concurrent intakes queue on it and a rolled-back intake gives its number back: no gaps.
 */
export async function nextNumber(ctx: OpContext, intake: Date): Promise<{ number: string; year: number }> {
  const day = localDate(ctx.zone, intake);
  const year = Number(day.slice(0, 4));
  const [row] = await ctx.sql<{ last: number }>('tickets/next-number', [ctx.site, year]);
  if (!row) throw new Error('ticket counter did not return a value');
  return { number: formatNumber(day, row.last), year };
}
