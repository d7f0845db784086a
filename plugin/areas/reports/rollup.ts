// reports.monthly's per-day rollup (migration 010) is kept by the writes, in their own transaction: a change
// reads its tickets' report facts first and tallies the difference once it is written, as deltas (migration 015)
// that a fold adds to the rollup later. The facts are one SQL view (report_facts), so a write path only has to
// say which tickets it touched.
import type { OpContext } from '../../core/operation.js';
import type { Tx } from '../../db/types.js';
import { runStatement } from '../../core/statement.js';

/** The report facts of tickets before a change, as JSON text (hours stay exact numerics). */
export type FactsBefore = string;

export const noFacts: FactsBefore = '[]';

export async function factsBefore(ctx: OpContext, ticketIds: readonly number[]): Promise<FactsBefore> {
  const [row] = await ctx.sql<{ facts: string }>('reports/facts', { site: ctx.site, ticketIds, zone: ctx.zone });
  return row?.facts ?? noFacts;
}

/** Records the tickets' facts now minus `before` as deltas; `opened`: the ticket just opened (its unit's next complaint may move). */
export async function tally(ctx: OpContext, ticketIds: readonly number[], before: FactsBefore, opened: number | null = null): Promise<void> {
  await ctx.sql('reports/tally', { site: ctx.site, ticketIds, before, zone: ctx.zone, opened });
}

/**
 * Adds a site's deltas to the rollup (reports/sql/fold.sql). `folded` false: another fold of the site was running
 * and this one skipped. Run by the worker loop and by reports.monthly, so a ToolJet-only install (no worker:
 * the bundle runs per query) folds whenever someone reads the report.
 */
export async function fold(tx: Tx, site: string): Promise<{ folded: boolean; deltas: number }> {
  const [row] = await runStatement<{ folded: boolean; deltas: number }>(tx, 'reports/fold', { site });
  return row ?? { folded: false, deltas: 0 };
}
