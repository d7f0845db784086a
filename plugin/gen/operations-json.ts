import type { AnyOperation } from '../core/operation.js';
import type { JsonSchema } from '../core/json-schema.js';
import { humanize, inputSchema, typeLabel } from './json-schema.js';

type Field = Record<string, unknown>;

function field(key: string, s: JsonSchema, required: boolean): Field {
  const label = humanize(key) + (required ? ' *' : '');
  const allowed = s.enum ? `one of: ${s.enum.map(String).join(', ')}` : undefined;
  const description = [s.description, allowed].filter(Boolean).join(' — ') || typeLabel(s);
  // A `dropdown` field holds a constant only: ToolJet's query panel renders it as a Select
  // (frontend/src/_components/DynamicForm.jsx, `case 'dropdown'`), so a `{{ }}` an app binds there shows as a
  // blank select and is lost when the query is edited. Any field may be bound, so every field is a codehinter
  // with its allowed values in the description; only a field declared `ui: 'dropdown'` (constant by nature)
  // stays a dropdown.
  const ui = s.ui ?? 'codehinter';
  if (ui === 'dropdown' && s.enum) {
    return { label, key, type: 'dropdown', description, className: 'codehinter-plugins col-4', list: s.enum.map((v) => ({ value: v, name: String(v) })) };
  }
  if (ui === 'toggle') return { label, key, type: 'toggle', description };
  const multiline = s.type === 'object' || s.type === 'array' || s.format === 'long_text';
  const placeholder = s.placeholder ?? (s.default !== undefined ? `default: ${JSON.stringify(s.default)}` : typeLabel(s));
  return {
    label,
    key,
    type: 'codehinter',
    description,
    placeholder,
    lineNumbers: false,
    height: multiline ? '120px' : '36px',
    width: '320px',
    className: 'codehinter-plugins',
  };
}

/** ToolJet's operations.json: the operation dropdown, then each operation's fields keyed by its name. */
export function operationsJson(ops: readonly AnyOperation[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    operation: {
      label: 'Operation',
      key: 'operation',
      type: 'dropdown-component-flip',
      description: 'Choose what Customer Desk should do',
      list: ops.map((op) => ({ value: op.name, name: `${op.title} (${op.name})` })),
    },
  };
  for (const op of ops) {
    const schema = inputSchema(op);
    const required = new Set(schema.required ?? []);
    properties[op.name] = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, field(key, s, required.has(key))]));
  }
  return {
    $schema: 'https://raw.githubusercontent.com/ToolJet/ToolJet/develop/plugins/schemas/operations.schema.json',
    $comment: 'generated from plugin/operations by `npm run gen` — do not edit',
    title: 'Customer Desk datasource',
    description: 'Operations of Customer Desk',
    type: 'api',
    defaults: {},
    properties,
  };
}
