// Around the generator's bulk load, as a restore does it. Indexes are built once at the end from the loaded rows
// instead of row by row; unique indexes and primary keys too (the build checks uniqueness over the loaded rows, so
// a duplicate still fails the load), except those a foreign key references: the constraint needs them. Autovacuum
// is off for the schema's tables meanwhile: it would scan each growing table again after every 20 % of growth
// (the bench runs `vacuum (analyze)` once after the load), and is switched back on at the end.
import type pg from 'pg';

interface Deferred {
  table: string;
  index: string;
  def: string;
  /** `primary key` / `unique` constraint owning the index, re-attached with `using index`. */
  constraint: { name: string; kind: 'primary key' | 'unique' } | null;
}

/** Drops the schema's indexes that may go during the load and pauses autovacuum; returns the step that undoes both. */
export async function prepareBulkLoad(client: pg.Client | pg.PoolClient): Promise<() => Promise<void>> {
  const tables = (await client.query<{ t: string }>(`select quote_ident(relname) as t from pg_class where relnamespace = current_schema()::regnamespace and relkind = 'r'`)).rows.map((r) => r.t);
  for (const t of tables) await client.query(`alter table ${t} set (autovacuum_enabled = off)`);
  const deferred = (
    await client.query<{ table: string; index: string; def: string; con: string | null; kind: 'p' | 'u' | null }>(
      `select quote_ident(r.relname) as table, quote_ident(i.relname) as index, pg_get_indexdef(i.oid) as def,
              quote_ident(k.conname) as con, k.contype as kind
         from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class r on r.oid = x.indrelid
         left join pg_constraint k on k.conindid = i.oid and k.conrelid = r.oid and k.contype in ('p', 'u')
        where r.relnamespace = current_schema()::regnamespace
          and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = i.oid)
          and not exists (select 1 from pg_constraint o where o.conindid = i.oid and o.conrelid = r.oid and o.contype not in ('p', 'u', 'f'))`,
    )
  ).rows.map(
    (r): Deferred => ({
      table: r.table,
      index: r.index,
      def: r.def,
      constraint: r.con && r.kind ? { name: r.con, kind: r.kind === 'p' ? 'primary key' : 'unique' } : null,
    }),
  );
  for (const d of deferred) await client.query(d.constraint ? `alter table ${d.table} drop constraint ${d.constraint.name}` : `drop index ${d.index}`);
  return async () => {
    await client.query("set maintenance_work_mem = '1GB'");
    for (const d of deferred) {
      await client.query(d.def);
      if (d.constraint) await client.query(`alter table ${d.table} add constraint ${d.constraint.name} ${d.constraint.kind} using index ${d.index}`);
    }
    await client.query('reset maintenance_work_mem');
    for (const t of tables) await client.query(`alter table ${t} reset (autovacuum_enabled)`);
  };
}
