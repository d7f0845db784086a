// A query's saved options against its operation: literal values must pass the operation's input schema (the
// builder only knows field names), and a `{{ }}` may only go into a field ToolJet's query panel edits as
// code (rule 7, issue 13).
import { inputJsonSchema, parseInput } from '../../core/coerce.js';
import { isDeskError } from '../../core/errors.js';
import { registry } from '../../app.js';
import { toolJetQueryKeys } from '../../tooljet/query-keys.js';
import type { Report } from './report.js';
import type { JsonSchema } from '../../core/json-schema.js';
import { sampleFor } from './samples.js';

/** The control operations.json gives a field (`codehinter`, `dropdown`, `toggle`, …). */
export type FieldControl = (operation: string, key: string) => string | undefined;

const hasFx = (v: unknown): boolean => typeof v === 'string' && v.includes('{{');

// ToolJet's query panel renders `dropdown` as a Select and `toggle` as a switch
// (frontend/src/_components/DynamicForm.jsx, getElement/getElementProps): a binding there shows blank and is
// lost when the query is edited.
const constantOnly = new Set(['dropdown', 'toggle', 'dropdown-component-flip']);

export function checkQueryOptions(options: Record<string, unknown>, path: string, control: FieldControl, problem: Report): void {
  const name = typeof options.operation === 'string' ? options.operation : undefined;
  const op = name ? registry.get(name) : undefined;
  if (!name || !op) {
    problem(`${path}.operation`, `unknown operation "${String(options.operation)}"`);
    return;
  }
  const fields = (inputJsonSchema(op) as JsonSchema).properties ?? {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (toolJetQueryKeys.has(key)) continue;
    if (!(key in fields)) {
      problem(`${path}.${key}`, `not a field of ${name}`);
      continue;
    }
    if (hasFx(value) && constantOnly.has(control(name, key) ?? 'codehinter')) {
      problem(`${path}.${key}`, `binds {{ }} into a ${String(control(name, key))} field of operations.json: ToolJet's query panel shows it blank and drops it on edit; make the field a codehinter`);
    }
    // A `{{ }}` value is only known at run time: stand in a valid value of the field's type.
    input[key] = hasFx(value) ? sampleFor(fields[key]) : value;
  }
  try {
    parseInput(op, input);
  } catch (e) {
    if (!isDeskError(e)) throw e;
    if (e.issues.length === 0) problem(path, e.message);
    for (const issue of e.issues) problem(`${path}${issue.path ? `.${issue.path}` : ''}`, issue.message);
  }
}
