// Ticket fixtures shared by the tickets.* and callbacks.* tests: open a ticket and walk it to any state.
import type { TestDb } from './support/db.js';
import type { Cast } from './support/staff.js';
import type { Ids } from './support/desk.js';

let unitSeq = 0;
/** A fresh unit per ticket, so no complaint counts as a repeat (R-TIC-7) unless a test wants one. */
export const freshUnit = () => `${10 + (unitSeq % 20)}F-${1000 + unitSeq++}`;

export async function openTicket(t: TestDb, cast: Cast, input: Record<string, unknown> = {}) {
  return t.as(cast.agent)('tickets.open', {
    kind: 'complaint',
    channel: 'phone',
    matter: '电梯噪音 lift noise',
    content: '夜间电梯噪音很大',
    unit: freshUnit(),
    complainantName: '陈先生',
    complainantPhone: '13800138000',
    ...input,
  });
}

export type Step = [staff: number, operation: string, input: Record<string, unknown>];

/** The path from `new` to each state (complaint, normal severity, dispatched to engineering). */
export function pathTo(cast: Cast, ids: Ids, state: string, deadline: string): Step[] {
  const assigned: Step[] = [
    [cast.agent, 'tickets.acknowledge', {}],
    [cast.supervisor, 'tickets.classify', { category: 'service_quality', severity: 'normal' }],
    [cast.supervisor, 'tickets.assign', { departmentId: ids.engineering, assigneeId: cast.engineer, deadline }],
  ];
  const inProgress: Step[] = [...assigned, [cast.engineer, 'tickets.start', {}]];
  const resolved: Step[] = [...inProgress, [cast.engineer, 'tickets.resolve', { cause: '缆绳松动', action: '紧固', result: '已修复' }]];
  const replied: Step[] = [...resolved, [cast.engineeringHead, 'tickets.signOff', {}], [cast.agent, 'tickets.reply', { replyText: '已处理' }]];
  const callbackPending: Step[] = [...replied, [cast.agent, 'tickets.close', {}]];
  const closed: Step[] = [...callbackPending, [cast.agent, 'tickets.recordCallback', { outcome: 'satisfied' }]];
  const paths: Record<string, Step[]> = {
    new: [],
    acknowledged: assigned.slice(0, 1),
    assigned,
    in_progress: inProgress,
    escalated: [...assigned, [cast.supervisor, 'tickets.escalate', {}]],
    transfer_pending: [...assigned, [cast.supervisor, 'tickets.requestTransfer', { toDepartmentId: ids.security, reason: '属保安职责' }]],
    waiting_customer: [...inProgress, [cast.engineer, 'tickets.waitCustomer', { note: '等业主在家' }]],
    resolved,
    replied,
    callback_pending: callbackPending,
    closed,
    reopened: [...closed, [cast.manager, 'tickets.reopen', { reason: '业主再次反映' }]],
  };
  return paths[state]!;
}

export async function ticketIn(t: TestDb, cast: Cast, ids: Ids, state: string, deadline: string, input: Record<string, unknown> = {}) {
  const ticket = await openTicket(t, cast, input);
  for (const [who, op, args] of pathTo(cast, ids, state, deadline)) await t.unchecked(who)(op, { id: ticket.id, ...args });
  return ticket.id as number;
}
