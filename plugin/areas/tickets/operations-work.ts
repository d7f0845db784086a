// Handling and closure: start, wait for the customer, resolve, sign off, reply, callback, close, reopen (R-TIC-9, R-TIC-10).
import { z } from 'zod';
import { transition } from '../../core/transition.js';
import { defineOperation } from '../../core/operation.js';
import { forbidden } from '../../core/errors.js';
import { atLeast } from '../../core/roles.js';
import { localDate as localDateInput, note, text } from '../../core/schemas.js';
import { deadlineClock, saveClocks } from './clocks.js';
import { callbackDueOn, scheduleCallback } from '../callbacks/schedule.js';
import { ticketDetail } from './schemas.js';
import { act, checkResponsible } from './store.js';
import { checkGuard } from './model.js';
import { deadlineInput, futureInstant, optionalNote, ticketRef } from './inputs.js';
import { callbackKinds, outcomes, type TicketPatch, type TicketRow } from './types.js';
import type { OpContext } from '../../core/operation.js';

const start = defineOperation({
  name: 'tickets.start',
  title: 'Start work on a ticket',
  description: 'The responsible person starts handling. On an escalated case this ends the investigation clock.',
  access: 'staff',
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'start', async (t, at) => {
      checkResponsible(ctx, t);
      return { next: 'in_progress', patch: { started_at: at }, note: input.note };
    }),
});

const waitCustomer = defineOperation({
  name: 'tickets.waitCustomer',
  title: 'Wait for the customer (pause the clocks)',
  description: 'R-TIC-5: while waiting for the customer every running SLA clock is paused with the time it had left.',
  access: 'staff',
  kind: 'write',
  input: z.object({ ...ticketRef, note: text(1000).describe('what the customer has to do or provide') }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'waitCustomer', async (t, at) => {
      checkResponsible(ctx, t);
      return { next: 'waiting_customer', patch: { resume_state: t.state, paused_at: at }, note: input.note };
    }),
});

const resumeOp = defineOperation({
  name: 'tickets.resume',
  title: 'Resume after waiting for the customer',
  description: 'The paused clocks run again with the time they had left (S-SLA-6); the ticket returns to its previous state.',
  access: 'staff',
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'resume', async (t, _at) => {
      checkResponsible(ctx, t);
      return { next: 'previous', patch: { paused_at: null }, note: input.note };
    }),
});

const resolve = defineOperation({
  name: 'tickets.resolve',
  title: 'Record the resolution (cause, action, result)',
  description: 'R-TIC-9: the responsible department records cause, action and result; its head then signs off. Stops the repair, report and deadline clocks.',
  access: 'staff',
  kind: 'write',
  input: z.object({
    ...ticketRef,
    cause: text(2000).describe('原因: what caused it'),
    action: text(2000).describe('处理措施: what was done'),
    result: text(2000).describe('处理结果: the outcome'),
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'resolve', async (t, at) => {
      checkResponsible(ctx, t);
      return {
        next: 'resolved',
        patch: { resolved_at: at, cause: input.cause, action: input.action, result: input.result, signed_off_at: null, signed_off_by: null },
      };
    }),
});

const signOff = defineOperation({
  name: 'tickets.signOff',
  title: 'Sign off the resolution (department head)',
  description: 'R-TIC-9: the head of the responsible department signs the resolution record 《客户报修/投诉/求助记录》. A complaint about a staff member needs the manager’s finding first (R-DAY-3).',
  access: ['dept_head'],
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'signOff', (t, at) => {
      if (ctx.actor.departmentId === null || ctx.actor.departmentId !== t.departmentId) {
        throw forbidden('only the head of the responsible department signs off the resolution');
      }
      if (t.targetStaffId === ctx.actor.id) throw forbidden('the staff member complained about must step aside (R-TIC-8)');
      checkGuard(t, 'signOff');
      return { next: 'resolved', patch: { signed_off_at: at, signed_off_by: ctx.actor.id }, note: input.note };
    }),
});

const reply = defineOperation({
  name: 'tickets.reply',
  title: 'Reply to the customer (first-contact owner)',
  description:
    'R-TIC-9: after sign-off, the first-contact owner 首问责任人 gives the final reply. Complaints and repairs get a callback scheduled (R-TIC-10): repairs the working day after completion, complaints 15 days after the reply.',
  access: atLeast('agent'),
  kind: 'write',
  input: z.object({ ...ticketRef, replyText: note(4000).describe('what the customer was told') }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'reply', async (t, at) => {
      if (t.firstOwnerId !== ctx.actor.id) throw forbidden('only the first-contact owner replies to the customer (R-TIC-3)');
      checkGuard(t, 'reply');
      if (callbackKinds.includes(t.kind)) {
        const base = t.kind === 'repair' ? (t.resolvedAt ?? at) : at;
        await scheduleCallback(ctx, t, callbackDueOn(await ctx.config(), t.kind, base));
      }
      return { next: 'replied', patch: { replied_at: at, reply_text: input.replyText } };
    }),
});

/** Shared by a dissatisfied callback and a manager's reopen: clears sign-off and closure, optional new deadline. */
async function reopenPatch(ctx: OpContext, t: TicketRow, deadline: Date | null, at: Date): Promise<TicketPatch> {
  if (deadline) await saveClocks(ctx, t.id, [deadlineClock(at, deadline)]);
  ctx.emit('ticket.reopened', { ticketId: t.id, number: t.number, deadlineAt: deadline });
  return {
    reopened_count: t.reopenedCount + 1,
    signed_off_at: null,
    signed_off_by: null,
    closed_at: null,
    ...(deadline ? { deadline_at: deadline } : {}),
  };
}

const recordCallback = defineOperation({
  name: 'tickets.recordCallback',
  title: 'Record a callback 回访',
  description:
    'R-TIC-10: outcome, comment and callback staff. Satisfied closes the ticket; dissatisfied reopens it with a new deadline 限期整改 (given here or later by tickets.assign) and schedules the next callback.',
  access: atLeast('agent'),
  kind: 'write',
  input: z.object({
    ...ticketRef,
    outcome: z.enum(outcomes).describe('satisfied 满意, basically_satisfied 基本满意, dissatisfied 不满意'),
    comment: note(2000).optional().describe('what the customer said'),
    deadline: deadlineInput.optional().describe('dissatisfied: new deadline for the rework (限期整改)'),
    nextCallbackOn: localDateInput.optional().describe('dissatisfied: date of the next callback; default by the callback rules from the new deadline'),
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'recordCallback', async (t, at) => {
      const dissatisfied = input.outcome === 'dissatisfied';
      const deadline = dissatisfied && input.deadline ? futureInstant(ctx, input.deadline, 'deadline') : null;
      await transition(
        ctx,
        'callbacks/complete',
        { site: ctx.site, ticketId: t.id, doneAt: at, outcome: input.outcome, comment: input.comment ?? null, staffId: ctx.actor.id, enteredAt: ctx.now },
        'no callback is scheduled for this ticket',
      );
      const data = { outcome: input.outcome };
      if (!dissatisfied) return { next: 'closed', patch: { closed_at: at }, note: input.comment, data };
      await scheduleCallback(ctx, t, input.nextCallbackOn ?? callbackDueOn(await ctx.config(), t.kind, deadline ?? at));
      return { next: 'reopened', patch: await reopenPatch(ctx, t, deadline, at), note: input.comment, data };
    }),
});

const close = defineOperation({
  name: 'tickets.close',
  title: 'Close a replied ticket',
  description: 'R-TIC-10: with a callback still due the ticket waits in callback_pending (the callback closes it); otherwise it is closed.',
  access: atLeast('agent'),
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'close', async (t, at) => {
      const [open] = await ctx.sql('callbacks/open', { site: ctx.site, ticketId: t.id });
      return open ? { next: 'callback_pending', note: input.note } : { next: 'closed', patch: { closed_at: at }, note: input.note };
    }),
});

const reopen = defineOperation({
  name: 'tickets.reopen',
  title: 'Reopen a ticket (manager)',
  description: 'Reopens a resolved, replied or closed ticket for rework, optionally with a new deadline; the dispatcher then assigns it.',
  access: atLeast('manager'),
  kind: 'write',
  input: z.object({ ...ticketRef, reason: text(1000).describe('why it is reopened'), deadline: deadlineInput.optional() }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'reopen', async (t, at) => {
      const deadline = input.deadline ? futureInstant(ctx, input.deadline, 'deadline') : null;
      return { next: 'reopened', patch: await reopenPatch(ctx, t, deadline, at), note: input.reason };
    }),
});

export default [start, waitCustomer, resumeOp, resolve, signOff, reply, recordCallback, close, reopen];
