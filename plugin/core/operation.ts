import { z } from 'zod';
import type { Access, Role } from './roles.js';
import type { Settings } from './settings.js';
import type { Logger } from './logger.js';
import type { Row, Tx } from '../db/types.js';
import type { StatementArgs } from './statement.js';
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
  /** Runs plugin/areas/<area>/sql/<name>.sql with its `:named` parameters: `ctx.sql('loans/lock', { site: ctx.site, loanId })`. */
  sql<R = Row>(...args: StatementArgs): Promise<R[]>;
  /**
   * `sql` for rows that leave as they are read (pages of a search): instants arrive as the text results carry
   * ("2026-10-09T16:00:00+08:00", core/json.ts), so the JSON copy of the result has no Date left to format.
   */
  sqlForOutput<R = Row>(...args: StatementArgs): Promise<R[]>;
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
   * access check (documents, handovers and reports reuse reads this way, masking included). The result is
   * the JSON an outside caller would get.
   */
  call<N extends OpName>(operation: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** `call` for input passed through from this operation's own caller: checked by the target at run time. */
  relay(operation: OpName, input: Record<string, unknown>): Promise<unknown>;
  /** Whether the actor passes `operation`'s access check (to leave out a part they may not see). */
  may(operation: OpName): boolean;
}

export type InputShape = z.ZodObject;

export interface OperationDef<N extends OperationName, I extends InputShape, O extends z.ZodType> {
  /** `area.verb`, the public contract. */
  name: N;
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
  // NoInfer: the output type comes from `output`, never from the handler's body (which may use ctx.call).
  handler(ctx: OpContext, input: z.output<I>): Promise<NoInfer<z.input<O>>>;
}

export type OperationName = `${string}.${string}`;

/** A declared operation: its name, accepted input (strict; with idempotencyKey when idempotent) and output are types. */
export interface Operation<N extends OperationName = OperationName, I extends InputShape = InputShape, O extends z.ZodType = z.ZodType> extends Omit<OperationDef<N, I, O>, 'handler'> {
  handler(ctx: OpContext, input: z.output<I>): Promise<z.input<O>>;
}

export type AnyOperation = Operation;

export const idempotencyKey = z.string().min(1).max(200).optional().describe('Any unique text per click (e.g. {{uuid}}): a retried request returns the first result instead of creating twice');

type Strict<I extends InputShape> = z.ZodObject<I['shape'], z.core.$strict>;
type Keyed<I extends InputShape> = z.ZodObject<I['shape'] & { idempotencyKey: typeof idempotencyKey }, z.core.$strict>;

export function defineOperation<const N extends OperationName, I extends InputShape, O extends z.ZodType>(def: OperationDef<N, I, O> & { idempotent: true }): Operation<N, Keyed<I>, O>;
export function defineOperation<const N extends OperationName, I extends InputShape, O extends z.ZodType>(def: OperationDef<N, I, O> & { idempotent?: false }): Operation<N, Strict<I>, O>;
export function defineOperation(def: OperationDef<OperationName, InputShape, z.ZodType>): AnyOperation {
  const input = def.idempotent ? def.input.extend({ idempotencyKey }) : def.input;
  // Unknown fields are refused: a misspelt field must not be silently ignored.
  return { ...def, input: input.strict() };
}

/**
 * The composition root (plugin/app.ts) registers its operation list here, so OpName, InputOf and
 * OutputOf are exact types while core imports no area.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in plugin/app.ts
export interface Register {}
type Registered = Register extends { operations: readonly (infer T)[] } ? T : AnyOperation;
export type OpName = Registered extends Operation<infer N> ? N : never;
export type OpOf<N extends OpName> = Extract<Registered, { name: N }>;
export type InputOf<N extends OpName> = z.input<OpOf<N>['input']>;
export type OutputOf<N extends OpName> = z.output<OpOf<N>['output']>;

export const areaOf = (op: Pick<AnyOperation, 'name'>): string => op.name.split('.')[0] ?? op.name;
