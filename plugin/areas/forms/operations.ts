import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { conflict } from '../../core/errors.js';
import { validationError } from '../../core/coerce.js';
import { instantOut, note } from '../../core/schemas.js';
import { formatInstant } from '../../core/json.js';
import { fieldDefOut, fieldInput, formEntity, mergeSection, normalizeSection, visibleTo, type FieldDef } from './fields.js';
import { loadForm, requireForm } from './custom-fields.js';
import { formView } from './json-schema.js';
import { toolJetFormSchema } from './tooljet-form.js';
import { departmentScope } from './scope.js';

// R-FRM-1..4: departments extend customers, loans, tickets and surveys without code.

const version = z.number().int().positive();

const diff = (before: readonly FieldDef[], after: readonly FieldDef[]) => {
  const old = new Map(before.map((f) => [f.key, JSON.stringify(f)]));
  const now = new Set(after.map((f) => f.key));
  return {
    added: after.filter((f) => !old.has(f.key)).map((f) => f.key),
    removed: before.filter((f) => !now.has(f.key)).map((f) => f.key),
    changed: after.filter((f) => old.has(f.key) && old.get(f.key) !== JSON.stringify(f)).map((f) => f.key),
  };
};

export default [
  defineOperation({
    name: 'forms.define',
    title: 'Define form fields',
    description:
      "Saves a department's fields of a form (R-FRM-1) as a new version (R-FRM-2); other departments' fields are kept. " +
      'Admin may change any section (no department = the general section); a department head only their own.',
    access: ['admin', 'dept_head'],
    kind: 'write',
    input: z.object({
      entity: formEntity,
      department: z.string().trim().max(40).optional().describe("department code of the section (default: a department head's own)"),
      fields: z.array(fieldInput).max(100).describe('the whole section, in order; an empty list removes the section'),
      baseVersion: z.number().int().min(0).optional().describe('the version you edited (forms.get); refused if someone saved since'),
      note: note(500).optional().describe('why the form changed'),
    }),
    output: z.object({ entity: z.string(), version, createdAt: instantOut, fields: z.array(fieldDefOut) }),
    conflicts: { form_definitions_version: 'someone else saved this form at the same moment; reload it and try again' },
    async handler(ctx, input) {
      const departmentId = await departmentScope(ctx, input.department);
      const current = await loadForm(ctx, input.entity);
      if (input.baseVersion !== undefined && input.baseVersion !== (current?.version ?? 0)) {
        throw conflict(`the ${input.entity} form is at version ${current?.version ?? 0}, not ${input.baseVersion}; reload it and try again`);
      }
      const section = normalizeSection(input.fields, departmentId);
      const merged = mergeSection(current?.fields ?? [], section.fields, departmentId);
      const issues = [...section.issues, ...merged.issues];
      if (issues.length) throw validationError(issues);
      const [saved] = await ctx.sql<{ version: number; createdAt: Date }>('forms/define', {
        site: ctx.site,
        entity: input.entity,
        departmentId,
        fields: JSON.stringify(merged.fields),
        note: input.note,
        actorId: ctx.actor.id,
      });
      if (!saved) throw new Error('form version was not saved');
      ctx.audit({ entity: 'form', entityId: `${input.entity}@${saved.version}`, action: 'define', before: current?.fields ?? null, after: merged.fields });
      return { entity: input.entity, version: saved.version, createdAt: formatInstant(saved.createdAt, ctx.zone), fields: merged.fields };
    },
  }),
  defineOperation({
    name: 'forms.get',
    title: 'Get a form for ToolJet',
    description:
      "A form version as formSchema (ToolJet's Form component's own field types: bind it to the Form's JSON schema), " +
      'as draft-07 JSON Schema with a uiSchema, and as a column list for a Table (R-FRM-4). ' +
      "Fields hidden from the caller's role are left out. With no form defined: version null and no fields.",
    access: 'staff',
    kind: 'read',
    input: z.object({ entity: formEntity, version: version.optional().describe('default: the current version') }),
    output: z.object({
      entity: z.string(),
      version: version.nullable(),
      formSchema: z.object({ title: z.string(), properties: z.record(z.string(), z.record(z.string(), z.unknown())), required: z.array(z.string()) }),
      jsonSchema: z.record(z.string(), z.unknown()),
      uiSchema: z.record(z.string(), z.unknown()),
      columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.string() })),
      fields: z.array(fieldDefOut),
    }),
    async handler(ctx, input) {
      const form = input.version === undefined ? await loadForm(ctx, input.entity) : await requireForm(ctx, input.entity, input.version);
      const fields = (form?.fields ?? []).filter((f) => visibleTo(f, ctx.actor.roles));
      const title = form ? `${input.entity} v${form.version}` : input.entity;
      return { entity: input.entity, version: form?.version ?? null, formSchema: toolJetFormSchema(title, fields), ...formView(title, fields), fields };
    },
  }),
  defineOperation({
    name: 'forms.list',
    title: 'List forms',
    description: 'Every entity that has a form, with its current version.',
    access: 'staff',
    kind: 'read',
    input: z.object({}),
    output: z.array(z.object({ entity: z.string(), version, fieldCount: z.number(), createdBy: z.string().nullable(), createdAt: instantOut })),
    async handler(ctx) {
      const rows = await ctx.sql<{ entity: string; version: number; fieldCount: number; createdBy: string | null; createdAt: Date }>('forms/list', { site: ctx.site });
      return rows.map((r) => ({ ...r, createdAt: formatInstant(r.createdAt, ctx.zone) }));
    },
  }),
  defineOperation({
    name: 'forms.history',
    title: 'Form version history',
    description: 'Every version of a form, newest first: who saved which section, and which keys were added, removed or changed (R-FRM-2).',
    access: 'staff',
    kind: 'read',
    input: z.object({ entity: formEntity }),
    output: z.array(
      z.object({
        version,
        departmentCode: z.string().nullable(),
        createdBy: z.string().nullable(),
        note: z.string().nullable(),
        createdAt: instantOut,
        fieldCount: z.number(),
        added: z.array(z.string()),
        removed: z.array(z.string()),
        changed: z.array(z.string()),
      }),
    ),
    async handler(ctx, input) {
      const rows = await ctx.sql<{ version: number; fields: FieldDef[]; departmentCode: string | null; createdBy: string | null; note: string | null; createdAt: Date }>('forms/history', {
        site: ctx.site,
        entity: input.entity,
      });
      return rows.map(({ fields, createdAt, ...row }, i) => ({ ...row, createdAt: formatInstant(createdAt, ctx.zone), fieldCount: fields.length, ...diff(rows[i + 1]?.fields ?? [], fields) }));
    },
  }),
];
