// Loading, locking and linking incidents; the one place an incident action walks its linked tickets.
import { z } from 'zod';
import type { OpContext, OpName } from '../../core/operation.js';
import { DeskError, isDeskError, notFound, stateError, validation } from '../../core/errors.js';
import { id } from '../../core/schemas.js';
import { recordEvent } from '../tickets/store.js';
import { ticketNumber } from '../tickets/ref.js';
import type { TicketState } from '../tickets/model.js';
import { skipReason, steps, type BulkAction, type LinkedTicket } from './model.js';
import type { incidentDetail, linkedTicket } from './schemas.js';

/** A ticket as staff quote it: its id, or its number YYMMDDNNN (R-DAY-4). */
export const ticketRefList = z
  .array(z.union([id, ticketNumber]))
  .min(1)
  .max(500)
  .describe('tickets to link: ids or ticket numbers, e.g. [12, "260213001"]');

type Detail = z.input<typeof incidentDetail>;
type Linked = z.input<typeof linkedTicket> & LinkedTicket;

export async function loadIncident(ctx: OpContext, incidentId: number): Promise<Detail> {
  const [row] = await ctx.sql<Omit<Detail, 'tickets'>>('incidents/get', { site: ctx.site, id: incidentId });
  if (!row) throw notFound(`incident ${incidentId}`);
  return { ...row, tickets: await linkedTickets(ctx, incidentId) };
}

export const linkedTickets = (ctx: OpContext, incidentId: number): Promise<Linked[]> => ctx.sql<Linked>('incidents/tickets', { site: ctx.site, incidentId });

/** Share-locks an open incident for linking; a closed one is a STATE error (R-DAY-7). */
export async function openIncidentForLink(ctx: OpContext, incidentId: number, field: string): Promise<void> {
  const [row] = await ctx.sql<{ state: string }>('incidents/lock', { site: ctx.site, id: incidentId });
  if (!row) throw validation(field, `no incident ${incidentId}`);
  if (row.state !== 'open') throw stateError(`incident ${incidentId} is closed: open a new incident, or leave the ticket on its own`);
}

/** Links tickets (ids or numbers) to an open incident; each gets a timeline entry. Returns the ids linked. */
export async function linkTickets(ctx: OpContext, incidentId: number, refs: readonly (number | string)[]): Promise<number[]> {
  await openIncidentForLink(ctx, incidentId, 'id');
  const ids = refs.filter((r): r is number => typeof r === 'number');
  const numbers = refs.filter((r): r is string => typeof r === 'string');
  const found = await ctx.sql<{ id: number; number: string; incidentId: number | null }>('incidents/resolve-tickets', { site: ctx.site, ids, numbers });
  const missing = refs.filter((r) => !found.some((t) => t.id === r || t.number === r));
  if (missing.length > 0) throw notFound(`ticket ${missing.join(', ')}`);
  const elsewhere = found.filter((t) => t.incidentId !== null && t.incidentId !== incidentId);
  if (elsewhere.length > 0) {
    throw validation('tickets', `already linked to another incident: ${elsewhere.map((t) => `${t.number} → incident ${t.incidentId}`).join(', ')}`);
  }
  const linked = await ctx.sql<{ id: number; state: TicketState }>('incidents/link', { site: ctx.site, ticketIds: found.map((t) => t.id), incidentId, at: ctx.now });
  for (const t of linked) await recordEvent(ctx, t.id, 'linkIncident', t.state, t.state, undefined, { incidentId });
  return linked.map((t) => t.id);
}

export interface BulkResult {
  done: { id: number; number: string; state: string }[];
  skipped: { id: number; number: string; state: string; reason: string }[];
}

/**
 * Runs an incident action on every linked ticket it applies to, through the ordinary ticket operations
 * (their roles, rules, clocks, callbacks and audit). Any refusal fails the whole action, naming the ticket.
 */
export async function actOnLinked(ctx: OpContext, incidentId: number, action: BulkAction, fields: Record<string, unknown>): Promise<BulkResult> {
  const result: BulkResult = { done: [], skipped: [] };
  for (const t of await linkedTickets(ctx, incidentId)) {
    const reason = skipReason(action, t, ctx.actor.id);
    if (reason) {
      result.skipped.push({ id: t.id, number: t.number, state: t.state, reason });
      continue;
    }
    let after: unknown;
    for (const step of steps[action][t.state] ?? []) {
      // A late entry (R-DAY-1) dates every step on every ticket; each ticket checks it against its own history.
      const when = fields.occurredAt === undefined ? {} : { occurredAt: fields.occurredAt };
      after = await callNaming(ctx, t.number, step.operation, step.own ? { ...fields, id: t.id } : { ...when, id: t.id });
    }
    result.done.push({ id: t.id, number: t.number, state: (after as { state: string }).state });
  }
  return result;
}

async function callNaming(ctx: OpContext, number: string, operation: OpName, input: Record<string, unknown>): Promise<unknown> {
  try {
    return await ctx.relay(operation, input);
  } catch (e) {
    if (isDeskError(e)) throw new DeskError(e.code, `ticket ${number}: ${e.message}`, e.issues);
    throw e;
  }
}

/** tickets.open with an incidentId: checked before the ticket is written, which then carries it (R-DAY-7). */
export const checkIntakeIncident = (ctx: OpContext, incident: number | undefined): Promise<void> => (incident === undefined ? Promise.resolve() : openIncidentForLink(ctx, incident, 'incidentId'));
