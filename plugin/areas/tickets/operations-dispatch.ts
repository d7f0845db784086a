// Dispatch (R-TIC-6, R-TIC-7): assign, transfers between departments, escalation and its one extension.
import { z } from 'zod';
import { transition } from '../../core/transition.js';
import { defineOperation } from '../../core/operation.js';
import { forbidden, stateError, validation } from '../../core/errors.js';
import { atLeast, hasAnyRole } from '../../core/roles.js';
import { id, text } from '../../core/schemas.js';
import { dayClock, dayDue, deadlineClock, loadClocks, saveClocks } from './clocks.js';
import { ticketDetail } from './schemas.js';
import { act, checkDepartment, checkResponsible, staffMember } from './store.js';
import { deadlineInput, futureInstant, optionalNote, ticketRef } from './inputs.js';
import { PREVIOUS } from './model.js';

const stepAside = () => forbidden('the staff member complained about cannot handle this ticket and must step aside (R-TIC-8)');

const assign = defineOperation({
  name: 'tickets.assign',
  title: 'Dispatch a ticket: responsible department, person and deadline',
  description:
    'R-TIC-6: the supervisor names the responsible department, person and deadline 限期. Serious complaints (critical, repeated by a unit, staff conduct) must be dispatched by a manager or director after review (R-TIC-7). Changing the department of a dispatched ticket is a transfer (tickets.requestTransfer).',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({
    ...ticketRef,
    departmentId: id.optional().describe('responsible department; default the current one'),
    assigneeId: id.describe('responsible person (must belong to that department)'),
    deadline: deadlineInput,
    note: optionalNote,
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'assign', async (t, at) => {
      if (t.serious && !hasAnyRole(ctx.actor.roles, ['manager', 'director'])) {
        throw forbidden(`ticket ${t.number} is serious (${t.seriousReasons.join(', ')}): a manager reviews it and names the person and deadline (R-TIC-7)`);
      }
      const departmentId = input.departmentId ?? t.departmentId;
      if (departmentId === null) throw validation('departmentId', 'the first dispatch names the responsible department');
      if (t.departmentId !== null && departmentId !== t.departmentId && t.state !== 'reopened' && t.state !== 'acknowledged') {
        throw stateError('changing the responsible department of a dispatched ticket needs a transfer approved by a director (tickets.requestTransfer)');
      }
      if (input.assigneeId === t.targetStaffId) throw stepAside();
      await checkDepartment(ctx, departmentId, 'departmentId');
      const assignee = await staffMember(ctx, input.assigneeId, 'assigneeId');
      if (assignee.departmentId !== departmentId) throw validation('assigneeId', 'the responsible person must belong to the responsible department');
      const deadline = futureInstant(ctx, input.deadline, 'deadline');
      await saveClocks(ctx, t.id, [deadlineClock(at, deadline)]);
      ctx.emit('ticket.assigned', { ticketId: t.id, number: t.number, departmentId, assigneeId: input.assigneeId, deadlineAt: deadline });
      return {
        next: t.state === 'escalated' ? 'escalated' : 'assigned',
        patch: {
          department_id: departmentId,
          assignee_id: input.assigneeId,
          deadline_at: deadline,
          assigned_at: at,
          ...(t.serious ? { reviewed_by: ctx.actor.id } : {}),
        },
        note: input.note,
        data: { departmentId, assigneeId: input.assigneeId, deadlineAt: deadline },
      };
    }),
});

const requestTransfer = defineOperation({
  name: 'tickets.requestTransfer',
  title: 'Request a transfer to another department',
  description: 'R-TIC-6 transfer slip 《客户投诉转交处理联系单》: needs a director’s approval, then the receiving department accepts it.',
  access: [...atLeast('supervisor'), 'dept_head'],
  kind: 'write',
  input: z.object({ ...ticketRef, toDepartmentId: id.describe('receiving department'), reason: text(1000).describe('why it belongs elsewhere') }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'requestTransfer', async (t, at) => {
      checkResponsible(ctx, t);
      if (input.toDepartmentId === t.departmentId) throw validation('toDepartmentId', 'is already the responsible department');
      await checkDepartment(ctx, input.toDepartmentId, 'toDepartmentId');
      const [slip] = await ctx.sql<{ id: number }>('tickets/transfer-insert', {
        site: ctx.site,
        ticketId: t.id,
        fromDepartmentId: t.departmentId,
        toDepartmentId: input.toDepartmentId,
        reason: input.reason,
        actorId: ctx.actor.id,
        at,
      });
      ctx.emit('ticket.transfer_requested', { ticketId: t.id, number: t.number, transferId: slip?.id ?? null, fromDepartmentId: t.departmentId, toDepartmentId: input.toDepartmentId });
      return { next: 'transfer_pending', patch: { resume_state: t.state }, note: input.reason, data: { toDepartmentId: input.toDepartmentId } };
    }),
});

async function pendingSlip(ctx: Parameters<typeof act>[0], ticketId: number) {
  const [slip] = await ctx.sql<{ id: number; toDepartmentId: number; decision: string | null }>('tickets/transfer-open', { site: ctx.site, ticketId });
  if (!slip) throw stateError('no transfer is in progress for this ticket');
  return slip;
}

const approveTransfer = defineOperation({
  name: 'tickets.approveTransfer',
  title: 'Approve or reject a transfer (director)',
  description: 'R-TIC-6: a director decides the transfer slip. Rejected: the ticket returns to where it was.',
  access: ['director'],
  kind: 'write',
  input: z.object({ ...ticketRef, approve: z.boolean().default(true).describe('false rejects the transfer'), note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'approveTransfer', async (t, at) => {
      const slip = await pendingSlip(ctx, t.id);
      if (slip.decision !== null) throw stateError('the transfer is already approved and waits for the receiving department');
      const decision = input.approve ? 'approved' : 'rejected';
      await transition(ctx, 'tickets/transfer-decide', { site: ctx.site, id: slip.id, decision, actorId: ctx.actor.id, at }, `transfer ${slip.id} was decided meanwhile`);
      return { next: input.approve ? 'transfer_pending' : PREVIOUS, note: input.note, data: { transferId: slip.id, decision } };
    }),
});

const acceptTransfer = defineOperation({
  name: 'tickets.acceptTransfer',
  title: 'Accept a transfer (receiving department)',
  description: 'R-TIC-6: the receiving department’s head or a staff member acknowledges the approved transfer; it becomes the responsible department.',
  access: 'staff',
  kind: 'write',
  input: z.object({ ...ticketRef, assigneeId: id.optional().describe('responsible person in the receiving department; default you'), note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'acceptTransfer', async (t, at) => {
      const slip = await pendingSlip(ctx, t.id);
      if (slip.decision !== 'approved') throw stateError('the transfer waits for a director’s approval');
      if (ctx.actor.departmentId !== slip.toDepartmentId) throw forbidden('only the receiving department accepts a transfer');
      const assigneeId = input.assigneeId ?? ctx.actor.id;
      if (assigneeId === t.targetStaffId) throw stepAside();
      const assignee = await staffMember(ctx, assigneeId, 'assigneeId');
      if (assignee.departmentId !== slip.toDepartmentId) throw validation('assigneeId', 'must belong to the receiving department');
      await transition(ctx, 'tickets/transfer-accept', { site: ctx.site, id: slip.id, actorId: ctx.actor.id, at }, `transfer ${slip.id} was accepted meanwhile`);
      return {
        next: 'assigned',
        patch: { department_id: slip.toDepartmentId, assignee_id: assigneeId, assigned_at: at, resume_state: null },
        note: input.note,
        data: { transferId: slip.id, departmentId: slip.toDepartmentId, assigneeId },
      };
    }),
});

const escalate = defineOperation({
  name: 'tickets.escalate',
  title: 'Escalate a ticket (investigation and written report)',
  description: 'R-TIC-5: escalated cases get an investigation (3 working days, met by tickets.start) and a written report (5 working days, met by tickets.resolve).',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({ ...ticketRef, note: optionalNote }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'escalate', async (t, at) => {
      const cfg = await ctx.config();
      await saveClocks(ctx, t.id, [dayClock(cfg, 'investigation', at, cfg.settings.sla.investigationDays), dayClock(cfg, 'report', at, cfg.settings.sla.reportDays)]);
      ctx.emit('ticket.escalated', { ticketId: t.id, number: t.number, departmentId: t.departmentId, assigneeId: t.assigneeId });
      return { next: 'escalated', patch: { escalated_at: at }, note: input.note };
    }),
});

const extend = defineOperation({
  name: 'tickets.extend',
  title: 'Extend an escalated case (director, once)',
  description: 'R-TIC-5: a director may extend the written-report clock once, to at most settings.sla.maxExtendedDays (7) working days from escalation.',
  access: ['director'],
  kind: 'write',
  input: z.object({
    ...ticketRef,
    days: z.number().int().min(1).max(60).describe('new total of working days for the report, counted from escalation (at most 7 by default)'),
    note: optionalNote,
  }),
  output: ticketDetail,
  handler: (ctx, input) =>
    act(ctx, input, 'extend', async (t) => {
      const cfg = await ctx.config();
      const { maxExtendedDays, reportDays } = cfg.settings.sla;
      if (input.days > maxExtendedDays) throw validation('days', `an extension reaches at most ${maxExtendedDays} working days`);
      if (input.days <= reportDays) throw validation('days', `must exceed the normal ${reportDays} working days`);
      const report = (await loadClocks(ctx, t.id)).find((c) => c.clock === 'report');
      if (!report || report.metAt) throw stateError('this ticket has no running report clock to extend');
      if (report.extended) throw stateError('the report deadline was already extended once; a second extension is not allowed');
      const dueAt = dayDue(cfg, 'report', report.startedAt, input.days);
      await saveClocks(ctx, t.id, [{ ...report, dueAt, extended: true }]);
      return { next: 'escalated', note: input.note, data: { days: input.days, dueAt } };
    }),
});

export default [assign, requestTransfer, approveTransfer, acceptTransfer, escalate, extend];
