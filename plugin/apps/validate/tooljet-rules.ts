// What ToolJet's frontend and importer do with a component that the export format itself does not say
// (issue 13, items 6 and 8).
import type { Report } from './report.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

// ToolJet's Form draws a property only when `typeResolver` knows its `type` (FormUtils.js, 2.x and 3.x both
// know these); a draft-07 `string` / `boolean` / `array` property is skipped without a word.
const formTypes = new Set([
  'textinput',
  'dropdown',
  'button',
  'text',
  'number',
  'password',
  'datepicker',
  'checkbox',
  'radio',
  'toggle',
  'textarea',
  'daterangepicker',
  'multiselect',
  'starrating',
  'filepicker',
]);

// Properties ToolJet reads as the raw stored value rather than resolving `{{ }}`: a string there is truthy.
// Table: frontend/src/Editor/Components/Table/Table.jsx, `component.definition.properties.autogenerateColumns?.value`.
const rawBooleans: Readonly<Record<string, readonly string[]>> = { Table: ['autogenerateColumns'] };

const wrappedValue = (map: unknown, key: string): unknown => (isObj(map) && isObj(map[key]) ? (map[key] as Obj).value : undefined);

/** Rule 6: a Form's schema must be in ToolJet's field types. */
function checkFormSchema(c: Obj, path: string, problem: Report): void {
  const schema = wrappedValue(c.properties, 'JSONSchema');
  if (typeof schema === 'string' && schema.includes('{{')) {
    if (/\.jsonSchema\b/.test(schema))
      problem(`${path}.properties.JSONSchema`, "binds draft-07 JSON Schema (forms.get jsonSchema): ToolJet's Form skips every property whose type is not one of its own; bind forms.get formSchema");
    return;
  }
  let parsed: unknown = schema;
  if (typeof schema === 'string') {
    try {
      parsed = JSON.parse(schema);
    } catch {
      return;
    }
  }
  const properties = isObj(parsed) && isObj(parsed.properties) ? parsed.properties : {};
  for (const [key, field] of Object.entries(properties)) {
    const type = isObj(field) ? field.type : undefined;
    if (typeof type !== 'string' || !formTypes.has(type)) problem(`${path}.properties.JSONSchema.${key}`, `type ${JSON.stringify(type)} is not a ToolJet Form type: the field is not drawn`);
  }
}

/** Rule 8: show-on-desktop/mobile live in displayPreferences; raw-read properties hold booleans. */
function checkDisplayAndRawProps(c: Obj, path: string, problem: Report): void {
  if ('others' in c) problem(`${path}.others`, 'the importer drops `others`: put showOnDesktop / showOnMobile in displayPreferences');
  for (const key of ['showOnDesktop', 'showOnMobile']) {
    if (wrappedValue(c.displayPreferences, key) === undefined) problem(`${path}.displayPreferences.${key}`, 'required as { value } (the importer copies displayPreferences only)');
  }
  for (const key of rawBooleans[String(c.type)] ?? []) {
    const value = wrappedValue(c.properties, key);
    if (value !== undefined && typeof value !== 'boolean')
      problem(`${path}.properties.${key}`, `ToolJet reads the raw value: use ${String(value).includes('false') ? 'false' : 'true'}, not ${JSON.stringify(value)} (a non-empty string is truthy)`);
  }
}

export function checkComponent(c: Obj, path: string, problem: Report): void {
  if (c.type === 'Form') checkFormSchema(c, path, problem);
  checkDisplayAndRawProps(c, path, problem);
}
