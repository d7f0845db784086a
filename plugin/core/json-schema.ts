/**
 * The one JSON Schema type: what z.toJSONSchema gives for an operation's input, read by coercion, the
 * generators, the app validator and the forms area (which also writes ToolJet's `ui:*` keys).
 */
export type JsonSchema = {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: unknown;
  /** operations.json only: how ToolJet's query panel shows the field. */
  ui?: 'codehinter' | 'dropdown' | 'toggle';
  placeholder?: string;
  [k: string]: unknown;
};
