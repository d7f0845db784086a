// Loads one ticket as the current actor may see it: visibility scope, clocks, timeline, masking.
import type { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { notFound } from '../../core/errors.js';
import { allowedActions, type GuardedFields } from './model.js';
import { loadClocks, view, type Clock } from './clocks.js';
import { maskIdentity, scope, type IdentityFields } from './visibility.js';
import type { ticketDetail } from './schemas.js';

export type TicketDetail = z.input<typeof ticketDetail>;
// Instants arrive as Dates and leave as ISO text (core/json.ts), so the row is typed loosely here.
export type DetailRow = IdentityFields & GuardedFields & { conductWitnesses: string | null } & Record<string, unknown>;

export async function loadDetail(ctx: OpContext, id: number): Promise<TicketDetail> {
  // All six go out at once, in one round trip on pg (its connections pipeline, db/pg.ts); the server runs them in
  // order. What hangs off a ticket the reader may not see is read and dropped with it.
  const [[row], clocks, timeline, transfers, callbacks] = await Promise.all([
    ctx.sql<DetailRow>('tickets/detail', { site: ctx.site, id, ...scope(ctx.actor) }),
    loadClocks(ctx, id),
    ctx.sql('tickets/events', { site: ctx.site, ticketId: id }),
    ctx.sql('tickets/transfers', { site: ctx.site, ticketId: id }),
    ctx.sql('callbacks/for-ticket', { site: ctx.site, ticketId: id }),
    ctx.config(),
  ]);
  if (!row) throw notFound(`ticket ${id}`);
  return composeDetail(ctx, row, clocks, { timeline, transfers, callbacks });
}

/** The ticket detail from its row (tickets/detail.sql's columns) and what hangs off it, masked for the reader. */
export async function composeDetail(ctx: OpContext, row: DetailRow, stored: Clock[], lists: { timeline: unknown[]; transfers: unknown[]; callbacks: unknown[] }): Promise<TicketDetail> {
  const { calendar } = await ctx.config();
  const clocks = stored.map((c) => view(calendar, c, ctx.now));
  const detail = maskIdentity(ctx.actor.id, {
    ...row,
    clocks,
    ...lists,
    allowedActions: allowedActions(row),
    overdue: clocks.some((c) => c.metAt === null && c.late),
  });
  return detail as unknown as TicketDetail;
}
