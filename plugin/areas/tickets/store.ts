// The one path every ticket transition takes: lock → version check → state machine → change → timeline → audit.
import { transition } from '../../core/transition.js';
import { applyClockEffects } from './clock-effects.js';
import type { OpContext } from '../../core/operation.js';
import { conflict, forbidden, notFound, validation } from '../../core/errors.js';
import { hasAnyRole } from '../../core/roles.js';
import { checkTransition, PREVIOUS, type TicketAction, type TicketState } from './model.js';
import type { TicketPatch, TicketRow } from './types.js';
import { loadDetail, type TicketDetail } from './detail.js';
import { resolveTicketId, type TicketKey } from './ref.js';
import { occurredAt } from '../../core/occurred.js';
import { factsBefore, tally } from '../reports/rollup.js';

export interface TicketRef extends TicketKey {
  expectedVersion?: number | undefined;
  /** R-DAY-1: when the action really happened, if entered later. */
  occurredAt?: string | undefined;
}

export interface Decision {
  /** One of the states the table allows for this action; PREVIOUS restores resume_state. */
  next: TicketState | typeof PREVIOUS;
  patch?: TicketPatch;
  note?: string | undefined;
  data?: Record<string, unknown>;
}

/** Locks the ticket row for this transaction; a stale expectedVersion is a CONFLICT. */
export async function lockTicket(ctx: OpContext, ref: TicketRef): Promise<TicketRow> {
  const id = await resolveTicketId(ctx, ref);
  const [row] = await ctx.sql<TicketRow>('tickets/lock', { site: ctx.site, id });
  if (!row) throw notFound(`ticket ${id}`);
  if (ref.expectedVersion !== undefined && ref.expectedVersion !== row.version) {
    throw conflict(`ticket ${row.number} was changed by someone else (version ${row.version}, you had ${ref.expectedVersion}); reload and try again`);
  }
  return row;
}

/**
 * Runs one action on a ticket. `decide` sees the locked row and the instant the action happened (`at`:
 * occurredAt, or now; clocks are judged on it, R-DAY-1) and may throw (nothing is written yet); it returns
 * the next state and the columns to change. Returns the ticket as the actor now sees it.
 */
export async function act(ctx: OpContext, ref: TicketRef, action: TicketAction, decide: (ticket: TicketRow, at: Date) => Promise<Decision> | Decision): Promise<TicketDetail> {
  const ticket = await lockTicket(ctx, ref);
  // reports.monthly's rollup follows every change of the ticket, its clocks and its callbacks (issue 17)
  const before = await factsBefore(ctx, [ticket.id]);
  const allowed = checkTransition(ticket.state, action);
  const at = await occurredAt(ctx, ref.occurredAt, ticket.lastEventAt);
  const decision = await decide(ticket, at);
  if (!allowed.includes(decision.next)) throw new Error(`machine table does not allow ${ticket.state} --${action}--> ${decision.next}`);
  const next = decision.next === PREVIOUS ? (ticket.resumeState ?? 'assigned') : decision.next;
  const patch: TicketPatch = decision.next === PREVIOUS ? { resume_state: null, ...decision.patch } : (decision.patch ?? {});
  await applyClockEffects(ctx, ticket.id, action, at);
  await transition(
    ctx,
    'tickets/patch',
    { site: ctx.site, id: ticket.id, state: next, patch: JSON.stringify(patch), now: ctx.now, fromState: ticket.state },
    `ticket ${ticket.number} changed meanwhile; reload it`,
  );
  await recordEvent(ctx, ticket.id, action, ticket.state, next, decision.note, decision.data ?? {}, at);
  await tally(ctx, [ticket.id], before);
  ctx.audit({
    entity: 'ticket',
    entityId: ticket.id,
    action,
    occurredAt: at,
    before: { state: ticket.state, version: ticket.version },
    after: { state: next, version: ticket.version + 1, ...patch },
  });
  return loadDetail(ctx, ticket.id);
}

export async function recordEvent(
  ctx: OpContext,
  ticketId: number,
  operation: string,
  from: TicketState | null,
  to: TicketState,
  note: string | undefined,
  data: Record<string, unknown>,
  /** When it happened (R-DAY-1); default now. */
  at: Date = ctx.now,
): Promise<void> {
  await ctx.sql('tickets/event', {
    site: ctx.site,
    ticketId,
    operation,
    fromState: from,
    toState: to,
    actorId: ctx.actor.id,
    note: note ?? null,
    data: JSON.stringify(data),
    at,
    enteredAt: ctx.now,
  });
}

export interface StaffMember {
  id: number;
  departmentId: number | null;
  roles: string[];
  active: boolean;
}

export async function staffMember(ctx: OpContext, id: number, field: string): Promise<StaffMember> {
  const [row] = await ctx.sql<StaffMember>('tickets/staff-member', { site: ctx.site, id });
  if (!row?.active) throw validation(field, `no active staff member ${id}`);
  return row;
}

/**
 * R-DAY-6: the customer an intake names must exist (NOT_FOUND), and a unit given with it must be theirs
 * (VALIDATION naming both). Returns the unit to record: the one given, or the customer's.
 */
export async function intakeCustomer(ctx: OpContext, customerId: number, unit: string | undefined): Promise<string> {
  const [customer] = await ctx.sql<{ unit: string }>('tickets/customer-unit', { site: ctx.site, customerId });
  if (!customer) throw notFound(`customer ${customerId}`);
  if (unit !== undefined && unit.toUpperCase() !== customer.unit.toUpperCase()) {
    throw validation('unit', `unit ${unit} is not the unit of customer ${customerId} (${customer.unit})`);
  }
  return unit ?? customer.unit;
}

export async function checkDepartment(ctx: OpContext, id: number, field: string): Promise<void> {
  const [row] = await ctx.sql('tickets/department-exists', { site: ctx.site, id });
  if (!row) throw validation(field, `no active department ${id}`);
}

const isDesk = (ctx: OpContext) => hasAnyRole(ctx.actor.roles, ['supervisor', 'manager', 'director']);

/** Work on a ticket is done by its assignee, its responsible department, or the desk's supervisors. */
export function checkResponsible(ctx: OpContext, t: TicketRow): void {
  if (t.targetStaffId === ctx.actor.id) throw forbidden('the staff member complained about must step aside from this ticket (R-TIC-8)');
  const ownDept = ctx.actor.departmentId !== null && ctx.actor.departmentId === t.departmentId;
  if (t.assigneeId !== ctx.actor.id && !ownDept && !isDesk(ctx)) {
    throw forbidden(`only the responsible department or person of ticket ${t.number} may do this`);
  }
}
