// The database options every command shares (serve, seed, worker, export, import), each also readable
// from the environment, and the checks that refuse a bad value before anything starts.
import { existsSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UserError } from './fail.js';

export interface DbOptions {
  databaseUrl?: string;
  dataDir: string;
  schema: string;
  site: string;
  zone: string;
}

/** --zone is refused at start when the zone database does not know it (it would fail every round later). */
export function zone(value: string): string {
  if (!IANAZone.isValidZone(value)) throw new InvalidArgumentError(`"${value}" is not an IANA time zone; use one like Asia/Shanghai or Europe/London`);
  return value;
}

export function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 65535) throw new InvalidArgumentError(`"${value}" is not a port number; give 1–65535, e.g. --port 4100`);
  return n;
}

/** Adds the shared options to a command. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .addOption(new Option('--database-url <url>', 'PostgreSQL connection string; without it the embedded PGlite is used').env('DATABASE_URL'))
    .addOption(new Option('--data-dir <dir>', 'embedded PGlite data directory (ignored with a database URL)').env('CUSTOMERDESK_DATA_DIR').default('./data'))
    .addOption(new Option('--schema <name>', 'database schema').env('CUSTOMERDESK_SCHEMA').default('customerdesk'))
    .addOption(new Option('--site <site>', 'site (管理处) served').env('CUSTOMERDESK_SITE').default('main'))
    .addOption(new Option('--zone <zone>', 'IANA time zone of the office').env('CUSTOMERDESK_TIME_ZONE').default('Asia/Shanghai').argParser(zone));
}

/** For commands that read existing data: a data directory that does not exist is a mistake, not an empty database. */
export function requireExistingData(o: DbOptions): void {
  if (o.databaseUrl) return;
  if (!existsSync(`${o.dataDir}/pglite`)) throw new UserError(`no Customer Desk data in ${o.dataDir}: give the --data-dir the service uses (default ./data), or DATABASE_URL`);
}
