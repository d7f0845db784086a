import type { Command } from 'commander';
import { consoleLogger } from '../../core/logger.js';
import type { DemoKey } from '../../seed/staff.js';
import { progressBar } from '../progress.js';
import { exitWith } from '../fail.js';
import { port, withDatabaseOptions, type DbOptions } from '../options.js';

function banner(base: string, where: string, keys: DemoKey[] | undefined, dataDir: string): string {
  const lines = [`\n  Customer Desk is ready at ${base}  (${where})`, `  health   ${base}/healthz`, `  OpenAPI  ${base}/openapi.json\n`];
  if (keys) {
    lines.push('  Demo staff and their API keys (header X-Api-Key), also saved as demo-api-keys.json in the data directory:');
    for (const k of keys) lines.push(`    ${k.name.padEnd(8)} ${k.roles.padEnd(30)} ${k.apiKey}`);
    lines.push(`\n  Try:  curl -s -X POST -H 'X-Api-Key: ${keys[0]?.apiKey}' ${base}/api/operations/system.info\n`);
  } else {
    lines.push(`  Demo API keys (if the demo set was loaded here): ${dataDir}/demo-api-keys.json`);
    lines.push(`  An empty database? Create the first administrator:`);
    lines.push(`    curl -s -X POST ${base}/api/operations/staff.upsert -H 'content-type: application/json' -d '{"name":"Admin","roles":["admin"],"issueApiKey":true}'\n`);
  }
  return lines.join('\n');
}

/** `customerdesk serve` (what `npm start` runs): every operation at POST /api/operations/<name>. */
export function register(program: Command): void {
  withDatabaseOptions(program.command('serve'))
    .description('Run the local HTTP service (POST /api/operations/<name>); an empty database gets the demo data set')
    .option('--port <port>', 'port to listen on', port, 4100)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-seed', 'do not load the demo data set into an empty database')
    .action(async (o: DbOptions & { port: number; host: string; seed: boolean }) => {
      const { startService } = await import('../../server/start.js');
      const logger = consoleLogger('customerdesk');
      const bar = progressBar();
      const running = await startService({ ...o }, logger, {
        listening: (base) => console.log(`Customer Desk is listening at ${base}; opening the database (progress at ${base}/healthz)`),
        progress: bar.update,
        ready: (base, where, keys) => {
          bar.stop();
          console.log(banner(base, where, keys, o.dataDir));
        },
      });
      running.ready.catch((e: unknown) => {
        bar.stop();
        void running.stop().finally(() => exitWith(e));
      });
      const shutdown = () => void running.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
