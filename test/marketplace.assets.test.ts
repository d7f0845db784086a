// The plugin's files served where ToolJet's official image fetches them (issue 13): exactly the URLs of
// fetchPluginFilesFromS3 (server/src/modules/plugins/util.service.ts), byte-identical to the package.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAssetDir, serveMarketplaceAsset, toolJetMarketplaceUrl } from '../plugin/marketplace/assets.js';
import { createHandler } from '../plugin/server/http.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function listen(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What ToolJet does in production: four fetches built from the host and the plugin id; any non-200 throws. */
async function fetchPluginFilesFromS3(host: string, id: string): Promise<string[]> {
  const responses = await Promise.all([
    fetch(`${host}/marketplace-assets/${id}/dist/index.js`),
    fetch(`${host}/marketplace-assets/${id}/lib/operations.json`),
    fetch(`${host}/marketplace-assets/${id}/lib/icon.svg`),
    fetch(`${host}/marketplace-assets/${id}/lib/manifest.json`),
  ]);
  return Promise.all(
    responses.map(async (r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${r.url}`);
      return new TextDecoder().decode(await r.arrayBuffer());
    }),
  );
}

// Compared by SHA-256: vitest's deep equality over a 1 MB buffer takes tens of seconds.
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const packaged = ['dist/index.js', 'lib/operations.json', 'lib/icon.svg', 'lib/manifest.json'].map((f) => sha(readFileSync(join(defaultAssetDir, f))));

describe('marketplace assets (issue 13)', () => {
  it('serves the four files exactly as fetchPluginFilesFromS3 asks for them, byte-identical to the package', async () => {
    const host = await listen((req, res) => void (serveMarketplaceAsset(req, res, { dir: defaultAssetDir }) || res.writeHead(404).end()));
    const files = await fetchPluginFilesFromS3(host, 'customerdesk');
    expect(files.map((f) => sha(Buffer.from(f)))).toEqual(packaged);
    // The package is what the generator and build wrote: operations.json and manifest.json are the project's own.
    expect(files[1]).toBe(readFileSync('operations.json', 'utf8'));
    expect(files[3]).toBe(readFileSync('manifest.json', 'utf8'));
    expect(JSON.parse(files[3]!).source.kind).toBe('customerdesk');
  });

  it("redirects every other plugin id to ToolJet's default marketplace, path kept", async () => {
    const host = await listen((req, res) => void (serveMarketplaceAsset(req, res, { dir: defaultAssetDir }) || res.writeHead(404).end()));
    const other = await fetch(`${host}/marketplace-assets/github/lib/manifest.json`, { redirect: 'manual' });
    expect(other.status).toBe(302);
    expect(other.headers.get('location')).toBe(`${toolJetMarketplaceUrl}/marketplace-assets/github/lib/manifest.json`);
    expect(toolJetMarketplaceUrl).toBe('https://tooljet-plugins-production.s3.us-east-2.amazonaws.com');
    const custom = await listen((req, res) => void serveMarketplaceAsset(req, res, { dir: defaultAssetDir, fallback: 'http://mirror.local/' }));
    expect((await fetch(`${custom}/marketplace-assets/plivo/dist/index.js`, { redirect: 'manual' })).headers.get('location')).toBe('http://mirror.local/marketplace-assets/plivo/dist/index.js');
  });

  it('names the fix when a file is missing, and refuses other methods', async () => {
    const host = await listen((req, res) => void serveMarketplaceAsset(req, res, { dir: '/nonexistent' }));
    const missing = await fetch(`${host}/marketplace-assets/customerdesk/lib/icon.svg`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/run "customerdesk package" first/);
    expect((await fetch(`${host}/marketplace-assets/customerdesk/lib/other.json`)).status).toBe(404);
    expect((await fetch(`${host}/marketplace-assets/customerdesk/lib/icon.svg`, { method: 'POST' })).status).toBe(405);
  });

  it('the local service serves them too, even while it is still starting', async () => {
    const host = await listen(createHandler(() => ({ phase: 'opening' })));
    const files = await fetchPluginFilesFromS3(host, 'customerdesk');
    expect(files.map((f) => sha(Buffer.from(f)))).toEqual(packaged);
    expect((await fetch(`${host}/healthz`)).status).toBe(503);
  });
});
