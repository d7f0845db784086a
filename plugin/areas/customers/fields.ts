// Glossary: 一户一档 one archive per customer of a unit; 单元号 unit number; 退租 vacating; 装订 bound archive;
// 潜在/新/常规/VIP customer categories; 入住资料/二装资料/往来函/申请单 document kinds (R-ARC-1).
import { z } from 'zod';
import { email, localDate, note, phone, text } from '../../core/schemas.js';
import { validation } from '../../core/errors.js';

export const categories = ['prospective', 'new', 'regular', 'vip'] as const;
export const grades = ['A', 'B', 'C', 'D'] as const;
export const customerStatuses = ['active', 'vacated'] as const;

/** '12F-1203', 'B1-005', '3F-301A': a floor (nF, or Bn for basements) then a room. */
export const unit = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(B[1-9]|[1-9]\d?F)-[0-9A-Z]{1,8}$/, "a unit like '12F-1203' (floor nF or basement Bn, dash, room)")
  .describe("unit number 单元号, e.g. '12F-1203' or 'B1-005'");

/** Floor stored with the record so floor searches and the vacated catalogue group without parsing. */
export function floorOf(value: string): number {
  const [, basement, level] = /^(?:B(\d+)|(\d+)F)-/.exec(value) ?? [];
  if (basement) return -Number(basement);
  if (level) return Number(level);
  throw validation('unit', `cannot read the floor of ${value}`);
}

export const contact = z.strictObject({
  name: text(80).describe('contact person'),
  phones: z.array(phone).max(10).default([]).describe('phone numbers'),
  email: email.nullable().optional().describe('email address'),
});
export type Contact = z.output<typeof contact>;

/** Phones reduced to digits, stored alongside the contacts for indexed search (R-ARC-6). */
export const digits = (value: string): string => value.replace(/\D/g, '');
export const phonesOf = (contacts: readonly Contact[]): string[] => [...new Set(contacts.flatMap((c) => c.phones.map(digits)))];

const custom = z.record(z.string(), z.unknown()).describe('department-defined fields (forms.get for customer), as a JSON object');

/** Fields a user may change on a customer, directly (manager) or through an edit request (R-ARC-3). */
export const customerPatch = z.strictObject({
  name: text(200).optional().describe('company or person name; renaming updates the archive label (R-CUS-3)'),
  contacts: z.array(contact).max(20).optional().describe('contacts: [{name, phones[], email}]'),
  category: z.enum(categories).optional().describe('prospective 潜在, new 新, regular 常规, vip'),
  grade: z.enum(grades).optional().describe('grade A/B/C/D (follow-up cadence)'),
  moveInDate: localDate.nullable().optional().describe('move-in date'),
  confidential: z.boolean().optional().describe('confidential: contacts and documents masked below manager (R-CUS-5)'),
  ownerStaffId: z.number().int().positive().nullable().optional().describe('staff id of the assigned owner'),
  notes: note().optional().describe('free notes'),
  custom: custom.optional(),
  boxNo: z.string().trim().max(40).nullable().optional().describe('archive box number 档案盒号'),
});
export type CustomerPatch = z.output<typeof customerPatch>;

export const customerCreate = customerPatch.required({ name: true }).extend({ unit });

export const customerOut = z.object({
  id: z.number(),
  unit: z.string(),
  floor: z.number(),
  name: z.string(),
  contacts: z.array(z.object({ name: z.string(), phones: z.array(z.string()), email: z.string().nullable().optional() })),
  category: z.enum(categories),
  grade: z.enum(grades),
  moveInDate: z.string().nullable(),
  confidential: z.boolean(),
  ownerStaffId: z.number().nullable(),
  ownerName: z.string().nullable(),
  notes: z.string(),
  custom: z.record(z.string(), z.unknown()),
  formVersion: z.number().nullable(),
  status: z.enum(customerStatuses),
  vacatedAt: z.string().nullable(),
  version: z.number(),
  archiveId: z.number(),
  label: z.string().describe('archive label, always the current name'),
  boxNo: z.string().nullable(),
  archiveStatus: z.enum(customerStatuses),
  bound: z.boolean(),
  masked: z.boolean().describe('true when contacts are hidden from this user (R-CUS-5)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/**
 * A customer row as the SQL returns it. Instants arrive as Dates and leave as ISO text through the runner's
 * toJson; row types in this area use the output (text) type since handlers only pass them through.
 */
export type CustomerRow = Omit<z.input<typeof customerOut>, 'masked' | 'contacts'> & { contacts: Contact[] };
