import { z } from 'zod';
import { DeskError, type Issue } from './errors.js';
import type { AnyOperation } from './operation.js';
import type { JsonSchema } from './json-schema.js';

// ToolJet codehinter fields send literals as strings ("42", "true", "", '{"a":1}') and {{ }} expressions
// as real values. The coercion is driven by the operation's own JSON Schema, so it never guesses.

const jsonSchemas = new WeakMap<AnyOperation, JsonSchema>();

export function inputJsonSchema(op: AnyOperation): JsonSchema {
  let schema = jsonSchemas.get(op);
  if (!schema) {
    schema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    jsonSchemas.set(op, schema);
  }
  return schema;
}

function typesOf(schema: JsonSchema | undefined): Set<string> {
  const out = new Set<string>();
  if (!schema) return out;
  const t = schema.type;
  if (Array.isArray(t)) t.forEach((x) => out.add(x));
  else if (t) out.add(t);
  if ('enum' in schema || 'const' in schema) out.add('string');
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) typesOf(branch).forEach((x) => out.add(x));
  return out;
}

function branchFor(schema: JsonSchema, value: unknown): JsonSchema {
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length === 0) return schema;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return branches.find((b) => typesOf(b).has(kind)) ?? schema;
}

const numeric = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

export function coerceValue(value: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema) return value;
  const types = typesOf(schema);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString();
  if (value === null && !types.has('null')) return undefined;
  if (typeof value === 'string' && !types.has('string')) {
    if (value.trim() === '') return undefined;
    if ((types.has('number') || types.has('integer')) && numeric.test(value)) return Number(value);
    if (types.has('boolean') && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
    if (types.has('object') || types.has('array')) {
      try {
        return coerceValue(JSON.parse(value), schema);
      } catch {
        return value; // left for the schema to reject with a path
      }
    }
    return value;
  }
  if (value === '') return undefined;
  const branch = branchFor(schema, value);
  if (Array.isArray(value)) return value.map((v) => coerceValue(v, branch.items));
  if (value && typeof value === 'object' && branch.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const c = key in branch.properties ? coerceValue(v, branch.properties[key]) : v;
      if (c !== undefined) out[key] = c;
    }
    return out;
  }
  return value;
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, message: 'unknown field' }));
    }
    return [{ path, message: issue.message }];
  });
}

export function validationError(issues: Issue[]): DeskError {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  const head = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : 'invalid input';
  return new DeskError('VALIDATION', `${head}${more}`, issues);
}

// zod's default "expected string, received undefined" / "… received NaN" reads like a bug to a user:
// a missing field is "required", a wrong one names only what was expected. Schemas' own messages win.
const typeMessage = (issue: z.core.$ZodRawIssue): string | undefined => (issue.code !== 'invalid_type' ? undefined : issue.input === undefined ? 'required' : `${issue.expected} expected`);

// PostgreSQL text cannot hold U+0000; caught here, the error names the field instead of failing in SQL.
function nulIssues(value: unknown, path: string[] = []): Issue[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ path: path.join('.'), message: 'must not contain NUL characters' }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulIssues(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nulIssues(v, [...path, k]));
  return [];
}

/** Coerce as ToolJet sends values, then validate; a VALIDATION error names every bad field. */
export function parseInput<O extends AnyOperation>(op: O, raw: unknown): z.output<O['input']> {
  const source = raw === undefined || raw === null || raw === '' ? {} : raw;
  const coerced = coerceValue(source, inputJsonSchema(op));
  const result = op.input.safeParse(coerced, { error: typeMessage });
  if (!result.success) throw validationError(issuesOf(result.error));
  const nul = nulIssues(result.data);
  if (nul.length > 0) throw validationError(nul);
  return result.data as z.output<O['input']>;
}
