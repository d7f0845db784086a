import Handlebars from 'handlebars';
import { documentTemplates } from '../../generated/embedded.js';
import { validation } from '../../core/errors.js';
import * as h from './helpers.js';
import { lineFromError, parseProblem } from './template-errors.js';

// R-DOC-1: one private Handlebars environment. Escaping stays on; only the helpers below and the
// built-in partials (templates/documents/_*.hbs) exist; prototype access is off; a department's
// override is checked statically and test-rendered before it is saved.

type HelperOptions = { data?: { zone?: string } };
const zoneOf = (options: unknown): string => (options as HelperOptions).data?.zone ?? 'UTC';

const env = Handlebars.create();
// `log` writes to the server console; a template has no business there.
env.unregisterHelper('log');

// Handlebars passes the options object as the last argument; helpers with optional parameters drop it.
const given = (v: unknown): unknown => (v && typeof v === 'object' && 'hash' in v ? undefined : v);
const helpers: Record<string, (...args: unknown[]) => unknown> = {
  date: (v, o) => h.cnDate(v, zoneOf(o)),
  datetime: (v, o) => h.cnDateTime(v, zoneOf(o)),
  hours: (v) => h.hours(v),
  number: (v, d) => h.number(v, given(d)),
  percent: (v, d) => h.percent(v, given(d)),
  orDash: (v) => h.orDash(v),
  tick: (v) => h.tick(v),
  zh: (v) => h.zh(v),
  inc: (v) => (typeof v === 'number' ? v + 1 : v),
  eq: (a, b) => a === b,
  barChart: (items, label, value) => new env.SafeString(h.barChart(env.escapeExpression, items, label, value)),
  gauge: (ratio, label, target) => new env.SafeString(h.gauge(env.escapeExpression, ratio, given(label), given(target))),
};
for (const [name, fn] of Object.entries(helpers)) env.registerHelper(name, fn);

const builtInPartials = Object.entries(documentTemplates).filter(([name]) => name.startsWith('_'));
for (const [name, source] of builtInPartials) env.registerPartial(name.slice(1), source);
const partialNames = new Set(builtInPartials.map(([name]) => name.slice(1)));

export const templateNames = Object.keys(documentTemplates).filter((n) => !n.startsWith('_'));
export const builtInSource = (name: string): string | undefined => (name.startsWith('_') ? undefined : (documentTemplates as Record<string, string>)[name]);

const compileOptions = {
  strict: false,
  knownHelpersOnly: true,
  knownHelpers: { log: false, ...Object.fromEntries(Object.keys(helpers).map((n) => [n, true])) },
} as const;
const runtimeOptions = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

// Names that lead from data to functions and globals; refused wherever they appear in a path.
const forbiddenNames = new Set(['constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

type Node = hbs.AST.Node & Record<string, unknown>;

function lineOf(node: hbs.AST.Node): number {
  return node.loc?.start.line ?? 0;
}

/** Static checks Handlebars itself leaves to run time: partials, decorators, prototype paths. */
function staticProblems(program: hbs.AST.Program): { line: number; reason: string }[] {
  const problems: { line: number; reason: string }[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object' || !('type' in value)) return;
    const node = value as Node;
    switch (node.type) {
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = (node.name as hbs.AST.PathExpression).original;
        if (node.name && (node.name as Node).type !== 'PathExpression') problems.push({ line: lineOf(node), reason: 'a partial name must be written out' });
        else if (!partialNames.has(name)) problems.push({ line: lineOf(node), reason: `unknown partial "${name}" (built-in: ${[...partialNames].join(', ')})` });
        break;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        problems.push({ line: lineOf(node), reason: 'decorators are not allowed' });
        break;
      case 'PathExpression':
        for (const part of (node as unknown as hbs.AST.PathExpression).parts) {
          if (forbiddenNames.has(part)) problems.push({ line: lineOf(node), reason: `"${part}" is not allowed in a template` });
        }
        break;
      case 'StringLiteral':
        if (forbiddenNames.has(String(node.value))) problems.push({ line: lineOf(node), reason: `"${String(node.value)}" is not allowed in a template` });
        break;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'loc') visit(child);
  };
  visit(program);
  return problems;
}

export type Compiled = (data: unknown, zone: string) => string;

const refuse = (line: number, reason: string) => validation('source', line ? `line ${line}: ${reason}` : reason);

/** Compiles a template text, refusing it with the line and reason when it is not safe or not valid. */
export function compileTemplate(source: string): Compiled {
  let program: hbs.AST.Program;
  try {
    program = env.parse(source);
  } catch (e) {
    const { line, reason } = parseProblem(source, e);
    throw refuse(line, reason);
  }
  const [problem] = staticProblems(program);
  if (problem) throw refuse(problem.line, problem.reason);
  const template = env.compile(program, compileOptions);
  return (data, zone) => {
    try {
      return template(data, { ...runtimeOptions, data: { zone } });
    } catch (e) {
      const { line, reason } = lineFromError(e);
      throw refuse(line, reason);
    }
  };
}

const builtIns = new Map<string, Compiled>();

/** Built-in templates compile once per process. */
export function builtInTemplate(name: string): Compiled | undefined {
  const source = builtInSource(name);
  if (source === undefined) return undefined;
  let compiled = builtIns.get(name);
  if (!compiled) {
    compiled = compileTemplate(source);
    builtIns.set(name, compiled);
  }
  return compiled;
}

let layout: Compiled | undefined;

/** Wraps a rendered body in the built-in page (A4 print CSS); overrides change bodies, never the page. */
export function inPage(title: string, body: string, zone: string): string {
  layout ??= compileTemplate(documentTemplates._layout);
  return layout({ title, body }, zone);
}
