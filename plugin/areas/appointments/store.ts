// Booking and recording appointments; each step also lands on the ticket's timeline (R-CUS-4).
import { transition } from '../../core/transition.js';
import type { OpContext } from '../../core/operation.js';
import { forbidden, notFound, stateError } from '../../core/errors.js';
import { recordEvent } from '../tickets/store.js';
import type { TicketState } from '../tickets/model.js';
import { mustMaskFor, scope } from '../tickets/visibility.js';
import type { AppointmentState } from './model.js';
import type { AppointmentRow } from './schemas.js';

export interface TicketRef {
  id: number;
  number: string;
  state: TicketState;
  targetStaffId: number | null;
}

/** The ticket, if the actor may act on it: in scope, and not the staff member complained about (R-TIC-8). */
export async function ticketFor(ctx: OpContext, ticketId: number): Promise<TicketRef> {
  const [t] = await ctx.sql<TicketRef>('appointments/ticket', { site: ctx.site, ticketId, ...scope(ctx.actor) });
  if (!t) throw notFound(`ticket ${ticketId}`);
  if (mustMaskFor(ctx.actor.id, t)) throw forbidden('the staff member complained about must step aside from this ticket (R-TIC-8)');
  return t;
}

export interface AppointmentFilter {
  ticketId?: number | undefined;
  state?: AppointmentState | undefined;
  assigneeId?: number | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit?: number;
  id?: number;
}

/** Appointments of tickets in the reader's scope (tickets/visibility.ts), by window start. */
export const listAppointments = (ctx: OpContext, f: AppointmentFilter): Promise<AppointmentRow[]> =>
  ctx.sql<AppointmentRow>('appointments/list', {
    site: ctx.site,
    ticketId: f.ticketId ?? null,
    state: f.state ?? null,
    assigneeId: f.assigneeId ?? null,
    from: f.from ?? null,
    to: f.to ?? null,
    limit: f.limit ?? 1,
    ...scope(ctx.actor),
    id: f.id ?? null,
  });

export async function loadAppointment(ctx: OpContext, appointmentId: number): Promise<AppointmentRow> {
  const [row] = await listAppointments(ctx, { id: appointmentId });
  if (!row) throw notFound(`appointment ${appointmentId}`);
  return row;
}

/** Moves a scheduled appointment to its outcome; anything else is a STATE error naming where it stands. */
export async function recordOutcome(
  ctx: OpContext,
  appointmentId: number,
  outcome: Exclude<AppointmentState, 'scheduled'>,
  missedBy: 'resident' | 'staff' | null,
  note: string | null,
  check?: (current: AppointmentRow) => void,
): Promise<AppointmentRow> {
  const current = await loadAppointment(ctx, appointmentId);
  const ticket = await ticketFor(ctx, current.ticketId);
  if (current.state !== 'scheduled') throw stateError(`appointment ${appointmentId} is already ${current.state}`);
  check?.(current);
  await transition(
    ctx,
    'appointments/record',
    { site: ctx.site, id: appointmentId, state: outcome, missedBy, outcomeNote: note, actorId: ctx.actor.id, at: ctx.now },
    `appointment ${appointmentId} was recorded by someone else meanwhile; reload it`,
  );
  await recordEvent(ctx, ticket.id, `appointment.${outcome}`, ticket.state, ticket.state, note ?? undefined, { appointmentId, missedBy });
  const after = await loadAppointment(ctx, appointmentId);
  ctx.audit({ entity: 'appointment', entityId: appointmentId, action: outcome, before: { state: current.state }, after });
  return after;
}
