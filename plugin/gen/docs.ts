import type { AnyOperation } from '../core/operation.js';
import { areaOf } from '../core/operation.js';
import { describeAccess } from '../core/roles.js';
import { inputSchema, typeLabel } from './json-schema.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The Markdown operation reference, one section per area. */
export function operationsMarkdown(ops: readonly AnyOperation[]): string {
  const areas = [...new Set(ops.map(areaOf))];
  const lines = [
    '<!-- generated from plugin/operations by `npm run gen` — do not edit -->',
    '# Operation reference',
    '',
    `${ops.length} operations. Each is available in ToolJet (the data source's Operation dropdown) and over HTTP`,
    'as `POST /api/operations/<name>` with a JSON body (see `docs/openapi.json`). Fields marked * are required.',
    '',
  ];
  for (const area of areas) {
    lines.push(`## ${area}`, '');
    for (const op of ops.filter((o) => areaOf(o) === area)) {
      const schema = inputSchema(op);
      const required = new Set(schema.required ?? []);
      lines.push(`### \`${op.name}\` — ${op.title}`, '');
      if (op.description) lines.push(op.description, '');
      lines.push(`Who: ${describeAccess(op.access)}. ${op.kind === 'write' ? 'Writes (audited).' : 'Reads.'}`, '');
      const fields = Object.entries(schema.properties ?? {});
      if (fields.length) {
        lines.push('| field | type | description |', '|---|---|---|');
        for (const [key, s] of fields) {
          lines.push(
            `| \`${key}\`${required.has(key) ? ' *' : ''} | ${cell(typeLabel(s))} | ${cell(s.description ?? '')}${s.default !== undefined ? ` (default ${cell(JSON.stringify(s.default))})` : ''} |`,
          );
        }
        lines.push('');
      }
    }
  }
  return lines.join('\n');
}
