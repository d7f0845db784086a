import type { Actor } from '../../core/operation.js';
import { atLeast, hasAnyRole } from '../../core/roles.js';
import type { Contact } from './fields.js';

// R-CUS-5: confidential customers show contacts and documents only to managers and up, and to the owner.

export interface Confidentiality {
  confidential: boolean;
  ownerStaffId: number | null;
}

export const mayReadConfidential = (actor: Actor, c: Confidentiality): boolean => !c.confidential || c.ownerStaffId === actor.id || hasAnyRole(actor.roles, atLeast('manager'));

const hidden = '***';
const maskPhone = (p: string): string => (p.length > 6 ? `${p.slice(0, 3)}****${p.slice(-2)}` : hidden);
const maskName = (n: string): string => `${[...n][0] ?? ''}**`;

export function maskContacts(contacts: readonly Contact[]): Contact[] {
  return contacts.map((c) => ({ name: maskName(c.name), phones: c.phones.map(maskPhone), email: c.email ? hidden : null }));
}

/**
 * Masks a customer-shaped row for this actor in place; `masked` says whether anything was hidden. For rows the call
 * owns and nothing else holds (a search page): copying each row cost more than the rest of the page's work here.
 */
export function maskCustomerRow<T extends Confidentiality & { contacts: Contact[] }>(actor: Actor, row: T): T & { masked: boolean } {
  const out = row as T & { masked: boolean };
  out.masked = !mayReadConfidential(actor, row);
  if (out.masked) out.contacts = maskContacts(row.contacts);
  return out;
}

/** maskCustomerRow on a copy, for a row that is also kept elsewhere (an audit entry's `after`). */
export const maskCustomer = <T extends Confidentiality & { contacts: Contact[] }>(actor: Actor, row: T): T & { masked: boolean } => maskCustomerRow(actor, { ...row });

/** Documents of a confidential archive keep their kind, date and pages, never their title or file. */
export function maskDocument<T extends { title: string; fileRef: string | null }>(row: T): T & { masked: boolean } {
  return { ...row, title: hidden, fileRef: null, masked: true };
}
