import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';

export const ticketOut = z.object({ id: z.number(), number: z.string(), kind: z.string(), state: z.string(), openedAt: z.string() });
type TicketRow = z.input<typeof ticketOut>;

/** Tickets belong to another area whose table may not be installed yet: null then, rather than an error. */
export async function customerTickets(ctx: OpContext, customer: { id: number; unit: string }): Promise<TicketRow[] | null> {
  const [probe] = await ctx.sql<{ present: boolean }>('customers/has-tickets', {});
  if (!probe?.present) return null;
  return ctx.sql<TicketRow>('customers/tickets', { site: ctx.site, customerId: customer.id, unit: customer.unit });
}
