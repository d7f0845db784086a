// The one command-line program (bin/customerdesk.mjs → dist/cli/main.js): serve, seed, worker, export,
// import, package, apps, install. A mistake ends with one line naming the fix and a non-zero exit.
import { Command } from 'commander';
import { version } from '../version.js';
import { exitWith } from './fail.js';

const program = new Command()
  .name('customerdesk')
  .description('Customer Desk: the local service, demo data, notifications, data transfer, and the ToolJet plugin, apps and install')
  .version(version)
  // Commander's own messages (unknown command, bad option value) stay on one line as well.
  .configureOutput({ outputError: (text, write) => write(`${text.trim().replace(/\s*\n\s*/g, ' ')}\n`) });

// Each command's module is loaded only when it runs (the apps builder and the operations take a while to
// load, and `serve` must be listening first); `--help` and a mistyped command load them all.
type Loader = () => Promise<{ register(program: Command): void }>;
const commands: Record<string, Loader> = {
  serve: () => import('./commands/serve.js'),
  seed: () => import('./commands/seed.js'),
  worker: () => import('./commands/worker.js'),
  export: () => import('./commands/data.js'),
  import: () => import('./commands/data.js'),
  package: () => import('./commands/package.js'),
  apps: () => import('./commands/apps.js'),
  install: () => import('./commands/install.js'),
  marketplace: () => import('./commands/marketplace.js'),
};
const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const load = named !== undefined && Object.hasOwn(commands, named) ? [commands[named]!] : Object.values(commands);
// export and import share a module: register each module once.
for (const module of new Set(await Promise.all(load.map((l) => l())))) module.register(program);

process.on('unhandledRejection', (e) => exitWith(e));
try {
  await program.parseAsync();
} catch (e) {
  exitWith(e);
}
