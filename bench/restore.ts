// A kept schema (--keep, then --reuse) is measured again and again: it must hold the data it was generated with.
// The intakes a run makes stay behind otherwise, all on the units the bench samples (bench/ops.ts): by 2026-11-29
// 17:40 UTC the runs had left 117,719 of them at 10M tickets, 2,800–2,965 complaints on each of 56 units within the
// last 30 days, and those units' pages, the due-soon list and the intake's own repeat check read them.
//
// Before a kept schema is measured, the bench takes its intakes back: their rollup facts (the plugin's own facts
// and tally statements, so the monthly report stays true), the rows hanging off them, the tickets, and each year's
// counter back to the last number left, so the numbering check (R-TIC-2) still finds 1..n. Their audit entries
// stay: the log is append-only (R-ACT-3), and no benchmarked read touches them.
import type { Tx } from '../plugin/db/types.js';
import { runStatement } from '../plugin/core/statement.js';
import { numberCount } from './generate.js';

/** Every benchmarked intake's matter starts so (bench/ops.ts); no generated ticket's does (bench/generate.ts). */
export const INTAKE_MATTER = 'Bench intake';

const children = ['ticket_clocks', 'ticket_events', 'ticket_callbacks', 'ticket_transfers', 'appointments', 'attachments'];

/** Removes the bench's intakes from `site` in transaction `tx`; returns how many there were. */
export async function restore(tx: Tx, site: string, zone: string): Promise<number> {
  await tx.exec('set local statement_timeout = 0');
  const [found] = await tx.query<{ ids: string[] | null }>(`select array_agg(id) as ids from tickets where site = $1 and matter like $2`, [site, `${INTAKE_MATTER} %`]);
  const ids = (found?.ids ?? []).map(Number);
  if (ids.length === 0) return 0;
  const [before] = await runStatement<{ facts: string }>(tx, 'reports/facts', { site, ticketIds: ids, zone });
  // Their facts as they are, against none now: the tally writes the negatives as deltas.
  await runStatement(tx, 'reports/tally', { site, ticketIds: [], before: before?.facts ?? '[]', opened: null, zone });
  for (const table of children) await tx.query(`delete from ${table} where site = $1 and ticket_id = any($2::bigint[])`, [site, ids]);
  await tx.query(`delete from tickets where site = $1 and id = any($2::bigint[])`, [site, ids]);
  await tx.query(
    `update ticket_numbers n set last = coalesce((select max(${numberCount('t.number')}) from tickets t where t.site = n.site and t.year = n.year), 0)
      where n.site = $1`,
    [site],
  );
  return ids.length;
}
