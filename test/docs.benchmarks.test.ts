// docs/benchmarks.md: the summary table ("Targets: met and missed") quotes the latest results section —
// the last `## Results: …` heading. A figure that differs (an old run's number left behind) fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = readFileSync(new URL('../docs/benchmarks.md', import.meta.url), 'utf8');

/** Sections by their `## ` heading, in file order. */
const sections = doc
  .split(/^## /m)
  .slice(1)
  .map((part) => ({ heading: part.slice(0, part.indexOf('\n')), body: part }));

/** Rows of the first markdown table after `header` starts, as objects keyed by the header cells. */
function tables(body: string): Record<string, string>[][] {
  const out: Record<string, string>[][] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || (!lines[i + 1]?.startsWith('|--') && !lines[i + 1]?.startsWith('|-'))) continue;
    const cells = (line: string) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
    const head = cells(lines[i]!);
    const rows: Record<string, string>[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(Object.fromEntries(cells(lines[j]!).map((c, k) => [head[k] ?? String(k), c])));
    out.push(rows);
    i = j;
  }
  return out;
}

const latest = [...sections].reverse().find((s) => s.heading.startsWith('Results:'));
const summary = sections.find((s) => s.heading.startsWith('Targets'));

describe('docs/benchmarks.md', () => {
  it('has results sections and a summary table', () => {
    expect(latest, 'a "## Results: …" section').toBeDefined();
    expect(summary, 'a "## Targets: met and missed" section').toBeDefined();
  });

  it('every `operation` ratio in the summary is the one in the latest results section', () => {
    const [ops] = tables(latest!.body);
    const ratio = new Map(ops!.map((r) => [r.operation!, r['ratio a/b p50']!]));
    const [targets] = tables(summary!.body);
    const quoted = targets!.flatMap((row) => [...(row['result here'] ?? '').matchAll(/`([a-z]+\.[A-Za-z]+(?:\[[^\]]+\])?)` (\d+(?:\.\d+)?)(?=[,;)]|$|\s(?!ms|\/s|%|MiB))/g)]);
    expect(quoted.length, 'the summary quotes ratios').toBeGreaterThanOrEqual(4);
    const wrong = quoted.filter(([, op, value]) => ratio.get(op!) !== value).map(([, op, value]) => `${op}: summary ${value}, ${latest!.heading}: ${ratio.get(op!) ?? 'not measured'}`);
    expect(wrong).toEqual([]);
  });

  it("throughput, bundle size and cold start in the summary are the latest section's", () => {
    const measures = tables(latest!.body).find((rows) => rows[0] && 'measure' in rows[0]) ?? [];
    const value = (prefix: string) => measures.find((r) => r.measure!.startsWith(prefix))?.value ?? '';
    const [targets] = tables(summary!.body);
    const result = (prefix: string) => targets!.find((r) => r.target!.startsWith(prefix))?.['result here'] ?? '';
    const first = (text: string, unit: RegExp) => unit.exec(text)?.[1];
    expect(first(result('`tickets.open` ≥'), /(\d+(?:\.\d+)?) ?\/s/)).toBe(first(value('tickets.open,'), /(\d+(?:\.\d+)?) ?\/s/));
    expect(first(result('bundle'), /([\d.]+ MiB)/)).toBe(first(value('dist/index.js'), /([\d.]+ MiB)/));
    const cold = /(\d+) ms \((\d+(?:\.\d+)?)(?: ms to evaluate)? \+ (\d+(?:\.\d+)?)/;
    expect(cold.exec(result('cold start'))?.slice(1)).toEqual(cold.exec(value('cold start'))?.slice(1));
  });
});
