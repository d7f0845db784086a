// tickets.open's writes in three statements, the year's counter taken by the last (issue 17): sql/open.sql writes
// the ticket without its number, the tally records its report facts, sql/number.sql numbers it and audits it. The
// detail is built from what the last returned: no second read of the rows just written.
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
export type TicketValues = Omit<StatementParams['tickets/open'], 'clocks' | 'eventData' | 'events' | 'severity'>;

/** `severity` is the severity at intake (R-DAY-2). */
export async function openTicket(ctx: OpContext, values: TicketValues, openedAt: Date, clocks: Clock[], data: Record<string, unknown>, severity: Severity | null): Promise<TicketDetail> {
  const { audits, events } = ctx.takeJournal();
  const [opened] = await ctx.sql<Record<string, unknown>>('tickets/open', {
    ...values,
    clocks: JSON.stringify(clocks),
    eventData: JSON.stringify(data),
    events: JSON.stringify(events),
    severity,
  });
  if (!opened) throw new Error('the intake statement returned no row');
  const id = Number(opened.id);
  await tally(ctx, [id], noFacts, id);
  // Last: from here the year's counter row is held until commit (R-TIC-2); test/tickets.numbering.test.ts checks nothing follows.
  const [numbered] = await ctx.sql<{ number: string }>('tickets/number', {
    site: values.site,
    id,
    year: values.year,
    numberDay: numberDay(ctx, openedAt),
    clocks: JSON.stringify(clocks),
    operation: 'tickets.open',
    audits: JSON.stringify(audits),
    actorId: values.actorId,
    now: values.now,
    openedAt,
  });
  if (!numbered) throw new Error('the numbering statement returned no row');
  const written: Record<string, unknown> = { ...opened, number: numbered.number };
  // The caller is the first-contact owner (R-TIC-3); a new ticket has no department or assignee yet.
  const row: Record<string, unknown> = { firstOwnerName: ctx.actor.name, departmentName: null, assigneeName: null };
  for (const [key, column] of columns) if (column in written) row[key] = written[column];
  const event = {
    id: opened.event_id,
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
