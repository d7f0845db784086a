import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { version } from '../../version.js';
import { zipFolder } from '../zip.js';

/** `customerdesk package`: bundle, marketplace folder, and a zip of it to hand to the ToolJet administrator. */
export function register(program: Command): void {
  program
    .command('package')
    .description('Build dist/index.js and the ToolJet marketplace folder (dist/marketplace/customerdesk), and zip it')
    .option('--out <dir>', 'where the zip goes', 'dist')
    .action((o: { out: string }) => {
      console.log('1/2 bundling the plugin and laying out the marketplace folder');
      const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
      if (built.status !== 0) program.error('the build failed (see above)', { exitCode: 1 });
      const zip = join(o.out, `customerdesk-${version}-marketplace.zip`);
      console.log(`2/2 zipping dist/marketplace/customerdesk → ${zip}`);
      const { files, bytes } = zipFolder(join('dist', 'marketplace', 'customerdesk'), 'customerdesk', zip);
      console.log(`done: ${files} files, ${(bytes / 1024).toFixed(0)} KiB. Unzip it into ToolJet's marketplace/plugins folder, then run "customerdesk install".`);
    });
}
