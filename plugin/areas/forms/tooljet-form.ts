import type { FieldDef, FieldType } from './fields.js';

// R-FRM-4: the form in ToolJet's own Form schema. ToolJet's Form (advanced mode) draws one widget per property
// whose `type` its `typeResolver` knows and skips every other property without a word — a draft-07
// `string`/`boolean`/`array` property never shows. typeResolver: frontend/src/AppBuilder/Widgets/Form/FormUtils.js
// (3.x) and frontend/src/Editor/Components/Form/FormUtils.js (2.x); only types both versions know are used
// here (`emailinput` / `phoneinput` exist in the newer one only, so e-mail and phone are text inputs with a regex).
// Per type, generateUIComponents copies: `label` (shown by the Text drawn above each widget), `value`,
// `placeholder`, `validation.{regex,minLength,maxLength}` (TextInput), `minValue`/`maxValue` (NumberInput),
// `values`/`displayValues` (DropDown, Multiselect), `format`/`enableDate`/`enableTime` (Datepicker).

export const toolJetFormTypes = ['textinput', 'textarea', 'number', 'datepicker', 'dropdown', 'multiselect', 'checkbox'] as const;
export type ToolJetFormType = (typeof toolJetFormTypes)[number];

type FormWidget = { type: ToolJetFormType } & Record<string, unknown>;
export type ToolJetFormProperty = FormWidget & { label: string };

export interface ToolJetFormSchema {
  title: string;
  properties: Record<string, ToolJetFormProperty>;
  /** Keys of required fields (the Form has no required flag of its own; labels carry " *" too). */
  required: string[];
}

const emailRegex = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';
const phoneRegex = '^[+\\d][\\d\\s()-]{2,30}$';

const textValidation = (f: FieldDef, regex?: string) => ({
  ...(f.required ? { minLength: 1 } : {}),
  ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
  ...(regex ? { regex } : {}),
});

const choices = (f: FieldDef) => ({ values: (f.options ?? []).map((o) => o.value), displayValues: (f.options ?? []).map((o) => o.label) });

/** Each field kind the form designer offers (fields.ts `fieldTypes`) as a ToolJet Form widget. */
export const toolJetProperty: Record<FieldType, (f: FieldDef) => FormWidget> = {
  text: (f) => ({ type: 'textinput', value: '', placeholder: f.helpText ?? '', validation: textValidation(f) }),
  long_text: (f) => ({ type: 'textarea', value: '', placeholder: f.helpText ?? '' }),
  number: (f) => ({ type: 'number', ...(f.min !== undefined ? { minValue: f.min } : {}), ...(f.max !== undefined ? { maxValue: f.max } : {}), placeholder: f.helpText ?? '' }),
  date: () => ({ type: 'datepicker', format: 'YYYY-MM-DD', enableDate: true, enableTime: false }),
  select: (f) => ({ type: 'dropdown', ...choices(f), value: '' }),
  multi_select: (f) => ({ type: 'multiselect', ...choices(f), value: [] }),
  checkbox: () => ({ type: 'checkbox', value: false }),
  phone: (f) => ({ type: 'textinput', value: '', placeholder: f.helpText ?? '', validation: textValidation(f, phoneRegex) }),
  email: (f) => ({ type: 'textinput', value: '', placeholder: f.helpText ?? 'name@example.com', validation: textValidation(f, emailRegex) }),
};

export function toolJetFormSchema(title: string, fields: readonly FieldDef[]): ToolJetFormSchema {
  return {
    title,
    properties: Object.fromEntries(fields.map((f): [string, ToolJetFormProperty] => [f.key, { ...toolJetProperty[f.type](f), label: f.required ? `${f.label} *` : f.label }])),
    required: fields.filter((f) => f.required).map((f) => f.key),
  };
}
