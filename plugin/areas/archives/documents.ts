import { z } from 'zod';
import type { OpContext } from '../../core/operation.js';
import { notFound, stateError, validation } from '../../core/errors.js';
import { localDate, note, text } from '../../core/schemas.js';
import { maskDocument, mayReadConfidential, type Confidentiality } from '../customers/masking.js';

export const documentKinds = ['move_in', 'fit_out', 'correspondence', 'application', 'other'] as const;
export const applicationSubtypes = ['door_lock', 'phone_line', 'parking', 'signage', 'overtime'] as const;

/** Content fields of a document; a change to a working copy carries any of them (R-ARC-3, areas/edits/documents.ts). */
export const documentFields = z.strictObject({
  kind: z.enum(documentKinds).describe('move_in 入住资料, fit_out 二装资料, correspondence 往来函, application 申请单, other'),
  subtype: z.enum(applicationSubtypes).nullable().optional().describe('for an application: door_lock 房门锁, phone_line 电话, parking 车位, signage 水牌, overtime 客户加班'),
  title: text(300).describe('title'),
  receivedOn: localDate.describe('date received (YYYY-MM-DD)'),
  pages: z.number().int().min(0).max(10000).describe('number of pages'),
  fileRef: z.string().trim().max(1000).nullable().optional().describe('URL or storage key of the scan'),
  notes: note(2000).optional().describe('notes'),
});
export type DocumentFields = z.output<typeof documentFields>;
export const documentPatch = documentFields.partial();
export type DocumentPatch = z.output<typeof documentPatch>;

export const documentOut = z.object({
  id: z.number(),
  archiveId: z.number(),
  kind: z.enum(documentKinds),
  subtype: z.enum(applicationSubtypes).nullable(),
  title: z.string(),
  receivedOn: z.string(),
  pages: z.number(),
  fileRef: z.string().nullable(),
  original: z.boolean(),
  supersedesId: z.number().nullable().describe('the earlier version this one replaces'),
  supersededBy: z.number().nullable().describe('the newer version that replaced this one'),
  current: z.boolean(),
  notes: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.string(),
  masked: z.boolean(),
});
export type DocumentRow = Omit<z.input<typeof documentOut>, 'masked'>;

export interface ArchiveRow extends Confidentiality {
  id: number;
  customerId: number;
  label: string;
  status: 'active' | 'vacated';
  bound: boolean;
  boxNo: string | null;
  unit: string;
}

export async function loadArchive(ctx: OpContext, archiveId: number): Promise<ArchiveRow> {
  const [row] = await ctx.sql<ArchiveRow>('archives/archive', { site: ctx.site, id: archiveId });
  if (!row) throw notFound(`archive ${archiveId}`);
  return row;
}

/** kind application ⇔ a subtype (R-ARC-1). */
export function checkSubtype(doc: Pick<DocumentFields, 'kind' | 'subtype'>): void {
  if (doc.kind === 'application' && !doc.subtype) throw validation('subtype', 'an application needs a subtype: door_lock, phone_line, parking, signage or overtime');
  if (doc.kind !== 'application' && doc.subtype) throw validation('subtype', 'only an application has a subtype');
}

/** Bound (装订) archives take no new documents or versions (R-ARC-4). */
export function checkOpen(archive: ArchiveRow): void {
  if (archive.bound || archive.status !== 'active') throw stateError(`archive ${archive.id} is bound (customer vacated); it takes no new documents`);
}

export async function loadDocument(ctx: OpContext, documentId: number): Promise<{ doc: DocumentRow; archive: ArchiveRow }> {
  const [ref] = await ctx.sql<{ archiveId: number }>('archives/document-archive', { site: ctx.site, id: documentId });
  if (!ref) throw notFound(`document ${documentId}`);
  const archive = await loadArchive(ctx, ref.archiveId);
  const [doc] = await ctx.sql<DocumentRow>('archives/documents', { site: ctx.site, archiveId: archive.id, id: documentId });
  return { doc: doc!, archive };
}

/** Documents of an archive, newest first, masked for this actor when the customer is confidential (R-CUS-5). */
export async function listDocuments(ctx: OpContext, owner: Confidentiality & { archiveId: number }, documentId: number | null = null) {
  const rows = await ctx.sql<DocumentRow>('archives/documents', { site: ctx.site, archiveId: owner.archiveId, id: documentId });
  const open = mayReadConfidential(ctx.actor, owner);
  return rows.map((r) => (open ? { ...r, masked: false } : maskDocument(r)));
}

/** Inserts a document (or a new version of a working copy) and returns it. */
export async function insertDocument(ctx: OpContext, archiveId: number, doc: DocumentFields, original: boolean, supersedesId: number | null): Promise<DocumentRow> {
  const [row] = await ctx.sql<{ id: number }>('archives/add-document', {
    site: ctx.site,
    archiveId,
    kind: doc.kind,
    subtype: doc.subtype,
    title: doc.title,
    receivedOn: doc.receivedOn,
    pages: doc.pages,
    fileRef: doc.fileRef,
    original,
    notes: doc.notes ?? '',
    supersedesId,
    createdBy: ctx.actor.id || null,
    now: ctx.now,
  });
  const [created] = await ctx.sql<DocumentRow>('archives/documents', { site: ctx.site, archiveId, id: row!.id });
  return created!;
}
