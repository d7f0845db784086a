// R-ARC-3 for customer records: a manager's change applies at once, anyone else's becomes an edit request;
// an approved request applies through the same applyCustomerPatch.
import type { OpContext } from '../../core/operation.js';
import { conflict, stateError } from '../../core/errors.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { phonesOf, type CustomerPatch, type CustomerRow } from '../customers/fields.js';
import { loadCustomer } from '../customers/store.js';
import { appliesAtOnce } from './model.js';
import { requestEdit } from './store.js';

const closed = (current: CustomerRow) => stateError(`customer ${current.id} has vacated; its record is closed`);

/**
 * Applies a change to a locked customer (a manager's update, or an approved edit request).
 * `baseVersion` is the version the change was made against: anything newer is a CONFLICT.
 */
export async function applyCustomerPatch(ctx: OpContext, current: CustomerRow, patch: CustomerPatch, baseVersion: number): Promise<CustomerRow> {
  if (current.status !== 'active') throw closed(current);
  if (current.version !== baseVersion) throw conflict(`customer ${current.id} was changed after this edit was requested; request it again`);
  const custom = patch.custom === undefined ? { custom: current.custom, formVersion: current.formVersion } : await checkCustomValues(ctx, 'customer', patch.custom);
  const contacts = patch.contacts ?? current.contacts;
  const name = patch.name ?? current.name;
  await ctx.sql('customers/update', {
    site: ctx.site,
    id: current.id,
    name,
    contacts: JSON.stringify(contacts),
    phones: phonesOf(contacts),
    category: patch.category ?? current.category,
    grade: patch.grade ?? current.grade,
    moveInDate: patch.moveInDate === undefined ? current.moveInDate : patch.moveInDate,
    confidential: patch.confidential ?? current.confidential,
    ownerStaffId: patch.ownerStaffId === undefined ? current.ownerStaffId : patch.ownerStaffId,
    notes: patch.notes ?? current.notes,
    custom: JSON.stringify(custom.custom),
    formVersion: custom.formVersion,
    now: ctx.now,
    version: baseVersion,
  });
  const renamed = name !== current.name;
  await ctx.sql('customers/relabel', {
    site: ctx.site,
    customerId: current.id,
    label: name,
    boxNo: patch.boxNo === undefined ? current.boxNo : patch.boxNo,
    now: ctx.now,
    actorId: ctx.actor.id || null,
    addLabel: renamed,
  });
  const after = await loadCustomer(ctx, current.id);
  ctx.audit({ entity: 'customer', entityId: current.id, action: 'update', before: current, after });
  return after;
}

/** A change to a locked customer: applied at once by a manager, otherwise filed as a pending edit request. */
export async function changeCustomer(ctx: OpContext, current: CustomerRow, patch: CustomerPatch, reason: string) {
  if (appliesAtOnce(ctx.actor)) {
    return { status: 'applied' as const, customer: await applyCustomerPatch(ctx, current, patch, current.version), editRequest: null };
  }
  if (current.status !== 'active') throw closed(current);
  if (patch.custom !== undefined) await checkCustomValues(ctx, 'customer', patch.custom);
  const editRequest = await requestEdit(ctx, { entity: 'customer', entityId: current.id, customerId: current.id, changes: patch, before: current, baseVersion: current.version, reason });
  return { status: 'pending' as const, customer: current, editRequest };
}
