// R-CUS-5 masking and R-TIC-8 step-aside in every read: a confidential customer's contacts never reach an
// agent who does not own the record, and a conduct complaint's complainant never reaches the staff member
// complained about, through any read operation of the registry or any printable document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationList } from '../plugin/app.js';
import type { AnyOperation } from '../plugin/core/operation.js';
import { testDb, type TestDb } from './support/db.js';
import { seedCast, type Cast } from './support/staff.js';
import { outcomeOf, sampleValid } from './support/fuzz.js';

let t: TestDb;
let cast: Cast;
const hidden = { phone: '13712345678', email: 'hidden.contact@example.com', complainant: '投诉人甲乙丙', complainantPhone: '13698765432' };
let customer: { id: number; archiveId: number };
let conduct: { id: number };
let reads = 0;

beforeAll(async () => {
  t = await testDb();
  cast = await seedCast(t);
  customer = await t.as(cast.supervisor)('customers.create', {
    unit: '16F-1601',
    name: '保密客户 Confidential',
    confidential: true,
    contacts: [{ name: '秘书', phones: [hidden.phone], email: hidden.email }],
  });
  await t.as(cast.supervisor)('archives.addDocument', { archiveId: customer.archiveId, kind: 'correspondence', title: '往来函', receivedOn: '2026-02-05', pages: 2 });
  conduct = await t.as(cast.supervisor)('tickets.open', {
    kind: 'complaint',
    channel: 'visit',
    matter: '服务态度 conduct',
    unit: '16F-1601',
    customerId: customer.id,
    complainantName: hidden.complainant,
    complainantPhone: hidden.complainantPhone,
    targetStaffId: cast.agent2,
    conduct: { account: '前台态度恶劣 rude at the desk' },
  });
}, 120_000);
afterAll(async () => {
  console.log(`[reliability.visibility] ${reads} read calls checked for masked and stepped-aside data`);
  await t?.close();
});

/** Inputs aimed at the confidential customer and the conduct complaint, as far as the schema takes them. */
function aimed(op: AnyOperation): Record<string, unknown>[] {
  const area = op.name.split('.')[0];
  const id = area === 'tickets' ? conduct.id : area === 'customers' ? customer.id : undefined;
  const variants: Record<string, unknown>[] = [
    { ...(id ? { id } : {}), customerId: customer.id, archiveId: customer.archiveId, ticketId: conduct.id, limit: 200 },
    { q: '16F-1601', unit: '16F-1601', limit: 200 },
    { phone: hidden.phone, q: hidden.phone, limit: 200 },
    { limit: 200 },
  ];
  const inputs = variants.map((v, i) => sampleValid(op, v, i + 1)).filter((x): x is Record<string, unknown> => x !== undefined);
  if (op.name === 'documents.render') {
    for (const template of ['complaint-intake', 'resolution-record', 'transfer-slip']) inputs.push({ template, params: { id: conduct.id } });
  }
  return inputs;
}

const readOps = operationList().filter((o) => o.kind === 'read');

describe('masking and step-aside hold in every read operation', () => {
  it('the hidden values are reachable at all (so the checks below can fail)', async () => {
    expect(JSON.stringify(await t.as(cast.manager)('customers.get', { id: customer.id }))).toContain(hidden.phone);
    expect(JSON.stringify(await t.as(cast.supervisor)('tickets.get', { id: conduct.id }))).toContain(hidden.complainant);
  });

  it.each(readOps.map((o) => [o.name, o]))('R-CUS-5 R-TIC-8 %s shows neither to those who must not see them', async (_name, op) => {
    for (const input of aimed(op)) {
      for (const [who, secrets] of [
        [cast.agent, [hidden.phone, hidden.email]],
        [cast.agent2, [hidden.complainant, hidden.complainantPhone]],
      ] as const) {
        const o = await outcomeOf(t.unchecked(who)(op.name, input));
        const text = JSON.stringify(o.ok ? o.result : o.message);
        for (const s of secrets) expect(text.includes(s), `${op.name} ${JSON.stringify(input)} as staff ${who} shows ${s}`).toBe(false);
        reads++;
      }
    }
  });
});
