// Appointments (R-DAY-10): a visit or callback agreed with the resident for a time window, reminded
// through the outbox (notifications.scan), and recorded as done, missed or cancelled.
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { stateError, validation } from '../../core/errors.js';
import { id, instant, note, text, toInstant } from '../../core/schemas.js';
import { recordEvent, staffMember } from '../tickets/store.js';
import { appointmentKinds, appointmentStates, MAX_WINDOW_MS, missedBy } from './model.js';
import { appointmentOut } from './schemas.js';
import { listAppointments, loadAppointment, recordOutcome, ticketFor } from './store.js';
import { resolveTicketId, ticketNumber } from '../tickets/ref.js';

const book = defineOperation({
  name: 'appointments.book',
  title: 'Book an appointment with the resident (visit or callback)',
  description:
    'R-DAY-10: a visit 上门 or callback 回电 agreed for a time window (at most a day). A reminder goes out settings.appointments.reminderMinutes before it opens, and a prompt if it closes with nothing recorded (notifications.scan).',
  access: 'staff',
  kind: 'write',
  idempotent: true,
  input: z.object({
    ticketId: id.optional().describe('ticket the appointment is for (or give ticketNumber)'),
    ticketNumber: ticketNumber.optional(),
    kind: z.enum(appointmentKinds).describe('visit 上门 or callback 回电'),
    from: instant.describe('window opens, e.g. 2026-10-13T14:00'),
    to: instant.describe('window closes, e.g. 2026-10-13T16:00'),
    assigneeId: id.optional().describe('who goes or calls; default you'),
    contact: text(200).optional().describe('who to meet or call, as agreed'),
    note: note(2000).default('').describe('what was agreed'),
  }),
  output: appointmentOut,
  async handler(ctx, input) {
    const from = toInstant(input.from, ctx.zone);
    const to = toInstant(input.to, ctx.zone);
    if (to <= from) throw validation('to', 'the window must close after it opens');
    if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw validation('to', 'a window is at most 24 hours; book several appointments for longer work');
    if (to <= ctx.now) throw validation('to', 'the window is already over; record what happened on the ticket instead');
    const ticket = await ticketFor(ctx, await resolveTicketId(ctx, { id: input.ticketId, number: input.ticketNumber }));
    if (ticket.state === 'closed') throw stateError(`ticket ${ticket.number} is closed; reopen it first`);
    const assigneeId = input.assigneeId ?? ctx.actor.id;
    if (input.assigneeId !== undefined) await staffMember(ctx, input.assigneeId, 'assigneeId');
    const [row] = await ctx.sql<{ id: number }>('appointments/insert', {
      site: ctx.site,
      ticketId: ticket.id,
      kind: input.kind,
      from,
      to,
      assigneeId,
      contact: input.contact ?? null,
      note: input.note,
      actorId: ctx.actor.id,
      at: ctx.now,
    });
    if (!row) throw new Error('appointment insert returned no row');
    await recordEvent(ctx, ticket.id, 'appointment.booked', ticket.state, ticket.state, input.note || undefined, { appointmentId: row.id, kind: input.kind, from, to });
    const booked = await loadAppointment(ctx, row.id);
    ctx.audit({ entity: 'appointment', entityId: row.id, action: 'book', after: booked });
    ctx.emit('appointment.booked', { appointmentId: row.id, ticketId: ticket.id, number: ticket.number, kind: input.kind, windowStart: from, windowEnd: to, assigneeId });
    return booked;
  },
});

const list = defineOperation({
  name: 'appointments.list',
  title: 'Appointments by window',
  description: 'R-DAY-10: the day’s visits and callbacks, or the missed ones (state missed) for the report.',
  access: 'staff',
  kind: 'read',
  input: z.object({
    ticketId: id.optional(),
    ticketNumber: ticketNumber.optional(),
    state: z.enum(appointmentStates).optional().describe('scheduled, done, missed or cancelled'),
    assigneeId: id.optional(),
    from: instant.optional().describe('window opens at or after'),
    to: instant.optional().describe('window opens before'),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  output: z.array(appointmentOut),
  handler: async (ctx, input) =>
    listAppointments(ctx, {
      ...input,
      ticketId: input.ticketNumber === undefined ? input.ticketId : await resolveTicketId(ctx, { id: input.ticketId, number: input.ticketNumber }),
      from: input.from ? toInstant(input.from, ctx.zone) : undefined,
      to: input.to ? toInstant(input.to, ctx.zone) : undefined,
    }),
});

const complete = defineOperation({
  name: 'appointments.complete',
  title: 'Record an appointment as kept',
  access: 'staff',
  kind: 'write',
  input: z.object({ id: id.describe('appointment id'), note: note(2000).optional().describe('what happened') }),
  output: appointmentOut,
  handler: (ctx, input) => recordOutcome(ctx, input.id, 'done', null, input.note ?? null),
});

const miss = defineOperation({
  name: 'appointments.miss',
  title: 'Record a missed appointment',
  description: 'R-DAY-10: once the window has opened; says whose side missed it (reported monthly). Book a new one to try again.',
  access: 'staff',
  kind: 'write',
  input: z.object({
    id: id.describe('appointment id'),
    missedBy: z.enum(missedBy).describe('resident (not at home, did not answer) or staff (did not come or call)'),
    reason: text(1000).describe('what happened'),
  }),
  output: appointmentOut,
  handler: (ctx, input) =>
    recordOutcome(ctx, input.id, 'missed', input.missedBy, input.reason, (current) => {
      if (new Date(current.windowStart) > ctx.now) throw stateError('the window has not opened yet: cancel or rebook instead');
    }),
});

const cancel = defineOperation({
  name: 'appointments.cancel',
  title: 'Cancel an appointment',
  access: 'staff',
  kind: 'write',
  input: z.object({ id: id.describe('appointment id'), reason: text(1000).describe('why') }),
  output: appointmentOut,
  handler: (ctx, input) => recordOutcome(ctx, input.id, 'cancelled', null, input.reason),
});

export default [book, list, complete, miss, cancel];
