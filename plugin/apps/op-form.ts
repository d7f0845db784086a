// An action panel generated from an operation's input schema: one input per field the user types, one button
// that runs the operation. The fields come from the registry, so an input added to an operation appears in the
// apps at the next build without editing them.
import { inputJsonSchema } from '../core/coerce.js';
import { registry } from '../app.js';
import { fx, type AppBuilder, type FieldValue, type QueryOptions, type QueryRef, type Region } from './builder.js';
import { fieldLabel, titleCaption } from './labels.js';

interface FieldSchema {
  type?: string | string[];
  enum?: unknown[];
  maxLength?: number;
  anyOf?: FieldSchema[];
}

export interface OperationFormOptions {
  /** Fields filled by the app (the selected row's id, version, …) rather than typed by the user. */
  fixed?: Record<string, FieldValue>;
  /** Button caption; default: the operation's title. */
  button?: string;
  /** Disables the button (e.g. the state machine does not allow the action now). */
  disabled?: string;
  /** Optional fields that get an input too (required ones always do). */
  include?: readonly string[];
  /** Fields picked from a list computed at run time: field → `{{ }}` expression giving [{ label, value }]. */
  choices?: Readonly<Record<string, string>>;
  query?: QueryOptions;
}

const typeOf = (s: FieldSchema): string => {
  const own = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  return own ?? (s.anyOf ?? []).map(typeOf).find((t) => t !== 'null') ?? 'string';
};

/**
 * Declares the query `name` for `operation` and, in `region`, its inputs and a button. Object and array fields
 * have no generic input: the app must pass them in `fixed`.
 */
export function operationForm(app: AppBuilder, region: Region, name: string, operation: string, o: OperationFormOptions = {}): QueryRef {
  const op = registry.get(operation);
  if (!op) throw new Error(`${app.key}: unknown operation ${operation}`);
  const schema = inputJsonSchema(op) as { properties?: Record<string, FieldSchema>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const fields: Record<string, FieldValue> = { ...o.fixed };
  const typed = Object.entries(schema.properties ?? {}).filter(([key]) => !(key in fields) && key !== 'idempotencyKey' && (required.has(key) || o.include?.includes(key)));
  for (const [key, field] of typed) {
    const input = `${name}_${key}`;
    const label = fieldLabel(app, key) + (required.has(key) ? ' *' : '');
    const type = typeOf(field);
    const computed = o.choices?.[key];
    if (computed) region.dropdown(input, label, computed);
    else if (field.enum)
      region.dropdown(
        input,
        label,
        field.enum.map((v) => ({ value: String(v), label: String(v) })),
      );
    else if (type === 'boolean')
      region.dropdown(
        input,
        label,
        app.choices([
          ['true', '是', 'yes'],
          ['false', '否', 'no'],
        ]),
      );
    else if (type === 'integer' || type === 'number') region.numberInput(input, label);
    else if (type === 'string' && (field.maxLength ?? 0) > 200) region.textArea(input, label, { height: 80 });
    else if (type === 'string') region.textInput(input, label);
    else throw new Error(`${app.key}: ${operation}.${key} is a ${type}; pass it in fixed`);
    fields[key] = fx(`components.${input}.value`);
  }
  const query = app.query(name, operation, fields, o.query);
  region.button(`${name}Button`, o.button ?? titleCaption(app, op.title), query, { width: 14, disabled: o.disabled });
  return query;
}

/** The allowed values of an enum input field, from the registry. */
export function fieldChoices(operation: string, key: string): string[] {
  const op = registry.get(operation);
  const field = op ? (inputJsonSchema(op) as { properties?: Record<string, FieldSchema> }).properties?.[key] : undefined;
  if (!field?.enum) throw new Error(`${operation}.${key} is not an enum field`);
  return field.enum.map(String);
}
