// The one command-line program (bin/customerdesk.mjs → dist/cli/main.js): serve, seed, worker, export,
// import, package, apps, install. A mistake ends with one line naming the fix and a non-zero exit.
import { Command } from 'commander';
import { register as registerServe } from './commands/serve.js';
import { register as registerSeed } from './commands/seed.js';
import { register as registerWorker } from './commands/worker.js';
import { register as registerPackage } from './commands/package.js';
import { register as registerApps } from './commands/apps.js';
import { register as registerInstall } from './commands/install.js';
import { register as registerData } from './commands/data.js';
import { register as registerMarketplace } from './commands/marketplace.js';
import { version } from '../version.js';
import { exitWith } from './fail.js';

const program = new Command()
  .name('customerdesk')
  .description('Customer Desk: the local service, demo data, notifications, data transfer, and the ToolJet plugin, apps and install')
  .version(version)
  // Commander's own messages (unknown command, bad option value) stay on one line as well.
  .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, ' ')}\n`) });

for (const register of [registerServe, registerSeed, registerWorker, registerData, registerPackage, registerApps, registerInstall, registerMarketplace]) register(program);

process.on('unhandledRejection', (e) => exitWith(e));
try {
  await program.parseAsync();
} catch (e) {
  exitWith(e);
}
