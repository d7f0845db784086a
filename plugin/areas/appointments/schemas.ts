// Output shape of an appointment (R-DAY-10).
import { z } from 'zod';
import { id, instantOut, nullableInstantOut } from '../../core/schemas.js';
import { appointmentKinds, appointmentStates, missedBy } from './model.js';

export const appointmentOut = z.object({
  id,
  ticketId: z.number(),
  ticketNumber: z.string().nullable(),
  kind: z.enum(appointmentKinds),
  windowStart: instantOut,
  windowEnd: instantOut,
  assigneeId: z.number().nullable(),
  assigneeName: z.string().nullable(),
  contact: z.string().nullable(),
  note: z.string(),
  state: z.enum(appointmentStates),
  missedBy: z.enum(missedBy).nullable().describe('whose side missed it: resident or staff'),
  outcomeNote: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: nullableInstantOut,
  bookedBy: z.number(),
  bookedAt: instantOut,
});
export type AppointmentRow = z.input<typeof appointmentOut>;
