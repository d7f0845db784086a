// Inputs and outputs of the attachment operations (R-DAY-8).
import { z } from 'zod';
import { id, instantOut, note, text } from '../../core/schemas.js';
import { validation } from '../../core/errors.js';
import type { OpContext } from '../../core/operation.js';
import { resolveTicketId, ticketNumber } from '../tickets/ref.js';
import { contentTypes, stages } from './model.js';

/** One file as ToolJet's FilePicker exposes it (files[i]: name, type, base64Data, …; other keys are ignored). */
export const fileInput = z
  .object({
    name: text(200).describe('file name, e.g. leak.jpg'),
    type: z.string().max(100).optional().describe('declared type; must agree with the bytes'),
    base64Data: z.string().min(1).describe('the file as base64 (a data: URL is accepted too)'),
  })
  .describe('the file, e.g. {{components.filePicker1.files[0]}} — ToolJet’s FilePicker gives name, type and base64Data');

export const ownerInput = {
  ticketId: id.optional().describe('ticket the file belongs to (or give ticketNumber)'),
  ticketNumber: ticketNumber.optional(),
  documentId: id.optional().describe('archive document the file belongs to'),
};

/** Exactly one owner: a ticket (by id or by the number staff quote, R-DAY-4) or a document. */
export async function ownerOf(ctx: OpContext, input: { ticketId?: number | undefined; ticketNumber?: string | undefined; documentId?: number | undefined }) {
  const ticketGiven = input.ticketId !== undefined || input.ticketNumber !== undefined;
  if (ticketGiven === (input.documentId !== undefined)) throw validation('ticketId', 'give either a ticket (ticketId or ticketNumber) or documentId');
  if (input.ticketId !== undefined && input.ticketNumber !== undefined) throw validation('ticketNumber', 'give the ticket id or its number, not both');
  const ticketId = ticketGiven ? await resolveTicketId(ctx, { id: input.ticketId, number: input.ticketNumber }) : null;
  return { ticketId, documentId: input.documentId ?? null };
}

export const attachmentOut = z.object({
  id,
  ticketId: z.number().nullable(),
  documentId: z.number().nullable(),
  stage: z.enum(stages),
  fileName: z.string(),
  contentType: z.enum(contentTypes),
  sizeBytes: z.number(),
  sha256: z.string(),
  note: z.string(),
  createdBy: z.number().nullable(),
  createdAt: instantOut,
  base64Data: z.string().nullable().describe('the bytes (attachments.get, or list with withData); null when masked'),
  dataUrl: z.string().nullable().describe('data: URL for an Image component or a link'),
  masked: z.boolean().describe('true when the reader may not see the file (R-CUS-5, R-TIC-8)'),
});

export const noteInput = note(1000).default('').describe('what the photo or scan shows');
