// Named SQL parameters (issue 14): the embedder's parser (scripts/sql-params.mjs) and the one binder in core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileStatement, tsTypeOf } from '../scripts/sql-params.mjs';
import { bindStatement } from '../plugin/core/statement.js';
import { statementParams, statements } from '../plugin/generated/embedded.js';
import { testDb, type TestDb } from './support/db.js';
import { statementSources } from './support/sql-sources.js';

let t: TestDb;
beforeAll(async () => {
  t = await testDb();
});
afterAll(() => t?.close());

describe('named SQL parameters', () => {
  it('compiles :name to $n in order of first use, the same name to the same $n, keeping :: casts', () => {
    const c = compileStatement('update loans set due_at = :dueAt::timestamptz, updated_at = :at::timestamptz where site = :site and id = :id::bigint and :at::timestamptz > due_at');
    expect(c.text).toBe('update loans set due_at = $1::timestamptz, updated_at = $2::timestamptz where site = $3 and id = $4::bigint and $2::timestamptz > due_at');
    expect(c.names).toEqual(['dueAt', 'at', 'site', 'id']);
    expect(c.types).toEqual({ dueAt: 'Date | string | null | undefined', at: 'Date | string | null | undefined', site: 'string', id: 'number | null | undefined' });
  });

  it('takes the type from the casts: arrays, jsonb as JSON text, bytea; no cast is unknown; site is a string', () => {
    const c = compileStatement('select :ids::bigint[], :tags::text [], :doc::jsonb, :data::bytea, :flag::boolean, :n::double precision, :free, :odd::tsvector, :site');
    expect(c.types).toEqual({
      ids: 'readonly (number)[] | null | undefined',
      tags: 'readonly (string)[] | null | undefined',
      doc: 'string | null | undefined',
      data: 'Uint8Array | null | undefined',
      flag: 'boolean | null | undefined',
      n: 'number | null | undefined',
      free: 'unknown',
      odd: 'unknown',
      site: 'string',
    });
    expect(tsTypeOf('timestamp with time zone')).toBe('Date | string');
    expect(compileStatement('select :state, :state::text').types.state).toBe('string | null | undefined');
  });

  it('leaves colons in strings, quoted identifiers, comments and dollar-quoted bodies alone', () => {
    const sql = ["select ':notA', E'\\':notB', 'it''s :notC', \"col:notD\" -- :notE", '/* :notF /* nested :notG */ still :notH */', '$$ :notI $$, $fn$ begin x := :notJ; end $fn$, :real'].join('\n');
    const c = compileStatement(sql);
    expect(c.names).toEqual(['real']);
    expect(c.text).toBe(sql.replace(':real', '$1'));
  });

  it('a statement without parameters takes none; a $n written by hand is refused (outside strings and comments)', () => {
    expect(compileStatement("select to_regclass('tickets') is not null as present, now()::date")).toEqual({
      text: "select to_regclass('tickets') is not null as present, now()::date",
      names: [],
      types: {},
    });
    expect(() => compileStatement('select :a::int, $2')).toThrow('positional parameter $2: name it (:archiveId::bigint)');
    expect(compileStatement("select '$1', :a -- $2").names).toEqual(['a']);
    expect(() => compileStatement("select 'open")).toThrow(/unterminated string/);
  });

  it('the binder turns the object into the positional values the compiled text takes', () => {
    const at = new Date('2026-01-05T02:00:00Z');
    const { text, values } = bindStatement('loans/touch', { site: 'main', id: 7, at, now: undefined });
    expect(text).toBe(statements['loans/touch']);
    expect(statementParams['loans/touch']).toEqual(['at', 'now', 'site', 'id']);
    expect(values).toEqual([at, null, 'main', 7]);
    const untyped = { site: 'main' } as { site: string; id: number };
    expect(() => bindStatement('loans/lock', untyped)).toThrow('statement loans/lock: no value for :id');
  });

  it('the generated type of every cast parameter is the type PostgreSQL gives it (PREPARE), so a cast never contradicts the column', async () => {
    const named = Object.entries(statementParams);
    expect(named.length).toBe(Object.keys(statements).length);
    const sources = statementSources();
    const wrong: string[] = [];
    await t.env.db.transaction(async (tx) => {
      for (const [name, names] of named) {
        await tx.exec(`prepare probe as ${statements[name as keyof typeof statements].replace(/;\s*$/, '')}`);
        const [row] = await tx.query<{ types: string[] }>(`select parameter_types::text[] as types from pg_prepared_statements where name = 'probe'`);
        await tx.exec('deallocate probe');
        const declared = compileStatement(sources[name]!).types;
        names.forEach((param, i) => {
          const inferred = tsTypeOf(row!.types[i]!);
          const own = declared[param]!.replace(' | null | undefined', '');
          if (own !== 'unknown' && own !== inferred) wrong.push(`${name} :${param} is ${own} but PostgreSQL takes ${row!.types[i]}`);
        });
      }
    });
    expect(wrong).toEqual([]);
  });
});
