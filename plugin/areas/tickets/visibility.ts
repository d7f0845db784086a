// Who sees which tickets, and R-TIC-8 masking: the staff member a complaint is about never sees who
// made it. Reports, handovers and documents reuse these helpers so every read masks the same way.
import type { Actor } from '../../core/operation.js';
import { hasAnyRole } from '../../core/roles.js';

/** The customer-service desk (and admin) sees every ticket; a department head sees their department's. */
export const seesAllTickets = (actor: Pick<Actor, 'roles'>): boolean => hasAnyRole(actor.roles, ['agent', 'supervisor', 'manager', 'director', 'admin']);

/**
 * SQL parameters of the visibility predicate used by every ticket read: `(:seesAll::boolean or t.department_id =
 * :actorDepartmentId::bigint or t.assignee_id = :actorId::bigint)`, and `t.target_staff_id is distinct from :actorId`
 * on identity filters.
 */
export const scope = (actor: Actor): { seesAll: boolean; actorDepartmentId: number | null; actorId: number } => ({
  seesAll: seesAllTickets(actor),
  actorDepartmentId: actor.departmentId,
  actorId: actor.id,
});

export function canSeeTicket(actor: Actor, ticket: { departmentId: number | null; assigneeId: number | null }): boolean {
  return seesAllTickets(actor) || (actor.departmentId !== null && ticket.departmentId === actor.departmentId) || ticket.assigneeId === actor.id;
}

/** Fields that identify the complainant (and the witnesses who back them). */
export interface IdentityFields {
  targetStaffId: number | null;
  complainantName: string | null;
  complainantPhone: string | null;
  unit: string | null;
  customerId: number | null;
  identityMasked?: boolean;
}

export const mustMaskFor = (actorId: number, row: Pick<IdentityFields, 'targetStaffId'>): boolean => row.targetStaffId !== null && row.targetStaffId === actorId;

/**
 * Removes the complainant's identity from `row` when the reader is the staff member complained about, and says so
 * in `identityMasked`. The row is changed in place: every caller passes one it owns (fresh from its statement, or a
 * literal it just built). Pages of tickets apply the same rule in their statements (sql/list.sql, sql/due-soon.sql).
 */
export function maskIdentity<T extends IdentityFields & { conductWitnesses?: string | null }>(actorId: number, row: T): T {
  row.identityMasked = mustMaskFor(actorId, row);
  if (!row.identityMasked) return row;
  row.complainantName = null;
  row.complainantPhone = null;
  row.unit = null;
  row.customerId = null;
  if ('conductWitnesses' in row) row.conductWitnesses = null;
  return row;
}
