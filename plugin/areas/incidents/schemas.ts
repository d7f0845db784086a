// Output shapes of the incident operations (R-DAY-7).
import { z } from 'zod';
import { id, instantOut, nullableInstantOut } from '../../core/schemas.js';
import { incidentStates } from './model.js';

export const linkedTicket = z.object({
  id,
  number: z.string(),
  kind: z.string(),
  state: z.string(),
  severity: z.string().nullable(),
  unit: z.string().nullable(),
  openedAt: instantOut,
  departmentId: z.number().nullable(),
  assigneeId: z.number().nullable(),
});

const incidentFields = {
  id,
  title: z.string(),
  location: z.string().nullable(),
  state: z.enum(incidentStates),
  occurredAt: instantOut,
  openedAt: instantOut,
  closedAt: nullableInstantOut,
  ticketCount: z.number(),
};

export const incidentSummary = z.object(incidentFields);

export const incidentDetail = z.object({
  ...incidentFields,
  description: z.string(),
  openedBy: z.number(),
  closedBy: z.number().nullable(),
  closeNote: z.string().nullable(),
  tickets: z.array(linkedTicket),
});

const ticketOutcome = z.object({ id, number: z.string(), state: z.string() });

export const bulkOutput = z.object({
  incident: incidentDetail,
  done: z.array(ticketOutcome).describe('tickets the action was applied to, with their new state'),
  skipped: z.array(ticketOutcome.extend({ reason: z.string() })).describe('linked tickets left alone, and why'),
});
