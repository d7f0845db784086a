// tickets.open's writes as one statement (sql/open.sql) and its detail built from what that statement
// returned: no second read of the rows it just wrote (issue 17).
import type { OpContext } from '../../core/operation.js';
import type { Clock } from './clocks.js';
import type { Severity } from './types.js';
import { numberDay } from './numbering.js';
import { composeDetail, type DetailRow, type TicketDetail } from './detail.js';
import { ticketDetail } from './schemas.js';

/** Detail fields and the column each comes from (tickets/detail.sql names every column this way). */
const columns = Object.keys(ticketDetail.shape).map((key) => [key, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const);

/** `values` are sql/open.sql's $1..$23: the ticket's columns in its insert's order; `severity` its $30 (R-DAY-2). */
export async function openTicket(ctx: OpContext, values: readonly unknown[], openedAt: Date, clocks: Clock[], data: Record<string, unknown>, severity: Severity | null): Promise<TicketDetail> {
  const { audits, events } = ctx.takeJournal();
  const [written] = await ctx.sql<Record<string, unknown>>('tickets/open', [
    ...values,
    numberDay(ctx, openedAt),
    JSON.stringify(clocks),
    JSON.stringify(data),
    'tickets.open',
    JSON.stringify(audits),
    JSON.stringify(events),
    severity,
  ]);
  if (!written) throw new Error('the intake statement returned no row');
  const row: Record<string, unknown> = {};
  for (const [key, column] of columns) if (column in written) row[key] = written[column];
  const event = {
    id: written.event_id,
    operation: 'open',
    fromState: null,
    toState: 'new',
    actorId: ctx.actor.id || null,
    actorName: ctx.actor.id ? ctx.actor.name : null,
    note: null,
    data,
    at: openedAt,
    enteredAt: ctx.now,
  };
  return composeDetail(ctx, row as DetailRow, clocks, { timeline: [event], transfers: [], callbacks: [] });
}
