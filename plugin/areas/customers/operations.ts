import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { atLeast } from '../../core/roles.js';
import { forbidden, stateError } from '../../core/errors.js';
import { id, page, pageInput, pageOf, decodeKey, text } from '../../core/schemas.js';
import { likeContains, likePrefix } from '../../core/like.js';
import { checkCustomValues } from '../forms/custom-fields.js';
import { categories, customerCreate, customerOut, customerPatch, customerStatuses, digits, floorOf, grades, phonesOf, unit } from './fields.js';
import { loadCustomer, lockCustomer } from './store.js';
import { maskCustomer, maskCustomerRow, mayReadConfidential } from './masking.js';
import { customerHistory, historyEntry } from './history.js';
import { searchText, type SearchParams } from './search.js';
import type { StatementParams } from '../../generated/embedded.js';
import { documentOut, listDocuments } from '../archives/documents.js';
import { loanOut } from '../loans/model.js';
import { listLoans } from '../loans/query.js';
import { customerTickets, ticketOut } from './tickets.js';
import { editOut } from '../edits/store.js';
import { changeCustomer } from '../edits/customers.js';

const staffCustomer = atLeast('agent');

/**
 * A phone fragment of free text: its digits, when there are 3 or more and no letters ("139-0012" → "1390012").
 * Text with letters is a unit or a name: the digits of "10F-0431" are no phone number. None when q is its own
 * digits: q's pattern already matches them, and the same pattern twice is two trigram index scans.
 */
function phoneFragment(q: string): string | null {
  const d = digits(q);
  return d && d.length >= 3 && d !== q && !/\p{L}/u.test(q) ? likeContains(d) : null;
}

/** A page's last row as the cursor's key: its name with a name prefix (the page is in name order), else its unit. */
const searchKey = z.tuple([z.string(), z.number()]);

export default [
  defineOperation({
    name: 'customers.create',
    title: 'Register a customer (一户一档)',
    description: 'Registers the customer of a unit and opens its archive. At most one active customer per unit (R-CUS-1).',
    access: staffCustomer,
    kind: 'write',
    idempotent: true,
    input: customerCreate,
    output: customerOut,
    conflicts: { customers_one_active_per_unit: 'this unit already has an active customer; vacate it first (R-CUS-1)' },
    async handler(ctx, input) {
      const custom = await checkCustomValues(ctx, 'customer', input.custom);
      const contacts = input.contacts ?? [];
      const [row] = await ctx.sql<{ id: number }>('customers/create', {
        site: ctx.site,
        unit: input.unit,
        floor: floorOf(input.unit),
        name: input.name,
        contacts: JSON.stringify(contacts),
        phones: phonesOf(contacts),
        category: input.category ?? 'new',
        grade: input.grade ?? 'C',
        moveInDate: input.moveInDate,
        confidential: input.confidential ?? false,
        ownerStaffId: input.ownerStaffId,
        notes: input.notes ?? '',
        custom: JSON.stringify(custom.custom),
        formVersion: custom.formVersion,
        actorId: ctx.actor.id || null,
        now: ctx.now,
        boxNo: input.boxNo,
      });
      const created = await loadCustomer(ctx, row!.id);
      ctx.audit({ entity: 'customer', entityId: created.id, action: 'create', after: created });
      return maskCustomer(ctx.actor, created);
    },
  }),
  defineOperation({
    name: 'customers.get',
    title: 'Customer with archive, documents, loans and tickets',
    access: staffCustomer,
    kind: 'read',
    input: z.object({ id: id.describe('customer id') }),
    output: customerOut.extend({ documents: z.array(documentOut), loans: z.array(loanOut), tickets: z.array(ticketOut).describe('latest 100 tickets of the customer or its unit, newest first') }),
    async handler(ctx, input) {
      const customer = await loadCustomer(ctx, input.id);
      // The three go out at once, in one round trip on pg (its connections pipeline, db/pg.ts).
      const [documents, loans, tickets] = await Promise.all([listDocuments(ctx, customer), listLoans(ctx, { archiveId: customer.archiveId, limit: 200 }), customerTickets(ctx, customer)]);
      return { ...maskCustomer(ctx.actor, customer), documents, loans: loans.items, tickets };
    },
  }),
  defineOperation({
    name: 'customers.search',
    title: 'Search customers',
    description:
      'By unit, floor, name prefix, phone, category, grade, status, free text (a part of a unit, name or phone) or custom fields; sorted by unit, or by name when a name prefix is given (R-ARC-6).',
    access: staffCustomer,
    kind: 'read',
    input: z.object({
      unit: unit.optional(),
      floor: z.number().int().min(-9).max(99).optional().describe('floor number, basements negative (B1 = -1)'),
      name: text(200).optional().describe('beginning of the company or person name'),
      phone: z
        .string()
        .trim()
        .regex(/\d{3,}/, '3 or more digits')
        .max(40)
        .optional()
        .describe('a contact phone number'),
      category: z.enum(categories).optional().describe('prospective, new, regular, vip'),
      grade: z.enum(grades).optional().describe('A, B, C or D'),
      status: z.enum(customerStatuses).optional().describe('active or vacated'),
      q: text(200).optional().describe('free text: a whole unit (12F-1203) finds that unit; else part of a unit (12F), of a name, or of a phone number (3 or more digits)'),
      custom: z.record(z.string(), z.unknown()).optional().describe('JSON object the custom fields must contain'),
      ...pageInput,
    }),
    output: pageOf(customerOut),
    async handler(ctx, input) {
      const after = decodeKey(input.cursor, searchKey);
      const params = (by: { unit: string | undefined; q: string | undefined }): SearchParams => ({
        site: ctx.site,
        unit: by.unit,
        floor: input.floor,
        name: input.name ? likePrefix(input.name) : null,
        phone: input.phone ? digits(input.phone) : null,
        category: input.category,
        grade: input.grade,
        status: input.status,
        q: by.q ? likeContains(by.q) : null,
        qDigits: by.q ? phoneFragment(by.q) : null,
        custom: input.custom ? JSON.stringify(input.custom) : null,
        afterKey: after ? after[0] : null,
        afterId: after ? after[1] : null,
        limit: input.limit + 1,
      });
      const read = (given: StatementParams['customers/search']) => ctx.sqlForOutput<Omit<z.input<typeof customerOut>, 'masked'>>('customers/search', given);
      // Without free text, or free text that is a whole unit: the statement as it is, neither bounded nor by id.
      const plain = (given: SearchParams) => read({ ...given, bound: null, ids: null });
      // R-ARC-6: free text that is a whole unit on record finds that unit's customers through the unit index. The
      // trigram scan would also find longer units that contain it ("1F-101" in "11F-101"), and its cost grows with
      // the table (docs/benchmarks.md). A page of such a unit is never empty while its cursor is set, so an empty
      // answer means no customer of that unit passes the filters: the text is then searched as a fragment.
      const wholeUnit = input.q !== undefined && input.unit === undefined ? unit.safeParse(input.q) : undefined;
      const exact = wholeUnit?.success ? await plain(params({ unit: wholeUnit.data, q: undefined })) : [];
      const text = params({ unit: input.unit, q: input.q });
      const rows = exact.length ? exact : text.q ? await searchText(ctx, read, { ...text, q: text.q }) : await plain(text);
      const items = rows.map((row) => maskCustomerRow(ctx.actor, row));
      return page(items, input.limit, (r) => [input.name ? r.name : r.unit, r.id]);
    },
  }),
  defineOperation({
    name: 'customers.update',
    title: 'Change a customer',
    description:
      'A manager or director changes the record at once; anyone else files an edit request that a manager approves (R-ARC-3, 经理同意方可修改). Renaming updates the archive label (R-CUS-3).',
    access: staffCustomer,
    kind: 'write',
    input: customerPatch.extend({ id: id.describe('customer id'), reason: z.string().max(1000).default('').describe('why the change is needed') }),
    output: z.object({
      status: z.enum(['applied', 'pending']).describe('applied at once, or waiting for a manager'),
      customer: customerOut,
      editRequest: editOut.nullable(),
    }),
    async handler(ctx, { id: customerId, reason, ...patch }) {
      const current = await lockCustomer(ctx, customerId);
      if (!mayReadConfidential(ctx.actor, current)) throw forbidden('this customer is confidential: only its owner or a manager may change it (R-CUS-5)');
      const change = await changeCustomer(ctx, current, patch, reason);
      return { ...change, customer: maskCustomer(ctx.actor, change.customer) };
    },
  }),
  defineOperation({
    name: 'customers.vacate',
    title: 'Vacate a customer (退租)',
    description: 'The customer becomes vacated, its archive is bound and moved to the vacated store, and the unit can take a new customer (R-ARC-4).',
    access: atLeast('supervisor'),
    kind: 'write',
    input: z.object({
      id: id.describe('customer id'),
      boxNo: z.string().trim().min(1).max(40).optional().describe('box number in the vacated store (keeps the current one when empty)'),
    }),
    output: customerOut,
    async handler(ctx, input) {
      const before = await lockCustomer(ctx, input.id);
      if (before.status !== 'active') throw stateError(`customer ${input.id} has already vacated`);
      await ctx.sql('customers/vacate', { site: ctx.site, id: input.id, now: ctx.now, boxNo: input.boxNo });
      const after = await loadCustomer(ctx, input.id);
      ctx.audit({ entity: 'customer', entityId: input.id, action: 'vacate', before, after });
      return maskCustomer(ctx.actor, after);
    },
  }),
  defineOperation({
    name: 'customers.history',
    title: 'Interaction log of a customer',
    description: 'Documents, loans, edit requests, label changes, tickets and their callbacks, newest first (R-CUS-4).',
    access: staffCustomer,
    kind: 'read',
    input: z.object({ id: id.describe('customer id') }),
    output: z.array(historyEntry),
    async handler(ctx, input) {
      return customerHistory(ctx, await loadCustomer(ctx, input.id));
    },
  }),
];
