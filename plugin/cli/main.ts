import { Command } from 'commander';
import { register as registerPackage } from './commands/package.js';
import { register as registerApps } from './commands/apps.js';
import { register as registerInstall } from './commands/install.js';
import { register as registerData } from './commands/data.js';
import { version } from '../version.js';

const program = new Command()
  .name('customerdesk')
  .description('Customer Desk administration: package the ToolJet plugin, build template apps, install into ToolJet, move data')
  .version(version)
  .showHelpAfterError();

for (const register of [registerPackage, registerApps, registerInstall, registerData]) register(program);

await program.parseAsync();
