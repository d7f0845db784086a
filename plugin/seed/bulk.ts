// Set-based writes for the demo set: each table's rows go in as ONE statement (jsonb_populate_recordset
// over the table's own row type). Ids come from the tables' identity sequences beforehand, so rows of
// several tables can point at each other and later inserts by the operations continue after them.
import type { Tx } from '../db/types.js';

export type Rows = Record<string, unknown>[];

/**
 * Inserts rows (objects keyed by column name) into a table of `site` in one statement. The columns are
 * the union of the rows' keys; a key a row lacks is null there (columns no row names keep their default).
 */
export async function insertRows(tx: Tx, site: string, table: string, rows: Rows): Promise<void> {
  if (rows.length === 0) return;
  const columns = ['site', ...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.join(', ');
  const withId = columns.includes('id') ? ' overriding system value' : '';
  await tx.query(`insert into ${table} (${list})${withId} select ${list} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [JSON.stringify(rows.map((r) => ({ ...r, site })))]);
}

/** Ids drawn from a table's own identity sequence, for rows written with insertRows that others point at. */
export async function nextIds(tx: Tx, table: string, count: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>(`select nextval(pg_get_serial_sequence('${table}', 'id'))::int as id from generate_series(1, $1::int)`, [count]);
  return rows.map((r) => r.id);
}
