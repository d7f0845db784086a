import type { Row } from '../db/types.js';
import type { StatementArgs } from './statement.js';
import type { StatementName, StatementParams } from '../generated/embedded.js';
import { stateError } from './errors.js';
import type { OpContext } from './operation.js';

/**
 * The one way a state changes: an `update … where state = <from> … returning …` statement. No row back means
 * the row was not in the state the model allowed (changed meanwhile, or the SQL and the model disagree): a
 * STATE error, so the transaction rolls back — never a step that reports success and changed nothing.
 */
export async function transition<N extends StatementName, R = Row>(ctx: OpContext, statement: N, params: StatementParams[N], refused: string): Promise<R> {
  const [row] = await ctx.sql<R>(...([statement, params] as StatementArgs));
  if (row === undefined) throw stateError(refused);
  return row;
}
