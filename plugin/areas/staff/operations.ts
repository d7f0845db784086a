import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { apiKeyFor, hashApiKey } from '../../core/actor.js';
import { notFound, validation } from '../../core/errors.js';
import { roles } from '../../core/roles.js';
import { email, id, phone, text } from '../../core/schemas.js';

const staffMember = z.object({
  id,
  name: z.string(),
  tooljetUserId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(roles)),
  active: z.boolean(),
  departmentId: z.number().nullable(),
  departmentCode: z.string().nullable(),
  hasApiKey: z.boolean(),
});

export default [
  defineOperation({
    name: 'staff.upsert',
    title: 'Add or change a staff member',
    description:
      'Maps a ToolJet user to a staff member with roles (R-ACT-1). On an empty database the first call may be made by anyone and that person becomes admin. Set issueApiKey to get a key for the HTTP service; it is shown once and stored only as a hash.',
    access: ['admin'],
    bootstrap: true,
    kind: 'write',
    input: z.object({
      id: id.optional().describe('leave empty to add a new staff member'),
      name: text(80).optional().describe('full name, e.g. 王敏'),
      tooljetUserId: z.string().trim().min(1).max(100).optional().describe('the ToolJet user id ({{globals.currentUser.id}})'),
      email: email.optional(),
      phone: phone.optional(),
      departmentCode: z.string().trim().max(40).optional().describe('department code (departments.list)'),
      roles: z.array(z.enum(roles)).min(1).optional().describe('agent, supervisor, manager, director, dept_head, admin'),
      active: z.boolean().optional(),
      issueApiKey: z.boolean().default(false).describe('issue a new API key for the HTTP service (replaces the old one)'),
    }),
    output: staffMember.extend({ apiKey: z.string().optional().describe('shown once') }),
    conflicts: {
      staff_tooljet_user: 'another staff member already has this ToolJet user id',
      staff_email: 'another staff member already has this email',
      staff_roles_known: 'unknown role',
    },
    async handler(ctx, input) {
      const creating = input.id === undefined;
      if (creating && !input.name) throw validationName();
      // First run: whoever creates the first staff member becomes its administrator.
      const bootstrap = ctx.actor.id === 0;
      const chosen = input.roles ?? (creating ? ['agent' as const] : undefined);
      const assigned = bootstrap && chosen && !chosen.includes('admin') ? [...chosen, 'admin' as const] : chosen;
      const [row] = await ctx.sql('staff/upsert', {
        site: ctx.site,
        id: input.id,
        name: input.name,
        tooljetUserId: input.tooljetUserId,
        email: input.email,
        phone: input.phone,
        roles: assigned,
        departmentCode: input.departmentCode,
        active: input.active,
      });
      if (!row) throw notFoundStaff(input.id);
      // The key embeds the staff id (found by primary key), so only its digest is ever stored.
      const apiKey = input.issueApiKey ? apiKeyFor(row.id as number, randomBytes(24).toString('base64url')) : undefined;
      if (apiKey) await ctx.sql('staff/set-api-key', { site: ctx.site, id: row.id as number, apiKeyHash: hashApiKey(apiKey) });
      if (input.departmentCode && row.departmentId === null) throw unknownDepartment(input.departmentCode);
      ctx.audit({ entity: 'staff', entityId: row.id as number, action: creating ? 'create' : 'update', after: row });
      return { ...(row as z.input<typeof staffMember>), ...(apiKey ? { apiKey, hasApiKey: true } : {}) };
    },
  }),
  defineOperation({
    name: 'staff.list',
    title: 'List staff',
    access: 'staff',
    kind: 'read',
    input: z.object({
      role: z.enum(roles).optional(),
      departmentCode: z.string().max(40).optional(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.array(staffMember),
    async handler(ctx, input) {
      return (await ctx.sql('staff/list', { site: ctx.site, role: input.role, departmentCode: input.departmentCode, includeInactive: input.includeInactive })) as never;
    },
  }),
];

const validationName = () => validation('name', 'a new staff member needs a name');
const notFoundStaff = (staffId: number | undefined) => notFound(`staff member ${staffId}`);
const unknownDepartment = (code: string) => validation('departmentCode', `no department with code "${code}"`);
