// R-TIC-2 ticket numbers YYMMDDNNN: local intake date + running count within the local year.
import type { OpContext } from '../../core/operation.js';
import { localDate } from '../../time/calendar.js';

/** The local calendar year of an intake: the key the running count restarts on (1 January, local time). */
export const intakeYear = (ctx: OpContext, intake: Date): number => Number(localDate(ctx.zone, intake).slice(0, 4));

/** YYMMDD of the local intake date: the number's prefix; sql/open.sql appends the year's running count. */
export function numberDay(ctx: OpContext, intake: Date): string {
  const day = localDate(ctx.zone, intake);
  return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}`;
}
