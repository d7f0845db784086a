import { sourceOptionSpecs } from '../tooljet/source-options.js';

export const plugin = {
  id: 'customerdesk',
  name: 'Customer Desk',
  description: 'Property customer-service back office: customer archives, archive lending, complaints and service tickets with SLA clocks.',
  author: 'Customer Desk team',
} as const;

const placeholderOf = (o: (typeof sourceOptionSpecs)[number]): string => o.placeholder ?? (typeof o.default === 'string' && o.default !== '' ? o.default : o.label);

/** ToolJet's manifest.json (marketplace style), from the one list of data-source options. */
export function manifestJson(): Record<string, unknown> {
  return {
    $schema: 'https://raw.githubusercontent.com/ToolJet/ToolJet/develop/plugins/schemas/manifest.schema.json',
    $comment: 'generated from plugin/tooljet/source-options.ts by `npm run gen` — do not edit',
    title: 'Customer Desk datasource',
    description: plugin.description,
    type: 'database',
    source: {
      name: plugin.name,
      kind: plugin.id,
      exposedVariables: { isLoading: false, data: {}, rawData: {} },
      options: Object.fromEntries(sourceOptionSpecs.map((o) => [o.key, o.encrypted ? { type: 'string', encrypted: true } : { type: 'string' }])),
      // No `customTesting`: it hides ToolJet's "Test connection" button, and testConnection exists.
    },
    defaults: Object.fromEntries(sourceOptionSpecs.map((o) => [o.key, { value: o.default ?? '' }])),
    properties: Object.fromEntries(
      // ToolJet's data-source form (frontend/src/_components/DynamicForm.jsx) shows a text field's `description`
      // as its placeholder and `helpText` under it: the example goes in the one, the explanation in the other.
      sourceOptionSpecs.map((o) => [o.key, { label: o.label, key: o.key, type: o.type, description: placeholderOf(o), helpText: o.description }]),
    ),
    required: [],
  };
}
