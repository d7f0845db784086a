import type { ErrorCode } from './errors.js';

// The one table from error code to HTTP status (used by the local service and its OpenAPI document).
export const httpStatus: Record<ErrorCode, number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STATE: 422,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};
