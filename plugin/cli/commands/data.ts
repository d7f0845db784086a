import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { isDeskError } from '../../core/errors.js';
import { exportSite } from '../../transfer/export.js';
import { importSite } from '../../transfer/import.js';
import { requireExistingData, withDatabaseOptions as withDatabase, type DbOptions } from '../options.js';
import { openMigrated } from '../database.js';

async function open(o: DbOptions) {
  return (await openMigrated(o)).db;
}

/** Writes with back-pressure, so a large site streams instead of filling memory. */
const lineWriter = (out: Writable) => async (line: string) => {
  if (!out.write(`${line}\n`)) await once(out, 'drain');
};

/** `customerdesk export --site S` and `customerdesk import`: a site's data as JSON lines. */
export function register(program: Command): void {
  // Reported after the database is closed, so an embedded data directory is left clean.
  const fail = (e: unknown) => {
    console.error(isDeskError(e) ? `${e.code}: ${e.message}` : String((e as Error).message ?? e));
    process.exitCode = 1;
  };

  withDatabase(program.command('export'))
    .description("Write one site's data as JSON lines (a header line, then one line per row) to a file or standard output")
    .option('--out <file>', 'file to write (default: standard output)')
    .action(async (o: DbOptions & { out?: string }) => {
      requireExistingData(o);
      const db = await open(o);
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      try {
        const { tables, rows } = await exportSite(db, o.site, lineWriter(out));
        if (o.out) {
          out.end();
          await once(out, 'finish');
        }
        console.error(`exported site ${o.site}: ${rows} rows from ${tables} tables`);
      } catch (e) {
        fail(e);
      } finally {
        await db.close();
      }
    });

  withDatabase(program.command('import'))
    .description('Load the JSON lines of "customerdesk export" into a site that has no data yet (all or nothing)')
    .option('--in <file>', 'file to read (default: standard input)')
    .action(async (o: DbOptions & { in?: string }, cmd: Command) => {
      const db = await open(o);
      try {
        const lines = createInterface({ input: o.in ? createReadStream(o.in) : process.stdin, crlfDelay: Infinity });
        const { site, tables, rows } = await importSite(db, lines, { site: cmd.getOptionValueSource('site') === 'default' ? undefined : o.site });
        console.error(`imported ${rows} rows into ${tables} tables of site ${site}`);
      } catch (e) {
        fail(e);
      } finally {
        await db.close();
      }
    });
}
