// Serves the plugin's files where ToolJet's official image looks for them. In production (NODE_ENV=production,
// which the official image sets) ToolJet's plugins util service (server/src/modules/plugins/util.service.ts,
// fetchPluginFilesFromS3) downloads `${TOOLJET_MARKETPLACE_URL}/marketplace-assets/<id>/dist/index.js`,
// `/lib/operations.json`, `/lib/icon.svg` and `/lib/manifest.json`, and turns any non-200 into HTTP 500.
// Pointing TOOLJET_MARKETPLACE_URL here must not cost ToolJet its other plugins: every other id is
// redirected to ToolJet's default marketplace (Node's fetch follows redirects).
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

export const pluginId = 'customerdesk';
/** ToolJet's default TOOLJET_MARKETPLACE_URL (util.service.ts, fetchPluginFilesFromS3). */
export const toolJetMarketplaceUrl = 'https://tooljet-plugins-production.s3.us-east-2.amazonaws.com';
/** The four files ToolJet fetches, relative to the plugin's folder, in the order it fetches them. */
export const assetFiles = ['dist/index.js', 'lib/operations.json', 'lib/icon.svg', 'lib/manifest.json'] as const;
/** Where `customerdesk package` lays the plugin folder out. */
export const defaultAssetDir = join('dist', 'marketplace', pluginId);

const types: Record<string, string> = {
  'dist/index.js': 'application/javascript; charset=utf-8',
  'lib/operations.json': 'application/json; charset=utf-8',
  'lib/icon.svg': 'image/svg+xml',
  'lib/manifest.json': 'application/json; charset=utf-8',
};

export interface AssetOptions {
  /** The plugin folder (dist/marketplace/customerdesk). Read on every request, so a new package is served at once. */
  dir: string;
  /** Where other plugin ids go; default: ToolJet's own marketplace. */
  fallback?: string;
}

const prefix = '/marketplace-assets/';

/** Answers a `/marketplace-assets/…` request and returns true; returns false for any other path. */
export function serveMarketplaceAsset(req: IncomingMessage, res: ServerResponse, o: AssetOptions): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!path.startsWith(prefix)) return false;
  const [id, ...rest] = path.slice(prefix.length).split('/');
  const file = rest.join('/');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (id !== pluginId) {
    res.writeHead(302, { location: `${(o.fallback ?? toolJetMarketplaceUrl).replace(/\/+$/, '')}${path}` }).end();
    return true;
  }
  const type = types[file];
  if (!type) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`${pluginId} has no ${file}; ToolJet fetches ${assetFiles.join(', ')}\n`);
    return true;
  }
  readFile(join(o.dir, file)).then(
    (bytes) => res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : bytes),
    () => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`${join(o.dir, file)} is missing: run "customerdesk package" first\n`),
  );
  return true;
}
