// The envelope around an app's pages, components, queries and events: the export file ToolJet imports
// (TOOLJET.md, "Template apps"; server/src/modules/apps/services/app-import-export.service.ts).
import { sourceOptionSpecs } from '../tooljet/source-options.js';
import { uuidFor } from './ids.js';
import type { AppExport, AppV2 } from './types.js';

export const pluginKind = 'customerdesk';
/** The export format version: 3.x, the oldest 3.x line so that any 3.x server accepts the file. */
export const tooljetVersion = '3.0.0';

export type AppContent = Pick<AppV2, 'pages' | 'components' | 'events' | 'dataQueries'>;

export interface AppIdentity {
  key: string;
  appId: string;
  versionId: string;
  dataSourceId: string;
  dataSource: string;
}

const globalSettings = {
  hideHeader: false,
  appInMaintenance: false,
  canvasMaxWidth: 100,
  canvasMaxWidthType: '%',
  canvasMaxHeight: 2400,
  canvasBackgroundColor: '',
  backgroundFxQuery: '',
  appMode: 'auto',
};

export function appExport(appName: string, id: AppIdentity, content: AppContent): AppExport {
  const homePage = content.pages[0];
  if (!homePage) throw new Error(`${id.key} has no page`);
  const environments = (['development', 'staging', 'production'] as const).map((name, i) => ({
    id: uuidFor('environment', name),
    name,
    isDefault: name === 'production',
    priority: i + 1,
    enabled: true,
  }));
  // Plain (non-secret) defaults; secrets are typed in by the administrator in ToolJet, never shipped in a file.
  const defaults = Object.fromEntries(sourceOptionSpecs.filter((s) => !s.encrypted).map((s) => [s.key, { value: s.default ?? '', encrypted: false }]));
  const appV2: AppV2 = {
    id: id.appId,
    name: appName,
    type: 'front-end',
    slug: id.key,
    isPublic: false,
    isMaintenanceOn: false,
    icon: null,
    ...content,
    dataSources: [{ id: id.dataSourceId, name: id.dataSource, kind: pluginKind, type: 'default', pluginId: uuidFor('plugin', pluginKind), scope: 'global', appVersionId: null }],
    appVersions: [
      {
        id: id.versionId,
        name: 'v1',
        definition: null,
        globalSettings,
        showViewerNavigation: content.pages.length > 1,
        homePageId: homePage.id,
        currentEnvironmentId: environments[0]?.id ?? '',
        status: 'DRAFT',
      },
    ],
    appEnvironments: environments,
    dataSourceOptions: environments.map((env) => ({
      id: uuidFor('datasource-options', id.dataSourceId, env.name),
      dataSourceId: id.dataSourceId,
      environmentId: env.id,
      options: defaults,
    })),
    schemaDetails: { multiPages: true, multiEnv: true, globalDataSources: true },
  };
  return { tooljet_version: tooljetVersion, app: [{ appName, definition: { appV2 } }], tooljet_database: [] };
}
