import type { OpContext } from '../../core/operation.js';
import { forbidden, validation } from '../../core/errors.js';

/**
 * Which department a form section or template override belongs to: an admin names any department
 * (or none: the general / site-wide one); a department head always works on their own.
 */
export async function departmentScope(ctx: OpContext, code: string | undefined): Promise<number | null> {
  const dept = code ? (await ctx.sql<{ id: number }>('forms/department', { site: ctx.site, code }))[0] : undefined;
  if (code && !dept) throw validation('department', `no active department with code "${code}"`);
  if (ctx.actor.roles.includes('admin')) return dept?.id ?? null;
  const own = ctx.actor.departmentId;
  if (own === null) throw forbidden(`${ctx.actor.name} heads no department`);
  if (dept && dept.id !== own) throw forbidden("a department head may change only their own department's forms and templates");
  return own;
}
