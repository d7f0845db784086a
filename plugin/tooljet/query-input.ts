import { inputJsonSchema } from '../core/coerce.js';
import type { AnyOperation } from '../core/operation.js';
import { operationList } from '../core/registry.js';

// Keys ToolJet itself keeps in a query's options next to the plugin's fields.
const toolJetKeys = new Set([
  'operation',
  'actor',
  'runOnPageLoad',
  'requestConfirmation',
  'showSuccessNotification',
  'successMessage',
  'notificationDuration',
  'transformation',
  'enableTransformation',
  'transformationLanguage',
  'cacheQuery',
]);

let fieldsOfAnyOperation: Set<string> | undefined;

function fieldsOf(op: AnyOperation): Set<string> {
  return new Set(Object.keys(inputJsonSchema(op).properties ?? {}));
}

/**
 * ToolJet keeps the fields of an operation chosen earlier in the same query when the dropdown changes;
 * those (and ToolJet's own keys) are dropped here. Anything else unknown still reaches validation and
 * is refused, so a misspelt field is never silently ignored.
 */
export function queryInput(op: AnyOperation, options: Record<string, unknown>): Record<string, unknown> {
  fieldsOfAnyOperation ??= new Set(operationList().flatMap((o) => [...fieldsOf(o)]));
  const own = fieldsOf(op);
  return Object.fromEntries(
    Object.entries(options).filter(([key]) => own.has(key) || (!toolJetKeys.has(key) && !fieldsOfAnyOperation?.has(key))),
  );
}
