// tickets.open's writes as one statement (sql/open.sql) and its detail built from what that statement
// returned: no second read of the rows it just wrote (issue 17).
import type { OpContext } from '../../core/operation.js';
import type { StatementParams } from '../../generated/embedded.js';
import type { Clock } from './clocks.js';
import type { Severity } from './types.js';
import { numberDay } from './numbering.js';
import { composeDetail, type DetailRow, type TicketDetail } from './detail.js';
import { ticketDetail } from './schemas.js';
import { noFacts, tally } from '../reports/rollup.js';

/** Detail fields and the column each comes from (tickets/detail.sql names every column this way). */
const columns = Object.keys(ticketDetail.shape).map((key) => [key, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const);

/** sql/open.sql's parameters for the ticket's own columns; openTicket adds the rest. */
export type TicketValues = Omit<StatementParams['tickets/open'], 'numberDay' | 'clocks' | 'eventData' | 'operation' | 'audits' | 'events' | 'severity'>;

/** `severity` is the severity at intake (R-DAY-2). */
export async function openTicket(ctx: OpContext, values: TicketValues, openedAt: Date, clocks: Clock[], data: Record<string, unknown>, severity: Severity | null): Promise<TicketDetail> {
  const { audits, events } = ctx.takeJournal();
  const [written] = await ctx.sql<Record<string, unknown>>('tickets/open', {
    ...values,
    numberDay: numberDay(ctx, openedAt),
    clocks: JSON.stringify(clocks),
    eventData: JSON.stringify(data),
    operation: 'tickets.open',
    audits: JSON.stringify(audits),
    events: JSON.stringify(events),
    severity,
  });
  if (!written) throw new Error('the intake statement returned no row');
  await tally(ctx, [Number(written.id)], noFacts, Number(written.id));
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
