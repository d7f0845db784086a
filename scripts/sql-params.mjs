// Named SQL parameters (issue 14): a statement in plugin/areas/<area>/sql/ names its parameters `:archiveId::bigint`;
// the embedder compiles it to the positional text PostgreSQL takes (`$1::bigint`, the same name always the same `$n`,
// numbered in order of first use) plus the ordered list of names, and derives a TypeScript type per parameter.
//
// What is a parameter: `:` then an identifier, outside string literals ('…', E'…'), quoted identifiers ("…"),
// comments (-- and nested /* */) and dollar-quoted bodies ($$…$$, $tag$…$tag$); `::` is a cast, never a parameter.
// An array slice written with a name (`a[lo:hi]`) would read as a parameter: write `a[lo : hi]` there.
//
// Types: from the parameter's casts — int/bigint/numeric/float → number, text → string, timestamptz/date →
// Date | string, boolean, jsonb → string (JSON text: node-postgres would turn a JS array into a Postgres array),
// bytea → Uint8Array, `[]` → a readonly array of the element type; no cast → unknown. Every parameter also takes
// null (SQL NULL is a value of every type; the table's constraints decide where it is allowed) and undefined (bound
// as NULL, as node-postgres does) — except `:site`, always the data source's site, a string.

const TYPES = [
  [/^(smallint|int2|int|int4|integer|bigint|int8|numeric|decimal|real|float|float4|float8|double precision)$/, 'number'],
  [/^(text|varchar|character varying|char|citext|uuid|interval|name)$/, 'string'],
  [/^(timestamptz|timestamp|timestamp with time zone|date|time|timetz)$/, 'Date | string'],
  [/^(boolean|bool)$/, 'boolean'],
  [/^(jsonb|json)$/, 'string'],
  [/^bytea$/, 'Uint8Array'],
];

/** The TypeScript type of a value cast to `sqlType` (`bigint`, `text[]`), or undefined when unknown. */
export function tsTypeOf(sqlType) {
  const array = /\[\]$/.test(sqlType);
  const base = sqlType.replace(/\s*\[\]$/, '').toLowerCase();
  const ts = TYPES.find(([re]) => re.test(base))?.[1];
  if (ts === undefined) return undefined;
  return array ? `readonly (${ts})[]` : ts;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const CAST = /::\s*([A-Za-z_][A-Za-z0-9_]*(?:\s+(?:precision|varying|with time zone))?(?:\s*\[\])?)/y;
const DOLLAR_TAG = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

function matchAt(re, text, at) {
  re.lastIndex = at;
  return re.exec(text);
}

/** The end (exclusive) of the quoted, commented or dollar-quoted run starting at `i`, or -1 when none starts there. */
function skipOpaque(sql, i) {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return end < 0 ? sql.length : end;
  }
  if (c === '/' && next === '*') {
    let depth = 0;
    for (let j = i; j < sql.length; j++) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j++;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        j++;
        if (--depth === 0) return j + 1;
      }
    }
    throw new Error('unterminated /* comment');
  }
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[i - 2] ?? '');
    for (let j = i + 1; j < sql.length; j++) {
      if (escapes && sql[j] === '\\') j++;
      else if (sql[j] === c) {
        if (sql[j + 1] === c) j++;
        else return j + 1;
      }
    }
    throw new Error(`unterminated ${c === "'" ? 'string' : 'quoted identifier'}`);
  }
  if (c === '$' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
    const tag = matchAt(DOLLAR_TAG, sql, i);
    if (tag) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      if (end < 0) throw new Error(`unterminated ${tag[0]} body`);
      return end + tag[0].length;
    }
  }
  return -1;
}

/**
 * Compiles a statement with `:name` parameters to positional text. Returns `{ text, names, types }` (`types`: name →
 * TypeScript type). A `$n` written by hand is refused: a name is what the generated type checks callers against.
 */
export function compileStatement(sql) {
  const names = [];
  const casts = new Map();
  let text = '';
  let i = 0;
  while (i < sql.length) {
    const opaque = skipOpaque(sql, i);
    if (opaque >= 0) {
      text += sql.slice(i, opaque);
      i = opaque;
      continue;
    }
    if (sql[i] === '$' && /[0-9]/.test(sql[i + 1] ?? '')) throw new Error(`positional parameter ${/^\$\d+/.exec(sql.slice(i))?.[0]}: name it (:archiveId::bigint)`);
    if (sql[i] === ':' && sql[i + 1] === ':') {
      text += '::';
      i += 2;
      continue;
    }
    const ident = sql[i] === ':' ? matchAt(IDENT, sql, i + 1) : null;
    if (!ident) {
      text += sql[i++];
      continue;
    }
    const name = ident[0];
    if (!names.includes(name)) {
      names.push(name);
      casts.set(name, []);
    }
    text += `$${names.indexOf(name) + 1}`;
    i += 1 + name.length;
    const cast = matchAt(CAST, sql, i);
    if (cast) casts.get(name).push(cast[1].replace(/\s+/g, ' '));
  }
  return { text, names, types: Object.fromEntries(names.map((n) => [n, paramType(n, casts.get(n))])) };
}

function paramType(name, casts) {
  if (name === 'site') return 'string';
  const known = [...new Set(casts.map(tsTypeOf).filter((t) => t !== undefined))];
  return known.length === 0 ? 'unknown' : `${known.join(' | ')} | null | undefined`;
}
