// R-TIC-2 ticket numbers YYMMDDNNN: local intake date + running count within the local year.
import type { OpContext } from '../../core/operation.js';
import { localDate } from '../../time/calendar.js';

/** The local calendar year of an intake: the key the running count restarts on (1 January, local time). */
export const intakeYear = (ctx: OpContext, intake: Date): number => Number(localDate(ctx.zone, intake).slice(0, 4));

/**
 * Stamps the ticket with the next number of its year. Call it as the intake's last statement: the
 * counter row stays locked until commit, so concurrent intakes queue on it (gap-free, no duplicates)
 * and everything done after it lengthens the queue.
 */
export async function stampNumber(ctx: OpContext, ticketId: number, intake: Date): Promise<string> {
  const day = localDate(ctx.zone, intake);
  const yymmdd = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
  const [row] = await ctx.sql<{ number: string }>('tickets/next-number', [ctx.site, ticketId, yymmdd]);
  if (!row) throw new Error('ticket counter did not return a value');
  return row.number;
}
