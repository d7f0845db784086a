import type { JsonSchema } from '../../core/json-schema.js';
// Stand-in values for `{{ }}` fields: only known at run time, so the query's input is checked with a valid
// value of the field's type in their place.

const patternCandidates = ['12F-1203', '2026-01', '2026-01-05', '2026-01-05T09:00:00+08:00', '2026-Q1', 'customer_service', 'A', 'a', '1', 'x', 'sample'];

function sampleString(schema: JsonSchema): string {
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

/** A value of the right type for a field whose real value is only known at run time. */
export function sampleFor(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'sample';
  if ('const' in schema) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length) return sampleFor(branches.find((b) => b.type !== 'null') ?? branches[0]);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? schema.type[0]) : schema.type;
  switch (type) {
    case 'integer':
    case 'number': {
      const n = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      return schema.maximum !== undefined && n > schema.maximum ? schema.maximum : n;
    }
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? Array.from({ length: schema.minItems }, () => sampleFor(schema.items)) : [];
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sampleFor(schema.properties?.[key])]));
    case 'string':
      return sampleString(schema);
    default:
      return 'sample';
  }
}
