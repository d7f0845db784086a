import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { notFound } from '../../core/errors.js';
import { mayReadConfidential, maskContacts } from '../customers/masking.js';
import type { Contact } from '../customers/fields.js';
import { editStates } from './model.js';

export const editOut = z.object({
  id: z.number(),
  entity: z.enum(['customer', 'document']),
  entityId: z.number(),
  customerId: z.number(),
  unit: z.string(),
  customerName: z.string(),
  changes: z.record(z.string(), z.unknown()).describe('the requested new values'),
  before: z.record(z.string(), z.unknown()).describe('the record when the edit was requested'),
  after: z.record(z.string(), z.unknown()).nullable().describe('the record as applied (approved only)'),
  baseVersion: z.number(),
  state: z.enum(editStates),
  reason: z.string(),
  requestedBy: z.number(),
  requestedByName: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.number().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  resultId: z.number().nullable().describe('new document version created by an approved document edit'),
});
type EditRow = z.input<typeof editOut> & {
  confidential: boolean;
  ownerStaffId: number | null;
};
export type Edit = z.input<typeof editOut>;

export interface EditFilter {
  state?: (typeof editStates)[number] | undefined;
  customerId?: number | undefined;
  id?: number | undefined;
  after?: [string, number] | undefined;
  limit: number;
}

/** Contacts inside before/after/changes of a confidential customer are masked like the record (R-CUS-5). */
function maskSnapshot(snapshot: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!snapshot) return snapshot;
  const masked = { ...snapshot };
  if (Array.isArray(masked.contacts)) masked.contacts = maskContacts(masked.contacts as Contact[]);
  if (typeof masked.title === 'string') masked.title = '***';
  if ('fileRef' in masked) masked.fileRef = null;
  return masked;
}

export async function findEdits(ctx: OpContext, filter: EditFilter) {
  const rows = await ctx.sql<EditRow>('edits/list', {
    site: ctx.site,
    state: filter.state,
    customerId: filter.customerId,
    id: filter.id,
    afterRequestedAt: filter.after?.[0],
    afterId: filter.after?.[1],
    limit: filter.limit,
  });
  return rows.map(({ confidential, ownerStaffId, ...r }) =>
    mayReadConfidential(ctx.actor, { confidential, ownerStaffId }) ? r : { ...r, changes: maskSnapshot(r.changes) ?? {}, before: maskSnapshot(r.before) ?? {}, after: maskSnapshot(r.after) },
  );
}

export async function loadEdit(ctx: OpContext, id: number) {
  const [edit] = await findEdits(ctx, { id, limit: 1 });
  if (!edit) throw notFound(`edit request ${id}`);
  return edit;
}

export interface EditRequest {
  entity: 'customer' | 'document';
  entityId: number;
  customerId: number;
  changes: Record<string, unknown>;
  before: unknown;
  baseVersion: number;
  reason: string;
}

/** Files a pending edit request (R-ARC-3); nothing changes on the record until a manager approves. */
export async function requestEdit(ctx: OpContext, req: EditRequest) {
  const [row] = await ctx.sql<{ id: number }>('edits/insert', {
    site: ctx.site,
    entity: req.entity,
    entityId: req.entityId,
    customerId: req.customerId,
    changes: JSON.stringify(req.changes),
    before: JSON.stringify(req.before),
    baseVersion: req.baseVersion,
    reason: req.reason,
    actorId: ctx.actor.id,
    now: ctx.now,
  });
  const edit = await loadEdit(ctx, row!.id);
  ctx.audit({ entity: 'edit_request', entityId: edit.id, action: 'request', after: edit });
  return edit;
}
