import { z } from 'zod';
import { DateTime } from 'luxon';
import { defineOperation } from '../../core/operation.js';
import { atLeast, hasAnyRole } from '../../core/roles.js';
import { conflict, forbidden, stateError, validation } from '../../core/errors.js';
import { decodeCursor, id, localDate, month, page, pageInput, pageOf, text } from '../../core/schemas.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { occurredAt, occurredAtInput } from '../../core/occurred.js';
import { addWorkingDays, sameDayDue } from '../../time/calendar.js';
import { loadArchive } from '../archives/documents.js';
import { loanOut, loanStates, places } from './model.js';
import { transition } from '../../core/transition.js';
import { listLoans, loadLoan, loanStep, queueHead } from './query.js';
import { loanRegister, registerOut } from './register.js';

// Every loan action says which loan and, if entered later, when it really happened (R-DAY-1).
const loanId = z.object({ id: id.describe('loan id'), occurredAt: occurredAtInput });
const managers = atLeast('manager');
const oneOut = { loans_one_out_per_archive: 'this archive is already out on another loan; the request waits in the queue (R-LEN-4)' };
const startOfDay = (day: string, zone: string): Date => DateTime.fromISO(day, { zone }).toJSDate();

export default [
  defineOperation({
    name: 'loans.request',
    title: 'Request to borrow an archive (借阅申请)',
    description: 'Read in the office by default; take-out only when the settings allow it and never for a confidential customer (R-LEN-5). Vacated archives can be lent too (R-LEN-6).',
    access: [...atLeast('agent'), 'dept_head'],
    kind: 'write',
    idempotent: true,
    input: z.object({
      archiveId: id.describe('archive id (customers.get → archiveId)'),
      purpose: text(500).describe('why the archive is needed'),
      place: z.enum(places).default('in_office').describe('in_office (read in the customer-service office) or take_out'),
      custom: z.record(z.string(), z.unknown()).optional().describe('department-defined loan fields (forms.get for loan)'),
      occurredAt: occurredAtInput,
    }),
    output: loanOut,
    async handler(ctx, input) {
      const archive = await loadArchive(ctx, input.archiveId);
      if (input.place === 'take_out') {
        if (archive.confidential) throw validation('place', 'a confidential archive is read in the office only (in_office, R-LEN-5)');
        const { settings } = await ctx.config();
        if (!settings.loans.takeOutAllowed) throw validation('place', 'take-out loans are not allowed by the settings (loans.takeOutAllowed); choose in_office');
      }
      const custom = await checkCustomValues(ctx, 'loan', input.custom);
      const at = await occurredAt(ctx, input.occurredAt, null);
      const [row] = await ctx.sql<{ id: number }>('loans/insert', {
        site: ctx.site,
        archiveId: archive.id,
        borrowerId: ctx.actor.id,
        purpose: input.purpose,
        place: input.place,
        requestedAt: at,
        custom: JSON.stringify(custom.custom),
        formVersion: custom.formVersion,
        now: ctx.now,
      });
      const loan = await loadLoan(ctx, row!.id);
      ctx.audit({ entity: 'loan', entityId: loan.id, action: 'request', after: loan, occurredAt: at });
      return loan;
    },
  }),
  defineOperation({
    name: 'loans.approve',
    title: 'Approve a loan request (经理批准)',
    description: 'Manager or director; never the requester (R-LEN-2). If the archive is out, the approved request waits as a hold (R-LEN-8).',
    access: managers,
    kind: 'write',
    input: loanId,
    output: loanOut,
    async handler(ctx, input) {
      const loan = await loanStep(ctx, input, 'approve', async (l, at) => {
        if (l.borrowerId === ctx.actor.id) throw forbidden('you cannot approve your own loan request (R-LEN-2)');
        await transition(ctx, 'loans/approve', { site: ctx.site, id: l.id, actorId: ctx.actor.id, at }, `loan ${l.id} changed meanwhile; reload it`);
      });
      ctx.emit('loan.approved', { loanId: loan.id, archiveId: loan.archiveId, borrowerId: loan.borrowerId, hold: loan.hold, queuePosition: loan.queuePosition });
      return loan;
    },
  }),
  defineOperation({
    name: 'loans.reject',
    title: 'Reject a loan request',
    access: managers,
    kind: 'write',
    input: loanId.extend({ reason: text(500).describe('why the request is refused') }),
    output: loanOut,
    async handler(ctx, input) {
      return loanStep(
        ctx,
        input,
        'reject',
        async (l, at) => void (await transition(ctx, 'loans/reject', { site: ctx.site, id: l.id, actorId: ctx.actor.id, at, reason: input.reason }, `loan ${l.id} changed meanwhile; reload it`)),
      );
    },
  }),
  defineOperation({
    name: 'loans.cancel',
    title: 'Cancel a loan request',
    description: 'Before issue only; by the requester or a manager.',
    access: [...atLeast('agent'), 'dept_head'],
    kind: 'write',
    input: loanId,
    output: loanOut,
    async handler(ctx, input) {
      return loanStep(ctx, input, 'cancel', async (l, at) => {
        if (l.borrowerId !== ctx.actor.id && !hasAnyRole(ctx.actor.roles, managers)) throw forbidden('only the requester or a manager may cancel this request');
        await transition(ctx, 'loans/cancel', { site: ctx.site, id: l.id, actorId: ctx.actor.id, at }, `loan ${l.id} changed meanwhile; reload it`);
      });
    },
  }),
  defineOperation({
    name: 'loans.issue',
    title: 'Hand out an archive (借出)',
    description:
      'Recorded by the supervisor (archive keeper, R-LEN-3). The first approved request in the queue gets it; the database refuses a second loan out at a time (R-LEN-4). Due: office close today (in_office) or after the configured working days (take_out).',
    access: ['supervisor'],
    kind: 'write',
    input: loanId.extend({ pages: z.number().int().min(0).max(100000).optional().describe('pages handed out (default: all current documents)') }),
    output: loanOut,
    conflicts: oneOut,
    async handler(ctx, input) {
      return loanStep(ctx, input, 'issue', async (l, at) => {
        const head = await queueHead(ctx, l.archiveId);
        if (head && head.id !== l.id) throw conflict(`loan ${head.id} is ahead in the queue for this archive (R-LEN-8)`);
        const { settings, calendar } = await ctx.config();
        const due = l.place === 'take_out' ? addWorkingDays(calendar, at, settings.loans.takeOutDays) : sameDayDue(calendar, at);
        const pages = input.pages ?? (await ctx.sql<{ pages: number }>('loans/archive-pages', { site: ctx.site, archiveId: l.archiveId }))[0]!.pages;
        await transition(ctx, 'loans/issue', { site: ctx.site, id: l.id, actorId: ctx.actor.id, at, dueAt: due, pages }, `loan ${l.id} changed meanwhile; reload it`);
      });
    },
  }),
  defineOperation({
    name: 'loans.return',
    title: 'Take back an archive (归还)',
    description: 'The supervisor counts the pages; missing pages are recorded and raise a follow-up (R-LEN-3). The first hold is then offered the archive (R-LEN-8).',
    access: ['supervisor'],
    kind: 'write',
    input: loanId.extend({
      pagesReturned: z.number().int().min(0).max(100000).describe('pages counted on return'),
      note: z.string().max(1000).default('').describe('remarks on the condition of the archive'),
    }),
    output: loanOut.extend({ offeredLoanId: z.number().nullable().describe('the hold now offered the archive') }),
    async handler(ctx, input) {
      let missing = 0;
      const loan = await loanStep(ctx, input, 'return', async (l, at) => {
        const out = l.pagesOut ?? 0;
        if (input.pagesReturned > out) throw validation('pagesReturned', `more pages than were handed out (${out})`);
        missing = out - input.pagesReturned;
        await transition(
          ctx,
          'loans/return',
          { site: ctx.site, id: l.id, actorId: ctx.actor.id, at, pagesReturned: input.pagesReturned, missingPages: missing || null, note: input.note },
          `loan ${l.id} changed meanwhile; reload it`,
        );
      });
      if (missing > 0) ctx.emit('loan.pages_missing', { loanId: loan.id, archiveId: loan.archiveId, unit: loan.unit, missingPages: missing, returnedBy: ctx.actor.id });
      const head = await queueHead(ctx, loan.archiveId);
      if (head) ctx.emit('loan.hold_offered', { loanId: head.id, archiveId: loan.archiveId, borrowerId: head.borrowerId });
      return { ...loan, offeredLoanId: head?.id ?? null };
    },
  }),
  defineOperation({
    name: 'loans.renew',
    title: 'Renew a take-out loan (续借)',
    description: 'Take-out loans only, up to the configured number of renewals, never while another request waits (R-LEN-8).',
    access: ['supervisor'],
    kind: 'write',
    input: loanId,
    output: loanOut,
    async handler(ctx, input) {
      return loanStep(ctx, input, 'renew', async (l, at) => {
        const hold = await queueHead(ctx, l.archiveId);
        if (hold) throw conflict(`loan ${hold.id} is waiting for this archive; it cannot be renewed (R-LEN-8)`);
        const { settings, calendar } = await ctx.config();
        if (l.place !== 'take_out') throw stateError('only a take-out loan can be renewed; an in-office loan is due back today');
        if (l.renewals >= settings.loans.maxRenewals) throw stateError(`this loan was already renewed ${l.renewals} time(s), the most allowed (loans.maxRenewals)`);
        await transition(ctx, 'loans/renew', { site: ctx.site, id: l.id, dueAt: addWorkingDays(calendar, l.dueAt ?? at, settings.loans.takeOutDays), at }, `loan ${l.id} changed meanwhile; reload it`);
      });
    },
  }),
  defineOperation({
    name: 'loans.list',
    title: 'Loans',
    description: 'Filter by state, overdue (derived now), borrower, archive, request dates and custom fields; newest request first (R-LEN-7 overdue register with overdue = true).',
    access: [...atLeast('agent'), 'dept_head'],
    kind: 'read',
    input: z.object({
      state: z.enum(loanStates).optional().describe('requested, approved, rejected, issued, returned, cancelled'),
      overdue: z.boolean().optional().describe('true: only loans out past due; false: all others'),
      borrowerId: id.optional().describe('staff id of the borrower'),
      archiveId: id.optional().describe('archive id'),
      from: localDate.optional().describe('requested on or after this date'),
      to: localDate.optional().describe('requested on or before this date'),
      custom: z.record(z.string(), z.unknown()).optional().describe('JSON object the custom fields must contain'),
      ...pageInput,
    }),
    output: pageOf(loanOut),
    async handler(ctx, input) {
      const after = decodeCursor(input.cursor);
      const { items } = await listLoans(ctx, {
        state: input.state,
        overdue: input.overdue,
        borrowerId: input.borrowerId,
        archiveId: input.archiveId,
        requestedFrom: input.from ? startOfDay(input.from, ctx.zone) : undefined,
        requestedBefore: input.to ? DateTime.fromISO(input.to, { zone: ctx.zone }).plus({ days: 1 }).toJSDate() : undefined,
        custom: input.custom,
        after: after ? [String(after[0]), Number(after[1])] : undefined,
        limit: input.limit + 1,
      });
      return page(items, input.limit, (l) => [new Date(l.requestedAt).toISOString(), l.id]);
    },
  }),
  defineOperation({
    name: 'loans.register',
    title: 'Monthly loan register (借阅登记)',
    description: 'Loans handed out in a month, with totals: returned, late, still out, overdue, missing pages (R-LEN-7).',
    access: atLeast('agent'),
    kind: 'read',
    input: z.object({ month: month.describe('month as YYYY-MM') }),
    output: registerOut,
    async handler(ctx, input) {
      return loanRegister(ctx, input.month);
    },
  }),
];
