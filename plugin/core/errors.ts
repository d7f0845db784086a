// Errors are values with a fixed set of codes; adapters map them once (tooljet/query-error.ts, server/http.ts).
export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'STATE', 'UNAVAILABLE', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface Issue {
  path: string;
  message: string;
}

export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  toJSON(): { code: ErrorCode; message: string; issues: Issue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

export const validation = (path: string, message: string): DeskError => new DeskError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
export const notFound = (what: string): DeskError => new DeskError('NOT_FOUND', `${what} not found`);
export const forbidden = (message: string): DeskError => new DeskError('FORBIDDEN', message);
export const conflict = (message: string): DeskError => new DeskError('CONFLICT', message);
export const stateError = (message: string): DeskError => new DeskError('STATE', message);
export const unavailable = (message: string): DeskError => new DeskError('UNAVAILABLE', message);

export const isDeskError = (e: unknown): e is DeskError => e instanceof DeskError;
