// A typed builder for ToolJet 3.x app exports.
//
// Why TypeScript functions and not JSON/string templates: every id, layout and reference in an export must agree
// with something else in the same file (an event's queryId and queryName, a child's parent, `{{queries.X}}` in a
// property, a query's operation and fields). Here a component or query exists only as the value returned when it
// was declared, so a reference to one that was never declared is a compile error; ids are derived (never typed
// by hand); layouts are computed (never overlap); and a query is checked against the operation registry the
// moment it is declared. What the compiler cannot see (text inside `{{ }}`) is checked by validate/.
import { inputJsonSchema } from '../core/coerce.js';
import { registry } from '../app.js';
import { appExport, pluginKind } from './app-export.js';
import { eventRows } from './events.js';
import { uuidFor } from './ids.js';
import { QueryRef, type Choice, type ComponentRef, type FieldValue, type PendingEvent, type QueryOptions } from './refs.js';
import type { ComponentHost, Parts } from './region-base.js';
import { Region } from './region.js';
import type { AppExport, ComponentRow, DataQueryRow, PageRow, Wrapped, WrappedMap } from './types.js';

export { pluginKind, tooljetVersion } from './app-export.js';
export { ComponentRef, fx, QueryRef, type Choice, type Column, type FieldValue, type QueryOptions } from './refs.js';
export { Region } from './region.js';

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

const wrap = (map: Record<string, unknown>): WrappedMap =>
  Object.fromEntries(
    Object.entries(map)
      .filter(([, v]) => v !== undefined)
      .map(([k, value]): [string, Wrapped] => [k, { value }]),
  );

const identifier = /^[A-Za-z][A-Za-z0-9_]*$/;

/** One template app: pages, components, queries and their events, for one set of parameters. */
export class AppBuilder implements ComponentHost {
  private readonly pages: PageRow[] = [];
  private readonly components: { row: ComponentRow; events: readonly PendingEvent[] }[] = [];
  private readonly queries: { row: DataQueryRow; ref: QueryRef; options: QueryOptions }[] = [];
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

  private claim(kind: string, name: string): void {
    if (!identifier.test(name)) throw new Error(`${kind} name "${name}" must be an identifier`);
    if (this.names.has(name)) throw new Error(`name "${name}" is used twice in ${this.key}`);
    this.names.add(name);
  }

  newComponent(id: string, name: string, type: string, pageId: string, parent: string | null, parts: Parts): ComponentRow {
    this.claim('component', name);
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
      validation: wrap(parts.validation ?? {}),
      // The importer copies displayPreferences and drops `others` (app-import-export.service.ts).
      displayPreferences: wrap({ showOnDesktop: '{{true}}', showOnMobile: '{{true}}' }),
      layouts: [],
    };
  }

  registerComponent(row: ComponentRow, events: readonly PendingEvent[]): void {
    this.components.push({ row, events });
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
    this.claim('query', name);
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

  /** After `query` succeeds, open `modal` (e.g. the document it rendered). */
  openOnSuccess(query: QueryRef, modal: ComponentRef<'ModalV2'>): void {
    const declared = this.queries.find((q) => q.ref === query);
    if (!declared) throw new Error(`${this.key}: query ${query.name} is not declared here`);
    declared.options = { ...declared.options, openModal: modal };
  }

  build(appName: string): AppExport {
    const events = eventRows({ key: this.key, versionId: this.versionId, components: this.components, queries: this.queries, failureLabel: this.t('操作失败', 'Failed') });
    const identity = { key: this.key, appId: this.appId, versionId: this.versionId, dataSourceId: this.dataSourceId, dataSource: this.params.dataSource };
    return appExport(appName, identity, { pages: this.pages, components: this.components.map((c) => c.row), events, dataQueries: this.queries.map((q) => q.row) });
  }
}
