// R-DAY-7 incidents: one event (a burst pipe, a stuck lift, a cold snap) reported by many residents.
// Each linked ticket keeps its own number, clocks and callback; an incident action runs the ordinary
// ticket operation on every linked ticket it applies to, inside one transaction (all or nothing).
import type { TicketState } from '../tickets/model.js';

export const incidentStates = ['open', 'closed'] as const;
export type IncidentState = (typeof incidentStates)[number];

export const bulkActions = ['dispatch', 'resolve', 'signOff', 'reply', 'close'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** A ticket operation an incident action runs; `own` gets the action's fields, a preparatory step none. */
export interface Step {
  operation: 'tickets.acknowledge' | 'tickets.assign' | 'tickets.start' | 'tickets.resolve' | 'tickets.signOff' | 'tickets.reply' | 'tickets.close';
  own: boolean;
}

const own = (operation: Step['operation']): Step => ({ operation, own: true });
const first = (operation: Step['operation']): Step => ({ operation, own: false });

/**
 * State of a linked ticket → the ticket operations an incident action runs on it, in order. A ticket in
 * a state not listed is left alone and reported as skipped (already further along, or not yet there).
 * Dispatch acknowledges a new ticket first: dispatching the incident is the desk's answer to every caller.
 * Resolve starts an assigned ticket first: the department's one repair is the work on each ticket.
 */
export const steps: Record<BulkAction, Partial<Record<TicketState, readonly Step[]>>> = {
  dispatch: {
    new: [first('tickets.acknowledge'), own('tickets.assign')],
    acknowledged: [own('tickets.assign')],
    assigned: [own('tickets.assign')],
    escalated: [own('tickets.assign')],
    reopened: [own('tickets.assign')],
  },
  resolve: { assigned: [first('tickets.start'), own('tickets.resolve')], in_progress: [own('tickets.resolve')], escalated: [own('tickets.resolve')] },
  signOff: { resolved: [own('tickets.signOff')] },
  reply: { resolved: [own('tickets.reply')] },
  close: { replied: [own('tickets.close')] },
};

export interface LinkedTicket {
  id: number;
  number: string;
  state: TicketState;
  firstOwnerId: number;
  signedOff: boolean;
}

/** Why an incident action leaves a linked ticket alone, or null when it acts on it. */
export function skipReason(action: BulkAction, t: LinkedTicket, actorId: number): string | null {
  if (!steps[action][t.state]) return `state ${t.state}`;
  if (action === 'signOff' && t.signedOff) return 'already signed off';
  if (action === 'reply' && !t.signedOff) return 'resolution not signed off yet (R-TIC-9)';
  // R-TIC-3/R-TIC-9: each caller hears the reply from the staff member who took their call.
  if (action === 'reply' && t.firstOwnerId !== actorId) return 'replied by its own first-contact owner (R-TIC-3)';
  return null;
}

/** Ticket states that count as answered: an incident closes only when every linked ticket got its reply. */
export const answeredStates: readonly TicketState[] = ['replied', 'callback_pending', 'closed'];
