// R-TIC-10 callback scheduling: repairs the working day after completion, complaints N days after reply.
import type { Config, OpContext } from '../../core/operation.js';
import { addCalendarDays, addWorkingDays, localDate } from '../../time/calendar.js';
import type { TicketKind } from '../tickets/types.js';

/** Local date a callback is due, counted from `base` (repair completion, reply, or a new deadline). */
export function callbackDueOn(cfg: Config, kind: TicketKind, base: Date): string {
  const { callbacks } = cfg.settings;
  if (kind === 'repair') return localDate(cfg.calendar.zone, addWorkingDays(cfg.calendar, base, callbacks.repairDelayWorkingDays));
  return addCalendarDays(cfg.calendar.zone, base, callbacks.complaintDelayDays);
}

/** One open callback per ticket: scheduling again moves its date. */
export async function scheduleCallback(ctx: OpContext, ticket: { id: number; number: string }, dueOn: string): Promise<void> {
  const [row] = await ctx.sql<{ id: number; dueOn: string }>('callbacks/schedule', { site: ctx.site, ticketId: ticket.id, dueOn, at: ctx.now });
  ctx.emit('callback.scheduled', { ticketId: ticket.id, number: ticket.number, callbackId: row?.id ?? null, dueOn });
}
