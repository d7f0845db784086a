// The layout's rules (docs/CONTRIBUTING.md): no import cycle, core knows no area, areas know no adapter,
// shipped code, scripts, benchmarks and the harness never import tests (rules in .dependency-cruiser.cjs), and no file under plugin/ over 300 lines.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

async function violations(paths: string[]): Promise<string[]> {
  const config = require('../.dependency-cruiser.cjs');
  const { output } = await cruise(paths, { ruleSet: config, validate: true, ...config.options, tsConfig: { fileName: 'tsconfig.json' } });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('layout', () => {
  it('has no import cycle, and core, areas and adapters import only downwards', async () => {
    expect(await violations(['plugin', 'scripts', 'bench', 'harness'])).toEqual([]);
  }, 60_000);

  it('no file under plugin/ is over 300 lines', () => {
    const long = files('plugin')
      .filter((f) => f.endsWith('.ts') && !f.startsWith(join('plugin', 'generated')))
      .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 300);
    expect(long).toEqual([]);
  });
});
