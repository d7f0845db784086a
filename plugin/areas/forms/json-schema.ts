import type { FieldDef, FieldType } from './fields.js';
import type { JsonSchema } from '../../core/json-schema.js';

// R-FRM-4: the form as ToolJet's Form component (JSON Schema) and Table (column list) take it, with the
// same rules the server applies (compile.ts), so the app shows what the server will refuse.

const phonePattern = '^[+\\d][\\d\\s()-]{2,30}$';

const propertyOf: Record<FieldType, (f: FieldDef) => JsonSchema> = {
  text: (f) => ({ type: 'string', maxLength: f.maxLength ?? 500 }),
  long_text: (f) => ({ type: 'string', maxLength: f.maxLength ?? 4000 }),
  number: (f) => ({ type: 'number', ...(f.min !== undefined ? { minimum: f.min } : {}), ...(f.max !== undefined ? { maximum: f.max } : {}) }),
  date: () => ({ type: 'string', format: 'date' }),
  select: (f) => ({ type: 'string', enum: f.options?.map((o) => o.value) ?? [] }),
  multi_select: (f) => ({
    type: 'array',
    items: { type: 'string', enum: f.options?.map((o) => o.value) ?? [] },
    uniqueItems: true,
    ...(f.required ? { minItems: 1 } : {}),
  }),
  checkbox: (f) => ({ type: 'boolean', ...(f.required ? { const: true } : {}) }),
  phone: () => ({ type: 'string', pattern: phonePattern }),
  email: () => ({ type: 'string', format: 'email' }),
};

const widgetOf: Partial<Record<FieldType, JsonSchema>> = {
  long_text: { 'ui:widget': 'textarea' },
  multi_select: { 'ui:widget': 'checkboxes' },
  phone: { 'ui:options': { inputType: 'tel' } },
};

export interface FormView {
  jsonSchema: JsonSchema;
  uiSchema: JsonSchema;
  columns: { key: string; label: string; type: FieldType }[];
}

export function formView(title: string, fields: readonly FieldDef[]): FormView {
  const properties = Object.fromEntries(fields.map((f) => [f.key, { title: f.label, ...(f.helpText ? { description: f.helpText } : {}), ...propertyOf[f.type](f) }]));
  const ui: JsonSchema = { 'ui:order': fields.map((f) => f.key) };
  for (const f of fields) {
    const labels = f.options?.some((o) => o.label !== o.value) ? { 'ui:enumNames': f.options.map((o) => o.label) } : {};
    const entry = { ...(widgetOf[f.type] ?? {}), ...(f.helpText ? { 'ui:help': f.helpText } : {}), ...labels };
    if (Object.keys(entry).length) ui[f.key] = entry;
  }
  return {
    jsonSchema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title,
      type: 'object',
      properties,
      required: fields.filter((f) => f.required).map((f) => f.key),
      additionalProperties: false,
    },
    uiSchema: ui,
    columns: fields.map((f) => ({ key: f.key, label: f.label, type: f.type })),
  };
}
