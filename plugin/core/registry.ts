import type { AnyOperation } from './operation.js';
import { allOperations } from '../app.js';

function build(list: readonly AnyOperation[]): ReadonlyMap<string, AnyOperation> {
  const map = new Map<string, AnyOperation>();
  for (const op of list) {
    if (map.has(op.name)) throw new Error(`operation ${op.name} is declared twice`);
    if (!/^[a-z]+\.[a-zA-Z]+$/.test(op.name)) throw new Error(`operation name must be area.verb: ${op.name}`);
    map.set(op.name, op);
  }
  return map;
}

/** Every operation, by name. The one list that operations.json, OpenAPI, docs and apps are generated from. */
export const registry = build(allOperations);

export const operationList = (): AnyOperation[] => [...registry.values()];
