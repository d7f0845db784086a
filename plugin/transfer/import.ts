// `customerdesk import`: the JSON lines of `customerdesk export` into a site that has no data yet, in one
// transaction (all or nothing). Ids are kept, so references between rows stay right, and identity
// sequences are moved past them so the next record created gets a fresh id.
import type { Db, Tx } from '../db/types.js';
import { conflict, validation } from '../core/errors.js';
import { schemaVersion } from '../db/migrate.js';
import { exportFormat, type ExportHeader, type ExportLine } from './export.js';
import { quoteIdent, siteTables, type TableInfo } from './catalog.js';

const batch = 500;

function parseLine<T>(text: string, n: number): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw validation('input', `line ${n} is not JSON`);
  }
}

async function insertRows(tx: Tx, table: TableInfo, site: string, rows: Record<string, unknown>[]): Promise<void> {
  const cols = table.columns.map(quoteIdent).join(', ');
  const overriding = table.identity.length ? 'overriding system value' : '';
  await tx.query(
    `insert into ${quoteIdent(table.name)} (${cols}) ${overriding}
     select ${cols} from jsonb_populate_recordset(null::${quoteIdent(table.name)}, $1::jsonb)`,
    [JSON.stringify(rows.map((r) => ({ ...r, site })))],
  );
}

/** Identity sequences are shared by all sites: only ever moved forward. */
async function advanceSequences(tx: Tx, schema: string, table: TableInfo): Promise<void> {
  for (const column of table.identity) {
    const [seq] = await tx.query<{ name: string | null }>('select pg_get_serial_sequence($1, $2) as name', [`${schema}.${quoteIdent(table.name)}`, column]);
    if (!seq?.name) continue;
    const [top] = await tx.query<{ n: string | null }>(`select max(${quoteIdent(column)})::text as n from ${quoteIdent(table.name)}`);
    if (top?.n) await tx.query(`select setval($1, greatest($2::bigint, (select last_value from ${seq.name})))`, [seq.name, top.n]);
  }
}

export async function importSite(db: Db, lines: AsyncIterable<string>, options: { site?: string } = {}): Promise<{ site: string; tables: number; rows: number }> {
  const current = await schemaVersion(db);
  return db.transaction(async (tx) => {
    const tables = new Map((await siteTables(tx, db.schema)).map((t) => [t.name, t]));
    let header: ExportHeader | undefined;
    let site = '';
    let pending: { table: TableInfo; rows: Record<string, unknown>[] } | undefined;
    const flush = async () => {
      if (pending?.rows.length) await insertRows(tx, pending.table, site, pending.rows);
      pending = undefined;
    };
    let n = 0;
    let rows = 0;
    const touched = new Set<TableInfo>();
    for await (const text of lines) {
      n++;
      if (!text.trim()) continue;
      if (!header) {
        header = parseLine<ExportHeader>(text, n);
        if (header.format !== exportFormat) throw validation('input', `line 1 is not a ${exportFormat} header`);
        if (header.schemaVersion !== current)
          throw validation('input', `the export is of schema version ${header.schemaVersion}, this database is at ${current}; migrate both to the same version first`);
        site = options.site ?? header.site;
        for (const t of tables.values()) {
          const [{ taken } = { taken: false }] = await tx.query<{ taken: boolean }>(`select exists (select 1 from ${quoteIdent(t.name)} where site = $1) as taken`, [site]);
          if (taken) throw conflict(`site ${site} already has data (table ${t.name}); import only into a site with none`);
        }
        continue;
      }
      const line = parseLine<ExportLine>(text, n);
      const table = tables.get(line.table);
      if (!table || !line.row || typeof line.row !== 'object') throw validation('input', `line ${n}: unknown table "${String(line.table)}"`);
      if (pending?.table !== table) {
        await flush();
        pending = { table, rows: [] };
      }
      pending.rows.push(line.row);
      if (pending.rows.length >= batch) {
        await insertRows(tx, table, site, pending.rows);
        pending.rows = [];
      }
      touched.add(table);
      rows++;
    }
    await flush();
    if (!header) throw validation('input', 'the input is empty');
    for (const table of touched) await advanceSequences(tx, db.schema, table);
    return { site, tables: touched.size, rows };
  });
}
