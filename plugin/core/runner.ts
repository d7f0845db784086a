import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DeskError, isDeskError } from './errors.js';
import { parseInput } from './coerce.js';
import { authorize, checkAccess, mayRun, type Identity } from './actor.js';
import { loadConfig } from './config.js';
import { areaOf, type AnyOperation, type AuditEntry, type Config, type InputOf, type Journal, type OpContext, type OpName, type OutputOf } from './operation.js';
import { findOperation, type Registry } from './registry.js';
import { silentLogger, type Logger } from './logger.js';
import type { Db, Tx } from '../db/types.js';
import { isRetryable, translatePgError } from '../db/pg-errors.js';
import { ensureMigrated } from '../db/ready.js';
import { resultJson, toJson } from './json.js';
import { runForOutput, runStatement, type StatementArgs } from './statement.js';

export interface Env {
  /** The operations this runner knows (plugin/app.ts). */
  registry: Registry;
  db: Db;
  /** 管理处 / property this data source serves; leads every key. */
  site: string;
  zone: string;
  logger?: Logger;
  /** Tests pin time; production uses the wall clock. */
  clock?: () => Date;
  /** Tests check every result against the declared output schema. */
  checkOutput?: boolean;
}

const maxAttempts = 3;

/**
 * The one runner: begin → actor lookup (the input validated meanwhile) → role → handler → audit and outbox →
 * commit. The result is JSON, as the operation's output schema describes it; callers that know the name get its
 * type through createCaller (core/caller.ts).
 */
export async function execute<R = unknown>(env: Env, name: string, raw: unknown, identity: Identity): Promise<R>;
export async function execute(env: Env, name: string, raw: unknown, identity: Identity): Promise<unknown> {
  const log = env.logger ?? silentLogger;
  try {
    const op = findOperation(env.registry, name);
    await ensureMigrated(env.db);
    for (let attempt = 1; ; attempt++) {
      try {
        // The input is parsed inside the transaction, while BEGIN and the actor lookup are on the wire (runInTx),
        // and the result is copied to JSON while COMMIT is (db/types.ts): that work overlaps a round trip.
        // A Db wrapper that drops `settle` (a test's recorder) still gets a JSON result, shaped here instead.
        let shaped = false;
        const returned = await env.db.transaction(
          (tx) => runInTx(env, op, raw, identity, tx, log),
          (r) => {
            shaped = true;
            return resultJson(r, env.zone);
          },
        );
        const result = shaped ? returned : resultJson(returned, env.zone);
        if (env.checkOutput) op.output.parse(result);
        return result;
      } catch (e) {
        if (attempt < maxAttempts && isRetryable(e)) continue;
        throw e;
      }
    }
  } catch (e) {
    throw toDeskError(e, env.registry.get(name), log);
  }
}

function toDeskError(e: unknown, op: AnyOperation | undefined, log: Logger): DeskError {
  if (isDeskError(e)) return e;
  if (e instanceof z.ZodError) {
    const ref = randomUUID().slice(0, 8);
    log.error('output did not match its schema', { ref, operation: op?.name, issues: e.issues });
    return new DeskError('INTERNAL', `unexpected result shape (reference ${ref})`);
  }
  const translated = translatePgError(e, op?.conflicts);
  if (translated) return translated;
  const ref = randomUUID().slice(0, 8);
  log.error('unexpected error', { ref, operation: op?.name, error: String((e as Error)?.message ?? e) });
  return new DeskError('INTERNAL', `unexpected error (reference ${ref}); the administrator can find it in the server log`);
}

async function runInTx(env: Env, op: AnyOperation, raw: unknown, identity: Identity, tx: Tx, log: Logger) {
  // The lookup goes out first; a bad input is still reported before who is asking, and writes nothing.
  const lookup = authorize(tx, env.site, op, identity);
  let input: Record<string, unknown>;
  try {
    input = parseInput(op, raw) as Record<string, unknown>;
  } catch (e) {
    await lookup.catch(() => undefined);
    throw e;
  }
  const actor = await lookup;
  const { idempotencyKey, ...args } = input;
  if (typeof idempotencyKey === 'string') {
    const key = { site: env.site, operation: op.name, key: idempotencyKey };
    const claimed = await runStatement(tx, 'core/idempotency-claim', key);
    if (claimed.length === 0) {
      const [prior] = await runStatement<{ result: unknown }>(tx, 'core/idempotency-prior', key);
      return prior?.result;
    }
  }
  const audits: AuditEntry[] = [];
  const events: Journal['events'] = [];
  let journalTaken = false;
  const journal = (): Journal => {
    if (journalTaken) throw new Error('the audit and outbox entries of this call were already written');
    return { audits, events };
  };
  let config: Promise<Config> | undefined;
  const now = env.clock?.() ?? new Date();
  const call = async (operation: string, callInput: unknown): Promise<unknown> => {
    const inner = findOperation(env.registry, operation);
    checkAccess(inner, actor);
    return toJson(await inner.handler(ctx, parseInput(inner, callInput)), env.zone);
  };
  const ctx: OpContext = {
    tx,
    site: env.site,
    zone: env.zone,
    now,
    actor,
    log,
    sql: <R>(...args: StatementArgs) => runStatement<R>(tx, ...args),
    sqlForOutput: <R>(...args: StatementArgs) => runForOutput<R>(tx, env.zone, ...args),
    config: () => (config ??= loadConfig(tx, env.site, env.zone)),
    audit: (entry) => void journal().audits.push(entry),
    emit: (event, payload) => void journal().events.push({ event, payload }),
    takeJournal() {
      const taken = journal();
      journalTaken = true;
      return taken;
    },
    call: <N extends OpName>(operation: N, callInput: InputOf<N>) => call(operation, callInput) as Promise<OutputOf<N>>,
    relay: (operation, relayed) => call(operation, relayed),
    may: (operation) => mayRun(findOperation(env.registry, operation), actor),
  };
  const result = await op.handler(ctx, args);
  if (op.kind === 'write' && !journalTaken) {
    if (audits.length === 0) audits.push({ entity: areaOf(op), entityId: null, after: result });
    await runStatement(tx, 'core/journal', {
      site: env.site,
      now,
      actorId: actor.id,
      operation: op.name,
      audits: JSON.stringify(audits),
      events: JSON.stringify(events),
    });
  }
  if (typeof idempotencyKey === 'string') {
    await runStatement(tx, 'core/idempotency-result', { site: env.site, operation: op.name, key: idempotencyKey, result: JSON.stringify(toJson(result, env.zone)) });
  }
  return result;
}
