// Inputs and outputs of the attachment operations (R-DAY-8).
import { z } from 'zod';
import { id, instantOut, note, text } from '../../core/schemas.js';
import { validation } from '../../core/errors.js';
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
  ticketId: id.optional().describe('ticket the file belongs to'),
  documentId: id.optional().describe('archive document the file belongs to'),
};

/** Exactly one owner: a ticket or a document. */
export function ownerOf(input: { ticketId?: number | undefined; documentId?: number | undefined }) {
  if ((input.ticketId === undefined) === (input.documentId === undefined)) throw validation('ticketId', 'give either ticketId or documentId');
  return { ticketId: input.ticketId ?? null, documentId: input.documentId ?? null };
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
