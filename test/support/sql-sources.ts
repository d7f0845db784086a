import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The statements of plugin/{core,areas/<area>}/sql/ as written, by the name the embedder gives them (`loans/list`, `core/journal`). */
export function statementSources(): Record<string, string> {
  const plugin = join(import.meta.dirname, '../../plugin');
  const files = readdirSync(plugin, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /^(core|areas\/[^/]+)\/sql\/.+\.sql$/.test(f));
  return Object.fromEntries(
    files.map((f) => [
      f
        .replace(/^areas\//, '')
        .replace('/sql/', '/')
        .slice(0, -4),
      readFileSync(join(plugin, f), 'utf8'),
    ]),
  );
}
