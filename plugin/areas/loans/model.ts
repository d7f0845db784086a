// 档案借阅 archive lending: 客务主管 (supervisor) keeps and issues archives, 客务部经理 (manager) approves.
import { z } from 'zod';
import { stateError } from '../../core/errors.js';

export const loanStates = ['requested', 'approved', 'rejected', 'issued', 'returned', 'cancelled'] as const;
export type LoanState = (typeof loanStates)[number];
export const places = ['in_office', 'take_out'] as const;

/** R-LEN-1: the states each action may start from; anything else is a STATE error and nothing changes. */
export const loanTransitions = {
  approve: ['requested'],
  reject: ['requested'],
  cancel: ['requested', 'approved'],
  issue: ['approved'],
  return: ['issued'],
  renew: ['issued'],
} as const satisfies Record<string, readonly LoanState[]>;
export type LoanAction = keyof typeof loanTransitions;

export function assertTransition(loan: { id: number; state: LoanState }, action: LoanAction): void {
  const from: readonly LoanState[] = loanTransitions[action];
  if (!from.includes(loan.state)) {
    throw stateError(`loan ${loan.id} is ${loan.state}; "${action}" is only possible when it is ${from.join(' or ')}`);
  }
}

const at = z.string().nullable();
export const loanOut = z.object({
  id: z.number(),
  archiveId: z.number(),
  customerId: z.number(),
  unit: z.string(),
  label: z.string(),
  borrowerId: z.number(),
  borrowerName: z.string(),
  purpose: z.string(),
  place: z.enum(places),
  state: z.enum(loanStates),
  requestedAt: z.string(),
  approvedBy: z.number().nullable(),
  approvedAt: at,
  rejectedBy: z.number().nullable(),
  rejectedAt: at,
  rejectReason: z.string().nullable(),
  cancelledBy: z.number().nullable(),
  cancelledAt: at,
  issuedBy: z.number().nullable(),
  issuedAt: at,
  dueAt: at,
  pagesOut: z.number().nullable(),
  returnedBy: z.number().nullable(),
  returnedAt: at,
  pagesReturned: z.number().nullable(),
  missingPages: z.number().nullable(),
  returnNote: z.string().nullable(),
  renewals: z.number(),
  custom: z.record(z.string(), z.unknown()),
  formVersion: z.number().nullable(),
  overdue: z.boolean().describe('issued and past due, computed now (never stored)'),
  lateMinutes: z.number().describe('minutes past due: at return, or so far while still out'),
  queuePosition: z.number().nullable().describe('for approved requests: place in the queue for this archive (1 = next)'),
  hold: z.boolean().describe('approved but the archive is out on another loan (R-LEN-8)'),
});
export type Loan = z.input<typeof loanOut>;

/** The locked loan row the transitions work on (instants as Dates). */
export interface LockedLoan {
  id: number;
  archiveId: number;
  borrowerId: number;
  state: LoanState;
  place: (typeof places)[number];
  dueAt: Date | null;
  renewals: number;
  pagesOut: number | null;
  /** The instant of the loan's latest action (R-DAY-1). */
  lastEventAt: Date;
  unit: string;
}
