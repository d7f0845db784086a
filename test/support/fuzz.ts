// Input generators derived from an operation's own input JSON Schema (plugin/core/coerce.ts), so every
// operation that lands in the registry is fuzzed without a line written for it.
import fc from 'fast-check';
import { inputJsonSchema, parseInput } from '../../plugin/core/coerce.js';
import type { AnyOperation } from '../../plugin/core/operation.js';
import type { JsonSchema } from '../../plugin/core/json-schema.js';
import { errorCodes } from '../../plugin/core/errors.js';

/** Ids in the fuzz fixtures are small: aim at rows that exist as often as at rows that do not. */
const smallId = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 2 ** 31 }) });

const unicodeText = fc.constantFrom('张丽 客服助理', '😀👍🏽 emoji', 'שלום مرحبا RTL \u202Eevil\u202C', 'zero\u200Bwidth', 'combining e\u0301', '\uFEFFbom', 'line\nbreak\ttab');

const sampleFor: Record<string, fc.Arbitrary<string>> = {
  date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  'date-time': fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  email: fc.constantFrom('a@example.com', 'wang.min@desk.example.cn', 'x+y@mail.example.org'),
};

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  if (s.format && sampleFor[s.format]) return sampleFor[s.format]!;
  if (s.pattern) {
    try {
      const max = s.maxLength ?? 1000;
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= max && v.length >= (s.minLength ?? 0));
    } catch {
      /* a pattern fast-check cannot invert: plain strings below */
    }
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 60);
  return fc.oneof(
    { weight: 5, arbitrary: fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }).map((v) => v.trim() || 'x') },
    { weight: 1, arbitrary: unicodeText.filter((v) => v.length <= (s.maxLength ?? Infinity)) },
  );
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0.001) : -1000);
  const hi = Math.min(s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0.001) : 1000), 2 ** 31);
  if (integer) {
    // Unbounded positive integers are nearly always ids here; bounded ranges (years 2000–2100) are not.
    if (lo >= 0 && lo <= 1 && hi > 1000) return smallId;
    return fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.max(lo, hi)) });
  }
  return fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (most of the time): the happy-ish path that reaches the handler and the SQL. */
export function validArb(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(undefined);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (branches.length) return fc.oneof(...branches.map((b) => validArb(b, depth + 1)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return stringArb(s);
    case 'integer':
      return numberArb(s, true);
    case 'number':
      return numberArb(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      if (!s.properties) return fc.dictionary(fc.constantFrom('a', 'b', 'floor', 'note'), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()), { maxKeys: 2 });
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties).filter(([k]) => k !== 'idempotencyKey');
      const shape = Object.fromEntries(entries.map(([k, v]) => [k, validArb(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) });
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean());
  }
}

const huge = 'x'.repeat(100_000);
const deep = (n: number): unknown => (n === 0 ? 'bottom' : { a: deep(n - 1) });
const deepArray = (n: number): unknown => (n === 0 ? [] : [deepArray(n - 1)]);

/** What ToolJet and careless callers send: strings for everything, empty fields, hostile text. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    null,
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '0',
    '1e309',
    '9007199254740993',
    '3.5',
    'true',
    'TRUE',
    '{}',
    '[]',
    '{"a":1}',
    '[1,2,3]',
    '{not json',
    '"quoted"',
    huge,
    `${'长'.repeat(50_000)}`,
    'a\u0000b',
    '\u0000',
    '😀'.repeat(300),
    '\u202Eevil',
    '\uD800',
    "'; drop table customers; --",
    '<script>alert(1)</script>',
    "{{constructor.constructor('return process')()}}",
    '$1',
    '\\',
    '%s',
    '__proto__',
    -1,
    0,
    1.5,
    2 ** 53,
    Number.MAX_VALUE,
    -0,
    true,
    false,
    [],
    [null],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
    deep(60),
    deepArray(200),
    new Array(5000).fill('x'),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Turns a valid value into the text a ToolJet codehinter field would send. */
export function asToolJetText(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Inputs for one operation: mostly valid-ish (some fields sent as ToolJet text), some with one field
 * replaced by a hostile value, some with extra keys, some entirely wrong.
 */
export function inputArb(op: AnyOperation): fc.Arbitrary<unknown> {
  const schema = inputJsonSchema(op) as JsonSchema;
  const keys = Object.keys(schema.properties ?? {});
  const valid = validArb(schema) as fc.Arbitrary<Record<string, unknown>>;
  const textified = valid.chain((v) => fc.subarray(Object.keys(v)).map((pick) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pick.includes(k) ? asToolJetText(x) : x]))));
  const oneBad = keys.length ? fc.tuple(valid, fc.constantFrom(...keys), hostileValue).map(([v, k, bad]) => ({ ...v, [k]: bad })) : valid;
  const extra = fc.tuple(valid, fc.constantFrom('colour', 'actor_id', '__proto__', 'constructor', 'site', 'id '), hostileValue).map(([v, k, bad]) => {
    const out: Record<string, unknown> = { ...v };
    Object.defineProperty(out, k, { value: bad, enumerable: true, configurable: true, writable: true });
    return out;
  });
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 3, arbitrary: textified }, { weight: 4, arbitrary: oneBad }, { weight: 1, arbitrary: extra }, { weight: 1, arbitrary: hostileValue });
}

/** A value that passes validation, found by sampling the valid generator with a fixed seed. */
export function sampleValid(op: AnyOperation, overrides: Record<string, unknown> = {}, seed = 42): Record<string, unknown> | undefined {
  const schema = inputJsonSchema(op) as JsonSchema;
  const fitting = Object.fromEntries(Object.entries(overrides).filter(([k]) => k in (schema.properties ?? {})));
  const candidates = fc.sample(validArb(schema), { numRuns: 200, seed }) as Record<string, unknown>[];
  for (const candidate of [{}, ...candidates]) {
    const input = { ...candidate, ...fitting };
    try {
      parseInput(op, input);
      return input;
    } catch {
      /* try the next sample */
    }
  }
  return undefined;
}

/** Top-level free-text fields: strings without enum, pattern or format. */
export function textFields(op: AnyOperation): { key: string; max: number; min: number }[] {
  const schema = inputJsonSchema(op) as JsonSchema;
  return Object.entries(schema.properties ?? {})
    .filter(([k]) => k !== 'idempotencyKey')
    .map(([key, s]) => ({ key, s: s.anyOf?.find((b) => b.type === 'string') ?? s }))
    .filter(({ s }) => s.type === 'string' && !s.enum && !s.pattern && !s.format)
    .map(({ key, s }) => ({ key, max: s.maxLength ?? Infinity, min: s.minLength ?? 0 }));
}

// What an error a user sees must never carry: SQL, driver text, stack frames, JS leftovers.
const leaks: [string, RegExp][] = [
  // Statement fragments, not single words: "a year from now" is English, "select … from" is SQL.
  ['SQL text', /\bselect\b[\s\S]*\bfrom\b|\binsert\s+into\b|\bdelete\s+from\b|\bupdate\s+\w+\s+set\b|\bwhere\s+\w+\s*(=|in\b|is\b)|\$\d+::|::(jsonb|bigint|timestamptz|text)\b/i],
  ['driver text', /violates|relation "|column "|syntax error|invalid input syntax|out of range for type|pglite|duplicate key|current transaction is aborted/i],
  ['stack frame', /\n\s+at\s|\bat\s+\S+\s+\(|\.(ts|js|mjs):\d+/],
  ['JS leftover', /\bundefined\b|\[object Object\]|\bNaN\b|TypeError|ReferenceError|Cannot read prop/i],
];

export interface Outcome {
  ok: boolean;
  code?: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

export async function outcomeOf(p: Promise<unknown>): Promise<Outcome & { result?: unknown }> {
  try {
    return { ok: true, result: await p };
  } catch (e) {
    const err = e as { code?: string; message?: string; issues?: { path: string; message: string }[] };
    return { ok: false, code: err.code, message: err.message, issues: err.issues };
  }
}

/**
 * Problems with an error as the user sees it. Operation titles are the declarations' own words and
 * are taken out first ("Change a customer" is not SQL), and so is the text the caller sent.
 */
export function errorProblems(o: Outcome, allowedWords: readonly string[] = []): string[] {
  if (o.ok) return [];
  const problems: string[] = [];
  if (!o.code || !(errorCodes as readonly string[]).includes(o.code)) problems.push(`unknown error code ${o.code}: ${o.message}`);
  if (o.code === 'INTERNAL') problems.push(`INTERNAL: ${o.message}`);
  let text = [o.message ?? '', ...(o.issues ?? []).map((i) => `${i.path} ${i.message}`)].join('\n');
  // Echoed words become a non-space mark, so "phone: at least 3 digits" does not turn into a stack frame.
  for (const w of [...allowedWords].sort((a, b) => b.length - a.length)) if (w.length > 2) text = text.split(w).join('·');
  for (const [what, re] of leaks) {
    const m = re.exec(text);
    if (m) problems.push(`${what} "${m[0]}" in: ${o.message}`);
  }
  return problems;
}

export const fuzzRuns = (fallback = 15): number => Math.max(1, Number(process.env.FUZZ_RUNS ?? fallback) || fallback);
