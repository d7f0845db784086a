import type { Row } from '../db/types.js';
import type { StatementName } from '../generated/embedded.js';
import { stateError } from './errors.js';
import type { OpContext } from './operation.js';

/**
 * The one way a state changes: an `update … where state = <from> … returning …` statement. No row back means
 * the row was not in the state the model allowed (changed meanwhile, or the SQL and the model disagree): a
 * STATE error, so the transaction rolls back — never a step that reports success and changed nothing.
 */
export async function transition<R = Row>(ctx: OpContext, statement: StatementName, params: readonly unknown[], refused: string): Promise<R> {
  const [row] = await ctx.sql<R>(statement, params);
  if (row === undefined) throw stateError(refused);
  return row;
}
