// Checks a built app export for what neither the compiler nor the builder can see: names inside `{{ }}`,
// literal query values against the operations' input schemas, bindings into fields ToolJet edits as constants,
// and what ToolJet's frontend does with a component (Form field types, displayPreferences, raw-read booleans).
// Structure (ids, parents, layouts, events, environments) is made correct by construction in builder.ts.
// Returns problems with JSON paths; an empty list = valid.
import { operationsJson } from '../../gen/operations-json.js';
import { operationList } from '../../app.js';
import { pluginKind } from '../app-export.js';
import { checkQueryOptions, type FieldControl } from './query-options.js';
import { checkReferences } from './references.js';
import type { Problem, Report } from './report.js';
import { checkComponent } from './tooljet-rules.js';

export type { Problem } from './report.js';
export { referencesIn } from './references.js';
export { sampleFor } from './samples.js';
export type { FieldControl } from './query-options.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const rows = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

let shipped: FieldControl | undefined;
/** The controls of the operations.json this build ships (generated from the same registry). */
function shippedControls(): FieldControl {
  if (!shipped) {
    const properties = operationsJson(operationList()).properties as Record<string, Record<string, { type?: string }>>;
    shipped = (op, key) => properties[op]?.[key]?.type;
  }
  return shipped;
}

export function validateAppExport(file: unknown, o: { fieldControl?: FieldControl } = {}): Problem[] {
  const problems: Problem[] = [];
  const problem: Report = (path, message) => problems.push({ path, message });
  const control = o.fieldControl ?? shippedControls();
  rows(isObj(file) ? file.app : undefined).forEach((entry, i) => {
    const appV2 = isObj(entry.definition) ? entry.definition.appV2 : undefined;
    if (isObj(appV2)) validateApp(appV2, `app[${i}].definition.appV2`, control, problem);
    else problem(`app[${i}].definition.appV2`, 'required');
  });
  return problems;
}

function validateApp(appV2: Obj, base: string, control: FieldControl, problem: Report): void {
  const components = rows(appV2.components);
  const queries = rows(appV2.dataQueries);
  const pluginSources = new Set(
    rows(appV2.dataSources)
      .filter((s) => s.kind === pluginKind)
      .map((s) => str(s.id)),
  );
  const queryNames = new Set(queries.map((q) => str(q.name)));
  const namesOnPage = (pageId: string) => new Set(components.filter((c) => c.pageId === pageId).map((c) => str(c.name)));
  const allNames = new Set(components.map((c) => str(c.name)));

  components.forEach((c, i) => {
    const path = `${base}.components[${i}]`;
    const known = { queries: queryNames, components: namesOnPage(str(c.pageId)) };
    for (const key of ['properties', 'styles', 'general', 'generalStyles', 'validation'] as const) {
      if (isObj(c[key])) for (const [k, v] of Object.entries(c[key] as Obj)) checkReferences(v, `${path}.${key}.${k}`, known, problem);
    }
    checkComponent(c, path, problem);
  });
  queries.forEach((q, i) => {
    const path = `${base}.dataQueries[${i}].options`;
    if (!isObj(q.options)) return problem(path, 'required');
    for (const [k, v] of Object.entries(q.options)) checkReferences(v, `${path}.${k}`, { queries: queryNames, components: allNames }, problem);
    if (pluginSources.has(str(q.dataSourceId))) checkQueryOptions(q.options, path, control, problem);
  });
  rows(appV2.events).forEach((e, i) => checkReferences(e.event, `${base}.events[${i}].event`, { queries: queryNames, components: allNames }, problem));
}
