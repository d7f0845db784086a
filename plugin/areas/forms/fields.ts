import { z } from 'zod';
import { roles, type Role } from '../../core/roles.js';
import { text } from '../../core/schemas.js';

// R-FRM-1: what a department may put on a form, and how a saved definition looks.
export const fieldTypes = ['text', 'long_text', 'number', 'date', 'select', 'multi_select', 'checkbox', 'phone', 'email'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const ticketKinds = ['complaint', 'repair', 'help', 'inquiry', 'suggestion'] as const;
export const formEntities = ['customer', 'loan', ...ticketKinds.map((k) => `ticket:${k}` as const), 'survey'] as const;
export const formEntity = z.enum(formEntities).describe('customer, loan, ticket:<kind> (complaint, repair, help, inquiry, suggestion) or survey');

// Keys become JSON property names, Handlebars paths and column keys: plain identifiers, never prototype names.
const reservedKeys = new Set(['constructor', 'prototype', 'hasownproperty', 'tostring', 'valueof']);
const fieldKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _, starting with a letter (at most 40)')
  .refine((k) => !reservedKeys.has(k), 'this key is reserved');

const optionObject = z.strictObject({
  value: z.string().trim().min(1).max(80),
  label: z.string().trim().min(1).max(80).optional(),
  score: z.number().finite().optional().describe('numeric score of this answer (surveys: 5 = very satisfied)'),
});

export const fieldInput = z.strictObject({
  key: fieldKey.describe('stored key, e.g. door_code'),
  label: text(80).describe('shown label, Chinese first: 门禁卡号 Door card no.'),
  type: z.enum(fieldTypes).describe(fieldTypes.join(', ')),
  required: z.boolean().default(false).describe('a required checkbox must be ticked'),
  options: z
    .array(z.union([z.string().trim().min(1).max(80), optionObject]))
    .max(100)
    .optional()
    .describe('select / multi_select only: values, or {value, label, score}'),
  helpText: z.string().trim().max(300).optional(),
  order: z.number().int().min(0).max(100000).optional().describe('position on the form; default: as listed'),
  visibleTo: z.array(z.enum(roles)).optional().describe('roles that see and fill the field; empty = everyone'),
  min: z.number().finite().optional().describe('number only: smallest value'),
  max: z.number().finite().optional().describe('number only: largest value'),
  maxLength: z.number().int().min(1).max(4000).optional().describe('text / long_text only'),
});
export type FieldInput = z.output<typeof fieldInput>;

export interface FieldOption {
  value: string;
  label: string;
  score?: number;
}

/** A field as stored in a form version. */
export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  order: number;
  options?: FieldOption[];
  helpText?: string;
  visibleTo?: Role[];
  min?: number;
  max?: number;
  maxLength?: number;
  /** The department whose section holds the field; null for the general (admin) section. */
  departmentId: number | null;
}

export const fieldDefOut = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(fieldTypes),
  required: z.boolean(),
  order: z.number(),
  options: z.array(z.object({ value: z.string(), label: z.string(), score: z.number().optional() })).optional(),
  helpText: z.string().optional(),
  visibleTo: z.array(z.enum(roles)).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxLength: z.number().optional(),
  departmentId: z.number().nullable(),
});

const choiceTypes: ReadonlySet<FieldType> = new Set(['select', 'multi_select']);
const lengthTypes: ReadonlySet<FieldType> = new Set(['text', 'long_text']);

export interface DefinitionIssue {
  path: string;
  message: string;
}

/** Checks a department's section and turns it into stored fields (R-FRM-1: validated when saved). */
export function normalizeSection(section: readonly FieldInput[], departmentId: number | null): { fields: FieldDef[]; issues: DefinitionIssue[] } {
  const issues: DefinitionIssue[] = [];
  const seen = new Set<string>();
  const fields = section.map((f, i): FieldDef => {
    const at = (what: string) => `fields.${i}.${what}`;
    if (seen.has(f.key)) issues.push({ path: at('key'), message: `key "${f.key}" is used twice` });
    seen.add(f.key);
    const options = f.options?.map((o): FieldOption => (typeof o === 'string' ? { value: o, label: o } : { ...o, label: o.label ?? o.value }));
    if (choiceTypes.has(f.type)) {
      if (!options?.length) issues.push({ path: at('options'), message: `a ${f.type} field needs options` });
      const values = options?.map((o) => o.value) ?? [];
      const twice = values.find((v, j) => values.indexOf(v) !== j);
      if (twice !== undefined) issues.push({ path: at('options'), message: `option "${twice}" is listed twice` });
    } else if (options) issues.push({ path: at('options'), message: `options are for select and multi_select, not ${f.type}` });
    if ((f.min !== undefined || f.max !== undefined) && f.type !== 'number') issues.push({ path: at('min'), message: 'min and max are for number fields' });
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) issues.push({ path: at('max'), message: 'max is below min' });
    if (f.maxLength !== undefined && !lengthTypes.has(f.type)) issues.push({ path: at('maxLength'), message: 'maxLength is for text and long_text fields' });
    return {
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required,
      order: f.order ?? (i + 1) * 10,
      ...(options ? { options } : {}),
      ...(f.helpText ? { helpText: f.helpText } : {}),
      ...(f.visibleTo?.length ? { visibleTo: [...new Set(f.visibleTo)] } : {}),
      ...(f.min !== undefined ? { min: f.min } : {}),
      ...(f.max !== undefined ? { max: f.max } : {}),
      ...(f.maxLength !== undefined ? { maxLength: f.maxLength } : {}),
      departmentId,
    };
  });
  return { fields, issues };
}

/** A new version: the other sections unchanged, this section replaced, in display order. */
export function mergeSection(current: readonly FieldDef[], section: readonly FieldDef[], departmentId: number | null): { fields: FieldDef[]; issues: DefinitionIssue[] } {
  const kept = current.filter((f) => f.departmentId !== departmentId);
  const taken = new Map(kept.map((f) => [f.key, f]));
  const issues = section.flatMap((f, i) => (taken.has(f.key) ? [{ path: `fields.${i}.key`, message: `key "${f.key}" belongs to another department's section of this form` }] : []));
  const fields = [...kept, ...section].sort((a, b) => a.order - b.order);
  return { fields, issues };
}

/** Admin sees every field; others the fields open to everyone or to one of their roles. */
export function visibleTo(field: FieldDef, held: readonly Role[]): boolean {
  return !field.visibleTo || held.includes('admin') || field.visibleTo.some((r) => held.includes(r));
}
