import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { mayReadConfidential } from './masking.js';
import { customerTickets } from './tickets.js';
import type { CustomerRow } from './fields.js';

export const historyEntry = z.object({
  at: z.string(),
  type: z.enum(['customer', 'label', 'document', 'loan', 'edit', 'ticket', 'callback']),
  refId: z.number().describe('id of the document, loan, edit request, ticket, callback …'),
  action: z.string(),
  title: z.string().nullable(),
  state: z.string().nullable(),
  staffId: z.number().nullable(),
});
type Entry = z.input<typeof historyEntry>;

/** R-CUS-4: one log of everything that touched the customer; document titles masked per R-CUS-5. */
export async function customerHistory(ctx: OpContext, customer: CustomerRow): Promise<Entry[]> {
  const rows = await ctx.sql<Entry>('customers/history', { site: ctx.site, customerId: customer.id });
  const open = mayReadConfidential(ctx.actor, customer);
  const entries = rows.map((r) => (r.type === 'document' && !open ? { ...r, title: '***' } : r));
  const tickets = await customerTickets(ctx, customer);
  const ticketEntries: Entry[] = tickets.map((t) => ({ at: t.openedAt, type: 'ticket', refId: t.id, action: t.kind, title: t.number, state: t.state, staffId: null }));
  const callbacks = await ctx.sql<Entry>('customers/callbacks', { site: ctx.site, customerId: customer.id, unit: customer.unit });
  return [...entries, ...ticketEntries, ...callbacks].sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime());
}
