import type { OpContext } from '../../core/operation.js';
import { notFound } from '../../core/errors.js';
import type { CustomerRow } from './fields.js';

export async function loadCustomer(ctx: OpContext, id: number): Promise<CustomerRow> {
  const [row] = await ctx.sql<CustomerRow & { phones?: string[]; site?: string }>('customers/get', { site: ctx.site, id });
  if (!row) throw notFound(`customer ${id}`);
  const { phones: _phones, site: _site, ...card } = row;
  return card;
}

/** Locks the customer row for the rest of the transaction and returns it. */
export async function lockCustomer(ctx: OpContext, id: number): Promise<CustomerRow> {
  const [locked] = await ctx.sql('customers/lock', { site: ctx.site, id });
  if (!locked) throw notFound(`customer ${id}`);
  return loadCustomer(ctx, id);
}
