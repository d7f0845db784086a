// A validator of ToolJet's app import format, written from TOOLJET.md ("Template apps"): what the importer
// needs (it refuses or silently drops otherwise) plus what makes an app work once imported (references resolve,
// queries name real operations with valid fields). Returns problems with JSON paths; an empty list = valid.
import { inputJsonSchema, parseInput } from '../core/coerce.js';
import { isDeskError } from '../core/errors.js';
import { registry } from '../core/registry.js';
import { gridColumns } from './types.js';
import { toolJetQueryKeys } from '../tooljet/query-keys.js';
import { pluginKind } from './builder.js';

export interface Problem {
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;
type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  [k: string]: unknown;
};

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const appV2Keys = ['name', 'type', 'pages', 'components', 'events', 'dataQueries', 'dataSources', 'appVersions', 'appEnvironments', 'dataSourceOptions', 'schemaDetails'] as const;
const arrayKeys = ['pages', 'components', 'events', 'dataQueries', 'dataSources', 'appVersions', 'appEnvironments', 'dataSourceOptions'] as const;
const slotParents = new Set(['Container', 'Form', 'ModalV2', 'Modal']);
const bodyParents = new Set(['Container', 'Form', 'ModalV2', 'Modal', 'Listview', 'Kanban', 'Calendar']);

/** "3.0.0-ee" → [3, 0]; the server compares the numbers before the first '-'. */
export function versionOf(text: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)(?:\.\d+)?$/.exec(text.split('-')[0] ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

// ---------- samples for `{{ }}` values ----------

const patternCandidates = ['12F-1203', '2026-01', '2026-01-05', '2026-01-05T09:00:00+08:00', '2026-Q1', 'customer_service', 'A', 'a', '1', 'x', 'sample'];

/** A value of the right type for a field whose real value is only known at run time. */
export function sampleFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'sample';
  if ('const' in schema) return schema.const;
  if (schema.enum && schema.enum.length) return schema.enum[0];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length) {
    const useful = branches.find((b) => b.type !== 'null') ?? branches[0];
    return sampleFor(useful);
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? schema.type[0]) : schema.type;
  switch (type) {
    case 'integer':
    case 'number': {
      let n = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      if (schema.maximum !== undefined && n > schema.maximum) n = schema.maximum;
      return n;
    }
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => sampleFor(schema.items)) : [];
    case 'object': {
      const out: Obj = {};
      for (const key of schema.required ?? []) out[key] = sampleFor(schema.properties?.[key]);
      return out;
    }
    case 'string': {
      if (schema.format === 'date') return '2026-01-05';
      if (schema.format === 'date-time') return '2026-01-05T09:00:00+08:00';
      if (schema.format === 'email') return 'desk@example.com';
      if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/file';
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        const hit = patternCandidates.find((c) => re.test(c));
        if (hit) return hit;
      }
      return 'sample'.padEnd(schema.minLength ?? 0, 'x');
    }
    default:
      return 'sample';
  }
}

const hasFx = (v: unknown): boolean => typeof v === 'string' && v.includes('{{');

// ---------- references inside {{ }} ----------

/** Every `queries.X` / `components.Y` named inside `{{ }}` anywhere in a value. */
export function referencesIn(value: unknown): { queries: string[]; components: string[] } {
  const queries: string[] = [];
  const components: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const [, body] of v.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
        for (const [, kind, dotted, quoted] of (body ?? '').matchAll(/(?<![\w$.])(queries|components)\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
          (kind === 'queries' ? queries : components).push(dotted ?? quoted ?? '');
        }
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return { queries: queries.filter(Boolean), components: components.filter(Boolean) };
}

// ---------- the validator ----------

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;

export function validateAppExport(file: unknown): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });

  if (!isObj(file)) return [{ path: '', message: 'not a JSON object' }];
  const version = str(file.tooljet_version);
  const parsed = version ? versionOf(version) : null;
  if (!version || !parsed) problem('tooljet_version', 'required: a version such as "3.0.0"');
  else {
    const [major, minor] = parsed;
    if (major < 2 || (major === 2 && minor < 29)) problem('tooljet_version', `${version} is below 2.29 (older files get property migrations)`);
    if (major !== 3) problem('tooljet_version', `${version} is not a 3.x version`);
  }
  const apps = file.app;
  if (!Array.isArray(apps) || apps.length === 0) {
    problem('app', 'required: a non-empty array of apps');
    return problems;
  }
  apps.forEach((entry, i) => validateApp(entry, `app[${i}]`, problem));
  return problems;
}

function validateApp(entry: unknown, at: string, problem: (path: string, message: string) => void): void {
  if (!isObj(entry)) return problem(at, 'not an object');
  if (!str(entry.appName)?.trim()) problem(`${at}.appName`, 'required (the import API refuses a file without it)');
  const appV2 = isObj(entry.definition) ? entry.definition.appV2 : undefined;
  const base = `${at}.definition.appV2`;
  if (!isObj(appV2)) return problem(base, 'required');
  for (const key of appV2Keys) if (!(key in appV2)) problem(`${base}.${key}`, 'required');
  for (const key of arrayKeys) if (key in appV2 && !Array.isArray(appV2[key])) problem(`${base}.${key}`, 'must be an array');
  if (!str(appV2.name)?.trim()) problem(`${base}.name`, 'required (the importer refuses an app without a name)');
  if (appV2.type !== undefined && appV2.type !== 'front-end') problem(`${base}.type`, 'must be "front-end"');
  const details = appV2.schemaDetails;
  if (!isObj(details) || details.multiPages !== true || details.multiEnv !== true || details.globalDataSources !== true) {
    problem(`${base}.schemaDetails`, 'must be { multiPages: true, multiEnv: true, globalDataSources: true }');
  }

  const pages = arr(appV2.pages).filter(isObj);
  const components = arr(appV2.components).filter(isObj);
  const events = arr(appV2.events).filter(isObj);
  const queries = arr(appV2.dataQueries).filter(isObj);
  const sources = arr(appV2.dataSources).filter(isObj);
  const versions = arr(appV2.appVersions).filter(isObj);
  const environments = arr(appV2.appEnvironments).filter(isObj);
  const sourceOptions = arr(appV2.dataSourceOptions).filter(isObj);

  // Unique ids across the whole definition (the importer remaps by id).
  const seen = new Map<string, string>();
  const idOf = (row: Obj, path: string): string | undefined => {
    const id = str(row.id);
    if (!id) {
      problem(`${path}.id`, 'required');
      return undefined;
    }
    const first = seen.get(id);
    if (first) problem(`${path}.id`, `duplicate id ${id} (also ${first})`);
    else seen.set(id, path);
    return id;
  };
  const groups: [string, Obj[]][] = [
    ['pages', pages],
    ['components', components],
    ['events', events],
    ['dataQueries', queries],
    ['dataSources', sources],
    ['appVersions', versions],
    ['appEnvironments', environments],
    ['dataSourceOptions', sourceOptions],
  ];
  for (const [key, rows] of groups) rows.forEach((row, i) => idOf(row, `${base}.${key}[${i}]`));
  components.forEach((c, i) => arr(c.layouts).filter(isObj).forEach((l, j) => l.id !== undefined && idOf(l, `${base}.components[${i}].layouts[${j}]`)));

  // Versions, pages.
  const versionIds = new Set(versions.map((v) => str(v.id)).filter(Boolean));
  const pageIds = new Set(pages.map((p) => str(p.id)).filter(Boolean));
  if (versions.length === 0) problem(`${base}.appVersions`, 'at least one version is required');
  versions.forEach((v, i) => {
    if (!str(v.name)) problem(`${base}.appVersions[${i}].name`, 'required');
    if (!pageIds.has(str(v.homePageId) ?? '')) problem(`${base}.appVersions[${i}].homePageId`, 'must be the id of a page');
  });
  if (pages.length === 0) problem(`${base}.pages`, 'at least one page is required');
  const handles = new Set<string>();
  pages.forEach((p, i) => {
    const path = `${base}.pages[${i}]`;
    if (!str(p.name)) problem(`${path}.name`, 'required');
    const handle = str(p.handle);
    if (!handle) problem(`${path}.handle`, 'required');
    else if (handles.has(handle)) problem(`${path}.handle`, `duplicate handle "${handle}"`);
    else handles.add(handle);
    if (!versionIds.has(str(p.appVersionId) ?? '')) problem(`${path}.appVersionId`, 'must be the id of an app version');
  });

  // Components: page, parent, names, layouts.
  const byId = new Map<string, Obj>();
  components.forEach((c) => str(c.id) && byId.set(str(c.id) as string, c));
  const namesByPage = new Map<string, Set<string>>();
  components.forEach((c, i) => {
    const path = `${base}.components[${i}]`;
    const name = str(c.name);
    const pageId = str(c.pageId) ?? '';
    if (!name) problem(`${path}.name`, 'required');
    if (!str(c.type)) problem(`${path}.type`, 'required');
    if (!pageIds.has(pageId)) problem(`${path}.pageId`, `no page ${pageId}`);
    const names = namesByPage.get(pageId) ?? new Set<string>();
    if (name && names.has(name)) problem(`${path}.name`, `duplicate component name "${name}" on the page`);
    if (name) names.add(name);
    namesByPage.set(pageId, names);
    for (const key of ['properties', 'styles'] as const) {
      const map = c[key];
      if (map !== undefined && map !== null && !isObj(map)) problem(`${path}.${key}`, 'must be an object');
      if (isObj(map)) for (const [k, v] of Object.entries(map)) if (!isObj(v) || !('value' in v)) problem(`${path}.${key}.${k}`, 'must be wrapped as { value }');
    }
    checkParent(c, path, byId, problem);
    const layouts = arr(c.layouts).filter(isObj);
    for (const type of ['desktop', 'mobile']) {
      const l = layouts.find((x) => x.type === type);
      if (!l) {
        problem(`${path}.layouts`, `a ${type} layout is required (the import crashes without it)`);
        continue;
      }
      const nums = ['top', 'left', 'width', 'height'].map((k) => l[k]);
      if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) {
        problem(`${path}.layouts.${type}`, 'top, left, width and height must be numbers');
        continue;
      }
      const [, left, width, height] = nums as number[];
      if (l.dimensionUnit === 'count') {
        if ((left as number) < 0 || (width as number) < 1 || (left as number) + (width as number) > gridColumns) {
          problem(`${path}.layouts.${type}`, `left ${left} + width ${width} is outside the ${gridColumns}-column grid`);
        }
      }
      if ((height as number) <= 0) problem(`${path}.layouts.${type}`, 'height must be positive');
    }
  });
  checkOverlaps(components, base, problem);

  // Data sources and queries.
  const sourceIds = new Map<string, Obj>();
  sources.forEach((s, i) => {
    const path = `${base}.dataSources[${i}]`;
    if (str(s.id)) sourceIds.set(str(s.id) as string, s);
    if (!str(s.name)) problem(`${path}.name`, 'required');
    if (!str(s.kind)) problem(`${path}.kind`, 'required');
    if (s.kind === pluginKind) {
      if (!s.pluginId) problem(`${path}.pluginId`, 'must be set: with pluginId null the source is imported unlinked from the plugin');
      if (s.scope !== 'global') problem(`${path}.scope`, 'must be "global"');
    }
  });
  if (![...sourceIds.values()].some((s) => s.kind === pluginKind)) problem(`${base}.dataSources`, `no data source of kind ${pluginKind}`);
  const queryByName = new Map<string, Obj>();
  const queryById = new Map<string, Obj>();
  queries.forEach((q, i) => {
    const path = `${base}.dataQueries[${i}]`;
    const name = str(q.name);
    if (!name) problem(`${path}.name`, 'required');
    else if (queryByName.has(name)) problem(`${path}.name`, `duplicate query name "${name}"`);
    else queryByName.set(name, q);
    if (str(q.id)) queryById.set(str(q.id) as string, q);
    if (!versionIds.has(str(q.appVersionId) ?? '')) problem(`${path}.appVersionId`, 'must be the id of an app version');
    const source = sourceIds.get(str(q.dataSourceId) ?? '');
    if (!source) problem(`${path}.dataSourceId`, 'must be the id of a data source in dataSources');
    if (!isObj(q.options)) problem(`${path}.options`, 'required');
    else if (source?.kind === pluginKind) checkQueryOptions(q.options, `${path}.options`, problem);
  });

  // Environments and per-environment options.
  const envNames = environments.map((e) => str(e.name));
  for (const name of ['development', 'staging', 'production']) {
    if (!envNames.includes(name)) problem(`${base}.appEnvironments`, `environment "${name}" is missing`);
  }
  const defaults = environments.filter((e) => e.isDefault === true);
  if (defaults.length !== 1 || defaults[0]?.name !== 'production') problem(`${base}.appEnvironments`, 'exactly one default environment, production, is required');
  for (const [sourceId, source] of sourceIds) {
    if (source.type === 'static') continue;
    for (const env of environments) {
      const row = sourceOptions.find((o) => o.dataSourceId === sourceId && o.environmentId === env.id);
      if (!row) problem(`${base}.dataSourceOptions`, `no options for data source "${String(source.name)}" in ${String(env.name)}`);
    }
  }

  // Events.
  events.forEach((e, i) => {
    const path = `${base}.events[${i}]`;
    const target = str(e.target);
    const sourceId = str(e.sourceId) ?? '';
    const sourceExists =
      target === 'data_query' ? queryById.has(sourceId) : target === 'page' ? pageIds.has(sourceId) : byId.has(sourceId);
    if (!target || !['component', 'data_query', 'page', 'table_column', 'table_action'].includes(target)) problem(`${path}.target`, 'unknown target');
    if (!sourceExists) problem(`${path}.sourceId`, `no ${target ?? 'source'} ${sourceId}`);
    if (!versionIds.has(str(e.appVersionId) ?? '')) problem(`${path}.appVersionId`, 'must be the id of an app version');
    const ev = e.event;
    if (!isObj(ev) || !str(ev.eventId) || !str(ev.actionId)) return problem(`${path}.event`, 'eventId and actionId are required');
    if (ev.actionId === 'run-query') {
      const q = queryById.get(str(ev.queryId) ?? '');
      if (!q) problem(`${path}.event.queryId`, `no query ${String(ev.queryId)}`);
      else if (ev.queryName !== q.name) problem(`${path}.event.queryName`, `"${String(ev.queryName)}" is not the name of query ${String(ev.queryId)} ("${String(q.name)}")`);
    }
    if (ev.actionId === 'show-alert' && !str(ev.message)) problem(`${path}.event.message`, 'an alert needs a message');
  });

  // References inside {{ }}.
  const componentNames = new Set(components.map((c) => str(c.name)).filter(Boolean));
  const checkRefs = (value: unknown, path: string, pageNames?: Set<string>) => {
    const refs = referencesIn(value);
    for (const q of refs.queries) if (!queryByName.has(q)) problem(path, `{{queries.${q}}} names no query`);
    for (const c of refs.components) if (!(pageNames ?? componentNames).has(c)) problem(path, `{{components.${c}}} names no component${pageNames ? ' on this page' : ''}`);
  };
  components.forEach((c, i) => {
    const names = namesByPage.get(str(c.pageId) ?? '');
    for (const key of ['properties', 'styles', 'general', 'generalStyles', 'validation', 'others'] as const) {
      if (isObj(c[key])) for (const [k, v] of Object.entries(c[key] as Obj)) checkRefs(v, `${base}.components[${i}].${key}.${k}`, names);
    }
  });
  queries.forEach((q, i) => isObj(q.options) && Object.entries(q.options).forEach(([k, v]) => checkRefs(v, `${base}.dataQueries[${i}].options.${k}`)));
  events.forEach((e, i) => checkRefs(e.event, `${base}.events[${i}].event`));
}

function checkParent(c: Obj, path: string, byId: Map<string, Obj>, problem: (path: string, message: string) => void): void {
  const parent = c.parent;
  if (parent === null || parent === undefined) return;
  if (typeof parent !== 'string') return problem(`${path}.parent`, 'must be null or a string');
  const direct = byId.get(parent);
  let owner: Obj | undefined;
  if (direct) {
    if (!bodyParents.has(String(direct.type))) return problem(`${path}.parent`, `a ${String(direct.type)} cannot hold children`);
    owner = direct;
  } else {
    const m = /^(.+)-(header|footer)$/.exec(parent);
    const slotOwner = m ? byId.get(m[1] ?? '') : undefined;
    if (slotOwner && slotParents.has(String(slotOwner.type))) owner = slotOwner;
    else {
      // `<tabsId>-<tabId>`: ids are UUIDs (36 characters); tab ids may themselves contain '-'.
      const tabs = byId.get(parent.slice(0, 36));
      if (tabs && tabs.type === 'Tabs' && parent[36] === '-' && parent.length > 37) {
        owner = tabs;
        const declared = String((tabs.properties as Obj | undefined)?.tabs && ((tabs.properties as Obj).tabs as Obj).value);
        const tabId = parent.slice(37);
        if (!declared.includes(`'${tabId}'`) && !declared.includes(`"${tabId}"`)) problem(`${path}.parent`, `tab "${tabId}" is not declared by its Tabs`);
      }
    }
  }
  if (!owner) return problem(`${path}.parent`, `no parent ${parent} (a child without its parent is dropped)`);
  if (owner.pageId !== c.pageId) problem(`${path}.parent`, 'the parent is on another page (the child would be dropped)');
  if (owner === c) problem(`${path}.parent`, 'a component cannot be its own parent');
}

function checkOverlaps(components: Obj[], base: string, problem: (path: string, message: string) => void): void {
  const groups = new Map<string, { index: number; name: string; box: Box }[]>();
  components.forEach((c, index) => {
    for (const l of arr(c.layouts).filter(isObj)) {
      if (![l.top, l.left, l.width, l.height].every((n) => typeof n === 'number')) continue;
      const key = `${String(c.pageId)}|${String(c.parent ?? '')}|${String(l.type)}`;
      const list = groups.get(key) ?? [];
      list.push({ index, name: String(c.name), box: { top: l.top as number, left: l.left as number, width: l.width as number, height: l.height as number } });
      groups.set(key, list);
    }
  });
  for (const [key, list] of groups) {
    const view = key.split('|')[2];
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const x = list[a];
        const y = list[b];
        if (x && y && overlaps(x.box, y.box)) problem(`${base}.components[${y.index}].layouts`, `${view} layout of "${y.name}" overlaps "${x.name}"`);
      }
    }
  }
}

function checkQueryOptions(options: Obj, path: string, problem: (path: string, message: string) => void): void {
  const name = str(options.operation);
  const op = name ? registry.get(name) : undefined;
  if (!op) return problem(`${path}.operation`, `unknown operation "${String(options.operation)}"`);
  const schema = inputJsonSchema(op) as JsonSchema;
  const fields = schema.properties ?? {};
  const input: Obj = {};
  for (const [key, value] of Object.entries(options)) {
    if (toolJetQueryKeys.has(key)) continue;
    if (!(key in fields)) {
      problem(`${path}.${key}`, `not a field of ${name}`);
      continue;
    }
    // A `{{ }}` value is only known at run time: stand in a valid value of the field's type.
    input[key] = hasFx(value) ? sampleFor(fields[key]) : value;
  }
  try {
    parseInput(op, input);
  } catch (e) {
    if (!isDeskError(e)) throw e;
    const issues = e.issues;
    if (issues.length === 0) problem(path, e.message);
    for (const issue of issues) problem(`${path}${issue.path ? `.${issue.path}` : ''}`, issue.message);
  }
}
