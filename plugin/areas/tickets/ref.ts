// R-DAY-4: wherever an operation takes a ticket, staff may give its id or the number they quote (YYMMDDNNN).
// Every such operation spreads `ticketKey` into its input and resolves it here, in one place.
import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { notFound, validation } from '../../core/errors.js';
import { id } from '../../core/schemas.js';

export const ticketNumber = z
  .string()
  .trim()
  // YYMMDD + the year's count, padded to three digits and never cut (migration 018, ticket_take_number): a site's millionth
  // ticket of a year has a seven-digit count. At 10M tickets the bench's numbers were 13 digits long and were
  // searched as text (~125 ms) instead of through the number's index.
  .regex(/^\d{9,16}$/, 'a ticket number YYMMDDNNN, e.g. 260213001')
  .describe('ticket number YYMMDDNNN as staff quote it, e.g. 260213001 (instead of id, R-DAY-4)');

/** Whether free text is a whole ticket number, as tickets.search takes it (R-DAY-4). */
export const isTicketNumber = (text: string): boolean => ticketNumber.safeParse(text).success;

export const ticketKey = {
  id: id.optional().describe('ticket id (or give number)'),
  number: ticketNumber.optional(),
};

export interface TicketKey {
  id?: number | undefined;
  number?: string | undefined;
}

/** The ticket's id; NOT_FOUND for a number no ticket has, VALIDATION when neither or both are given. */
export async function resolveTicketId(ctx: OpContext, key: TicketKey): Promise<number> {
  if (key.id !== undefined && key.number !== undefined) throw validation('number', 'give the ticket id or its number, not both');
  if (key.id !== undefined) return key.id;
  if (key.number === undefined) throw validation('id', 'give the ticket id or its number (YYMMDDNNN)');
  const [row] = await ctx.sql<{ id: number }>('tickets/id-by-number', { site: ctx.site, number: key.number });
  if (!row) throw notFound(`ticket number ${key.number}`);
  return row.id;
}
