import { z } from 'zod';
import { defineOperation, type OpContext } from '../../core/operation.js';
import { atLeast } from '../../core/roles.js';
import { notFound, stateError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import { decodeCursor, id, page, pageInput, pageOf } from '../../core/schemas.js';
import { customerPatch } from '../customers/fields.js';
import { lockCustomer } from '../customers/store.js';
import { documentPatch } from '../archives/documents.js';
import { editOut, findEdits, loadEdit, type Edit } from './store.js';
import { approvers, editStates } from './model.js';
import { applyCustomerPatch } from './customers.js';
import { reviseDocument } from './documents.js';

const decisionInput = z.object({
  id: id.describe('edit request id'),
  note: z.string().max(1000).default('').describe('decision note shown to the requester'),
});

/** Locks a pending request; a decided one cannot be decided again. */
async function pendingEdit(ctx: OpContext, editId: number): Promise<Edit> {
  const [locked] = await ctx.sql<{ state: string }>('edits/lock', { site: ctx.site, id: editId });
  if (!locked) throw notFound(`edit request ${editId}`);
  if (locked.state !== 'pending') throw stateError(`edit request ${editId} is already ${locked.state}`);
  return loadEdit(ctx, editId);
}

/** Applies the requested change (R-ARC-3, in the approval's transaction) and returns the record after it plus the new document version, if any. */
async function applyEdit(ctx: OpContext, edit: Edit): Promise<{ after: unknown; resultId: number | null }> {
  if (edit.entity === 'customer') {
    const current = await lockCustomer(ctx, edit.entityId);
    return { after: await applyCustomerPatch(ctx, current, customerPatch.parse(edit.changes), edit.baseVersion), resultId: null };
  }
  const created = await reviseDocument(ctx, edit.entityId, documentPatch.parse(edit.changes));
  return { after: created, resultId: created.id };
}

async function decide(ctx: OpContext, edit: Edit, state: 'approved' | 'rejected', note: string, after: unknown, resultId: number | null) {
  await transition(
    ctx,
    'edits/decide',
    { site: ctx.site, id: edit.id, state, actorId: ctx.actor.id, now: ctx.now, note, after: after === null ? null : JSON.stringify(after), resultId },
    `edit request ${edit.id} was decided meanwhile`,
  );
  const decided = await loadEdit(ctx, edit.id);
  ctx.audit({ entity: 'edit_request', entityId: edit.id, action: state === 'approved' ? 'approve' : 'reject', before: edit, after: decided });
  return decided;
}

export default [
  defineOperation({
    name: 'edits.list',
    title: 'Edit requests',
    description: 'Changes to customers and working documents waiting for (or decided by) a manager, oldest first (R-ARC-3).',
    access: atLeast('agent'),
    kind: 'read',
    input: z.object({
      state: z.enum(editStates).optional().describe('pending, approved or rejected (all when empty)'),
      customerId: id.optional().describe('only this customer'),
      ...pageInput,
    }),
    output: pageOf(editOut),
    async handler(ctx, input) {
      const after = decodeCursor(input.cursor);
      const rows = await findEdits(ctx, {
        state: input.state,
        customerId: input.customerId,
        after: after ? [String(after[0]), Number(after[1])] : undefined,
        limit: input.limit + 1,
      });
      return page(rows, input.limit, (r) => [new Date(r.requestedAt).toISOString(), r.id]);
    },
  }),
  defineOperation({
    name: 'edits.approve',
    title: 'Approve an edit request (经理同意)',
    description: 'Applies the change in the same transaction. A record changed since the request was made is a CONFLICT; the request stays pending.',
    access: approvers,
    kind: 'write',
    input: decisionInput,
    output: editOut,
    async handler(ctx, input) {
      const edit = await pendingEdit(ctx, input.id);
      const { after, resultId } = await applyEdit(ctx, edit);
      return decide(ctx, edit, 'approved', input.note, after, resultId);
    },
  }),
  defineOperation({
    name: 'edits.reject',
    title: 'Reject an edit request',
    access: approvers,
    kind: 'write',
    input: decisionInput,
    output: editOut,
    async handler(ctx, input) {
      return decide(ctx, await pendingEdit(ctx, input.id), 'rejected', input.note, null, null);
    },
  }),
];
