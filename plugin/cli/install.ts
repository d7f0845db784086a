// `customerdesk install`: plugin, then data source, then apps — in that order, because ToolJet drops a data
// source of an uninstalled plugin (and all its queries) from an imported app without a word. Every step first
// looks at what is there, so a re-run changes nothing that is already in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltApp } from '../apps/build.js';
import { pluginKind } from '../apps/builder.js';
import { sourceOptionSpecs } from '../tooljet/source-options.js';
import { checkAssets, installPlugin, type CatalogueEntry, type Report } from './install-plugin.js';
import { failure, InstallError, type ToolJetApi } from './tooljet-api.js';

export type { CatalogueEntry, Report } from './install-plugin.js';

export interface InstallPlan {
  entry: CatalogueEntry;
  dataSource: string;
  /** Data source option values (manifest keys); the ones the manifest marks secret are sent encrypted. */
  sourceOptions: Record<string, string | boolean>;
  apps: readonly BuiltApp[];
  /** What ToolJet's TOOLJET_MARKETPLACE_URL points at, when known: checked before installing. */
  marketplaceUrl?: string;
  /** The package folder (dist/marketplace/customerdesk) the served files must match. */
  packageDir?: string;
}

type Row = Record<string, unknown>;
const rows = (body: unknown, key: string): Row[] => {
  const list = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as Row[]) : [];
};

/** Reads the catalogue entry `customerdesk package` writes into the plugin folder. */
export function readCatalogueEntry(marketplaceDir: string): CatalogueEntry {
  const path = join(marketplaceDir, pluginKind, 'plugin.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CatalogueEntry;
  } catch {
    throw new InstallError(`${path} is missing: run "customerdesk package" first`);
  }
}

/**
 * Creates the data source and writes its options into every environment. ToolJet writes the options to the
 * environment given (default: the default one) and copies them to the others with encrypted values blanked
 * (server/src/modules/data-sources/util.service.ts, create), so each other environment is written explicitly
 * (PUT /api/data-sources/:id?environment_id=, controller.ts).
 */
async function createDataSource(api: ToolJetApi, pluginId: string, plan: InstallPlan, report: Report): Promise<void> {
  const listed = await api.get(`/api/data-sources/${api.workspaceId}`);
  if (listed.status >= 400) throw failure('listing data sources', listed);
  const existing = rows(listed.body, 'data_sources').find((d) => d.name === plan.dataSource);
  if (existing && existing.kind !== pluginKind) {
    throw new InstallError(`a data source named "${plan.dataSource}" already exists with kind ${String(existing.kind)}; choose another --data-source name`);
  }
  if (existing) return report(`  data source "${plan.dataSource}" already exists (its settings are left as they are)`);
  const envs = await api.get('/api/app-environments');
  const environments = envs.status < 400 ? rows(envs.body, 'environments') : [];
  const first = environments.find((e) => e.is_default === true) ?? environments[0];
  const options = sourceOptionSpecs
    .filter((s) => plan.sourceOptions[s.key] !== undefined || s.default !== undefined)
    .map((s) => ({ key: s.key, value: plan.sourceOptions[s.key] ?? s.default, encrypted: s.encrypted === true }));
  const made = await api.send('POST', '/api/data-sources', { name: plan.dataSource, kind: pluginKind, plugin_id: pluginId, options, ...(first ? { environment_id: first.id } : {}) });
  if (made.status >= 400) throw failure(`creating data source "${plan.dataSource}"`, made);
  const id = String((made.body as Row | null)?.id ?? '');
  for (const env of environments.filter((e) => e !== first)) {
    const put = await api.send('PUT', `/api/data-sources/${id}?environment_id=${encodeURIComponent(String(env.id))}`, { name: plan.dataSource, options });
    if (put.status >= 400) throw failure(`writing the data source's options for ${String(env.name)}`, put);
  }
  const names = environments.map((e) => String(e.name));
  report(`  data source "${plan.dataSource}" created${names.length ? `, options written to ${names.join(', ')}` : ''}`);
}

async function importApps(api: ToolJetApi, plan: InstallPlan, report: Report): Promise<void> {
  for (const app of plan.apps) {
    const found = await api.get(`/api/apps?page=1&type=front-end&searchKey=${encodeURIComponent(app.appName)}`);
    if (found.status >= 400) throw failure('listing apps', found);
    if (rows(found.body, 'apps').some((a) => a.name === app.appName)) {
      report(`  app "${app.appName}" already exists`);
      continue;
    }
    const made = await api.send('POST', '/api/v2/resources/import', { ...app.export, organization_id: api.workspaceId });
    if (made.status >= 400) throw failure(`importing app "${app.appName}"`, made);
    report(`  app "${app.appName}" imported`);
  }
}

export async function installIntoToolJet(api: ToolJetApi, plan: InstallPlan, report: Report): Promise<void> {
  report(`1/3 plugin ${plan.entry.id} ${plan.entry.version}`);
  if (plan.marketplaceUrl) await checkAssets(plan.marketplaceUrl, plan.packageDir ?? join('dist', 'marketplace', pluginKind), report);
  const pluginId = await installPlugin(api, plan.entry, plan.marketplaceUrl, report);
  report(`2/3 data source "${plan.dataSource}"`);
  await createDataSource(api, pluginId, plan, report);
  report(`3/3 ${plan.apps.length} template apps`);
  await importApps(api, plan, report);
  report('done');
}
