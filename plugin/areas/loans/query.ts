import type { OpContext } from '../../core/operation.js';
import { notFound } from '../../core/errors.js';
import { occurredAt } from '../../core/occurred.js';
import { assertTransition, type Loan, type LoanAction, type LoanState, type LockedLoan } from './model.js';

export interface LoanFilter {
  state?: LoanState | undefined;
  overdue?: boolean | undefined;
  borrowerId?: number | undefined;
  archiveId?: number | undefined;
  requestedFrom?: Date | undefined;
  requestedBefore?: Date | undefined;
  issuedFrom?: Date | undefined;
  issuedBefore?: Date | undefined;
  custom?: Record<string, unknown> | undefined;
  id?: number | undefined;
  after?: [string, number] | undefined;
  limit: number;
}

export async function listLoans(ctx: OpContext, f: LoanFilter): Promise<{ items: Loan[] }> {
  const items = await ctx.sql<Loan>('loans/list', {
    site: ctx.site,
    now: ctx.now,
    state: f.state,
    overdue: f.overdue,
    borrowerId: f.borrowerId,
    archiveId: f.archiveId,
    requestedFrom: f.requestedFrom,
    requestedBefore: f.requestedBefore,
    custom: f.custom ? JSON.stringify(f.custom) : null,
    id: f.id,
    issuedFrom: f.issuedFrom,
    issuedBefore: f.issuedBefore,
    afterRequestedAt: f.after?.[0],
    afterId: f.after?.[1],
    limit: f.limit,
  });
  return { items };
}

export async function loadLoan(ctx: OpContext, id: number): Promise<Loan> {
  const [loan] = (await listLoans(ctx, { id, limit: 1 })).items;
  if (!loan) throw notFound(`loan ${id}`);
  return loan;
}

/** Which loan, and when the action really happened if it is entered later (R-DAY-1). */
export interface LoanRef {
  id: number;
  occurredAt?: string | undefined;
}

/**
 * One loan step (R-LEN-1): lock the row, check the state machine (model.ts), run the change — a core
 * transition(), so an update that touches no row is a STATE error — at the instant it
 * happened (`at`: occurredAt or now, never before the loan's previous action), audit before/after.
 * `change` throws to refuse; the transaction then rolls back and nothing changes.
 */
export async function loanStep(ctx: OpContext, ref: LoanRef, action: LoanAction, change: (loan: LockedLoan, at: Date) => Promise<void>): Promise<Loan> {
  const [locked] = await ctx.sql<LockedLoan>('loans/lock', { site: ctx.site, id: ref.id });
  if (!locked) throw notFound(`loan ${ref.id}`);
  assertTransition(locked, action);
  const at = await occurredAt(ctx, ref.occurredAt, locked.lastEventAt);
  const before = await loadLoan(ctx, ref.id);
  await change(locked, at);
  await ctx.sql('loans/touch', { site: ctx.site, id: ref.id, at, now: ctx.now });
  const after = await loadLoan(ctx, ref.id);
  ctx.audit({ entity: 'loan', entityId: ref.id, action, before, after, occurredAt: at });
  return after;
}

/** The approved request first in line for an archive (R-LEN-8), if any. */
export async function queueHead(ctx: OpContext, archiveId: number): Promise<{ id: number; borrowerId: number } | undefined> {
  const [head] = await ctx.sql<{ id: number; borrowerId: number }>('loans/queue-head', { site: ctx.site, archiveId });
  return head;
}
