import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { consoleLogger } from '../../core/logger.js';
import { progressBar } from '../progress.js';
import { withDatabaseOptions, type DbOptions } from '../options.js';
import { openMigrated } from '../database.js';

/** `customerdesk seed`: the demo data set into an empty database (serve does this itself on first start). */
export function register(program: Command): void {
  withDatabaseOptions(program.command('seed'))
    .description('Load the demo data set (staff in every role, customers, loans, a year of tickets, a survey) into an empty database')
    .action(async (o: DbOptions) => {
      const { seedIfEmpty } = await import('../../seed/index.js');
      const { registry } = await import('../../app.js');
      const { db, where } = await openMigrated(o);
      const bar = progressBar();
      try {
        const keys = await seedIfEmpty({ registry, db, site: o.site, zone: o.zone }, consoleLogger('customerdesk-seed'), bar.update);
        bar.stop();
        if (!keys) {
          console.log(`${where} already has staff for site ${o.site}; nothing seeded.`);
          return;
        }
        if (!o.databaseUrl) writeFileSync(`${o.dataDir}/demo-api-keys.json`, `${JSON.stringify(keys, null, 2)}\n`);
        console.log(`Seeded ${where}. Demo API keys:`);
        for (const k of keys) console.log(`  ${k.name.padEnd(8)} ${k.roles.padEnd(30)} ${k.apiKey}`);
      } finally {
        await db.close();
      }
    });
}
