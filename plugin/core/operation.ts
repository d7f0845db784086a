import { z } from 'zod';
import type { Access, Role } from './roles.js';
import type { Settings } from './settings.js';
import type { Logger } from './logger.js';
import type { Row, Tx } from '../db/types.js';
import type { StatementName } from '../generated/embedded.js';
import type { WorkingCalendar } from '../time/calendar.js';

export interface Actor {
  /** 0 for an anonymous caller (public operations, first-run bootstrap). */
  id: number;
  name: string;
  roles: Role[];
  departmentId: number | null;
}

export interface AuditEntry {
  entity: string;
  entityId: string | number | null;
  action?: string;
  before?: unknown;
  after?: unknown;
  /** R-DAY-1: when the action happened, if it was entered later (the entry's own time is the audit's `at`). */
  occurredAt?: Date;
}

export interface Journal {
  audits: AuditEntry[];
  events: { event: string; payload: Record<string, unknown> }[];
}

export interface Config {
  settings: Settings;
  calendar: WorkingCalendar;
}

/** Everything a handler may touch. Handlers never open or close transactions. */
export interface OpContext {
  readonly tx: Tx;
  readonly site: string;
  /** IANA time zone of the data source (local dates, ticket numbers, office hours). */
  readonly zone: string;
  readonly now: Date;
  readonly actor: Actor;
  readonly log: Logger;
  /** Runs a statement from plugin/areas/<area>/sql/<name>.sql. */
  sql<R = Row>(name: StatementName, params: readonly unknown[]): Promise<R[]>;
  /** Settings merged with defaults, and the working calendar; loaded once per call. */
  config(): Promise<Config>;
  audit(entry: AuditEntry): void;
  /** R-NOT-1: an event for the outbox, written in this transaction. */
  emit(event: string, payload: Record<string, unknown>): void;
  /**
   * For a write whose last statement also writes its audit and outbox rows (tickets.open, one round trip):
   * the entries so far, which the runner then does not write. Entries after this are refused.
   */
  takeJournal(): Journal;
  /**
   * Runs another operation inside this transaction as the same actor, with its own input validation and
   * access check (documents, handovers and reports reuse reads this way, masking included).
   */
  call(operation: string, input: Record<string, unknown>): Promise<unknown>;
}

export type InputShape = z.ZodObject;

export interface OperationDef<I extends InputShape = InputShape, O extends z.ZodType = z.ZodType> {
  /** `area.verb`, the public contract. */
  name: `${string}.${string}`;
  title: string;
  description?: string;
  access: Access;
  /** Reads never write the audit log; writes always do. */
  kind: 'read' | 'write';
  input: I;
  output: O;
  /** Creating operations take an idempotency key: a retried click returns the first result. */
  idempotent?: boolean;
  /** On an empty database anyone may run it (first staff member, who becomes admin). */
  bootstrap?: boolean;
  /** Constraint name → the sentence a user sees when it is violated. */
  conflicts?: Record<string, string>;
  handler(ctx: OpContext, input: z.output<I>): Promise<z.input<O>>;
}

export type AnyOperation = OperationDef<InputShape, z.ZodType>;

export const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe('Any unique text per click (e.g. {{uuid}}): a retried request returns the first result instead of creating twice');

export function defineOperation<I extends InputShape, O extends z.ZodType>(def: OperationDef<I, O>): AnyOperation {
  const input = def.idempotent ? def.input.extend({ idempotencyKey }) : def.input;
  // Unknown fields are refused: a misspelt field must not be silently ignored.
  return { ...def, input: input.strict() } as unknown as AnyOperation;
}

export const areaOf = (op: Pick<AnyOperation, 'name'>): string => op.name.split('.')[0] ?? op.name;
