import { z } from 'zod';
import type { AnyOperation } from '../core/operation.js';
import type { JsonSchema } from '../core/json-schema.js';

export const inputSchema = (op: AnyOperation): JsonSchema => z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

export const outputSchema = (op: AnyOperation): JsonSchema => z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }) as JsonSchema;

/** A short human name for a field's type, for docs and placeholders. */
export function typeLabel(s: JsonSchema): string {
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeLabel).join(' or ');
  if (s.type === 'array') return `${s.items ? typeLabel(s.items) : 'value'}[]`;
  if (s.format) return `${String(s.type)} (${s.format})`;
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'JSON');
}

/** "unitNo" → "Unit no", the label ToolJet shows next to a field. */
export const humanize = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const stripSchemaKey = ({ $schema: _drop, ...rest }: JsonSchema): JsonSchema => rest;
