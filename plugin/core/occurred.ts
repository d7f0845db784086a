// R-DAY-1 late entry: staff type in work after the fact. An action may say when it really happened; the
// clocks are judged on that instant, and the record keeps when (ctx.now) and by whom it was entered.
import type { OpContext } from './operation.js';
import { formatInstant } from './json.js';
import { instant, toInstant } from './schemas.js';
import { validation } from './errors.js';

export const occurredAtInput = instant
  .optional()
  .describe(
    'when it really happened, if you enter it later (R-DAY-1): 2026-02-13 16:00 (local time of the data source) or ISO 8601 with offset ' +
      '(2026-02-13T16:00:00+08:00); default now. Not in the future, not before the previous action on the record, at most settings.lateEntry.windowDays (7) days ago',
  );

/**
 * The instant an action happened: `value` if given (checked against now, the previous action on the record
 * and the late-entry window), else now. Refusals are VALIDATION errors naming `field`; nothing is written yet.
 */
export async function occurredAt(ctx: OpContext, value: string | undefined, previous: Date | null, field = 'occurredAt'): Promise<Date> {
  if (value === undefined) return ctx.now;
  const at = toInstant(value, ctx.zone, field);
  const shown = (d: Date) => formatInstant(d, ctx.zone);
  if (at > ctx.now) throw validation(field, `cannot be in the future (now is ${shown(ctx.now)})`);
  if (previous && at < previous) throw validation(field, `cannot be before the previous action on this record (${shown(previous)})`);
  const { windowDays } = (await ctx.config()).settings.lateEntry;
  if (ctx.now.getTime() - at.getTime() > windowDays * 86_400_000) {
    throw validation(field, `cannot be more than ${windowDays} days ago (settings.lateEntry.windowDays)`);
  }
  return at;
}
