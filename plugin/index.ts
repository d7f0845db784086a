import { execute } from './core/runner.js';
import { consoleLogger } from './core/logger.js';
import { DeskError, isDeskError } from './core/errors.js';
import { findOperation } from './core/registry.js';
import { registry } from './app.js';
import { ensureMigrated } from './db/ready.js';
import { schemaVersion, latestSchemaVersion } from './db/migrate.js';
import { translatePgError } from './db/pg-errors.js';
import { cachedDb, closeAll, dbFor } from './tooljet/connections.js';
import { parseSourceOptions } from './tooljet/source-options.js';
import { queryInput } from './tooljet/query-input.js';
import { toQueryError } from './tooljet/query-error.js';
import { flushNotifications } from './tooljet/notify.js';
import type { ConnectionTestResult, QueryResult, QueryService, RunContext } from './tooljet/types.js';

export { QueryError } from './tooljet/query-error.js';
/** Called by the bundle's entry (plugin/tooljet/entry.cts) when a newer build replaces this one in the process. */
export const retire = closeAll;

// ToolJet's server keeps the plugin's stderr in its log: unexpected errors are written there with a reference.
const logger = consoleLogger('customerdesk');

/** The ToolJet adapter: look the operation up, hand it to the one runner, map errors once. */
export default class CustomerDesk implements QueryService {
  async run(sourceOptions: unknown, queryOptions: Record<string, unknown>, dataSourceId?: string, dataSourceUpdatedAt?: string | Date, context?: RunContext): Promise<QueryResult> {
    try {
      const source = parseSourceOptions(sourceOptions);
      const name = String(queryOptions?.operation ?? '');
      const op = findOperation(registry, name);
      const db = cachedDb(source, dataSourceId, dataSourceUpdatedAt);
      const actorField = typeof queryOptions.actor === 'string' && queryOptions.actor !== '' ? queryOptions.actor : undefined;
      const data = await execute({ registry, db, site: source.site, zone: source.time_zone, logger }, name, queryInput(op, queryOptions), {
        kind: 'tooljet',
        userId: context?.user?.id,
        actorField,
        trustActorField: source.trust_actor_field,
      });
      if (op.kind === 'write') await flushNotifications(db, source);
      return { status: 'ok', data: (data ?? {}) as QueryResult['data'] };
    } catch (e) {
      throw toQueryError(isDeskError(e) ? e : new DeskError('INTERNAL', 'unexpected error'));
    }
  }

  /** Connects, applies pending migrations, and reports the schema version — or says what is wrong. */
  async testConnection(sourceOptions: unknown): Promise<ConnectionTestResult> {
    let db: ReturnType<typeof dbFor> | undefined;
    try {
      const source = parseSourceOptions(sourceOptions);
      db = dbFor(source);
      await ensureMigrated(db);
      const version = await schemaVersion(db);
      return { status: 'ok', message: `Connected. Schema "${source.schema}" is at version ${version} of ${latestSchemaVersion}.` };
    } catch (e) {
      const error = isDeskError(e) ? e : translatePgError(e);
      return { status: 'failed', message: error?.message ?? 'could not connect to the database' };
    } finally {
      await db?.close().catch(() => undefined);
    }
  }
}
