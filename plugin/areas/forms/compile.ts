import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { Role } from '../../core/roles.js';
import type { Issue } from '../../core/errors.js';
import { email, phone } from '../../core/schemas.js';
import { visibleTo, type FieldDef, type FieldType } from './fields.js';

// R-FRM-3: one zod schema per form version, built from its stored definition. Values are normalised
// on the way in (numbers as numbers, dates as YYYY-MM-DD, multi-selects as arrays in option order),
// so searches by `custom @> …` containment match what the form stored.

type Parsed = Record<string, unknown>;

/** An absent value reads "required"; anything else names what was expected. */
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : `${what} expected`);

// ToolJet forms send "" for an untouched input and [] for an empty multi-select: both mean "no value".
const blank = (v: unknown): unknown => (v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0) ? undefined : v);

const numeric = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function dateValue(zone: string) {
  return z.preprocess(
    (v) => {
      // A date-time (DatetimePicker, JS Date) counts on the data source's local calendar day.
      const iso = v instanceof Date ? v.toISOString() : v;
      if (typeof iso !== 'string' || iso.length <= 10) return iso;
      const dt = DateTime.fromISO(iso.trim(), { zone });
      return dt.isValid ? dt.toISODate() : iso;
    },
    z.iso.date({ error: expected('a date as YYYY-MM-DD') }),
  );
}

function choices(field: FieldDef): [string, ...string[]] {
  const values = (field.options ?? []).map((o) => o.value);
  return values.length ? (values as [string, ...string[]]) : [''];
}

const valueSchemas: Record<FieldType, (field: FieldDef, zone: string) => z.ZodType> = {
  text: (f) =>
    z
      .string({ error: expected('text') })
      .trim()
      .max(f.maxLength ?? 500, `at most ${f.maxLength ?? 500} characters`),
  long_text: (f) =>
    z
      .string({ error: expected('text') })
      .trim()
      .max(f.maxLength ?? 4000, `at most ${f.maxLength ?? 4000} characters`),
  number(f) {
    let n = z.number({ error: expected('a number') }).finite();
    if (f.min !== undefined) n = n.min(f.min, `at least ${f.min}`);
    if (f.max !== undefined) n = n.max(f.max, `at most ${f.max}`);
    return z.preprocess((v) => (typeof v === 'string' && numeric.test(v) ? Number(v) : v), n);
  },
  date: (_f, zone) => dateValue(zone),
  select(f) {
    const values = choices(f);
    return z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.enum(values, { error: (i) => (i.input === undefined ? 'required' : `one of: ${values.join(', ')}`) }));
  },
  multi_select(f) {
    const values = choices(f);
    const one = z.enum(values, { error: `each one of: ${values.join(', ')}` });
    return z
      .preprocess(
        (v) =>
          typeof v === 'string'
            ? v
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : v,
        z.array(one, { error: expected('a list of options') }).min(1, 'required'),
      )
      .transform((picked) => values.filter((v) => picked.includes(v)));
  },
  checkbox(f) {
    const b = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: expected('true or false') }));
    return f.required ? b.refine((v) => v, 'must be ticked') : b;
  },
  phone: () => z.string({ error: expected('a phone number') }).pipe(phone),
  email: () => z.string({ error: expected('an email address') }).pipe(email),
};

function fieldSchema(field: FieldDef, zone: string, shown: boolean): z.ZodType {
  // A field hidden from the caller's role is neither required of them nor writable by them.
  if (!shown) return z.preprocess(blank, z.undefined({ error: 'not on the form for your role' }));
  const value = valueSchemas[field.type](field, zone);
  return z.preprocess(blank, field.required ? value : value.optional());
}

/** A form version ready to validate values, for any role (schemas built once per role set). */
export interface CompiledForm {
  readonly fields: readonly FieldDef[];
  check(values: Record<string, unknown>, held: readonly Role[], path: string): { values: Parsed } | { issues: Issue[] };
}

function compile(fields: readonly FieldDef[], zone: string): CompiledForm {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const perRoles = new Map<string, z.ZodType<Parsed>>();
  const schemaFor = (held: readonly Role[]) => {
    const id = [...held].sort().join(',');
    let schema = perRoles.get(id);
    if (!schema) {
      schema = z.strictObject(Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f, zone, visibleTo(f, held))]))) as z.ZodType<Parsed>;
      perRoles.set(id, schema);
    }
    return schema;
  };
  return {
    fields,
    check(values, held, path) {
      const result = schemaFor(held).safeParse(values);
      if (result.success) {
        // Absent answers leave no key behind, so `custom @> {"k": …}` and "not filled" stay distinct.
        return { values: Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) };
      }
      const issues = result.error.issues.flatMap((issue): Issue[] => {
        if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: `${path}.${k}`, message: `${k}: not a field of this form` }));
        const key = String(issue.path[0] ?? '');
        const field = byKey.get(key);
        return [{ path: key ? `${path}.${key}` : path, message: field ? `${field.label}: ${issue.message}` : issue.message }];
      });
      return { issues };
    },
  };
}

// Cached by content, not by (site, entity, version): several data sources (databases) in one ToolJet
// server share a site name and version numbers, but identical definitions compile identically.
const cache = new Map<string, CompiledForm>();
const cacheLimit = 500;

export function compiledForm(fields: readonly FieldDef[], zone: string): CompiledForm {
  const id = createHash('sha1').update(zone).update('\0').update(JSON.stringify(fields)).digest('base64url');
  let form = cache.get(id);
  if (!form) {
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
    form = compile(fields, zone);
    cache.set(id, form);
  }
  return form;
}
