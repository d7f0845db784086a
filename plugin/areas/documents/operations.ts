import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { instantOut, note } from '../../core/schemas.js';
import { formatInstant } from '../../core/json.js';
import { builtInSource, compileTemplate, templateNames } from './engine.js';
import { renderDocument, renderSample, sourceOf } from './render.js';
import { departmentScope } from '../forms/scope.js';

// R-DOC-1: printable documents, and departments' wording of them.

const templateName = z.string().trim().min(1).max(60).describe(`document template: one of documents.listTemplates (e.g. complaint-intake)`);
const department = z.string().trim().max(40).optional().describe("department code (default: a department head's own; admin without one: site-wide)");
const rendered = z.object({ html: z.string(), title: z.string() });
const saved = z.object({ id: z.number(), template: z.string(), departmentId: z.number().nullable(), createdAt: instantOut });

export default [
  defineOperation({
    name: 'documents.render',
    title: 'Render a printable document',
    description:
      'HTML for A4 printing (R-DOC-1). params per template: complaint-intake / transfer-slip / resolution-record {id: ticket}, loan-slip {id: loan}, ' +
      'vacated-catalogue {year}, monthly-analysis {month}, quarterly-summary {quarter, seed?}, callback-stats {year}, survey-results {id: survey}. ' +
      'Data comes from the reads of each area, with their access rules and masking.',
    access: 'staff',
    kind: 'read',
    input: z.object({
      template: templateName,
      params: z.record(z.string(), z.unknown()).default({}).describe('the template\'s parameters as a JSON object, e.g. {"id": 42} or {"month": "2026-10"}'),
    }),
    output: rendered,
    async handler(ctx, input) {
      return renderDocument(ctx, input.template, input.params);
    },
  }),
  defineOperation({
    name: 'documents.listTemplates',
    title: 'Document templates',
    description: 'Every built-in template with its parameters, and the override history per department (current first).',
    access: 'staff',
    kind: 'read',
    input: z.object({ template: templateName.optional() }),
    output: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        params: z.record(z.string(), z.unknown()),
        overrides: z.array(
          z.object({
            id: z.number(),
            departmentCode: z.string().nullable(),
            action: z.string(),
            current: z.boolean(),
            note: z.string().nullable(),
            createdBy: z.string().nullable(),
            createdAt: instantOut,
          }),
        ),
      }),
    ),
    async handler(ctx, input) {
      const rows = await ctx.sql<{
        id: number;
        template: string;
        departmentCode: string | null;
        departmentId: number | null;
        action: string;
        note: string | null;
        createdBy: string | null;
        createdAt: Date;
      }>('documents/list', { site: ctx.site, template: input.template });
      const names = input.template ? [input.template] : templateNames;
      return names.map((name) => {
        const seen = new Set<number | null>();
        const overrides = rows
          .filter((r) => r.template === name)
          .map(({ template: _t, departmentId, createdAt, ...r }) => {
            const current = !seen.has(departmentId) && r.action === 'set';
            seen.add(departmentId);
            return { ...r, current, createdAt: formatInstant(createdAt, ctx.zone) };
          });
        return { name, title: sourceOf(name).title, params: z.toJSONSchema(sourceOf(name).params) as Record<string, unknown>, overrides };
      });
    },
  }),
  defineOperation({
    name: 'documents.setTemplate',
    title: "Change a document's wording",
    description:
      "Saves a department's (or, for admin, the site-wide) text of a template. The text is compiled and test-rendered against sample data first; " +
      'a bad template is refused with the line and reason. Helpers: date, datetime, hours, number, percent, orDash, tick, zh, inc, eq, barChart, gauge; partials: header, ticket, signatures.',
    access: ['admin', 'dept_head'],
    kind: 'write',
    input: z.object({
      template: templateName,
      source: z.string().min(1).max(100_000).describe('Handlebars text (documents.getTemplate gives the current one)'),
      department,
      note: note(500).optional(),
    }),
    output: saved.extend({ preview: rendered }),
    async handler(ctx, input) {
      sourceOf(input.template);
      const departmentId = await departmentScope(ctx, input.department);
      const preview = renderSample(ctx, input.template, compileTemplate(input.source), (await ctx.config()).settings.documents);
      const [row] = await ctx.sql<{ id: number; createdAt: Date }>('documents/save', {
        site: ctx.site,
        template: input.template,
        departmentId,
        action: 'set',
        source: input.source,
        note: input.note,
        actorId: ctx.actor.id,
      });
      if (!row) throw new Error('template was not saved');
      ctx.audit({ entity: 'document_template', entityId: input.template, action: 'set', after: { departmentId, note: input.note ?? null } });
      return { id: row.id, template: input.template, departmentId, createdAt: formatInstant(row.createdAt, ctx.zone), preview };
    },
  }),
  defineOperation({
    name: 'documents.resetTemplate',
    title: 'Back to the built-in wording',
    description: "Ends a department's (or the site-wide) override; the earlier texts stay in the history.",
    access: ['admin', 'dept_head'],
    kind: 'write',
    input: z.object({ template: templateName, department, note: note(500).optional() }),
    output: saved,
    async handler(ctx, input) {
      sourceOf(input.template);
      const departmentId = await departmentScope(ctx, input.department);
      const [row] = await ctx.sql<{ id: number; createdAt: Date }>('documents/save', {
        site: ctx.site,
        template: input.template,
        departmentId,
        action: 'reset',
        source: null,
        note: input.note,
        actorId: ctx.actor.id,
      });
      if (!row) throw new Error('reset was not saved');
      ctx.audit({ entity: 'document_template', entityId: input.template, action: 'reset', after: { departmentId } });
      return { id: row.id, template: input.template, departmentId, createdAt: formatInstant(row.createdAt, ctx.zone) };
    },
  }),
  defineOperation({
    name: 'documents.getTemplate',
    title: 'Text of a document template',
    description: 'The text in force for a department (its override, else the site-wide one, else the built-in), to edit and save with documents.setTemplate.',
    access: 'staff',
    kind: 'read',
    input: z.object({ template: templateName, department }),
    output: z.object({ template: z.string(), source: z.string(), overridden: z.boolean() }),
    async handler(ctx, input) {
      sourceOf(input.template);
      const departmentId = input.department ? await departmentScope(ctx, input.department) : ctx.actor.departmentId;
      const [override] = await ctx.sql<{ source: string }>('documents/override', { site: ctx.site, template: input.template, departmentId });
      return { template: input.template, source: override?.source ?? builtInSource(input.template) ?? '', overridden: Boolean(override) };
    },
  }),
];
