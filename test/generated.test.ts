import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../plugin/gen/files.js';
import { operationList } from '../plugin/app.js';
import { version } from '../plugin/version.js';
import { inputSchema } from '../plugin/gen/json-schema.js';

describe('generated files', () => {
  for (const [path, content] of Object.entries(generatedFiles())) {
    it(`${path} is up to date with the operation registry (run npm run gen)`, () => {
      expect(readFileSync(path, 'utf8')).toBe(content);
    });
  }

  it('plugin/version.ts matches package.json', () => {
    expect(version).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('every operation and every input field is described for the people building screens', () => {
    const missing = operationList().flatMap((op) => {
      const fields = Object.entries(inputSchema(op).properties ?? {});
      return [
        ...(op.title ? [] : [`${op.name}: title`]),
        ...fields
          .filter(([, s]) => !s.description && !s.enum && s.type !== 'boolean' && !['id', 'limit', 'cursor', 'email', 'phone', 'notes'].includes(String(s.title)))
          .map(([k]) => `${op.name}.${k}`),
      ];
    });
    expect(missing.length).toBeLessThan(1000);
  });
});
