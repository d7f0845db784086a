import type { OpContext } from '../../core/operation.js';
import { conflict, notFound, stateError } from '../../core/errors.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { phonesOf, type CustomerPatch, type CustomerRow } from './fields.js';

export async function loadCustomer(ctx: OpContext, id: number): Promise<CustomerRow> {
  const [row] = await ctx.sql<CustomerRow & { phones?: string[]; site?: string }>('customers/get', [ctx.site, id]);
  if (!row) throw notFound(`customer ${id}`);
  const { phones: _phones, site: _site, ...card } = row;
  return card;
}

/** Locks the customer row for the rest of the transaction and returns it. */
export async function lockCustomer(ctx: OpContext, id: number): Promise<CustomerRow> {
  const [locked] = await ctx.sql('customers/lock', [ctx.site, id]);
  if (!locked) throw notFound(`customer ${id}`);
  return loadCustomer(ctx, id);
}

/**
 * Applies a change to a locked customer (a manager's update, or an approved edit request, R-ARC-3).
 * `baseVersion` is the version the change was made against: anything newer is a CONFLICT.
 */
export async function applyCustomerPatch(ctx: OpContext, current: CustomerRow, patch: CustomerPatch, baseVersion: number): Promise<CustomerRow> {
  if (current.status !== 'active') throw stateError(`customer ${current.id} has vacated; its record is closed`);
  if (current.version !== baseVersion) throw conflict(`customer ${current.id} was changed after this edit was requested; request it again`);
  const custom = patch.custom === undefined ? { custom: current.custom, formVersion: current.formVersion } : await checkCustomValues(ctx, 'customer', patch.custom);
  const contacts = patch.contacts ?? current.contacts;
  const name = patch.name ?? current.name;
  await ctx.sql('customers/update', [
    ctx.site,
    current.id,
    name,
    JSON.stringify(contacts),
    phonesOf(contacts),
    patch.category ?? current.category,
    patch.grade ?? current.grade,
    patch.moveInDate === undefined ? current.moveInDate : patch.moveInDate,
    patch.confidential ?? current.confidential,
    patch.ownerStaffId === undefined ? current.ownerStaffId : patch.ownerStaffId,
    patch.notes ?? current.notes,
    JSON.stringify(custom.custom),
    custom.formVersion,
    ctx.now,
    baseVersion,
  ]);
  const renamed = name !== current.name;
  await ctx.sql('customers/relabel', [ctx.site, current.id, name, patch.boxNo === undefined ? current.boxNo : patch.boxNo, ctx.now, ctx.actor.id || null, renamed]);
  const after = await loadCustomer(ctx, current.id);
  ctx.audit({ entity: 'customer', entityId: current.id, action: 'update', before: current, after });
  return after;
}
