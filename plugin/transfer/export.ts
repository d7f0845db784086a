// `customerdesk export --site S`: one site's rows as JSON lines, from one consistent snapshot. The output
// depends only on the data (no timestamps of its own, UTC instants, rows in key order), so exporting,
// importing into an empty database and exporting again gives the same bytes.
import type { Db } from '../db/types.js';
import { schemaVersion } from '../db/migrate.js';
import { quoteIdent, siteTables } from './catalog.js';

export const exportFormat = 'customerdesk-export';
export const exportVersion = 1;

export interface ExportHeader {
  format: typeof exportFormat;
  version: number;
  site: string;
  schemaVersion: number;
  tables: string[];
}

/** One line per row: the table and the row without its site (import puts the target site back). */
export interface ExportLine {
  table: string;
  row: Record<string, unknown>;
}

const batch = 2000;

export async function exportSite(db: Db, site: string, write: (line: string) => void | Promise<void>): Promise<{ tables: number; rows: number }> {
  const version = await schemaVersion(db);
  return db.transaction(async (tx) => {
    // A snapshot, so rows written meanwhile cannot leave a loan pointing at a customer not exported.
    await tx.exec(`set transaction isolation level repeatable read, read only; set local timezone to 'UTC'`);
    const tables = await siteTables(tx, db.schema);
    const header: ExportHeader = { format: exportFormat, version: exportVersion, site, schemaVersion: version, tables: tables.map((t) => t.name) };
    await write(JSON.stringify(header));
    let rows = 0;
    for (const table of tables) {
      const order = table.key.map(quoteIdent).join(', ');
      for (let offset = 0; ; offset += batch) {
        const chunk = await tx.query<{ line: string }>(
          `select json_build_object('table', $2::text, 'row', to_jsonb(r) - 'site')::text as line
             from ${quoteIdent(table.name)} r where site = $1 order by ${order} limit ${batch} offset ${offset}`,
          [site, table.name],
        );
        for (const { line } of chunk) await write(line);
        rows += chunk.length;
        if (chunk.length < batch) break;
      }
    }
    return { tables: tables.length, rows };
  });
}
