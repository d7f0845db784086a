import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { consoleLogger } from '../core/logger.js';
import type { Env } from '../core/runner.js';
import { ensureMigrated } from '../db/ready.js';
import { openDatabase } from '../db/open.js';
import { createHandler } from './http.js';
import { seedIfEmpty } from '../seed/index.js';
import { startBackground } from './background.js';

const program = new Command()
  .name('customerdesk-server')
  .description('Customer Desk as a local HTTP service (every operation at POST /api/operations/<name>)')
  .option('--port <port>', 'port to listen on', process.env.PORT ?? '4100')
  .option('--host <host>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
  .option('--data-dir <dir>', 'embedded PGlite data directory (ignored with DATABASE_URL)', './data')
  .option('--schema <name>', 'database schema', 'customerdesk')
  .option('--site <site>', 'site (管理处) served', 'main')
  .option('--zone <zone>', 'IANA time zone', 'Asia/Shanghai')
  .option('--no-seed', 'do not load the demo data set into an empty database')
  .parse();

const opts = program.opts<{ port: string; host: string; dataDir: string; schema: string; site: string; zone: string; seed: boolean }>();
const logger = consoleLogger('customerdesk');

const { db, where } = await openDatabase({ url: process.env.DATABASE_URL, dataDir: opts.dataDir, schema: opts.schema });
await ensureMigrated(db);
const env: Env = { db, site: opts.site, zone: opts.zone, logger };
const keys = opts.seed ? await seedIfEmpty(env, logger) : undefined;
if (keys && !process.env.DATABASE_URL) writeFileSync(`${opts.dataDir}/demo-api-keys.json`, `${JSON.stringify(keys, null, 2)}\n`);
const stopBackground = startBackground(env, logger);

const server = createServer(createHandler(env));
server.listen(Number(opts.port), opts.host, () => {
  const base = `http://${opts.host}:${opts.port}`;
  logger.info(`Customer Desk is serving ${where} at ${base}`);
  console.log(`\n  Customer Desk  ${base}\n  health         ${base}/healthz\n  OpenAPI        ${base}/openapi.json\n`);
  if (keys) {
    console.log('  Demo staff and their API keys (header X-Api-Key), saved in the data directory as demo-api-keys.json:');
    for (const k of keys) console.log(`    ${k.name.padEnd(8)} ${k.roles.padEnd(22)} ${k.apiKey}`);
    const admin = keys[0];
    if (admin) console.log(`\n  Try:  curl -s -X POST -H 'X-Api-Key: ${admin.apiKey}' ${base}/api/operations/system.info\n`);
  } else {
    console.log(`  Demo API keys (if the demo data was loaded): ${opts.dataDir}/demo-api-keys.json`);
    console.log(`  First run on an empty database? Create the first administrator:\n    curl -s -X POST ${base}/api/operations/staff.upsert -H 'content-type: application/json' -d '{"name":"Admin","roles":["admin"],"issueApiKey":true}'\n`);
  }
});

const shutdown = () => {
  server.close(() => void stopBackground().then(() => db.close()).then(() => process.exit(0)));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
