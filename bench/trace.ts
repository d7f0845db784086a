// The raw-SQL arm. An operation's statements are taken from the plugin itself: the same runner, in process, on a
// Db that records every statement (text, parameters, time) and then ROLLS BACK, so recording changes nothing.
// The floor then replays exactly those statements on one pooled `pg` client: BEGIN, actor lookup, handler
// statements, audit/outbox insert, COMMIT — no validation, no coercion, no JSON shaping, no result mapping.
//
// Writes replay for real. A rolled-back tickets.open gives its number back (R-TIC-2), so the replay takes the same
// number; ids from identity columns are not given back, so ids returned by the replay replace the recorded ones
// in later parameters (the ticket id tickets/open.sql returns → the report tally, tickets/number.sql, detail reads).
import type pg from 'pg';
import { execute } from '../plugin/core/runner.js';
import { registry } from '../plugin/app.js';
import { pgDb } from '../plugin/db/pg.js';
import type { Db, Tx } from '../plugin/db/types.js';
import type { Identity } from '../plugin/core/actor.js';
import { consoleLogger } from '../plugin/core/logger.js';
import { statements } from '../plugin/generated/embedded.js';

export interface Statement {
  text: string;
  params: unknown[];
  ms: number;
  rows: Record<string, unknown>[];
}

export interface Trace {
  statements: Statement[];
  /** Runner phases (ms) of the recorded in-process call. */
  phases: { total: number; beforeTx: number; inTx: number; afterTx: number };
}

class Rollback extends Error {}

// An unexpected error of a recorded call is the plugin's, and its reason is only in the log.
const logger = consoleLogger('bench-recorder');

export class Recorder {
  private readonly db: Db;
  private current: Statement[] = [];
  private txStart = 0;
  private txEnd = 0;

  constructor(
    options: { connectionString: string; schema: string },
    private readonly env: { site: string; zone: string },
  ) {
    const inner = pgDb({ connectionString: options.connectionString, schema: options.schema, max: 2 });
    const self = this;
    this.db = {
      kind: 'pg',
      schema: inner.schema,
      async transaction<T>(fn: (tx: Tx) => Promise<T>, settle?: (result: T) => T): Promise<T> {
        self.txStart = performance.now();
        let result: T | undefined;
        try {
          await inner.transaction(async (tx) => {
            const recording: Tx = {
              async query<R>(text: string, params?: readonly unknown[]) {
                const t0 = performance.now();
                const rows = await tx.query<R>(text, params);
                self.current.push({ text, params: [...(params ?? [])], ms: performance.now() - t0, rows: rows as Record<string, unknown>[] });
                return rows;
              },
              exec: (text) => tx.exec(text),
            };
            result = await fn(recording);
            throw new Rollback();
          });
        } catch (e) {
          if (!(e instanceof Rollback)) throw e;
        }
        self.txEnd = performance.now();
        return settle ? settle(result as T) : (result as T);
      },
      close: () => inner.close(),
    };
  }

  /** Migrations are applied once per handle; do it before recording so no migration check lands in a trace. */
  async warm(): Promise<void> {
    await execute({ registry, db: this.db, site: this.env.site, zone: this.env.zone, logger }, 'system.info', {}, { kind: 'anonymous' });
  }

  async record(operation: string, input: Record<string, unknown>, userId: string): Promise<Trace> {
    this.current = [];
    const identity: Identity = { kind: 'tooljet', userId, trustActorField: false };
    const t0 = performance.now();
    await execute({ registry, db: this.db, site: this.env.site, zone: this.env.zone, logger }, operation, input, identity);
    const t1 = performance.now();
    return {
      statements: this.current,
      phases: { total: t1 - t0, beforeTx: this.txStart - t0, inTx: this.txEnd - this.txStart, afterTx: t1 - this.txEnd },
    };
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const idColumns = new Set(['id']);

/** INSERT, or a WITH whose statements insert (tickets/open.sql, tickets/number.sql), after any leading `--` comment lines of the .sql file. */
const isInsert = (text: string): boolean => /^(insert\b|with\b[\s\S]*\binsert\s+into\b)/i.test(text.replace(/^(\s*--[^\n]*\n)*\s*/, ''));

/** Replays a trace in one transaction on one pooled client. */
export async function replay(pool: pg.Pool, trace: Trace): Promise<void> {
  const client = await pool.connect();
  const swap = new Map<unknown, unknown>();
  try {
    await client.query('begin');
    for (const s of trace.statements) {
      // Arrays too: reports/tally takes the ticket ids as one array parameter.
      const swapped = (p: unknown): unknown => (swap.has(p) ? swap.get(p) : p);
      const params = swap.size === 0 ? s.params : s.params.map((p) => (Array.isArray(p) ? p.map(swapped) : swapped(p)));
      const res = await client.query(s.text, params);
      // An INSERT … RETURNING id gives a new id on replay: later statements must use it.
      if (isInsert(s.text) && s.rows.length === 1 && res.rows.length === 1) {
        for (const key of Object.keys(s.rows[0]!)) {
          if (!idColumns.has(key)) continue;
          const before = s.rows[0]![key];
          const after = Number(res.rows[0][key]);
          if (before !== after) swap.set(before, after);
        }
      }
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/**
 * The statement that locks the year's ticket counter (R-TIC-2): tickets/number.sql through ticket_take_number
 * (migration 018), or any statement upserting ticket_numbers itself. It stays locked from here until commit.
 */
export const takesNumber = (text: string): boolean => /\binsert\s+into\s+ticket_numbers\b|\bticket_take_number\s*\(/i.test(text);

const names = new Map(Object.entries(statements).map(([name, text]) => [text as string, name]));

/** A label for a statement in the runner breakdown: its queries/ file name, or what the runner does with it. */
export function labelOf(text: string): string {
  const named = names.get(text);
  if (named) return named;
  if (/from staff s where s\.site/.test(text)) return 'runner: actor lookup';
  if (/insert into audit_log/.test(text)) return 'runner: audit+outbox';
  if (/from settings where site/.test(text)) return 'runner: config (settings+calendar)';
  if (/idempotency_keys/.test(text)) return 'runner: idempotency';
  return text.replace(/\s+/g, ' ').slice(0, 60);
}
