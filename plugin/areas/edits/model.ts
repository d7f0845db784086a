// R-ARC-3 (经理同意方可修改): originals never change; a working record (a customer, a working copy of a document)
// changes only through an edit request a manager approves, applied in the approval's transaction. A manager's
// own change needs no second approver, so it applies at once. Both versions stay visible.
import type { Actor } from '../../core/operation.js';
import { atLeast, hasAnyRole } from '../../core/roles.js';

export const editStates = ['pending', 'approved', 'rejected'] as const;

/** Who approves or rejects an edit request, and whose own changes apply at once. */
export const approvers = atLeast('manager');

export const appliesAtOnce = (actor: Actor): boolean => hasAnyRole(actor.roles, approvers);
