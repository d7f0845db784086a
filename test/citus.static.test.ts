// The schema and the statements stay distributable by `site` on Citus (docs/scaling.md, step 3; issue 17):
// keys lead with `site`, no statement of an operation touches two sites, and no trigger on a distributed
// table is needed for correctness (Citus runs triggers on shards only with citus.enable_unsafe_triggers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';
import { seedCast } from './support/staff.js';
import { openTicket } from './tickets.fixtures.js';
import { statements } from '../plugin/generated/embedded.js';
import type { Db } from '../plugin/db/types.js';
import { changes, references, siteProblems } from './support/citus.js';
import { statementSources } from './support/sql-sources.js';

/** Stays a local table on the coordinator: the migration lock and version are the coordinator's. */
const LOCAL = new Set(['schema_migrations']);

/**
 * Tables with triggers, and why the application never needs them to fire: the statements of the operations
 * never ask for what the trigger refuses (checked below), so on Citus the trigger is a guard that may be off.
 * There the same guard is a privilege: `revoke update, delete, truncate` on these tables from the plugin's role.
 */
const GUARDS: Record<string, { never: 'update or delete' } | { onlyWhere: RegExp }> = {
  audit_log: { never: 'update or delete' }, // R-ACT-3 append-only
  form_definitions: { never: 'update or delete' }, // R-FRM-2 versions are kept
  survey_responses: { never: 'update or delete' },
  document_templates: { never: 'update or delete' }, // R-DOC-1 history
  archive_documents: { onlyWhere: /\bnot\s+(\w+\.)?original\b/i }, // R-ARC-3 originals frozen
  attachments: { never: 'update or delete' }, // R-DAY-8 attachments are originals
};

let t: TestDb;
let tables: Set<string>;
const executed = new Set<string>();

/** Records the text of every statement the runner and handlers send, runner SQL included. */
function recording(db: Db): Db {
  return {
    ...db,
    transaction: (fn) => db.transaction((tx) => fn({ query: (text, params) => (executed.add(text), tx.query(text, params)), exec: (text) => tx.exec(text) })),
  };
}

beforeAll(async () => {
  t = await testDb();
  t.env.db = recording(t.env.db);
  const cast = await seedCast(t);
  await openTicket(t, cast);
  await t.as(cast.agent)('tickets.search', { limit: 5 });
  await t.as(cast.manager)('reports.monthly', { month: '2026-01' });
  const rows = await t.sql<{ name: string }>(`select c.relname as name from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v')`);
  tables = new Set(rows.map((r) => r.name).filter((n) => !LOCAL.has(n)));
});
afterAll(() => t?.close());

describe('Citus: distributable by site (issue 17)', () => {
  it('every primary key, unique constraint and unique index leads with site', async () => {
    const keys = await t.sql<{ tbl: string; name: string; lead: string | null }>(
      `select c.relname as tbl, i.relname as name, a.attname as lead
         from pg_index x
         join pg_class i on i.oid = x.indexrelid
         join pg_class c on c.oid = x.indrelid
         left join pg_attribute a on a.attrelid = c.oid and a.attnum = x.indkey[0]
        where c.relnamespace = current_schema()::regnamespace and (x.indisunique or x.indisprimary)`,
    );
    const bad = keys.filter((k) => !LOCAL.has(k.tbl) && k.lead !== 'site').map((k) => `${k.tbl}.${k.name} leads with ${k.lead ?? 'an expression'}`);
    expect(keys.length).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });

  it('every foreign key is (site, …) references t (site, …)', async () => {
    const fks = await t.sql<{ tbl: string; name: string; lead: string; ref: string }>(
      `select c.conrelid::regclass::text as tbl, c.conname as name, a.attname as lead, r.attname as ref
         from pg_constraint c
         join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
         join pg_attribute r on r.attrelid = c.confrelid and r.attnum = c.confkey[1]
        where c.connamespace = current_schema()::regnamespace and c.contype = 'f'`,
    );
    expect(fks.length).toBeGreaterThan(10);
    expect(fks.filter((f) => f.lead !== 'site' || f.ref !== 'site').map((f) => `${f.tbl}.${f.name}`)).toEqual([]);
  });

  it('no statement of an operation touches two sites: every table it reads or writes is pinned to the site parameter', () => {
    // The statements as written (`site = :site`); of what ran, the SQL that is not one of them (runner, dynamic).
    const compiled = new Set<string>(Object.values(statements));
    const inline = [...executed].filter((text) => !compiled.has(text));
    const texts = [...Object.entries(statementSources()), ...inline.map((text) => ['(runner/handler)', text] as const)];
    expect(Object.keys(statementSources()).sort()).toEqual(Object.keys(statements).sort());
    expect(inline.length).toBeGreaterThan(3);
    expect(executed.size).toBeGreaterThan(inline.length);
    const bad = texts.flatMap(([name, text]) => siteProblems(text, tables).map((p) => `${name}: ${p}\n${text.trim().slice(0, 160)}`));
    expect(bad).toEqual([]);
  });

  it('the checker sees a second site: a join off site, an insert for another site, a site list', () => {
    const t1 = new Set(['tickets', 'staff']);
    expect(siteProblems('select * from tickets t join staff s on s.id = t.first_owner_id where t.site = $1', t1)).toHaveLength(1);
    expect(siteProblems('insert into tickets (site, number) values ($2, $3)', t1)).toHaveLength(1);
    expect(siteProblems('select * from tickets where site = any($1::text[])', t1)).not.toEqual([]);
    expect(siteProblems('select * from tickets t join staff s on s.site = t.site and s.id = t.first_owner_id where t.site = $1', t1)).toEqual([]);
    expect(siteProblems('select * from tickets t join staff s on s.site = t.site where t.site = :site', t1)).toEqual([]);
    expect(siteProblems('select * from tickets t join staff s on s.site = :siteId where t.site = :site', t1)).not.toEqual([]);
    expect(siteProblems('select * from tickets where site = :sites::text', t1)).not.toEqual([]);
  });

  it('no trigger is needed for correctness: each guards a change no operation asks for', async () => {
    const triggers = await t.sql<{ tbl: string }>(
      `select distinct c.relname as tbl from pg_trigger g join pg_class c on c.oid = g.tgrelid
        where c.relnamespace = current_schema()::regnamespace and not g.tgisinternal`,
    );
    expect(triggers.map((g) => g.tbl).sort()).toEqual(Object.keys(GUARDS).sort());
    const texts = [...Object.values(statementSources()), ...executed];
    for (const [table, rule] of Object.entries(GUARDS)) {
      const changing = texts.filter((text) => changes(text, table));
      if ('never' in rule) expect(changing, `${table} is changed by a statement`).toEqual([]);
      else for (const text of changing) expect(text, `${table} changed without the guard's condition`).toMatch(rule.onlyWhere);
    }
    expect(references('update archive_documents set x = 1 where site = $1', new Set(['archive_documents']))[0]?.how).toBe('update');
  });
});
