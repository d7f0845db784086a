// A typed builder for ToolJet 3.x app exports.
//
// Why TypeScript functions and not JSON/string templates: every id, layout and reference in an export must agree
// with something else in the same file (an event's queryId and queryName, a child's parent, `{{queries.X}}` in a
// property, a query's operation and fields). Here a component or query exists only as the value returned when it
// was declared, so a reference to one that was never declared is a compile error; ids are derived (never typed
// by hand); layouts are computed (never overlap); and a query is checked against the operation registry the
// moment it is declared. What the compiler cannot see (text inside `{{ }}`) is checked by validate.ts.
import { inputJsonSchema } from '../core/coerce.js';
import { registry } from '../core/registry.js';
import { sourceOptionSpecs } from '../tooljet/source-options.js';
import { uuidFor } from './ids.js';
import {
  gridColumns,
  type AppExport,
  type ComponentRow,
  type DataQueryRow,
  type EventAction,
  type EventRow,
  type EventTarget,
  type Layout,
  type PageRow,
  type Wrapped,
  type WrappedMap,
} from './types.js';

export type Language = 'zh' | 'en';

export interface AppParams {
  /** Name of the Customer Desk data source in the ToolJet workspace. */
  dataSource: string;
  /** Department code (departments.upsert) the department-facing screens and form sections default to. */
  department: string;
  /** 'zh': bilingual labels, Chinese first; 'en': English only. */
  language: Language;
}

export const defaultParams: AppParams = { dataSource: 'Customer Desk', department: 'customer_service', language: 'zh' };

export const pluginKind = 'customerdesk';
/** The export format version: 3.x, the oldest 3.x line so that any 3.x server accepts the file. */
export const tooljetVersion = '3.0.0';

const gap = 10;
const margin = 1;

const wrap = (map: Record<string, unknown>): WrappedMap =>
  Object.fromEntries(Object.entries(map).filter(([, v]) => v !== undefined).map(([k, value]): [string, Wrapped] => [k, { value }]));

/** `{{js}}` */
export const fx = (js: string): string => `{{${js}}}`;

const joinPath = (base: string, path: string): string => (path === '' ? base : /^[?[]/.test(path) ? `${base}${path}` : `${base}.${path}`);

/** A declared component; the only way to refer to it from an expression or an event. */
export class ComponentRef<T extends string = string> {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly type: T,
  ) {}
  /** `components.<name>.<path>` for use inside a larger expression. */
  js(path: string): string {
    return joinPath(`components.${this.name}`, path);
  }
  /** `{{components.<name>.<path>}}` */
  fx(path: string): string {
    return fx(this.js(path));
  }
}

/** A declared data query. */
export class QueryRef {
  constructor(
    readonly id: string,
    readonly name: string,
    readonly operation: string,
  ) {}
  js(path: string): string {
    return joinPath(`queries.${this.name}`, path);
  }
  fx(path: string): string {
    return fx(this.js(path));
  }
  /** The message a failed run shows (the plugin's QueryError message). */
  get errorMessage(): string {
    return fx(`${this.js('error?.message')} ?? ${this.js('data?.message')} ?? ''`);
  }
}

export type FieldValue = string | number | boolean | undefined;

export interface QueryOptions {
  runOnPageLoad?: boolean;
  /** Alert shown on success (may use `{{ }}`); reads usually have none. */
  success?: string;
  /** Queries re-run after a success (e.g. the list a write changes). */
  refresh?: readonly QueryRef[];
}

export interface Choice {
  value: string;
  label: string;
}

export interface Column {
  key: string;
  name: string;
  type?: 'string' | 'number' | 'boolean' | 'html' | 'text';
  width?: number;
  /** Cell background expression using `rowData`, e.g. overdue highlighting. */
  background?: string;
  textColor?: string;
}

interface Size {
  width?: number;
  height: number;
}

interface Slot {
  desktop: { top: number; left: number; width: number; height: number };
  mobile: { top: number; left: number; width: number; height: number };
}

interface Pending {
  row: ComponentRow;
  events: { eventId: string; query: QueryRef }[];
}

/** Places components on a 43-column grid, top to bottom, so siblings never overlap. */
export class Region {
  protected y = gap;
  protected my = gap;

  constructor(
    protected readonly app: AppBuilder,
    readonly pageId: string,
    readonly parent: string | null,
  ) {}

  /** Bottom of the content, for sizing the parent. */
  get contentHeight(): number {
    return this.y;
  }
  get mobileContentHeight(): number {
    return this.my;
  }

  protected slot(size: Size, mobileHeight = size.height): Slot {
    const width = size.width ?? gridColumns - 2 * margin;
    if (width < 1 || margin + width > gridColumns) throw new Error(`width ${width} does not fit the ${gridColumns}-column grid`);
    const desktop = { top: this.y, left: margin, width, height: size.height };
    const mobile = { top: this.my, left: margin, width: gridColumns - 2 * margin, height: mobileHeight };
    this.y += size.height + gap;
    this.my += mobileHeight + gap;
    return { desktop, mobile };
  }

  protected add(
    type: string,
    name: string,
    size: Size,
    parts: { properties?: Record<string, unknown>; styles?: Record<string, unknown>; validation?: Record<string, unknown> },
    events: Pending['events'] = [],
  ): ComponentRef {
    const id = this.app.componentId(name);
    const row = this.app.newComponent(id, name, type, this.pageId, this.parent, parts);
    this.place(row, size);
    this.app.registerComponent({ row, events });
    return new ComponentRef(id, name, type);
  }

  protected place(row: ComponentRow, size: Size, mobileHeight?: number): void {
    const slot = this.slot(size, mobileHeight);
    row.layouts = (['desktop', 'mobile'] as const).map(
      (type): Layout => ({ id: uuidFor(row.id, 'layout', type), type, ...slot[type], dimensionUnit: 'count' }),
    );
  }

  /** Lays the components declared in `build` side by side (widths in columns). */
  row(build: (row: Region) => void): void {
    const r = new RowRegion(this.app, this.pageId, this.parent, this.y, this.my);
    build(r);
    this.y = r.bottom + gap;
    this.my = r.mobileBottom;
  }

  heading(name: string, text: string, size: Size = { height: 40 }): ComponentRef<'Text'> {
    return this.add('Text', name, size, {
      properties: { text, textFormat: 'plainText', visibility: '{{true}}' },
      styles: { textSize: '{{20}}', fontWeight: 'bold', textColor: 'var(--cc-primary-text)' },
    }) as ComponentRef<'Text'>;
  }

  text(name: string, text: string, size: Size = { height: 30 }): ComponentRef<'Text'> {
    return this.add('Text', name, size, {
      properties: { text, textFormat: /<[a-z]/i.test(text) ? 'html' : 'plainText', visibility: '{{true}}' },
      styles: { textSize: '{{14}}', textColor: 'var(--cc-primary-text)' },
    }) as ComponentRef<'Text'>;
  }

  textInput(name: string, label: string, o: { placeholder?: string; value?: string; width?: number } = {}): ComponentRef<'TextInput'> {
    return this.add('TextInput', name, { width: o.width, height: 40 }, {
      properties: { label, placeholder: o.placeholder ?? '', value: o.value, showClearBtn: '{{true}}' },
      styles: { alignment: 'top' },
    }) as ComponentRef<'TextInput'>;
  }

  numberInput(name: string, label: string, o: { value?: string; width?: number } = {}): ComponentRef<'NumberInput'> {
    return this.add('NumberInput', name, { width: o.width, height: 40 }, {
      properties: { label, value: o.value ?? '', placeholder: '' },
      styles: { alignment: 'top' },
    }) as ComponentRef<'NumberInput'>;
  }

  textArea(name: string, label: string, o: { placeholder?: string; value?: string; width?: number; height?: number } = {}): ComponentRef<'TextArea'> {
    return this.add('TextArea', name, { width: o.width, height: o.height ?? 90 }, {
      properties: { label, placeholder: o.placeholder ?? '', value: o.value },
      styles: { alignment: 'top' },
    }) as ComponentRef<'TextArea'>;
  }

  /** DropdownV2 with fixed choices, or `{{ }}` choices (an array of { label, value }). */
  dropdown(
    name: string,
    label: string,
    choices: readonly Choice[] | string,
    o: { value?: string; width?: number; onSelect?: readonly QueryRef[] } = {},
  ): ComponentRef<'DropdownV2'> {
    const fixed = typeof choices !== 'string';
    const options = fixed
      ? choices.map((c) => ({
          label: c.label,
          value: c.value,
          caption: null,
          disable: { value: false },
          visible: { value: true },
          default: { value: c.value === o.value },
        }))
      : undefined;
    return this.add(
      'DropdownV2',
      name,
      { width: o.width, height: 40 },
      {
        properties: {
          label,
          placeholder: '',
          advanced: fixed ? '{{false}}' : '{{true}}',
          schema: fixed ? undefined : choices,
          options,
          showClearBtn: '{{true}}',
          showSearchInput: '{{true}}',
          visibility: '{{true}}',
          disabledState: '{{false}}',
        },
        styles: { alignment: 'top' },
      },
      (o.onSelect ?? []).map((query) => ({ eventId: 'onSelect', query })),
    ) as ComponentRef<'DropdownV2'>;
  }

  button(name: string, text: string, onClick: QueryRef, o: { width?: number; disabled?: string; type?: 'primary' | 'outline' } = {}): ComponentRef<'Button'> {
    return this.add(
      'Button',
      name,
      { width: o.width ?? 10, height: 40 },
      {
        properties: { text, disabledState: o.disabled ?? '{{false}}', loadingState: fx(onClick.js('isLoading')), visibility: '{{true}}' },
        styles: { type: o.type ?? 'primary' },
      },
      [{ eventId: 'onClick', query: onClick }],
    ) as ComponentRef<'Button'>;
  }

  table(
    name: string,
    data: string,
    columns: readonly Column[],
    o: { height?: number; onRowClicked?: readonly QueryRef[]; loading?: QueryRef } = {},
  ): ComponentRef<'Table'> {
    const tableId = this.app.componentId(name);
    return this.add(
      'Table',
      name,
      { height: o.height ?? 320 },
      {
        properties: {
          title: '',
          dataSourceSelector: 'rawJson',
          data,
          columns: columns.map((c) => ({
            id: uuidFor(tableId, 'column', c.key),
            name: c.name,
            key: c.key,
            columnType: c.type ?? 'string',
            autogenerated: false,
            columnSize: c.width ?? 140,
            ...(c.background ? { cellBackgroundColor: c.background } : {}),
            ...(c.textColor ? { textColor: c.textColor } : {}),
          })),
          loadingState: o.loading ? fx(o.loading.js('isLoading')) : '{{false}}',
          autogenerateColumns: '{{false}}',
          enablePagination: '{{true}}',
          rowsPerPage: '{{10}}',
          displaySearchBox: '{{true}}',
          showDownloadButton: '{{true}}',
          showFilterButton: '{{true}}',
          highlightSelectedRow: '{{true}}',
          showBulkSelector: '{{false}}',
          visibility: '{{true}}',
        },
        styles: { cellSize: 'regular' },
      },
      (o.onRowClicked ?? []).map((query) => ({ eventId: 'onRowClicked', query })),
    ) as ComponentRef<'Table'>;
  }

  statistic(name: string, label: string, value: string, o: { width?: number; secondaryLabel?: string; secondaryValue?: string; suffix?: string } = {}): ComponentRef<'Statistics'> {
    return this.add('Statistics', name, { width: o.width ?? 10, height: 152 }, {
      properties: {
        primaryValueLabel: label,
        primaryValue: value,
        primarySuffixText: o.suffix ?? '',
        hideSecondary: o.secondaryValue === undefined ? '{{true}}' : '{{false}}',
        secondaryValueLabel: o.secondaryLabel ?? '',
        secondaryValue: o.secondaryValue ?? '',
        secondarySignDisplay: 'positive',
        loadingState: '{{false}}',
        visibility: '{{true}}',
      },
    }) as ComponentRef<'Statistics'>;
  }

  /** Chart from an array of `{ x, y }`. */
  chart(name: string, title: string, type: 'bar' | 'line' | 'pie', data: string, o: { width?: number; height?: number } = {}): ComponentRef<'Chart'> {
    return this.add('Chart', name, { width: o.width, height: o.height ?? 320 }, {
      properties: { title, type, data, plotFromJson: '{{false}}', showAxes: '{{true}}', showGridLines: '{{true}}', loadingState: '{{false}}', barmode: 'group' },
      styles: { visibility: '{{true}}', padding: '50' },
    }) as ComponentRef<'Chart'>;
  }

  /** A Form whose fields come from a JSON Schema expression (e.g. forms.get → jsonSchema), so it grows without editing the app. */
  schemaForm(name: string, jsonSchema: string, o: { height?: number; width?: number; onSubmit?: QueryRef } = {}): ComponentRef<'Form'> {
    return this.add(
      'Form',
      name,
      { width: o.width, height: o.height ?? 260 },
      {
        properties: { advanced: '{{true}}', JSONSchema: jsonSchema, showHeader: '{{false}}', showFooter: '{{false}}', visibility: '{{true}}', disabledState: '{{false}}', loadingState: '{{false}}' },
      },
      o.onSubmit ? [{ eventId: 'onSubmit', query: o.onSubmit }] : [],
    ) as ComponentRef<'Form'>;
  }

  /** A Container whose height follows its content; children use its own 43-column grid. */
  container(name: string, build: (inside: Region) => void, o: { width?: number; minHeight?: number } = {}): ComponentRef<'Container'> {
    const id = this.app.componentId(name);
    const row = this.app.newComponent(id, name, 'Container', this.pageId, this.parent, {
      properties: { showHeader: '{{false}}', visibility: '{{true}}', disabledState: '{{false}}' },
    });
    this.app.registerComponent({ row, events: [] });
    const inside = new Region(this.app, this.pageId, id);
    build(inside);
    this.place(row, { width: o.width, height: Math.max(o.minHeight ?? 0, inside.contentHeight + gap) }, inside.mobileContentHeight + gap);
    return new ComponentRef(id, name, 'Container');
  }

  /** Tabs; each tab's children live in `<tabsId>-<tabId>`. */
  tabs(name: string, tabs: readonly { id: string; title: string; build: (inside: Region) => void }[]): ComponentRef<'Tabs'> {
    const id = this.app.componentId(name);
    const list = tabs.map((t) => `{ title: ${JSON.stringify(t.title)}, id: ${JSON.stringify(t.id)} }`).join(', ');
    const row = this.app.newComponent(id, name, 'Tabs', this.pageId, this.parent, {
      properties: { tabs: fx(`[${list}]`), defaultTab: tabs[0]?.id ?? '0', hideTabs: false, renderOnlyActiveTab: false },
      styles: { visibility: '{{true}}', disabledState: '{{false}}', tabWidth: 'auto', highlightColor: 'var(--primary-brand)' },
    });
    this.app.registerComponent({ row, events: [] });
    let height = 0;
    let mobileHeight = 0;
    for (const tab of tabs) {
      const inside = new Region(this.app, this.pageId, `${id}-${tab.id}`);
      tab.build(inside);
      height = Math.max(height, inside.contentHeight);
      mobileHeight = Math.max(mobileHeight, inside.mobileContentHeight);
    }
    const header = 60;
    this.place(row, { height: height + header }, mobileHeight + header);
    return new ComponentRef(id, name, 'Tabs');
  }
}

/** Side-by-side placement inside a parent region. */
class RowRegion extends Region {
  private x = margin;
  private readonly top: number;
  private tallest = 0;

  constructor(app: AppBuilder, pageId: string, parent: string | null, top: number, mobileTop: number) {
    super(app, pageId, parent);
    this.top = top;
    this.my = mobileTop;
  }

  get bottom(): number {
    return this.top + this.tallest;
  }
  get mobileBottom(): number {
    return this.my;
  }

  protected override slot(size: Size, mobileHeight = size.height): Slot {
    const width = size.width ?? 10;
    if (this.x + width > gridColumns) throw new Error(`a row is wider than the ${gridColumns}-column grid`);
    const desktop = { top: this.top, left: this.x, width, height: size.height };
    const mobile = { top: this.my, left: margin, width: gridColumns - 2 * margin, height: mobileHeight };
    this.x += width + 1;
    this.tallest = Math.max(this.tallest, size.height);
    this.my += mobileHeight + gap;
    return { desktop, mobile };
  }

  override row(): void {
    throw new Error('rows do not nest');
  }
}

interface QueryDecl {
  row: DataQueryRow;
  ref: QueryRef;
  options: QueryOptions;
}

/** One template app: pages, components, queries and their events, for one set of parameters. */
export class AppBuilder {
  private readonly pages: PageRow[] = [];
  private readonly components: Pending[] = [];
  private readonly queries: QueryDecl[] = [];
  private readonly names = new Set<string>();
  readonly appId: string;
  readonly versionId: string;
  readonly dataSourceId: string;

  constructor(
    readonly key: string,
    readonly params: AppParams,
  ) {
    this.appId = uuidFor(key, 'app');
    this.versionId = uuidFor(key, 'version', 'v1');
    this.dataSourceId = uuidFor('datasource', pluginKind, params.dataSource);
  }

  /** A label in the chosen language: bilingual (Chinese first) or English. */
  t(zh: string, en: string): string {
    return this.params.language === 'zh' ? `${zh} ${en}` : en;
  }

  /** Choices with bilingual labels. */
  choices(list: readonly [value: string, zh: string, en: string][]): Choice[] {
    return list.map(([value, zh, en]) => ({ value, label: this.t(zh, en) }));
  }

  componentId(name: string): string {
    return uuidFor(this.key, 'component', name);
  }

  newComponent(
    id: string,
    name: string,
    type: string,
    pageId: string,
    parent: string | null,
    parts: { properties?: Record<string, unknown>; styles?: Record<string, unknown>; validation?: Record<string, unknown> },
  ): ComponentRow {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`component name "${name}" must be an identifier`);
    if (this.names.has(name)) throw new Error(`name "${name}" is used twice in ${this.key}`);
    this.names.add(name);
    return {
      id,
      name,
      type,
      pageId,
      parent,
      properties: wrap(parts.properties ?? {}),
      styles: wrap(parts.styles ?? {}),
      general: null,
      generalStyles: null,
      others: wrap({ showOnDesktop: '{{true}}', showOnMobile: '{{true}}' }),
      validation: wrap(parts.validation ?? {}),
      displayPreferences: {},
      layouts: [],
    };
  }

  registerComponent(pending: Pending): void {
    this.components.push(pending);
  }

  page(handle: string, name: string, build: (page: Region) => void): void {
    const id = uuidFor(this.key, 'page', handle);
    this.pages.push({ id, name, handle, index: this.pages.length + 1, disabled: false, hidden: false, appVersionId: this.versionId });
    build(new Region(this, id, null));
  }

  /**
   * Declares a query on the Customer Desk data source. Refuses an operation the registry does not have, or a
   * field that is not an input of that operation: the app would otherwise fail only when a user clicks.
   */
  query(name: string, operation: string, fields: Record<string, FieldValue>, options: QueryOptions = {}): QueryRef {
    const op = registry.get(operation);
    if (!op) throw new Error(`${this.key}: query ${name} uses unknown operation "${operation}"`);
    const known = new Set(Object.keys(inputJsonSchema(op).properties ?? {}));
    for (const key of Object.keys(fields)) {
      if (!known.has(key)) throw new Error(`${this.key}: query ${name}: "${key}" is not a field of ${operation}`);
    }
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`query name "${name}" must be an identifier`);
    if (this.names.has(name)) throw new Error(`name "${name}" is used twice in ${this.key}`);
    this.names.add(name);
    const id = uuidFor(this.key, 'query', name);
    const values = Object.fromEntries(
      Object.entries(fields)
        .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
        // Codehinter fields hold text; `{{ }}` resolves to the real type at run time.
        .map(([k, v]) => [k, typeof v === 'string' ? v : String(v)]),
    );
    const row: DataQueryRow = {
      id,
      name,
      dataSourceId: this.dataSourceId,
      appVersionId: this.versionId,
      options: { operation, ...values, runOnPageLoad: options.runOnPageLoad ?? false, transformation: '', enableTransformation: false },
    };
    const ref = new QueryRef(id, name, operation);
    this.queries.push({ row, ref, options });
    return ref;
  }

  private events(): EventRow[] {
    const out: EventRow[] = [];
    const push = (sourceId: string, target: EventTarget, list: EventAction[], label: string) =>
      list.forEach((event, index) =>
        out.push({ id: uuidFor(this.key, 'event', sourceId, event.eventId, String(index)), name: `${label} ${index + 1}`, index, sourceId, target, appVersionId: this.versionId, event }),
      );
    const run = (eventId: string, q: QueryRef): EventAction => ({ eventId, actionId: 'run-query', queryId: q.id, queryName: q.name, parameters: {} });
    for (const { row, events } of this.components) {
      const byEvent = new Map<string, EventAction[]>();
      for (const e of events) byEvent.set(e.eventId, [...(byEvent.get(e.eventId) ?? []), run(e.eventId, e.query)]);
      for (const [eventId, list] of byEvent) push(row.id, 'component', list, `${row.name} ${eventId}`);
    }
    for (const { ref, options } of this.queries) {
      const success: EventAction[] = [
        ...(options.success ? [{ eventId: 'onDataQuerySuccess', actionId: 'show-alert' as const, message: options.success, alertType: 'success' as const }] : []),
        ...(options.refresh ?? []).map((q) => run('onDataQuerySuccess', q)),
      ];
      push(ref.id, 'data_query', success, `${ref.name} success`);
      const failure: EventAction = {
        eventId: 'onDataQueryFailure',
        actionId: 'show-alert',
        message: `${this.t('操作失败', 'Failed')}: ${ref.errorMessage}`,
        alertType: 'error',
      };
      push(ref.id, 'data_query', [failure], `${ref.name} failure`);
    }
    return out;
  }

  build(appName: string): AppExport {
    const homePage = this.pages[0];
    if (!homePage) throw new Error(`${this.key} has no page`);
    const environments = (['development', 'staging', 'production'] as const).map((name, i) => ({
      id: uuidFor('environment', name),
      name,
      isDefault: name === 'production',
      priority: i + 1,
      enabled: true,
    }));
    // Plain (non-secret) defaults; secrets are typed in by the administrator in ToolJet, never shipped in a file.
    const defaults = Object.fromEntries(
      sourceOptionSpecs.filter((s) => !s.encrypted).map((s) => [s.key, { value: s.default ?? '', encrypted: false }]),
    );
    return {
      tooljet_version: tooljetVersion,
      app: [
        {
          appName,
          definition: {
            appV2: {
              id: this.appId,
              name: appName,
              type: 'front-end',
              slug: this.key,
              isPublic: false,
              isMaintenanceOn: false,
              icon: null,
              pages: this.pages,
              components: this.components.map((c) => c.row),
              events: this.events(),
              dataQueries: this.queries.map((q) => q.row),
              dataSources: [
                {
                  id: this.dataSourceId,
                  name: this.params.dataSource,
                  kind: pluginKind,
                  type: 'default',
                  pluginId: uuidFor('plugin', pluginKind),
                  scope: 'global',
                  appVersionId: null,
                },
              ],
              appVersions: [
                {
                  id: this.versionId,
                  name: 'v1',
                  definition: null,
                  globalSettings: {
                    hideHeader: false,
                    appInMaintenance: false,
                    canvasMaxWidth: 100,
                    canvasMaxWidthType: '%',
                    canvasMaxHeight: 2400,
                    canvasBackgroundColor: '',
                    backgroundFxQuery: '',
                    appMode: 'auto',
                  },
                  showViewerNavigation: this.pages.length > 1,
                  homePageId: homePage.id,
                  currentEnvironmentId: environments[0]?.id ?? '',
                  status: 'DRAFT',
                },
              ],
              appEnvironments: environments,
              dataSourceOptions: environments.map((env) => ({
                id: uuidFor('datasource-options', this.dataSourceId, env.name),
                dataSourceId: this.dataSourceId,
                environmentId: env.id,
                options: defaults,
              })),
              schemaDetails: { multiPages: true, multiEnv: true, globalDataSources: true },
            },
          },
        },
      ],
      tooljet_database: [],
    };
  }
}
