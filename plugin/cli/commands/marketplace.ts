import { createServer } from 'node:http';
import type { Command } from 'commander';
import { defaultAssetDir, serveMarketplaceAsset, toolJetMarketplaceUrl } from '../../marketplace/assets.js';
import { port } from '../options.js';

/** `customerdesk marketplace serve`: the plugin's files for ToolJet's TOOLJET_MARKETPLACE_URL, and nothing else. */
export function register(program: Command): void {
  program
    .command('marketplace')
    .description("Serve the plugin's files to ToolJet (TOOLJET_MARKETPLACE_URL); see docs/install.md")
    .command('serve')
    .description("Serve /marketplace-assets/customerdesk/{dist/index.js, lib/operations.json, lib/icon.svg, lib/manifest.json}; other plugins are redirected to ToolJet's marketplace")
    .option('--port <port>', 'port to listen on', port, 4180)
    .option('--host <host>', 'address to listen on (0.0.0.0 so a ToolJet container can reach it)', '0.0.0.0')
    .option('--dir <dir>', 'plugin folder written by "customerdesk package"', defaultAssetDir)
    .option('--fallback <url>', 'marketplace for every other plugin id', toolJetMarketplaceUrl)
    .action((o: { port: number; host: string; dir: string; fallback: string }) => {
      const server = createServer((req, res) => {
        if (!serveMarketplaceAsset(req, res, { dir: o.dir, fallback: o.fallback })) res.writeHead(404).end('only /marketplace-assets/ is served here\n');
      });
      server.listen(o.port, o.host, () => {
        console.log(`serving ${o.dir} at http://${o.host}:${o.port}/marketplace-assets/customerdesk/ (other plugins → ${o.fallback})`);
        console.log(`set TOOLJET_MARKETPLACE_URL=http://<this host as the ToolJet container sees it>:${o.port} on ToolJet and restart it`);
      });
      const stop = () => server.close(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
