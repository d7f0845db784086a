// Attachments (R-DAY-8): photos and scans kept in the database, immutable once stored (as R-ARC-3),
// read back under the masking of what they belong to.
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { notFound, validation } from '../../core/errors.js';
import { id } from '../../core/schemas.js';
import { stages, ticketStages } from './model.js';
import { attachmentOut, fileInput, noteInput, ownerInput, ownerOf } from './schemas.js';
import { access, checkFile, listFor, reserve } from './store.js';

const add = defineOperation({
  name: 'attachments.add',
  title: 'Attach a photo or scan',
  description:
    'R-DAY-8: a JPEG/PNG photo or a PDF scan on a ticket (stage intake, before or after the repair) or on an archive document (stage scan). The type is read from the bytes; a file labelled as something else, or over the per-file or per-site limit (settings.attachments), is refused and nothing is stored. Stored attachments never change.',
  access: 'staff',
  kind: 'write',
  idempotent: true,
  input: z.object({
    ...ownerInput,
    stage: z.enum(stages).optional().describe('intake, before, after (tickets; default intake) or scan (documents)'),
    file: fileInput,
    note: noteInput,
  }),
  output: attachmentOut,
  async handler(ctx, input) {
    const owner = await ownerOf(ctx, input);
    const stage = input.stage ?? (owner.ticketId !== null ? 'intake' : 'scan');
    const allowed: readonly string[] = owner.ticketId !== null ? ticketStages : ['scan'];
    if (!allowed.includes(stage)) throw validation('stage', `one of ${allowed.join(', ')} for a ${owner.ticketId !== null ? 'ticket' : 'document'}`);
    const { settings } = await ctx.config();
    const file = checkFile(input.file, settings.attachments.maxFileBytes);
    await access(ctx, owner, true);
    await reserve(ctx, file.bytes.length, settings.attachments.maxSiteBytes);
    const [row] = await ctx.sql<{ id: number }>('attachments/insert', {
      site: ctx.site,
      ticketId: owner.ticketId,
      documentId: owner.documentId,
      stage,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      sha256: file.sha256,
      data: file.bytes,
      note: input.note,
      actorId: ctx.actor.id || null,
      at: ctx.now,
    });
    if (!row) throw new Error('attachment insert returned no row');
    const [stored] = await listFor(ctx, owner, false, row.id);
    if (!stored) throw new Error('stored attachment not found');
    // The audit keeps the fingerprint, not the bytes.
    ctx.audit({ entity: 'attachment', entityId: row.id, action: 'add', after: { ...stored, base64Data: undefined, dataUrl: undefined } });
    return stored;
  },
});

const list = defineOperation({
  name: 'attachments.list',
  title: 'Photos and scans of a ticket or document',
  description: 'Oldest first. Without withData only the descriptions come back; masked for readers who may not see them (R-CUS-5, R-TIC-8).',
  access: 'staff',
  kind: 'read',
  input: z.object({ ...ownerInput, withData: z.boolean().default(false).describe('include the bytes (base64Data, dataUrl)') }),
  output: z.array(attachmentOut),
  handler: async (ctx, input) => listFor(ctx, await ownerOf(ctx, input), input.withData),
});

const get = defineOperation({
  name: 'attachments.get',
  title: 'One photo or scan with its bytes',
  access: 'staff',
  kind: 'read',
  input: z.object({ id: id.describe('attachment id') }),
  output: attachmentOut,
  async handler(ctx, input) {
    const [owner] = await ctx.sql<{ ticketId: number | null; documentId: number | null }>('attachments/owner', { site: ctx.site, id: input.id });
    if (!owner) throw notFound(`attachment ${input.id}`);
    const [row] = await listFor(ctx, owner, true, input.id);
    if (!row) throw notFound(`attachment ${input.id}`);
    return row;
  },
});

export default [add, list, get];
