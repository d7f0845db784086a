import { DeskError } from '../core/errors.js';

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
}

const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03']);
const retryable = new Set(['40001', '40P01']);

export const isRetryable = (e: unknown): boolean => retryable.has((e as PgLikeError)?.code ?? '');

/**
 * The one place where PostgreSQL errors become DeskErrors. Messages never carry SQL text:
 * constraint names are turned into sentences by the operation's own `conflicts` table.
 */
export function translatePgError(e: unknown, conflicts: Record<string, string> = {}): DeskError | undefined {
  const err = e as PgLikeError;
  const code = err?.code ?? '';
  const friendly = err.constraint ? conflicts[err.constraint] : undefined;
  if (code === '23505' || code === '23P01') return new DeskError('CONFLICT', friendly ?? 'this record already exists');
  if (retryable.has(code)) return new DeskError('CONFLICT', 'the record was changed by someone else at the same time; try again');
  if (code === '55P03') return new DeskError('CONFLICT', 'the record is being changed by someone else; try again');
  if (code === '23503') return new DeskError('VALIDATION', friendly ?? 'a referenced record does not exist', [{ path: err.constraint ?? '', message: friendly ?? 'referenced record does not exist' }]);
  if (code === '23514' || code === '23502' || code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22001' || code === '22021') {
    return new DeskError('VALIDATION', friendly ?? 'a value is out of range or badly formed');
  }
  if (code === '57014') return new DeskError('UNAVAILABLE', 'the database took too long to answer; try again');
  if (connectionCodes.has(code) || code.startsWith('08') || /terminat|Connection|connect/i.test(err?.message ?? '')) {
    return new DeskError('UNAVAILABLE', 'the database is not reachable right now; try again in a moment');
  }
  if (code === '28P01' || code === '28000') return new DeskError('UNAVAILABLE', 'the database refused the login (check user name and password)');
  if (code === '3D000') return new DeskError('UNAVAILABLE', 'the database named in the data source does not exist');
  return undefined;
}
