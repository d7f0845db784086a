import type { Logger } from '../core/logger.js';
import type { Env } from '../core/runner.js';

/** The service also runs the notification worker; returns a stop function. */
export function startBackground(_env: Env, _logger: Logger): () => void {
  return () => undefined;
}
