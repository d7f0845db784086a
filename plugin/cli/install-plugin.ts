// Step 1 of `customerdesk install`: the plugin. What ToolJet's plugins module does with each call
// (server/src/modules/plugins/): install and update need a workspace admin (ability/index.ts → 403);
// install refuses an installed id (400); both fetch the four files with the util service's
// fetchPluginFilesFromS3 — in production from TOOLJET_MARKETPLACE_URL, where any non-200 becomes HTTP 500;
// PluginsService.update fetches the files of `body.pluginId` (an update without it fetches "undefined").
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetFiles, pluginId } from '../marketplace/assets.js';
import { failure, InstallError, type ToolJetApi } from './tooljet-api.js';

export interface CatalogueEntry {
  id: string;
  name: string;
  description: string;
  version: string;
  author?: string;
}

export type Report = (line: string) => void;
type Row = Record<string, unknown>;

export const assetUrls = (marketplaceUrl: string): string[] => assetFiles.map((f) => `${marketplaceUrl.replace(/\/+$/, '')}/marketplace-assets/${pluginId}/${f}`);

const notAdmin = (what: string) =>
  new InstallError(
    `${what}: HTTP 403 — the signed-in user is not an admin of this workspace; ToolJet lets only workspace admins install or upgrade plugins (sign in as one, or pass --workspace-id of a workspace you administer)`,
  );

const filesUnreachable = (what: string, marketplaceUrl: string | undefined) =>
  new InstallError(
    `${what}: HTTP 500 — ToolJet could not load the plugin's files. ToolJet's official image runs with NODE_ENV=production and downloads ` +
      `$TOOLJET_MARKETPLACE_URL/marketplace-assets/${pluginId}/{${assetFiles.join(',')}} (default: ToolJet's own bucket, which has no ${pluginId}); any answer but 200 becomes HTTP 500. ` +
      `Run "customerdesk marketplace serve" (or the local service), set TOOLJET_MARKETPLACE_URL=${marketplaceUrl ?? 'http://<its address as the ToolJet container sees it>:4180'} on the ToolJet container, restart ToolJet, ` +
      `and check from inside it: docker compose exec <tooljet service> curl -sI $TOOLJET_MARKETPLACE_URL/marketplace-assets/${pluginId}/lib/manifest.json (expect 200; docs/install.md)`,
  );

/**
 * Before installing: does the marketplace URL ToolJet will use serve this package's four files? Checked from
 * this machine, so it proves the files and the address, not that ToolJet's container can reach that address.
 */
export async function checkAssets(marketplaceUrl: string, packageDir: string, report: Report): Promise<void> {
  const urls = assetUrls(marketplaceUrl);
  for (const [i, url] of urls.entries()) {
    const res = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch((e: unknown) => new InstallError(`${e instanceof Error ? e.message : String(e)}`));
    if (res instanceof InstallError || !res.ok) {
      const why = res instanceof InstallError ? res.message : `HTTP ${res.status}`;
      throw new InstallError(
        `${url} answered ${why}: ToolJet would answer the install with HTTP 500. Start "customerdesk marketplace serve" (or the local service) there, or pass the --marketplace-url ToolJet's TOOLJET_MARKETPLACE_URL points at`,
      );
    }
    const local = await readFile(join(packageDir, assetFiles[i]!)).catch(() => null);
    if (local && !Buffer.from(await res.arrayBuffer()).equals(local)) {
      throw new InstallError(`${url} serves another build than ${join(packageDir, assetFiles[i]!)}: restart the server that serves it after "customerdesk package"`);
    }
  }
  report(`  ${marketplaceUrl} serves the ${assetFiles.length} plugin files as packaged (checked from here; ToolJet must reach the same address from its container)`);
}

const rows = (body: unknown): Row[] => (Array.isArray(body) ? (body as Row[]) : []);

/** Installs or upgrades the plugin; returns ToolJet's id of it (a UUID, the data source's plugin_id). */
export async function installPlugin(api: ToolJetApi, entry: CatalogueEntry, marketplaceUrl: string | undefined, report: Report): Promise<string> {
  const listed = await api.get('/api/plugins');
  if (listed.status >= 400) throw failure('listing installed plugins', listed);
  const installed = rows(listed.body).find((p) => p.pluginId === entry.id);
  if (installed && installed.version === entry.version) {
    report(`  plugin ${entry.id} ${entry.version} is already installed`);
    return String(installed.id);
  }
  const what = installed ? `upgrading plugin ${entry.id} from ${String(installed.version)}` : `installing plugin ${entry.id}`;
  // UpdatePluginDto = PartialType(CreatePluginDto) + pluginId; the update reads `pluginId`.
  const res = installed
    ? await api.send('PATCH', `/api/plugins/${String(installed.id)}`, { id: entry.id, pluginId: entry.id, name: entry.name, description: entry.description, version: entry.version })
    : await api.send('POST', '/api/plugins/install', { id: entry.id, name: entry.name, description: entry.description, version: entry.version });
  if (res.status === 403) throw notAdmin(what);
  if (res.status === 500) throw filesUnreachable(what, marketplaceUrl);
  if (res.status >= 400) throw failure(what, res);
  report(installed ? `  plugin ${entry.id} upgraded ${String(installed.version)} → ${entry.version}` : `  plugin ${entry.id} ${entry.version} installed`);
  return String(installed?.id ?? (res.body as Row | null)?.id ?? '');
}
