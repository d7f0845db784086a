// Facts about the database that hold after any sequence of operations, whatever the input was.
// Checked after every randomized run (reliability.*.test.ts). Legal states come from the domain code.
import type { OpName } from '../../plugin/app.js';
import { ticketStates } from '../../plugin/areas/tickets/model.js';
import { loanStates } from '../../plugin/areas/loans/model.js';
import { editStates } from '../../plugin/areas/edits/model.js';
import { customerStatuses } from '../../plugin/areas/customers/fields.js';
import type { TestDb } from './db.js';
import { seedCast, type Cast } from './staff.js';

type Sql = TestDb['sql'];

// Migrations run before any check, so a schema's tables are looked up once (information_schema is slow).
const known = new Map<string, string[]>();

export async function tableNames(sql: Sql, schema: string): Promise<string[]> {
  const cached = known.get(schema);
  if (cached) return cached;
  const rows = await sql<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = $1 and table_type = 'BASE TABLE' and table_name <> 'schema_migrations' order by table_name`,
    [schema],
  );
  const names = rows.map((r) => r.name);
  if (names.length) known.set(schema, names);
  return names;
}

/** Row count of every table, in one statement. */
export async function tableCounts(sql: Sql, schema: string): Promise<Record<string, number>> {
  const names = await tableNames(sql, schema);
  if (names.length === 0) return {};
  const [row] = await sql<Record<string, number>>(`select ${names.map((n) => `(select count(*) from ${schema}.${n}) as "${n}"`).join(', ')}`);
  return Object.fromEntries(names.map((n) => [n, Number(row?.[n] ?? 0)]));
}

/** One digest per table of all its rows, so "nothing changed" can be asserted across the whole database. */
export async function checksums(sql: Sql, schema: string): Promise<Record<string, string>> {
  const names = await tableNames(sql, schema);
  const [row] = await sql<Record<string, string>>(
    `select ${names.map((n) => `(select md5(coalesce(string_agg(x, '|' order by x), '')) from (select row_to_json(r)::text as x from ${schema}.${n} r) s) as "${n}"`).join(', ')}`,
  );
  return Object.fromEntries(names.map((n) => [n, String(row?.[n])]));
}

/** Every row of every table as text, for "this value appears nowhere" checks. */
export async function dumpAll(sql: Sql, schema: string): Promise<string> {
  const names = await tableNames(sql, schema);
  const parts: string[] = [];
  for (const n of names) {
    const rows = await sql<{ x: string }>(`select row_to_json(r)::text as x from ${schema}.${n} r`);
    parts.push(...rows.map((r) => `${n} ${r.x}`));
  }
  return parts.join('\n');
}

export async function auditCount(sql: Sql): Promise<number> {
  return Number((await sql<{ n: number }>('select count(*) as n from audit_log'))[0]?.n ?? 0);
}

const list = (xs: readonly string[]) => `(${xs.map((x) => `'${x}'`).join(', ')})`;

/**
 * The invariants; returns the broken ones as sentences (empty = all hold). Each query returns the
 * number of offending rows; tables an area has not created yet are skipped.
 */
export async function brokenInvariants(sql: Sql, schema: string): Promise<string[]> {
  const have = new Set(await tableNames(sql, schema));
  const checks: [string, string[], string][] = [
    ['R-TIC-2 a ticket without a number, or not YYMMDDNNN', ['tickets'], `select count(*) from tickets where number is null or number !~ '^\\d{9,}$'`],
    ['R-TIC-2 ticket numbers repeat', ['tickets'], `select count(*) from (select site, number from tickets group by 1, 2 having count(*) > 1) d`],
    [
      'R-TIC-2 ticket counter differs from the tickets of its year (a gap or a reused number)',
      ['tickets', 'ticket_numbers'],
      `select count(*) from ticket_numbers n where n.last <> (select count(*) from tickets t where t.site = n.site and t.year = n.year)`,
    ],
    ['R-TIC-12 ticket state outside the machine', ['tickets'], `select count(*) from tickets where state not in ${list(ticketStates)}`],
    ['R-LEN-4 two issued loans for one archive', ['loans'], `select count(*) from (select site, archive_id from loans where state = 'issued' group by 1, 2 having count(*) > 1) d`],
    ['R-LEN-1 loan state outside the flow', ['loans'], `select count(*) from loans where state not in ${list(loanStates)}`],
    [
      'R-LEN-3 an issued loan without issue time, due time or page count',
      ['loans'],
      `select count(*) from loans where state in ('issued', 'returned') and (issued_at is null or due_at is null or pages_out is null)`,
    ],
    ['R-CUS-1 two active customers for one unit', ['customers'], `select count(*) from (select site, unit from customers where status = 'active' group by 1, 2 having count(*) > 1) d`],
    ['customer status outside active/vacated', ['customers'], `select count(*) from customers where status not in ${list(customerStatuses)}`],
    [
      '一户一档 a customer without exactly one archive',
      ['customers', 'archives'],
      `select count(*) from customers c where (select count(*) from archives a where a.site = c.site and a.customer_id = c.id) <> 1`,
    ],
    [
      'R-CUS-3 an archive label that is not the customer name',
      ['customers', 'archives'],
      `select count(*) from customers c join archives a on a.site = c.site and a.customer_id = c.id where a.label <> c.name`,
    ],
    [
      'R-ARC-4 a vacated customer whose archive is not bound and vacated',
      ['customers', 'archives'],
      `select count(*) from customers c join archives a on a.site = c.site and a.customer_id = c.id where c.status = 'vacated' and (a.status <> 'vacated' or not a.bound)`,
    ],
    ['R-ARC-3 edit request state outside pending/approved/rejected', ['edit_requests'], `select count(*) from edit_requests where state not in ${list(editStates)}`],
    ['R-NOT-1 outbox status outside pending/delivered/dead', ['outbox'], `select count(*) from outbox where status not in ('pending', 'delivered', 'dead')`],
    ['§7 an idempotency key without its result (a half-finished create)', ['idempotency_keys'], `select count(*) from idempotency_keys where result is null`],
    ['R-ACT-3 an audit row without operation', ['audit_log'], `select count(*) from audit_log where operation is null or operation = ''`],
    ['R-DUT-1 a handover to oneself', ['handovers'], `select count(*) from handovers where incoming_id = outgoing_id`],
    [
      'R-TIC-10 two open callbacks for one ticket',
      ['ticket_callbacks'],
      `select count(*) from (select site, ticket_id from ticket_callbacks where done_at is null group by 1, 2 having count(*) > 1) d`,
    ],
  ];
  const runnable = checks.filter(([, tables]) => tables.every((x) => have.has(x)));
  if (runnable.length === 0) return [];
  const [row] = await sql<Record<string, number>>(`select ${runnable.map(([, , q], i) => `(${q}) as c${i}`).join(', ')}`);
  return runnable.flatMap(([what], i) => (Number(row?.[`c${i}`] ?? 0) > 0 ? [`${what} (${row?.[`c${i}`]} rows)`] : []));
}

/** Rows checked by one invariant pass (for the report). */
export async function rowsUnderCheck(sql: Sql, schema: string): Promise<number> {
  const counts = await tableCounts(sql, schema);
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export interface World {
  cast: Cast;
  /** Staff member holding admin, manager, director and supervisor at once (the fuzzing actor). */
  boss: number;
  customers: number[];
  archives: number[];
  loans: number[];
  tickets: number[];
  /** A survey (with its survey form) that surveys.respond / surveys.results can aim at. */
  surveys: number[];
  departments: { customerService: number; engineering: number };
  /** Which setup steps could not run (operation missing or failing), for the report. */
  skipped: string[];
}

/**
 * A small world every id-taking operation can aim at: customers with archives and documents, loans in
 * several states, tickets. Steps whose operation has not landed yet are skipped and named.
 */
export async function seedWorld(t: TestDb): Promise<World> {
  const cast = await seedCast(t);
  const skipped: string[] = [];
  const admin = t.as(cast.admin);
  const boss = (await admin('staff.upsert', { name: '全能 Fuzz', roles: ['admin', 'manager', 'director', 'supervisor'], departmentCode: 'customer_service', tooljetUserId: 'tj-boss' })).id as number;
  const step = async <T>(name: OpName, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (e) {
      skipped.push(`${name}: ${(e as Error).message}`);
      return undefined;
    }
  };
  const depts = await t.sql<{ id: number; code: string }>('select id, code from departments');
  const dept = (code: string) => depts.find((d) => d.code === code)?.id ?? 1;
  const customers: number[] = [];
  const archives: number[] = [];
  for (const [unit, name, confidential] of [
    ['12F-1201', '华信科技有限公司', false],
    ['12F-1202', '明德律师事务所', true],
    ['3F-301', '陈小姐', false],
  ] as const) {
    const c = await step('customers.create', () => t.as(cast.agent)('customers.create', { unit, name, confidential, contacts: [{ name: '联系人', phones: ['13800138000'], email: 'c@example.com' }] }));
    if (c) {
      customers.push(c.id);
      archives.push(c.archiveId);
    }
  }
  for (const archiveId of archives) {
    await step('archives.addDocument', () => t.as(cast.agent)('archives.addDocument', { archiveId, kind: 'move_in', title: '入住资料', receivedOn: '2026-01-05', pages: 12, original: true }));
    await step('archives.addDocument', () => t.as(cast.agent)('archives.addDocument', { archiveId, kind: 'correspondence', title: '往来函', receivedOn: '2026-02-05', pages: 2, original: false }));
  }
  const loans: number[] = [];
  for (const archiveId of archives.slice(0, 2)) {
    const l = await step('loans.request', () => t.as(cast.agent)('loans.request', { archiveId, purpose: '核对合同' }));
    if (l) loans.push(l.id);
  }
  if (loans[0]) {
    await step('loans.approve', () => t.as(cast.manager)('loans.approve', { id: loans[0]! }));
    await step('loans.issue', () => t.as(cast.supervisor)('loans.issue', { id: loans[0]! }));
  }
  const tickets: number[] = [];
  for (const kind of ['complaint', 'repair', 'inquiry'] as const) {
    const tk = await step('tickets.open', () =>
      t.as(cast.agent)('tickets.open', { kind, channel: 'phone', matter: `${kind} 事由`, content: '内容', unit: '12F-1201', complainantName: '王先生', complainantPhone: '13900139000' }),
    );
    if (tk) tickets.push(tk.id);
  }
  if (tickets[0]) await step('tickets.acknowledge', () => t.as(cast.agent)('tickets.acknowledge', { id: tickets[0]! }));
  if (tickets[1]) {
    await step('tickets.acknowledge', () => t.as(cast.agent)('tickets.acknowledge', { id: tickets[1]! }));
    await step('tickets.classify', () => t.as(cast.supervisor)('tickets.classify', { id: tickets[1]!, category: 'service_quality', severity: 'normal' }));
  }
  const surveys: number[] = [];
  await step('forms.define', () =>
    admin('forms.define', {
      entity: 'survey',
      fields: [
        {
          key: 'overall',
          label: '总体满意度 Overall',
          type: 'select',
          options: [
            { value: '5', score: 5 },
            { value: '1', score: 1 },
          ],
        },
      ],
    }),
  );
  const survey = await step('surveys.create', () => t.as(cast.supervisor)('surveys.create', { period: '2026-Q3', method: 'phone' }));
  if (survey) surveys.push(survey.id);
  return {
    cast,
    boss,
    customers,
    archives,
    loans,
    tickets,
    surveys,
    departments: { customerService: dept('customer_service'), engineering: dept('engineering') },
    skipped,
  };
}

/** Field values that make a generated input point at the world rather than at nothing. */
export function worldOverrides(w: World, op: string): Record<string, unknown> {
  const area = op.split('.')[0];
  const idOf: Record<string, number | undefined> = {
    customers: w.customers[0],
    archives: undefined,
    loans: w.loans[0],
    tickets: w.tickets[0],
    surveys: w.surveys[0],
  };
  return {
    ...(idOf[area ?? ''] !== undefined ? { id: idOf[area ?? ''] } : {}),
    archiveId: w.archives[2] ?? w.archives[0],
    customerId: w.customers[0],
    surveyId: w.surveys[0],
    incomingId: w.cast.agent2,
    assigneeId: w.cast.engineer,
    departmentId: w.departments.engineering,
    toDepartmentId: w.departments.engineering,
  };
}
