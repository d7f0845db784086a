import type { OpContext } from '../../core/operation.js';
import { conflict, notFound, stateError, validation } from '../../core/errors.js';
import { insertDocument, loadArchive, type ArchiveRow, type DocumentFields, type DocumentPatch, type DocumentRow } from './documents.js';

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
  const [ref] = await ctx.sql<{ archiveId: number }>('archives/document-archive', [ctx.site, documentId]);
  if (!ref) throw notFound(`document ${documentId}`);
  const archive = await loadArchive(ctx, ref.archiveId);
  const [doc] = await ctx.sql<DocumentRow>('archives/documents', [ctx.site, archive.id, documentId]);
  return { doc: doc!, archive };
}

/** Checks a change to a working copy before it is requested or applied (R-ARC-3); returns the merged fields. */
export function revisable(doc: DocumentRow, archive: ArchiveRow, patch: DocumentPatch): DocumentFields {
  if (doc.original) throw stateError('original documents cannot be changed');
  if (!doc.current) throw conflict(`document ${doc.id} was already replaced by version ${doc.supersededBy}; change that one`);
  checkOpen(archive);
  const merged: DocumentFields = {
    kind: patch.kind ?? doc.kind,
    subtype: patch.subtype === undefined ? (patch.kind && patch.kind !== 'application' ? null : doc.subtype) : patch.subtype,
    title: patch.title ?? doc.title,
    receivedOn: patch.receivedOn ?? doc.receivedOn,
    pages: patch.pages ?? doc.pages,
    fileRef: patch.fileRef === undefined ? doc.fileRef : patch.fileRef,
    notes: patch.notes ?? doc.notes,
  };
  checkSubtype(merged);
  return merged;
}

/**
 * Applies a working-copy change as a new version; the old one stays listed, pointing to it (R-ARC-3).
 * The supersede step only succeeds on a current version, so two approvals of one copy cannot both apply.
 */
export async function reviseDocument(ctx: OpContext, documentId: number, patch: DocumentPatch): Promise<DocumentRow> {
  const { doc, archive } = await loadDocument(ctx, documentId);
  const merged = revisable(doc, archive, patch);
  const created = await insertDocument(ctx, archive.id, merged, false, doc.id);
  const [replaced] = await ctx.sql('archives/supersede', [ctx.site, doc.id, created.id]);
  if (!replaced) throw conflict(`document ${doc.id} was changed at the same time; try again`);
  ctx.audit({ entity: 'document', entityId: created.id, action: 'revise', before: doc, after: created });
  return created;
}
