import { z } from 'zod';
import { DateTime } from 'luxon';
import { defineOperation } from '../../core/operation.js';
import { atLeast } from '../../core/roles.js';
import { forbidden } from '../../core/errors.js';
import { id, year } from '../../core/schemas.js';
import { checkOpen, checkSubtype, documentFields, documentOut, documentPatch, insertDocument, listDocuments, loadArchive, loadDocument } from './documents.js';
import { mayReadConfidential } from '../customers/masking.js';
import { editOut } from '../edits/store.js';
import { changeDocument, revisable } from '../edits/documents.js';

const catalogueEntry = z.object({
  archiveId: z.number(),
  boxNo: z.string().nullable(),
  label: z.string(),
  customerId: z.number(),
  unit: z.string(),
  floor: z.number(),
  vacatedAt: z.string(),
  documents: z.number(),
  pages: z.number(),
});

export default [
  defineOperation({
    name: 'archives.addDocument',
    title: 'Add a document to an archive',
    description: 'Kinds of R-ARC-1; an application needs a subtype. A bound (vacated) archive takes no new documents.',
    access: atLeast('agent'),
    kind: 'write',
    idempotent: true,
    input: documentFields.extend({
      archiveId: id.describe('archive id (customers.get → archiveId)'),
      original: z.boolean().default(false).describe('an original (原件) is never modified afterwards (R-ARC-3)'),
    }),
    output: documentOut,
    async handler(ctx, { archiveId, original, ...doc }) {
      const archive = await loadArchive(ctx, archiveId);
      checkOpen(archive);
      checkSubtype(doc);
      const created = await insertDocument(ctx, archive.id, doc, original, null);
      ctx.audit({ entity: 'document', entityId: created.id, action: 'create', after: created });
      const [shown] = await listDocuments(ctx, { ...archive, archiveId: archive.id }, created.id);
      return shown!;
    },
  }),
  defineOperation({
    name: 'archives.listDocuments',
    title: 'Documents of an archive',
    description: 'Newest first: date received, then entry time (R-ARC-2). Replaced versions stay listed with current = false.',
    access: atLeast('agent'),
    kind: 'read',
    input: z.object({ archiveId: id.describe('archive id') }),
    output: z.array(documentOut),
    async handler(ctx, input) {
      const archive = await loadArchive(ctx, input.archiveId);
      return listDocuments(ctx, { ...archive, archiveId: archive.id });
    },
  }),
  defineOperation({
    name: 'archives.updateDocument',
    title: 'Change a working document',
    description: 'Originals never change (STATE). A manager applies the change at once as a new version; anyone else files an edit request (R-ARC-3). Both versions stay listed.',
    access: atLeast('agent'),
    kind: 'write',
    input: documentPatch.extend({
      id: id.describe('document id'),
      reason: z.string().max(1000).default('').describe('why the change is needed'),
    }),
    output: z.object({
      status: z.enum(['applied', 'pending']),
      document: documentOut.nullable().describe('the new version (applied only)'),
      editRequest: editOut.nullable(),
    }),
    async handler(ctx, { id: documentId, reason, ...patch }) {
      const { doc, archive } = await loadDocument(ctx, documentId);
      revisable(doc, archive, patch);
      if (!mayReadConfidential(ctx.actor, archive)) throw forbidden('this archive is confidential: only its owner or a manager may change it (R-CUS-5)');
      const change = await changeDocument(ctx, doc, archive, patch, reason);
      return { ...change, document: change.document && { ...change.document, masked: false } };
    },
  }),
  defineOperation({
    name: 'archives.catalogue',
    title: 'Vacated archives catalogue (退租客户档案目录)',
    description: 'Archives vacated in a year, grouped by floor, with box numbers (R-ARC-5).',
    access: atLeast('agent'),
    kind: 'read',
    input: z.object({ year: year.describe('year the customers vacated, e.g. 2026') }),
    output: z.object({
      year: z.number(),
      total: z.number(),
      floors: z.array(z.object({ floor: z.number(), archives: z.array(catalogueEntry) })),
    }),
    async handler(ctx, input) {
      const start = DateTime.fromObject({ year: input.year }, { zone: ctx.zone });
      const rows = await ctx.sql<z.input<typeof catalogueEntry>>('archives/catalogue', { site: ctx.site, from: start.toJSDate(), before: start.plus({ years: 1 }).toJSDate() });
      const floors = new Map<number, z.input<typeof catalogueEntry>[]>();
      for (const row of rows) floors.set(row.floor, [...(floors.get(row.floor) ?? []), row]);
      return { year: input.year, total: rows.length, floors: [...floors].map(([floor, archives]) => ({ floor, archives })) };
    },
  }),
];
