import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { id, text } from '../../core/schemas.js';

const department = z.object({
  id,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
});

export default [
  defineOperation({
    name: 'departments.upsert',
    title: 'Add or change a department',
    description: 'Responsible departments (责任部门): engineering, security, cleaning, customer service … keyed by code.',
    access: ['admin'],
    kind: 'write',
    input: z.object({
      code: z
        .string()
        .trim()
        .regex(/^[a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _')
        .describe('stable key, e.g. engineering'),
      name: text(80).describe('shown name, e.g. 工程部 Engineering'),
      kind: z.enum(['service', 'engineering', 'security', 'cleaning', 'customer_service', 'management', 'other']).optional(),
      active: z.boolean().optional(),
    }),
    output: department,
    async handler(ctx, input) {
      const [row] = await ctx.sql('departments/upsert', { site: ctx.site, code: input.code, name: input.name, kind: input.kind, active: input.active });
      ctx.audit({ entity: 'department', entityId: input.code, after: row });
      return row as z.input<typeof department>;
    },
  }),
  defineOperation({
    name: 'departments.list',
    title: 'List departments',
    access: 'staff',
    kind: 'read',
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(department.extend({ heads: z.array(z.object({ id, name: z.string() })), staffCount: z.number() })),
    async handler(ctx, input) {
      return (await ctx.sql('departments/list', { site: ctx.site, includeInactive: input.includeInactive })) as never;
    },
  }),
];
