// Output shapes of the ticket reads; every transition returns `ticketDetail` too.
import { z } from 'zod';
import { instantOut, nullableInstantOut } from '../../core/schemas.js';
import { ticketActions, ticketStates } from './model.js';
import { channels, clockNames, findings, outcomes, severities, ticketKinds } from './types.js';

const nullableId = z.number().nullable();
const nullableText = z.string().nullable();

const identity = {
  unit: nullableText,
  customerId: nullableId,
  complainantName: nullableText,
  complainantPhone: nullableText,
  targetStaffId: nullableId,
  identityMasked: z.boolean().describe('true when the reader is the staff member complained about (R-TIC-8)'),
};

export const ticketSummary = z.object({
  id: z.number(),
  number: z.string(),
  year: z.number(),
  kind: z.enum(ticketKinds),
  channel: z.enum(channels),
  state: z.enum(ticketStates),
  severity: z.enum(severities).nullable(),
  category: nullableText,
  serious: z.boolean(),
  malicious: z.boolean(),
  important: z.boolean(),
  ...identity,
  matter: z.string(),
  target: nullableText,
  firstOwnerId: z.number(),
  firstOwnerName: nullableText,
  departmentId: nullableId,
  departmentName: nullableText,
  assigneeId: nullableId,
  assigneeName: nullableText,
  deadlineAt: nullableInstantOut,
  openedAt: instantOut,
  repliedAt: nullableInstantOut,
  closedAt: nullableInstantOut,
  version: z.number(),
  custom: z.record(z.string(), z.unknown()),
  nextDueAt: nullableInstantOut,
  overdue: z.boolean(),
});

export const clockView = z.object({
  clock: z.enum(clockNames),
  basis: z.enum(['elapsed', 'working']),
  startedAt: instantOut,
  dueAt: instantOut,
  metAt: nullableInstantOut,
  paused: z.boolean(),
  extended: z.boolean(),
  remainingMs: z.number().nullable().describe('time left on the clock basis; negative = late by that much; null once met'),
  remainingHours: z.number().nullable(),
  late: z.boolean(),
});

const callbackView = z.object({
  id: z.number(),
  dueOn: z.string(),
  scheduledAt: instantOut,
  doneAt: nullableInstantOut.describe('when the call was made (occurredAt, R-DAY-1)'),
  enteredAt: nullableInstantOut.describe('when its outcome was entered, by staffId'),
  outcome: z.enum(outcomes).nullable(),
  comment: nullableText,
  staffId: nullableId,
  staffName: nullableText,
});

const transferView = z.object({
  id: z.number(),
  fromDepartmentId: nullableId,
  fromDepartmentName: nullableText,
  toDepartmentId: z.number(),
  toDepartmentName: nullableText,
  reason: z.string(),
  requestedBy: z.number(),
  requestedAt: instantOut,
  decision: z.enum(['approved', 'rejected']).nullable(),
  decidedBy: nullableId,
  decidedAt: nullableInstantOut,
  acceptedBy: nullableId,
  acceptedAt: nullableInstantOut,
});

const eventView = z.object({
  id: z.number(),
  operation: z.string(),
  fromState: nullableText,
  toState: z.string(),
  actorId: nullableId,
  actorName: nullableText,
  note: nullableText,
  data: z.record(z.string(), z.unknown()),
  at: instantOut.describe('when it happened (occurredAt, R-DAY-1)'),
  enteredAt: instantOut.describe('when it was entered, by actorId'),
});

export const ticketDetail = ticketSummary.omit({ nextDueAt: true }).extend({
  resumeState: z.enum(ticketStates).nullable(),
  seriousReasons: z.array(z.string()),
  reviewedBy: nullableId,
  maliciousReason: nullableText,
  content: z.string(),
  conductAccount: nullableText,
  conductWitnesses: nullableText,
  conductEvidence: z.array(z.string()),
  conductSigned: z.boolean(),
  acknowledgedAt: nullableInstantOut,
  assignedAt: nullableInstantOut,
  startedAt: nullableInstantOut,
  escalatedAt: nullableInstantOut,
  resolvedAt: nullableInstantOut,
  cause: nullableText,
  action: nullableText,
  result: nullableText,
  signedOffAt: nullableInstantOut,
  signedOffBy: nullableId,
  replyText: nullableText,
  pausedAt: nullableInstantOut,
  reopenedCount: z.number(),
  incidentId: nullableId.describe('incident this ticket reports (R-DAY-7)'),
  finding: z.enum(findings).nullable().describe('R-DAY-3 finding on a complaint: upheld, partly_upheld, not_upheld; null until recorded'),
  findingBy: nullableId,
  findingAt: nullableInstantOut,
  findingNote: nullableText,
  formVersion: nullableId,
  createdAt: instantOut,
  updatedAt: instantOut,
  clocks: z.array(clockView),
  timeline: z.array(eventView),
  transfers: z.array(transferView),
  callbacks: z.array(callbackView),
  allowedActions: z.array(z.enum(ticketActions)).describe('actions the state machine allows now (roles still apply)'),
});

export const dueSoonItem = z.object({
  id: z.number(),
  number: z.string(),
  kind: z.enum(ticketKinds),
  state: z.enum(ticketStates),
  severity: z.enum(severities).nullable(),
  matter: z.string(),
  ...identity,
  firstOwnerId: z.number(),
  departmentId: nullableId,
  assigneeId: nullableId,
  assigneeName: nullableText,
  clock: z.enum(clockNames),
  basis: z.enum(['elapsed', 'working']),
  dueAt: instantOut,
  overdue: z.boolean(),
});

export const callbackDueItem = z.object({
  id: z.number(),
  ticketId: z.number(),
  dueOn: z.string(),
  overdue: z.boolean(),
  number: z.string(),
  kind: z.enum(ticketKinds),
  state: z.enum(ticketStates),
  matter: z.string(),
  ...identity,
  repliedAt: nullableInstantOut,
  firstOwnerId: z.number(),
  firstOwnerName: nullableText,
});
