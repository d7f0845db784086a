import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { consoleLogger } from '../core/logger.js';
import { ensureMigrated } from '../db/ready.js';
import { openDatabase } from '../db/open.js';
import { seedIfEmpty } from './index.js';

const opts = new Command()
  .name('customerdesk-seed')
  .description('Loads the demo data set (staff in every role, customers, documents, loans, a year of tickets) into an empty database')
  .option('--data-dir <dir>', 'embedded PGlite data directory (ignored with DATABASE_URL)', './data')
  .option('--schema <name>', 'database schema', 'customerdesk')
  .option('--site <site>', 'site (管理处)', 'main')
  .option('--zone <zone>', 'IANA time zone', 'Asia/Shanghai')
  .parse()
  .opts<{ dataDir: string; schema: string; site: string; zone: string }>();

const logger = consoleLogger('customerdesk-seed');
const { db, where } = await openDatabase({ url: process.env.DATABASE_URL, dataDir: opts.dataDir, schema: opts.schema });
await ensureMigrated(db);
const keys = await seedIfEmpty({ db, site: opts.site, zone: opts.zone, logger }, logger);
if (!keys) {
  console.log(`${where} already has staff for site ${opts.site}; nothing seeded.`);
} else {
  if (!process.env.DATABASE_URL) writeFileSync(`${opts.dataDir}/demo-api-keys.json`, `${JSON.stringify(keys, null, 2)}\n`);
  console.log(`Seeded ${where}. Demo API keys:`);
  for (const k of keys) console.log(`  ${k.name.padEnd(8)} ${k.roles.padEnd(28)} ${k.apiKey}`);
}
await db.close();
