// What Citus needs of a statement when tables are distributed by `site` (docs/scaling.md, step 3): every
// table a statement reads or writes is pinned to the data source's site, so the coordinator routes the whole
// statement, and with it the operation's transaction, to the one worker holding that site.
//
// The site arrives as the parameter `:site` in a statement of plugin/areas/*/sql (checked as written, before the
// embedder numbers it), or as `$1` in SQL a handler or the runner sends itself. A table
// reference is pinned when its alias is compared with that parameter (`t.site = $1`), or joined on `site` to
// a pinned reference (`a.site = t.site`, `using (site, …)`); an insert is pinned when the value of its leading
// `site` column is the parameter or a pinned row's `site`. Any other comparison of a `site` column (another
// parameter, `any(…)`, `<>`) is a statement that can touch two sites.

const SITE = String.raw`(?:\$1(?!\d)|:site\b)`;
const KEYWORDS = new Set([
  'where',
  'on',
  'join',
  'left',
  'right',
  'inner',
  'full',
  'cross',
  'set',
  'order',
  'group',
  'limit',
  'using',
  'returning',
  'values',
  'select',
  'natural',
  'for',
  'union',
  'having',
  'window',
  'offset',
  'on',
  'as',
  'default',
  'lateral',
  'except',
]);

export interface Reference {
  table: string;
  alias: string;
  how: 'from' | 'join' | 'update' | 'into' | 'delete';
}

const stripComments = (text: string): string => text.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");

/** Table references of the statement to any of `tables` (CTE names and functions are not tables). */
export function references(text: string, tables: ReadonlySet<string>): Reference[] {
  const sql = stripComments(text).toLowerCase();
  const out: Reference[] = [];
  const re = /\b(from|join|update|into)\s+(only\s+)?([a-z_][a-z0-9_]*)\b(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?/g;
  for (const m of sql.matchAll(re)) {
    const table = m[3]!;
    if (!tables.has(table)) continue;
    const word = m[4];
    const alias = word && !KEYWORDS.has(word) ? word : table;
    const before = sql.slice(Math.max(0, m.index - 7), m.index);
    const how = m[1] === 'from' && /delete\s*$/.test(before) ? 'delete' : (m[1] as Reference['how']);
    out.push({ table, alias, how });
  }
  return out;
}

/** The reasons `text` could touch more than one site; empty when every reference is pinned to the site parameter. */
export function siteProblems(text: string, tables: ReadonlySet<string>): string[] {
  const sql = stripComments(text).toLowerCase().replace(/\s+/g, ' ');
  const refs = references(text, tables);
  const problems: string[] = [];
  // Every comparison of a site column must be with the parameter or with another site column.
  const side = String.raw`(?<![a-z0-9_.])(?:[a-z_][a-z0-9_]*\.)?site\b`;
  for (const m of sql.matchAll(new RegExp(String.raw`(${side})\s*(=|<>|!=|<|>|\bin\b|\bis\b)\s*(any\b|\(?\s*[^\s,)]+)`, 'g'))) {
    const rhs = m[3]!.replace(/^\(\s*/, '');
    if (m[2] !== '=' || !(new RegExp(`^${SITE}`).test(rhs) || /^([a-z_][a-z0-9_]*\.)?site$/.test(rhs))) {
      problems.push(`compares ${m[1]} with "${m[2]} ${rhs}"`);
    }
  }
  const pinned = new Set<string>();
  const aliasPinned = (a: string) => new RegExp(String.raw`(\b${a}\.site\s*=\s*${SITE}|${SITE}\s*=\s*${a}\.site\b)`).test(sql);
  const unqualifiedPinned = new RegExp(String.raw`(^|[^.a-z0-9_])site\s*=\s*${SITE}`).test(sql);
  for (const r of refs) if (aliasPinned(r.alias) || (r.alias === r.table && unqualifiedPinned)) pinned.add(r.alias);
  // Joined on site to a pinned reference: a.site = b.site, or join … using (site, …).
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of refs) {
      if (pinned.has(r.alias)) continue;
      const joined = [...pinned].some((p) => new RegExp(String.raw`\b(${r.alias}\.site\s*=\s*${p}\.site|${p}\.site\s*=\s*${r.alias}\.site)\b`).test(sql));
      const using = new RegExp(String.raw`\bjoin ${r.table}( (as )?${r.alias})? using \(site\b`).test(sql) && pinned.size > 0;
      if (joined || using) {
        pinned.add(r.alias);
        changed = true;
      }
    }
  }
  for (const r of refs) {
    if (r.how === 'into') {
      const m = new RegExp(String.raw`insert into ${r.table} \(site\b[^)]*\) (values \(|select (distinct )?)\s*([^\s,]+)`).exec(sql);
      const first = m?.[3] ?? '';
      const fromPinned = /^([a-z_][a-z0-9_]*\.)?site$/.test(first);
      if (!m || !(new RegExp(`^${SITE}`).test(first) || fromPinned)) problems.push(`insert into ${r.table} does not take its site from the site parameter`);
    } else if (!pinned.has(r.alias)) {
      problems.push(`${r.how} ${r.table} ${r.alias} is not pinned to the site parameter`);
    }
  }
  return problems;
}

/** Statements that update or delete rows of `table`. */
export const changes = (text: string, table: string): boolean =>
  new RegExp(String.raw`\b(update\s+(only\s+)?${table}\b|delete\s+from\s+(only\s+)?${table}\b|truncate\b[^;]*\b${table}\b)`, 'i').test(stripComments(text));
