// What a site's data is: every table of the schema that carries a `site` column, its columns and key,
// in an order where every table comes after the tables its foreign keys point to.
import type { Tx } from '../db/types.js';

export interface TableInfo {
  name: string;
  /** Columns that can be written (generated columns are recomputed on import). */
  columns: string[];
  /** Primary key columns, for a stable row order. */
  key: string[];
  /** Columns filled by an identity sequence, which import must move past the imported values. */
  identity: string[];
}

interface CatalogRow {
  name: string;
  columns: string[];
  key: string[] | null;
  identity: string[] | null;
  refs: string[] | null;
}

export async function siteTables(tx: Tx, schema: string): Promise<TableInfo[]> {
  const rows = await tx.query<CatalogRow>(
    `select c.relname as name,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                   order by a.attnum) as columns,
            array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                   where i.indrelid = c.oid and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as key,
            array(select a.attname::text from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and a.attidentity <> '') as identity,
            array(select distinct r.relname::text from pg_constraint f join pg_class r on r.oid = f.confrelid
                   where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid) as refs
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute s where s.attrelid = c.oid and s.attname = 'site' and not s.attisdropped)
      order by c.relname`,
    [schema],
  );
  // Depth-first: a table is placed once everything it references is placed (cycles fall back to name order).
  const byName = new Map(rows.map((r) => [r.name, r]));
  const placed: CatalogRow[] = [];
  const seen = new Set<string>();
  const place = (r: CatalogRow) => {
    if (seen.has(r.name)) return;
    seen.add(r.name);
    for (const ref of r.refs ?? []) {
      const target = byName.get(ref);
      if (target) place(target);
    }
    placed.push(r);
  };
  rows.forEach(place);
  return placed.map((r) => ({ name: r.name, columns: r.columns, key: r.key?.length ? r.key : r.columns, identity: r.identity ?? [] }));
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
