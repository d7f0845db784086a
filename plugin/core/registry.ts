import type { AnyOperation } from './operation.js';
import { DeskError } from './errors.js';

/** Operations by name; built once by the composition root (plugin/app.ts) and handed to the runner. */
export type Registry = ReadonlyMap<string, AnyOperation>;

export function buildRegistry(list: readonly AnyOperation[]): Registry {
  const map = new Map<string, AnyOperation>();
  for (const op of list) {
    if (map.has(op.name)) throw new Error(`operation ${op.name} is declared twice`);
    if (!/^[a-z]+\.[a-zA-Z]+$/.test(op.name)) throw new Error(`operation name must be area.verb: ${op.name}`);
    map.set(op.name, op);
  }
  return map;
}

/** The one check of a name that comes from outside (ToolJet's query, an HTTP path, a CLI argument). */
export function findOperation(registry: Registry, name: string): AnyOperation {
  const op = registry.get(name);
  if (!op) throw new DeskError('VALIDATION', `unknown operation "${name}"; choose one of the listed operations`, [{ path: 'operation', message: 'unknown operation' }]);
  return op;
}
