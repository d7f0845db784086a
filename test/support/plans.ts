// Reading EXPLAIN (ANALYZE, FORMAT JSON) plans in scale tests: what a statement read from a table, and whether
// it walked one. Plan checks say more than timings on a shared machine.
import type { Db } from '../../plugin/db/types.js';
import type { TestDb } from './db.js';

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  /** An index-only scan's rows whose visibility it had to check in the table. */
  'Heap Fetches'?: number;
  Filter?: string;
  'Index Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  /** With VERBOSE: what a node computes for each row it passes on, and an aggregate's grouping. */
  Output?: string[];
  'Group Key'?: string[];
  /** "CTE name" for a CTE's plan. */
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

/** Rows the plan read from `table`: what its scans returned plus what their filters and rechecks threw away. */
export function rowsRead(node: PlanNode, table: string): number {
  const own = node['Relation Name'] === table ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0) : 0;
  return own + (node.Plans ?? []).reduce((n, child) => n + rowsRead(child, table), 0);
}

/** Rows the plan fetched from `table` itself: rowsRead but that an index-only scan reads only its heap fetches. */
export function tableRowsRead(node: PlanNode, table: string): number {
  const indexOnly = node['Node Type'] === 'Index Only Scan' && node['Relation Name'] === table;
  const own = indexOnly ? (node['Heap Fetches'] ?? 0) : rowsRead({ ...node, Plans: [] }, table);
  return own + (node.Plans ?? []).reduce((n, child) => n + tableRowsRead(child, table), 0);
}

/** Index names the plan scans. */
export const indexes = (node: PlanNode): string[] => [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexes)];

/** Buffers the plan touched (EXPLAIN with BUFFERS; a node's figures include its children's). */
export const blocks = (node: PlanNode): number => (node['Shared Hit Blocks'] ?? 0) + (node['Shared Read Blocks'] ?? 0);

export const seqScans = (node: PlanNode): string[] => [...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []), ...(node.Plans ?? []).flatMap(seqScans)];

export interface Statement {
  text: string;
  values: readonly unknown[];
}

/** `statement` run again under EXPLAIN (ANALYZE, FORMAT JSON) and `options` (buffers, verbose): its plan. */
export async function explain(sql: TestDb['sql'], statement: Statement, options: ('buffers' | 'verbose')[] = []): Promise<PlanNode> {
  const [row] = await sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (${['analyze', ...options, 'format json'].join(', ')}) ${statement.text}`, [...statement.values]);
  return row!['QUERY PLAN'][0].Plan;
}

/** A Db that notes every statement its transactions run, to explain an operation's statements afterwards. */
export function recording(db: Db): { db: Db; statements: Statement[] } {
  const statements: Statement[] = [];
  return {
    statements,
    db: {
      kind: db.kind,
      schema: db.schema,
      close: () => db.close(),
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            exec: (text) => tx.exec(text),
            query: (text, values) => {
              statements.push({ text, values: values ?? [] });
              return tx.query(text, values);
            },
          }),
        ),
    },
  };
}
