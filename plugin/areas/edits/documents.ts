// R-ARC-3 for archive documents: originals are refused (the database refuses too, migration 002's trigger);
// a working copy's change applies at once for a manager as a new version, otherwise it becomes an edit request.
import type { OpContext } from '../../core/operation.js';
import { conflict, stateError } from '../../core/errors.js';
import { checkOpen, checkSubtype, insertDocument, loadDocument, type ArchiveRow, type DocumentFields, type DocumentPatch, type DocumentRow } from '../archives/documents.js';
import { appliesAtOnce } from './model.js';
import { requestEdit } from './store.js';

/** Checks a change to a working copy before it is requested or applied; returns the merged fields. */
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
 * Applies a working-copy change as a new version; the old one stays listed, pointing to it.
 * The supersede step only succeeds on a current version, so two approvals of one copy cannot both apply.
 */
export async function reviseDocument(ctx: OpContext, documentId: number, patch: DocumentPatch): Promise<DocumentRow> {
  const { doc, archive } = await loadDocument(ctx, documentId);
  const merged = revisable(doc, archive, patch);
  const created = await insertDocument(ctx, archive.id, merged, false, doc.id);
  const [replaced] = await ctx.sql('archives/supersede', { site: ctx.site, id: doc.id, supersededBy: created.id });
  if (!replaced) throw conflict(`document ${doc.id} was changed at the same time; try again`);
  ctx.audit({ entity: 'document', entityId: created.id, action: 'revise', before: doc, after: created });
  return created;
}

/** A checked change to a working copy: applied at once by a manager, otherwise filed as a pending edit request. */
export async function changeDocument(ctx: OpContext, doc: DocumentRow, archive: ArchiveRow, patch: DocumentPatch, reason: string) {
  if (appliesAtOnce(ctx.actor)) return { status: 'applied' as const, document: await reviseDocument(ctx, doc.id, patch), editRequest: null };
  const editRequest = await requestEdit(ctx, { entity: 'document', entityId: doc.id, customerId: archive.customerId, changes: patch, before: doc, baseVersion: doc.id, reason });
  return { status: 'pending' as const, document: null, editRequest };
}
