import { join } from 'node:path';
import type { Command } from 'commander';
import { buildApps } from '../../apps/build.js';
import { installIntoToolJet, readCatalogueEntry } from '../install.js';
import { InstallError, signIn } from '../tooljet-api.js';
import { paramsOf, withAppOptions, type AppsOptions } from './apps.js';

interface InstallOptions extends AppsOptions {
  tooljetUrl: string;
  email?: string;
  password?: string;
  workspaceId?: string;
  marketplace: string;
  marketplaceUrl?: string;
  dbUrl?: string;
  schema?: string;
  site?: string;
  timeZone?: string;
}

/** `customerdesk install`: plugin → data source → apps on a running ToolJet. */
export function register(program: Command): void {
  withAppOptions(
    program
      .command('install')
      .description('Install the plugin into a self-hosted ToolJet (as a workspace admin), create the data source in every environment, import the template apps; safe to re-run (docs/install.md)')
      .requiredOption('--tooljet-url <url>', 'ToolJet address, e.g. http://localhost:8082')
      .option('--email <email>', 'a workspace admin (or TOOLJET_EMAIL)')
      .option('--password <password>', 'their password (or TOOLJET_PASSWORD)')
      .option('--workspace-id <id>', 'workspace to install into (default: the one the admin lands in)')
      .option('--marketplace <dir>', 'folder written by "customerdesk package"', 'dist/marketplace')
      .option('--marketplace-url <url>', "what ToolJet's TOOLJET_MARKETPLACE_URL points at (as seen from here): checked to serve this package before installing")
      .option('--db-url <url>', 'PostgreSQL connection string for the data source (stored encrypted by ToolJet)')
      .option('--schema <name>', 'database schema for the data source')
      .option('--site <code>', 'site (管理处) the data source serves')
      .option('--time-zone <zone>', 'IANA time zone of the office'),
  ).action(async (o: InstallOptions) => {
    const email = o.email ?? process.env.TOOLJET_EMAIL;
    const password = o.password ?? process.env.TOOLJET_PASSWORD;
    if (!email || !password) program.error('give --email and --password (or TOOLJET_EMAIL / TOOLJET_PASSWORD) of a ToolJet workspace admin', { exitCode: 2 });
    try {
      const entry = readCatalogueEntry(o.marketplace);
      console.log(`signing in to ${o.tooljetUrl} as ${email}`);
      const api = await signIn(o.tooljetUrl, { email, password, workspaceId: o.workspaceId });
      const sourceOptions = Object.fromEntries(
        Object.entries({ connection_string: o.dbUrl, schema: o.schema, site: o.site, time_zone: o.timeZone }).filter((e): e is [string, string] => e[1] !== undefined),
      );
      await installIntoToolJet(
        api,
        { entry, dataSource: o.dataSource, sourceOptions, apps: buildApps(paramsOf(o)), marketplaceUrl: o.marketplaceUrl, packageDir: join(o.marketplace, 'customerdesk') },
        (line) => console.log(line),
      );
    } catch (e) {
      if (e instanceof InstallError) program.error(`install stopped: ${e.message}`, { exitCode: 1 });
      throw e;
    }
  });
}
