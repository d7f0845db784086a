// Names inside `{{ }}` are plain text to the compiler: a renamed query or component leaves an expression that
// resolves to nothing at run time, without a word from ToolJet.
import type { Report } from './report.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every `queries.X` / `components.Y` named inside `{{ }}` anywhere in a value. */
export function referencesIn(value: unknown): { queries: string[]; components: string[] } {
  const queries: string[] = [];
  const components: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const [, body] of v.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
        for (const [, kind, dotted, quoted] of (body ?? '').matchAll(/(?<![\w$.])(queries|components)\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) {
          (kind === 'queries' ? queries : components).push(dotted ?? quoted ?? '');
        }
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) Object.values(v).forEach(visit);
  };
  visit(value);
  return { queries: queries.filter(Boolean), components: components.filter(Boolean) };
}

/** Checks that every name used in `value` exists (components: on the same page when `pageNames` is given). */
export function checkReferences(value: unknown, path: string, known: { queries: Set<string>; components: Set<string> }, problem: Report): void {
  const refs = referencesIn(value);
  for (const q of refs.queries) if (!known.queries.has(q)) problem(path, `{{queries.${q}}} names no query`);
  for (const c of refs.components) if (!known.components.has(c)) problem(path, `{{components.${c}}} names no component on this page`);
}
