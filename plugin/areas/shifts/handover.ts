// 交接班 (R-DUT-1): the handover record and the snapshot the outgoing staff member leaves behind.
import { z } from 'zod';
import { id, instantOut, nullableInstantOut } from '../../core/schemas.js';
import { formatInstant } from '../../core/json.js';

const ticketLine = z.object({
  id,
  number: z.string(),
  kind: z.string(),
  severity: z.string().nullable(),
  state: z.string(),
  matter: z.string(),
  unit: z.string().nullable().describe('left out for complaints about a staff member (R-TIC-8)'),
  firstOwnerId: id,
  assigneeId: id.nullable(),
  nextClock: z.string().nullable().describe('the SLA clock that falls due first'),
  nextDueAt: nullableInstantOut,
});

const loanLine = z.object({
  loanId: id,
  archiveId: id,
  unit: z.string(),
  label: z.string(),
  borrowerId: id,
  borrowerName: z.string(),
  dueAt: instantOut,
  overdue: z.boolean(),
});

export const snapshot = z.object({
  ownTickets: z.array(ticketLine).describe('open tickets the outgoing person owns (first contact) or is assigned'),
  fallingDue: z.array(ticketLine).describe('open tickets with a clock falling due before the end of the next shift'),
  loansOut: z.array(loanLine).describe('archives out on loan'),
});

export const handover = z.object({
  id,
  outgoingId: id,
  outgoingName: z.string(),
  incomingId: id,
  incomingName: z.string(),
  createdAt: instantOut,
  shiftHours: z.number(),
  notes: z.string(),
  snapshot,
  acknowledgedAt: nullableInstantOut,
  acknowledgeNote: z.string().nullable(),
});
export type Handover = z.input<typeof handover>;

type Snapshot = z.input<typeof snapshot>;

/** Instants built inside jsonb come out in the session's offset; the stored snapshot reads in the desk's own. */
export function localiseSnapshot(snap: Snapshot, zone: string): Snapshot {
  const local = (iso: string) => formatInstant(new Date(iso), zone);
  const ticket = (t: Snapshot['ownTickets'][number]) => ({ ...t, nextDueAt: t.nextDueAt === null ? null : local(t.nextDueAt) });
  return {
    ownTickets: snap.ownTickets.map(ticket),
    fallingDue: snap.fallingDue.map(ticket),
    loansOut: snap.loansOut.map((l) => ({ ...l, dueAt: local(l.dueAt) })),
  };
}
