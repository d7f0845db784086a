import { inputJsonSchema } from '../core/coerce.js';
import type { AnyOperation } from '../core/operation.js';
import { operationList } from '../app.js';
import { toolJetQueryKeys } from './query-keys.js';

// Never operation inputs: ToolJet's own keys, and `actor`, which the adapter reads itself (plugin/index.ts).
const notInputs = new Set([...toolJetQueryKeys, 'actor']);

let fieldsOfAnyOperation: Set<string> | undefined;

const fields = new WeakMap<AnyOperation, Set<string>>();

function fieldsOf(op: AnyOperation): Set<string> {
  let own = fields.get(op);
  if (!own) {
    own = new Set(Object.keys(inputJsonSchema(op).properties ?? {}));
    fields.set(op, own);
  }
  return own;
}

/**
 * ToolJet keeps the fields of an operation chosen earlier in the same query when the dropdown changes;
 * those (and ToolJet's own keys) are dropped here. Anything else unknown still reaches validation and
 * is refused, so a misspelt field is never silently ignored.
 */
export function queryInput(op: AnyOperation, options: Record<string, unknown>): Record<string, unknown> {
  fieldsOfAnyOperation ??= new Set(operationList().flatMap((o) => [...fieldsOf(o)]));
  const own = fieldsOf(op);
  return Object.fromEntries(Object.entries(options).filter(([key]) => own.has(key) || (!notInputs.has(key) && !fieldsOfAnyOperation?.has(key))));
}
