import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';

export const ticketOut = z.object({ id: z.number(), number: z.string(), kind: z.string(), state: z.string(), openedAt: z.string() });
type TicketRow = z.input<typeof ticketOut>;

/** The customer's latest tickets (migration 004 always creates the table, so no probe for it first). */
export function customerTickets(ctx: OpContext, customer: { id: number; unit: string }): Promise<TicketRow[]> {
  return ctx.sql<TicketRow>('customers/tickets', { site: ctx.site, customerId: customer.id, unit: customer.unit });
}
