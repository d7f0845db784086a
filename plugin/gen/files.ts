import { operationList } from '../app.js';
import { operationsMarkdown } from './docs.js';
import { manifestJson } from './manifest.js';
import { openApi } from './openapi.js';
import { operationsJson } from './operations-json.js';

/** Every generated file, path → content; `npm run gen` writes them and a test compares them. */
export function generatedFiles(): Record<string, string> {
  const ops = operationList();
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return {
    'manifest.json': json(manifestJson()),
    'operations.json': json(operationsJson(ops)),
    'docs/openapi.json': json(openApi(ops)),
    'docs/operations.md': operationsMarkdown(ops),
  };
}
