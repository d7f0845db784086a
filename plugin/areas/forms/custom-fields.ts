import type { OpContext } from '../../core/operation.js';
import { notFound, validation } from '../../core/errors.js';
import { validationError } from '../../core/coerce.js';
import { compiledForm } from './compile.js';
import type { FieldDef } from './fields.js';

/** Which form a record's custom fields follow (R-FRM-1): customers, loans, tickets per kind, surveys. */
export type FormEntity = 'customer' | 'loan' | `ticket:${string}` | 'survey';

export interface CustomValues {
  custom: Record<string, unknown>;
  /** The form version the values were validated against (R-FRM-2); null when no form is defined. */
  formVersion: number | null;
}

export interface FormVersion {
  version: number;
  fields: FieldDef[];
  createdAt: Date;
}

/** The current form of an entity, or a given version (R-FRM-2); null when none is defined. */
export async function loadForm(ctx: OpContext, entity: FormEntity, version?: number): Promise<FormVersion | null> {
  const [row] = await ctx.sql<FormVersion>('forms/definition', { site: ctx.site, entity, version });
  return row ?? null;
}

/** Validates values against one form version for the calling staff member; `path` names the input field. */
export function checkAgainst(ctx: OpContext, form: FormVersion, values: Record<string, unknown>, path: string): Record<string, unknown> {
  const result = compiledForm(form.fields, ctx.zone).check(values, ctx.actor.roles, path);
  if ('issues' in result) throw validationError(result.issues);
  return result.values;
}

/**
 * Validates custom field values against the current form definition of an entity (R-FRM-3).
 * Throws a VALIDATION error naming the field label. Callers store both results on the record.
 * With no form defined, any value is refused: there is nothing it could be checked against.
 */
export async function checkCustomValues(ctx: OpContext, entity: FormEntity, values: Record<string, unknown> | undefined): Promise<CustomValues> {
  const form = await loadForm(ctx, entity);
  if (!form) {
    if (values && Object.keys(values).length > 0) throw validation('custom', `no custom fields are defined for ${entity}`);
    return { custom: {}, formVersion: null };
  }
  return { custom: checkAgainst(ctx, form, values ?? {}, 'custom'), formVersion: form.version };
}

/** A given version that must exist (surveys keep the version their questions came from). */
export async function requireForm(ctx: OpContext, entity: FormEntity, version?: number): Promise<FormVersion> {
  const form = await loadForm(ctx, entity, version);
  if (!form) throw notFound(version === undefined ? `a ${entity} form` : `${entity} form version ${version}`);
  return form;
}
