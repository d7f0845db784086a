// R-TIC-12: the one table of legal transitions. Every ticket operation looks itself up here before
// touching anything; a pair missing from the table is a STATE error.
import { stateError } from '../../core/errors.js';

export const ticketStates = [
  'new',
  'acknowledged',
  'assigned',
  'in_progress',
  'escalated',
  'transfer_pending',
  'waiting_customer',
  'resolved',
  'replied',
  'callback_pending',
  'closed',
  'reopened',
] as const;
export type TicketState = (typeof ticketStates)[number];

export const ticketActions = [
  'acknowledge',
  'classify',
  'assign',
  'requestTransfer',
  'approveTransfer',
  'acceptTransfer',
  'escalate',
  'extend',
  'start',
  'waitCustomer',
  'resume',
  'resolve',
  'signOff',
  'reply',
  'recordCallback',
  'close',
  'reopen',
  'flagMalicious',
  'markImportant',
  'recordFinding',
] as const;
export type TicketAction = (typeof ticketActions)[number];

/** The state before waiting_customer / transfer_pending, restored by resume or a rejected transfer. */
export const PREVIOUS = 'previous' as const;
type Next = TicketState | typeof PREVIOUS;

/**
 * state × action → the states the action may lead to (the handler picks one; most have exactly one).
 * Flags (malicious, important) change no state and are allowed everywhere, so they are added below.
 */
const table: Record<TicketState, Partial<Record<TicketAction, readonly Next[]>>> = {
  new: { acknowledge: ['acknowledged'], classify: ['new'] },
  acknowledged: { classify: ['acknowledged'], assign: ['assigned'] },
  assigned: {
    classify: ['assigned'],
    assign: ['assigned'],
    requestTransfer: ['transfer_pending'],
    escalate: ['escalated'],
    start: ['in_progress'],
    waitCustomer: ['waiting_customer'],
    recordFinding: ['assigned'],
  },
  in_progress: {
    requestTransfer: ['transfer_pending'],
    escalate: ['escalated'],
    waitCustomer: ['waiting_customer'],
    resolve: ['resolved'],
    recordFinding: ['in_progress'],
  },
  // Escalated: investigation (met by start) then written report (met by resolve).
  escalated: {
    assign: ['escalated'],
    extend: ['escalated'],
    start: ['in_progress'],
    requestTransfer: ['transfer_pending'],
    waitCustomer: ['waiting_customer'],
    resolve: ['resolved'],
    recordFinding: ['escalated'],
  },
  // approveTransfer: approved stays pending until the receiver accepts; rejected returns to the previous state.
  transfer_pending: { approveTransfer: ['transfer_pending', PREVIOUS], acceptTransfer: ['assigned'] },
  waiting_customer: { resume: [PREVIOUS] },
  // signOff keeps the state; reply requires it (R-TIC-9). A finding comes before the sign-off (R-DAY-3).
  resolved: { signOff: ['resolved'], reply: ['replied'], reopen: ['reopened'], recordFinding: ['resolved'] },
  // close: with a callback still due the ticket waits for it (R-TIC-10), otherwise it is closed.
  replied: { close: ['callback_pending', 'closed'], recordCallback: ['closed', 'reopened'], reopen: ['reopened'] },
  callback_pending: { recordCallback: ['closed', 'reopened'], reopen: ['reopened'] },
  closed: { reopen: ['reopened'] },
  reopened: { assign: ['assigned'], classify: ['reopened'] },
};
for (const state of ticketStates) {
  table[state].flagMalicious = [state];
  table[state].markImportant = [state];
}

export function allowedNext(state: TicketState, action: TicketAction): readonly Next[] | undefined {
  return table[state][action];
}

export const isAllowed = (state: TicketState, action: TicketAction): boolean => allowedNext(state, action) !== undefined;

/** Throws STATE unless `action` is legal in `state`; returns the permitted next states. */
export function checkTransition(state: TicketState, action: TicketAction): readonly Next[] {
  const next = allowedNext(state, action);
  if (!next) throw stateError(`a ticket in state "${state}" cannot be given "${action}" (allowed: ${actionsFrom(state).join(', ')})`);
  return next;
}

export const actionsFrom = (state: TicketState): TicketAction[] => ticketActions.filter((a) => isAllowed(state, a));

/** Open states (not yet replied): queues, due-soon lists, handovers. */
export const openStates: readonly TicketState[] = ticketStates.filter((s) => !['replied', 'callback_pending', 'closed'].includes(s));

// Structural (not TicketRow): types.ts imports the states from here, and this file stays below it.
export interface GuardedFields {
  state: TicketState;
  number: string;
  kind: string;
  targetStaffId: number | null;
  finding: string | null;
  signedOffAt: unknown;
}

/** R-DAY-3: a complaint about a staff member's conduct is not signed off without the manager's finding. */
export const needsFinding = (t: Pick<GuardedFields, 'kind' | 'targetStaffId' | 'finding'>): boolean => t.kind === 'complaint' && t.targetStaffId !== null && t.finding === null;

/**
 * What the ticket itself still refuses after the state machine allowed an action (roles aside): the reason, or
 * null. The handlers raise it and the detail's allowedActions leaves the action out, so a screen never offers a
 * step that is refused when pressed.
 */
const guards: Partial<Record<TicketAction, (t: GuardedFields) => string | null>> = {
  // R-TIC-9 one sign-off, after the finding where one is needed (R-DAY-3).
  signOff: (t) =>
    t.signedOffAt
      ? 'the resolution is already signed off'
      : needsFinding(t)
        ? `ticket ${t.number} is a complaint about a staff member: the reviewing manager records the finding first (tickets.recordFinding, R-DAY-3)`
        : null,
  // R-DAY-3 findings are for complaints, before the sign-off.
  recordFinding: (t) =>
    t.kind !== 'complaint'
      ? `ticket ${t.number} is a ${t.kind}; only complaints get a finding`
      : t.signedOffAt
        ? 'the resolution is already signed off; a finding comes before the sign-off (reopen to review again)'
        : null,
  // R-TIC-9 the reply comes after the sign-off.
  reply: (t) => (t.signedOffAt ? null : 'the resolution must be signed off by the department head before the reply (R-TIC-9)'),
};

/** Throws STATE when the ticket refuses `action` (see guards). */
export function checkGuard(t: GuardedFields, action: TicketAction): void {
  const refused = guards[action]?.(t);
  if (refused) throw stateError(refused);
}

/** The actions this ticket allows now: its state's transitions its own guards do not refuse (roles still apply). */
export const allowedActions = (t: GuardedFields): TicketAction[] => actionsFrom(t.state).filter((a) => !guards[a]?.(t));
