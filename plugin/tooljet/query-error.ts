import type { DeskError, ErrorCode, Issue } from '../core/errors.js';

/** Structurally ToolJet's QueryError: the server shows message and description in the query panel. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
  constructor(
    message: string,
    readonly description: string,
    readonly data: { code: ErrorCode; issues: Issue[] },
  ) {
    super(message);
  }
}

const hints: Record<ErrorCode, string> = {
  VALIDATION: 'Check the highlighted fields of the query.',
  NOT_FOUND: 'The record does not exist, or not in this site.',
  FORBIDDEN: 'Ask an administrator for the role this operation needs.',
  CONFLICT: 'Someone else changed the same record; reload and try again.',
  STATE: 'The record is not in a state that allows this step.',
  UNAVAILABLE: 'The database could not be reached; try again shortly.',
  INTERNAL: 'Unexpected error; the administrator can find the reference in the server log.',
};

/** The one mapping from DeskError to what ToolJet shows. */
export function toQueryError(e: DeskError): QueryError {
  const fields = e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return new QueryError(e.message, `${e.code}: ${fields || hints[e.code]} ${fields ? hints[e.code] : ''}`.trim(), {
    code: e.code,
    issues: e.issues,
  });
}
