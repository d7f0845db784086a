// Reading a file from its input, checking it, storing it within the limits, and reading attachments back
// under their owner's masking rules (R-DAY-8 with R-CUS-5 for documents, R-TIC-8 for tickets).
import { createHash } from 'node:crypto';
import type { OpContext } from '../../core/operation.js';
import { forbidden, notFound, stateError, validation } from '../../core/errors.js';
import { mayReadConfidential, type Confidentiality } from '../customers/masking.js';
import { mustMaskFor, scope } from '../tickets/visibility.js';
import { claimedTypes, sniff, type ContentType, type Stage } from './model.js';

export interface Owner {
  ticketId: number | null;
  documentId: number | null;
}

export interface CheckedFile {
  fileName: string;
  contentType: ContentType;
  bytes: Buffer;
  sha256: string;
}

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const mib = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

/** Decodes and checks one uploaded file; every refusal names the field and changes nothing. */
export function checkFile(file: { name: string; type?: string | undefined; base64Data: string }, maxFileBytes: number): CheckedFile {
  // ToolJet's FilePicker gives bare base64; a data: URL (dataURL) is accepted too.
  const text = file.base64Data.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !base64.test(text)) throw validation('file.base64Data', 'is not base64 (bind the FilePicker’s file[0], or its base64Data)');
  // Checked before decoding so an oversized upload is refused without holding its bytes twice.
  const size = (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  if (size === 0) throw validation('file.base64Data', 'the file is empty');
  if (size > maxFileBytes) throw validation('file.base64Data', `the file is ${mib(size)}; the limit per file is ${mib(maxFileBytes)} (settings.attachments.maxFileBytes)`);
  const bytes = Buffer.from(text, 'base64');
  const contentType = sniff(bytes);
  if (!contentType) throw validation('file.base64Data', 'the content is not a JPEG, PNG or PDF file (checked from the bytes, not the name)');
  const wrong = claimedTypes(file.name, file.type).filter((c) => c !== contentType);
  if (wrong.length > 0) throw validation('file.name', `the file is labelled ${wrong.join(' / ')} but its content is ${contentType}: rename it or pick the right file`);
  return { fileName: file.name, contentType, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Adds `bytes` to the site's usage, or refuses when the site limit would be passed. */
export async function reserve(ctx: OpContext, bytes: number, maxSiteBytes: number): Promise<void> {
  const [row] = await ctx.sql('attachments/reserve', { site: ctx.site, bytes, maxSiteBytes });
  if (row) return;
  const [usage] = await ctx.sql<{ usedBytes: string | number }>('attachments/usage', { site: ctx.site });
  throw validation('file.base64Data', `the site's attachments would pass ${mib(maxSiteBytes)} (${mib(Number(usage?.usedBytes ?? 0))} used; settings.attachments.maxSiteBytes)`);
}

/** Whether the reader sees the contents of the owner's attachments; throws when the owner is out of reach. */
export async function access(ctx: OpContext, owner: Owner, forWriting: boolean): Promise<{ masked: boolean }> {
  if (owner.ticketId !== null) {
    const [t] = await ctx.sql<{ targetStaffId: number | null }>('attachments/ticket', { site: ctx.site, ticketId: owner.ticketId, ...scope(ctx.actor) });
    if (!t) throw notFound(`ticket ${owner.ticketId}`);
    // R-TIC-8: the staff member complained about steps aside and never sees what the complainant brought.
    const masked = mustMaskFor(ctx.actor.id, t);
    if (masked && forWriting) throw forbidden('the staff member complained about must step aside from this ticket (R-TIC-8)');
    return { masked };
  }
  const [d] = await ctx.sql<Confidentiality & { supersededBy: number | null }>('attachments/document', { site: ctx.site, documentId: owner.documentId });
  if (!d) throw notFound(`document ${owner.documentId}`);
  const masked = !mayReadConfidential(ctx.actor, d);
  if (forWriting && masked) throw forbidden('documents of a confidential customer are handled by a manager or the customer’s owner (R-CUS-5)');
  if (forWriting && d.supersededBy !== null) throw stateError(`document ${owner.documentId} was replaced by version ${d.supersededBy}: attach the scan to the current version`);
  return { masked };
}

export interface StoredRow {
  id: number;
  ticketId: number | null;
  documentId: number | null;
  stage: Stage;
  fileName: string;
  contentType: ContentType;
  sizeBytes: number;
  sha256: string;
  note: string;
  createdBy: number | null;
  createdAt: string;
  data: Uint8Array | null;
}

/** The row as the reader may see it: bytes as base64 and a data URL (for ToolJet's Image component), or masked. */
export function view(row: StoredRow, masked: boolean) {
  const { data, ...meta } = row;
  if (masked) return { ...meta, fileName: '***', sha256: '***', note: '', base64Data: null, dataUrl: null, masked: true };
  const encoded = data ? Buffer.from(data).toString('base64') : null;
  return { ...meta, base64Data: encoded, dataUrl: encoded && `data:${row.contentType};base64,${encoded}`, masked: false };
}

export async function listFor(ctx: OpContext, owner: Owner, withData: boolean, onlyId: number | null = null) {
  const { masked } = await access(ctx, owner, false);
  const rows = await ctx.sql<StoredRow>('attachments/list', { site: ctx.site, ticketId: owner.ticketId, documentId: owner.documentId, withData: withData && !masked, onlyId });
  return rows.map((r) => view(r, masked));
}
