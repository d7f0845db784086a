import type { Row, Tx } from '../db/types.js';
import { instantsAsText } from './instant-text.js';
import { type StatementName, type StatementParams, statementParams, statements } from '../generated/embedded.js';

/**
 * A statement's name and what it takes, as one argument list: `['loans/list', { site, now, … }]`. A union of
 * tuples rather than `<N extends StatementName>(name: N, …)` so callers still write `ctx.sql<Loan>(…)`: the
 * name picks the parameter type, and a missing or misspelt key does not compile.
 */
export type StatementArgs = { [N in StatementName]: [name: N, params: StatementParams[N]] }[StatementName];

/** The one place named parameters become the positional values PostgreSQL takes (names: scripts/sql-params.mjs). */
export function bindStatement(...[name, params]: StatementArgs): { text: string; values: readonly unknown[] } {
  const given: Readonly<Record<string, unknown>> = params;
  const values = statementParams[name].map((n) => {
    if (!(n in given)) throw new Error(`statement ${name}: no value for :${n}`);
    return given[n] ?? null;
  });
  return { text: statements[name], values };
}

/** Runs a statement of plugin/areas/<area>/sql/ or plugin/core/sql/ in `tx` (workers and the runner, which have no ctx). */
export function runStatement<R = Row>(tx: Tx, ...args: StatementArgs): Promise<R[]> {
  const { text, values } = bindStatement(...args);
  return tx.query<R>(text, values);
}

/** runStatement for rows that leave as they are read: instants come back as the text results carry, in `zone`. */
export function runForOutput<R = Row>(tx: Tx, zone: string, ...args: StatementArgs): Promise<R[]> {
  const { text, values } = bindStatement(...args);
  return tx.query<R>(text, values, instantsAsText(zone));
}
