// The ToolJet 3.x app-export shapes this project writes (TOOLJET.md, "Template apps"), as plain types.

/** Every property, style and validation value in an export is wrapped. */
export interface Wrapped {
  value: unknown;
  fxActive?: boolean;
}
export type WrappedMap = Record<string, Wrapped>;

export const gridColumns = 43;

export interface Layout {
  id: string;
  type: 'desktop' | 'mobile';
  top: number;
  left: number;
  width: number;
  height: number;
  dimensionUnit: 'count';
}

export interface ComponentRow {
  id: string;
  name: string;
  type: string;
  pageId: string;
  /** null = canvas; a container id; `<id>-header` / `<id>-footer`; `<tabsId>-<tabId>`. */
  parent: string | null;
  properties: WrappedMap;
  styles: WrappedMap;
  general: WrappedMap | null;
  generalStyles: WrappedMap | null;
  validation: WrappedMap;
  displayPreferences: WrappedMap;
  layouts: Layout[];
}

export type EventTarget = 'component' | 'data_query' | 'page' | 'table_column' | 'table_action';

export interface EventAction {
  eventId: string;
  actionId: 'run-query' | 'show-alert' | 'show-modal' | 'close-modal' | 'switch-page' | 'set-custom-variable' | 'control-component';
  queryId?: string;
  queryName?: string;
  parameters?: Record<string, unknown>;
  message?: string;
  alertType?: 'success' | 'error' | 'warning' | 'info';
  /** show-modal / close-modal: the modal's component id. */
  modal?: string;
  [key: string]: unknown;
}

export interface EventRow {
  id: string;
  name: string;
  index: number;
  sourceId: string;
  target: EventTarget;
  appVersionId: string;
  event: EventAction;
}

export interface PageRow {
  id: string;
  name: string;
  handle: string;
  index: number;
  disabled: boolean;
  hidden: boolean;
  icon?: string;
  appVersionId: string;
}

export interface DataQueryRow {
  id: string;
  name: string;
  dataSourceId: string;
  appVersionId: string;
  options: Record<string, unknown>;
}

export interface DataSourceRow {
  id: string;
  name: string;
  kind: string;
  type: string;
  pluginId: string | null;
  scope: 'global' | 'local';
  appVersionId: string | null;
}

export interface AppVersionRow {
  id: string;
  name: string;
  definition: null;
  globalSettings: Record<string, unknown>;
  pageSettings?: Record<string, unknown>;
  showViewerNavigation: boolean;
  homePageId: string;
  currentEnvironmentId: string;
  status?: string;
}

export interface AppEnvironmentRow {
  id: string;
  name: 'development' | 'staging' | 'production';
  isDefault: boolean;
  priority: number;
  enabled: boolean;
}

export interface DataSourceOptionsRow {
  id: string;
  dataSourceId: string;
  environmentId: string;
  options: Record<string, { value: unknown; encrypted: boolean }>;
}

export interface AppV2 {
  id: string;
  name: string;
  type: 'front-end';
  slug: string;
  isPublic: boolean;
  isMaintenanceOn: boolean;
  icon: string | null;
  pages: PageRow[];
  components: ComponentRow[];
  events: EventRow[];
  dataQueries: DataQueryRow[];
  dataSources: DataSourceRow[];
  appVersions: AppVersionRow[];
  appEnvironments: AppEnvironmentRow[];
  dataSourceOptions: DataSourceOptionsRow[];
  schemaDetails: { multiPages: boolean; multiEnv: boolean; globalDataSources: boolean };
}

export interface AppExport {
  tooljet_version: string;
  app: { appName: string; definition: { appV2: AppV2 } }[];
  tooljet_database: unknown[];
}
