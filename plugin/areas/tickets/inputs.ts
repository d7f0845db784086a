// Input pieces shared by the ticket operations.
import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { instant, note, toInstant } from '../../core/schemas.js';
import { validation } from '../../core/errors.js';
import { occurredAtInput } from '../../core/occurred.js';
import { ticketKey } from './ref.js';

/** Every ticket action: which ticket (id or number, R-DAY-4), the version read, and when it happened (R-DAY-1). */
export const ticketRef = {
  ...ticketKey,
  expectedVersion: z.number().int().positive().optional().describe('the version you last read (ticket.version); if someone changed the ticket since, the call fails with CONFLICT'),
  occurredAt: occurredAtInput,
};

export const optionalNote = note(2000).optional().describe('remark for the timeline');

export const deadlineInput = instant.describe('限期: date and time by which the responsible department must have resolved it');

/** How far ahead a deadline may lie: SLA clocks are measured day by day on the calendar. */
const YEAR_MS = 366 * 86_400_000;

/** A deadline must lie ahead of now, and within a year (a 限期 is days or weeks, never years). */
export function futureInstant(ctx: OpContext, value: string, field: string): Date {
  const at = toInstant(value, ctx.zone, field);
  if (at <= ctx.now) throw validation(field, 'must be in the future');
  if (at.getTime() - ctx.now.getTime() > YEAR_MS) throw validation(field, 'must be within a year from now');
  return at;
}
