// `customerdesk install`: plugin, then data source, then apps — in that order, because ToolJet drops a data
// source of an uninstalled plugin (and all its queries) from an imported app without a word. Every step first
// looks at what is there, so a re-run changes nothing that is already in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltApp } from '../apps/build.js';
import { pluginKind } from '../apps/builder.js';
import { sourceOptionSpecs } from '../tooljet/source-options.js';
import { failure, InstallError, type ToolJetApi } from './tooljet-api.js';

export interface CatalogueEntry {
  id: string;
  name: string;
  description: string;
  version: string;
  author?: string;
}

export interface InstallPlan {
  entry: CatalogueEntry;
  dataSource: string;
  /** Data source option values (manifest keys); the ones the manifest marks secret are sent encrypted. */
  sourceOptions: Record<string, string | boolean>;
  apps: readonly BuiltApp[];
}

export type Report = (line: string) => void;

type Row = Record<string, unknown>;
const rows = (body: unknown, key: string): Row[] => {
  const list = Array.isArray(body) ? body : (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as Row[]) : [];
};

/** Reads the catalogue entry `npm run build` writes next to the marketplace folder. */
export function readCatalogueEntry(marketplaceDir: string): CatalogueEntry {
  const path = join(marketplaceDir, pluginKind, 'plugin.json');
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CatalogueEntry;
  } catch {
    throw new InstallError(`${path} is missing: run "customerdesk package" first`);
  }
}

async function installPlugin(api: ToolJetApi, entry: CatalogueEntry, report: Report): Promise<string> {
  const listed = await api.get('/api/plugins');
  if (listed.status === 403 || listed.status === 404) {
    throw new InstallError(
      'the ToolJet marketplace is off on this server: set ENABLE_MARKETPLACE_FEATURE=true, restart ToolJet, and run install again ' +
        `(GET /api/plugins answered HTTP ${listed.status})`,
    );
  }
  if (listed.status >= 400) throw failure('listing installed plugins', listed);
  const installed = rows(listed.body, 'plugins').find((p) => p.pluginId === entry.id);
  if (installed && installed.version === entry.version) {
    report(`  plugin ${entry.id} ${entry.version} is already installed`);
    return String(installed.id);
  }
  if (installed) {
    const updated = await api.send('PATCH', `/api/plugins/${String(installed.id)}`, { id: entry.id, name: entry.name, description: entry.description, version: entry.version });
    if (updated.status >= 400) throw failure(`upgrading plugin ${entry.id} from ${String(installed.version)}`, updated);
    report(`  plugin ${entry.id} upgraded ${String(installed.version)} → ${entry.version}`);
    return String(installed.id);
  }
  const made = await api.send('POST', '/api/plugins/install', { id: entry.id, name: entry.name, description: entry.description, version: entry.version });
  if (made.status === 403 || made.status === 404) throw new InstallError('the ToolJet marketplace is off on this server: set ENABLE_MARKETPLACE_FEATURE=true and restart ToolJet');
  if (made.status >= 400) throw failure(`installing plugin ${entry.id} (is the folder in ToolJet's marketplace/plugins?)`, made);
  report(`  plugin ${entry.id} ${entry.version} installed`);
  return String((made.body as Row | null)?.id ?? '');
}

async function createDataSource(api: ToolJetApi, pluginId: string, plan: InstallPlan, report: Report): Promise<void> {
  const listed = await api.get(`/api/data-sources/${api.workspaceId}`);
  if (listed.status >= 400) throw failure('listing data sources', listed);
  const existing = rows(listed.body, 'data_sources').find((d) => d.name === plan.dataSource);
  if (existing && existing.kind !== pluginKind) {
    throw new InstallError(`a data source named "${plan.dataSource}" already exists with kind ${String(existing.kind)}; choose another --data-source name`);
  }
  if (existing) {
    report(`  data source "${plan.dataSource}" already exists (its settings are left as they are)`);
    return;
  }
  const options = sourceOptionSpecs
    .filter((s) => plan.sourceOptions[s.key] !== undefined || s.default !== undefined)
    .map((s) => ({ key: s.key, value: plan.sourceOptions[s.key] ?? s.default, encrypted: s.encrypted === true }));
  const made = await api.send('POST', '/api/data-sources', { name: plan.dataSource, kind: pluginKind, plugin_id: pluginId, scope: 'global', options });
  if (made.status >= 400) throw failure(`creating data source "${plan.dataSource}"`, made);
  report(`  data source "${plan.dataSource}" created`);
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
  const pluginId = await installPlugin(api, plan.entry, report);
  report(`2/3 data source "${plan.dataSource}"`);
  await createDataSource(api, pluginId, plan, report);
  report(`3/3 ${plan.apps.length} template apps`);
  await importApps(api, plan, report);
  report('done');
}
