// reports.monthly's per-day rollup (migration 010) is kept by the writes, in their own transaction: a change
// reads its tickets' report facts first and tallies the difference once it is written. The facts are one SQL
// view (report_facts), so a write path only has to say which tickets it touched.
import type { OpContext } from '../../core/operation.js';

/** The report facts of tickets before a change, as JSON text (hours stay exact numerics). */
export type FactsBefore = string;

export const noFacts: FactsBefore = '[]';

export async function factsBefore(ctx: OpContext, ticketIds: readonly number[]): Promise<FactsBefore> {
  const [row] = await ctx.sql<{ facts: string }>('reports/facts', { site: ctx.site, ticketIds, zone: ctx.zone });
  return row?.facts ?? noFacts;
}

/** Adds the tickets' facts now minus `before`; `opened`: the ticket just opened (its unit's next complaint may move). */
export async function tally(ctx: OpContext, ticketIds: readonly number[], before: FactsBefore, opened: number | null = null): Promise<void> {
  await ctx.sql('reports/tally', { site: ctx.site, ticketIds, before, zone: ctx.zone, opened });
}
