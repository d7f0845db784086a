// §7 injection: hostile strings are data. Every free-text field of every creating operation stores and
// returns them verbatim and the create touches exactly the tables a benign create touches; Handlebars
// overrides (documents.setTemplate) cannot reach prototypes, globals or the file system.
// Each case builds its own prerequisites, so nothing here depends on what another test left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationList, registry } from '../plugin/app.js';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { outcomeOf, sampleValid, textFields } from './support/fuzz.js';
import { brokenInvariants, dumpAll, tableCounts } from './support/invariants.js';

let t: TestDb;
let cast: Cast;
let boss: number;
let stored = 0;

beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
  boss = (await t.as(cast.admin)('staff.upsert', { name: '全能 Injection', roles: ['admin', 'manager', 'director', 'supervisor'], departmentCode: 'customer_service', tooljetUserId: 'tj-inj-boss' }))
    .id;
  await t.as(cast.admin)('forms.define', {
    entity: 'survey',
    fields: [{ key: 'overall', label: '总体满意度 Overall', type: 'select', options: ['满意', '不满意'] }],
  });
}, 120_000);

afterAll(async () => {
  console.log(`[reliability.injection] ${stored} injection payloads stored and returned verbatim`);
  await t?.close();
});

// Strings that must be data, never code: SQL, script, template and format-string injection.
const injections = [
  "'; drop table customers; --",
  '<script>alert(1)</script>',
  "{{constructor.constructor('return process')()}}",
  '$1',
  '\\',
  '%s',
  "' OR '1'='1",
  "Robert'); DROP TABLE staff;--",
  '1; select pg_sleep(5)',
  '$$; drop schema public cascade; $$',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text a template injection would send
  '${process.exit(1)}',
  '<img src=x onerror=alert(1)>',
  '{{#each this}}{{this}}{{/each}}',
  '%n%n%n%s%s',
  '../../etc/passwd',
  '\\x27; --',
  '"; delete from audit_log; --',
  "E'\\\\' ; --",
  '$2::jsonb',
  '__proto__',
];

let n = 0;
const next = () => ++n;
const freshCustomer = async () => (await t.as(cast.agent)('customers.create', { unit: `30F-${String(next()).padStart(4, '0')}`, name: `注入 Customer ${n}` })) as { id: number; archiveId: number };
const freshTicket = async () => (await t.as(boss)('tickets.open', { kind: 'repair', channel: 'phone', matter: `注入 ticket ${next()}` })).id;
// A 1×1 PNG: attachments.add reads the type from the bytes, so the file must be a real image; its free text is the note.
const png = '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082';
const HOUR = 3_600_000;

/** A valid input per creating operation, with prerequisites made fresh for each call. */
const bases: Record<string, () => Promise<Record<string, unknown>>> = {
  'customers.create': async () => ({ unit: `20F-${String(next()).padStart(4, '0')}`, name: '基准 Base' }),
  'archives.addDocument': async () => ({ archiveId: (await freshCustomer()).archiveId, kind: 'other', title: '基准', receivedOn: '2026-03-01', pages: 1, original: false }),
  'loans.request': async () => ({ archiveId: (await freshCustomer()).archiveId, purpose: '核对 check' }),
  // A fresh unit, as an injected one is: the same report facts (migration 015 counts one delta row per fact).
  'tickets.open': async () => ({ kind: 'complaint', channel: 'phone', matter: '事由 matter', unit: `40F-${String(next()).padStart(4, '0')}` }),
  'shifts.handover': async () => ({ incomingId: cast.agent2 }),
  'surveys.create': async () => ({ period: String(1000 + next()), method: 'phone' }),
  'surveys.respond': async () => {
    const survey = await t.as(boss)('surveys.create', { period: String(1000 + next()), method: 'phone' });
    return { surveyId: survey.id, customerId: (await freshCustomer()).id, answers: { overall: '满意' } };
  },
  'attachments.add': async () => ({ ticketId: await freshTicket(), file: { name: 'leak.png', type: 'image/png', base64Data: Buffer.from(png, 'hex').toString('base64') }, note: '水渍 stain' }),
  // A window that opens tomorrow and closes two hours later: booking refuses one already over.
  'appointments.book': async () => ({
    ticketId: await freshTicket(),
    kind: 'visit',
    from: new Date(Date.now() + 24 * HOUR).toISOString(),
    to: new Date(Date.now() + 26 * HOUR).toISOString(),
    contact: '王女士 Ms Wang',
  }),
};

async function baseFor(name: string): Promise<Record<string, unknown>> {
  const known = bases[name];
  if (known) return known();
  // A creating operation that landed after this file: a sampled valid input, which may need a base above.
  const sampled = sampleValid(registry.get(name)!);
  if (!sampled) throw new Error(`no valid input for ${name}: add it to bases in reliability.injection.test.ts`);
  return sampled;
}

function contains(value: unknown, wanted: string): boolean {
  if (typeof value === 'string') return value === wanted;
  if (Array.isArray(value)) return value.some((v) => contains(v, wanted));
  if (value && typeof value === 'object') return Object.values(value).some((v) => contains(v, wanted));
  return false;
}

const diff = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(b).map((k) => [k, b[k]! - (a[k] ?? 0)]));

/** Runs one create and returns its result and how many rows each table gained. */
/**
 * reports.monthly's rollup (migration 010) is an aggregate: a fold adds a row only for a key not seen yet that day.
 * The writes themselves only insert into report_fact_deltas (015), one row per fact they change: counted.
 */
const aggregates = new Set(['report_day_facts', 'report_unit_months', 'report_zone']);
const withoutAggregates = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([table]) => !aggregates.has(table)));

async function createCounting(name: string, input: Record<string, unknown>) {
  const before = withoutAggregates(await tableCounts(t.sql, t.db.schema));
  const result = await t.unchecked(boss)(name, input);
  return { result, delta: diff(before, withoutAggregates(await tableCounts(t.sql, t.db.schema))) };
}

describe('§7 injection strings are data', () => {
  const creating = operationList().filter((o) => o.idempotent && o.kind === 'write');
  it('there are creating operations to check', () => expect(creating.length).toBeGreaterThanOrEqual(7));

  it.each(creating.map((o) => [o.name]))('%s stores every injection string verbatim in every text field and touches nothing else', async (name) => {
    const fields = textFields(registry.get(name)!);
    // Benign creates of the same shape first: which tables a create touches, and by how much. The
    // second one counts, as a first create may also start a counter (ticket_numbers for the year).
    await createCounting(name, await baseFor(name));
    const profile = (await createCounting(name, await baseFor(name))).delta;
    for (const field of fields) {
      for (const payload of injections.filter((p) => p.length <= field.max && p.length >= field.min)) {
        const what = `${name}.${field.key} = ${payload}`;
        const { result, delta } = await createCounting(name, { ...(await baseFor(name)), [field.key]: payload }).then(
          async (r) => r,
          (e: unknown) => {
            throw new Error(`${what}: ${(e as Error).message}`);
          },
        );
        // Prerequisites (fresh customers, surveys) are made before the count starts, so this is exact.
        expect(delta, `${what}: row counts`).toEqual(profile);
        expect(contains(result, payload), `${what}: returned verbatim`).toBe(true);
        const touched = Object.keys(delta).filter((k) => delta[k]! > 0 && k !== 'audit_log' && k !== 'idempotency_keys' && k !== 'outbox');
        const rows = await Promise.all(touched.map((table) => t.sql<{ x: unknown }>(`select row_to_json(r) as x from ${table} r`)));
        expect(
          contains(
            rows.flat().map((r) => r.x),
            payload,
          ),
          `${what}: stored verbatim`,
        ).toBe(true);
        stored++;
      }
    }
    expect(await brokenInvariants(t.sql, t.db.schema)).toEqual([]);
  });
});

// Known Handlebars sandbox escapes (CVE-2019-19919, CVE-2021-23369/23383 and friends) and file-system reaches.
const templateAttacks = [
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return process.env;"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
  "{{constructor.constructor \"return process.mainModule.require('fs').readFileSync('/etc/passwd')\"}}",
  '{{lookup (lookup this "constructor") "constructor"}}',
  '{{#each this}}{{@key}}={{this}} {{/each}}',
  '{{this.__proto__.polluted}}{{__proto__.polluted}}',
  '{{#with this.__proto__}}{{/with}}',
  '{{> ../../../../etc/passwd}}',
  '{{> (lookup this "x")}}',
  '{{#* inline "x"}}{{/inline}}',
  '{{log process}}',
  '{{process.env.DATABASE_URL}} {{global.process}} {{globalThis}} {{require}}',
  '{{#each (lookup this "__lookupGetter__")}}{{/each}}',
  '{{{loan.purpose}}}{{#if (lookup loan "valueOf")}}v{{/if}}',
];

describe('R-DOC-1 Handlebars overrides cannot reach prototypes, globals or the file system', () => {
  it.each(templateAttacks.map((s) => [s]))('%s is refused or renders nothing dangerous', async (source) => {
    const secret = process.env.DATABASE_URL ?? 'postgres-no-url';
    const before = await tableCounts(t.sql, t.db.schema);
    const outcome = await outcomeOf(t.as(cast.admin)('documents.setTemplate', { template: 'loan-slip', source }));
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
    if (!outcome.ok) {
      expect(outcome.code).toBe('VALIDATION');
      expect(await tableCounts(t.sql, t.db.schema), 'a refused override changed the database').toEqual(before);
      return;
    }
    const html = String((outcome.result as { preview: { html: string } }).preview.html);
    for (const leak of ['root:', secret, 'function ', '[native code]', process.cwd(), 'PATH=', 'NODE_']) expect(html, `leaked ${leak}`).not.toContain(leak);
    await t.as(cast.admin)('documents.resetTemplate', { template: 'loan-slip' });
  });

  it('R-DOC-1 an override is stored verbatim; the stored text is never executed outside the sandbox', async () => {
    const source = "<p>{{loan.purpose}}</p><!-- '; drop table document_templates; -- -->";
    await t.as(cast.admin)('documents.setTemplate', { template: 'loan-slip', source });
    expect((await t.as(cast.agent)('documents.getTemplate', { template: 'loan-slip' })).source).toBe(source);
    expect(await dumpAll(t.sql, t.db.schema)).toContain('drop table document_templates');
    await t.as(cast.admin)('documents.resetTemplate', { template: 'loan-slip' });
  });
});
