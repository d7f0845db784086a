import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { recording } from './support/plans.js';
import { execute } from '../plugin/core/runner.js';

let t: TestDb;
let cast: Cast;
useDesk(async (d) => {
  ({ t, cast } = d);
  t.setNow('2026-10-09T16:00:00+08:00');
});

const contacts = [{ name: '陈经理', phones: ['138-1234-5678'], email: 'chen@example.com' }];

describe('customer records', () => {
  it('R-CUS-2 derives the floor from the unit and stores every field; bad input changes nothing', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '12f-1201', name: '中信证券', contacts, category: 'vip', grade: 'A', moveInDate: '2024-03-01' });
    expect(c).toMatchObject({ unit: '12F-1201', floor: 12, label: '中信证券', status: 'active', bound: false, masked: false });
    expect((await t.as(cast.agent)('customers.create', { unit: 'B1-005', name: '便利店' })).floor).toBe(-1);
    await expectError(t.as(cast.agent)('customers.create', { unit: '12-1201', name: 'x' }), 'VALIDATION', 'unit');
    await expectError(t.unchecked(cast.agent)('customers.create', { unit: '3F-301', name: 'x', grade: 'E' }), 'VALIDATION', 'grade');
    expect(await t.sql(`select 1 from customers where unit = '3F-301'`)).toHaveLength(0);
  });

  it('R-CUS-1 ten concurrent creates for one unit make one record and nine CONFLICTs with a clear message', async () => {
    const agents = [cast.agent, cast.agent2, cast.supervisor];
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => t.as(agents[i % agents.length]!)('customers.create', { unit: '15F-1501', name: `公司${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.map((r) => r.reason.code)).toEqual(Array(9).fill('CONFLICT'));
    expect(failed[0]!.reason.message).toMatch(/already has an active customer/);
    expect(await t.sql(`select 1 from customers where unit = '15F-1501'`)).toHaveLength(1);
    expect(await t.sql(`select 1 from archives a join customers c on c.id = a.customer_id where c.unit = '15F-1501'`)).toHaveLength(1);
  });

  it('a retried create with the same idempotency key returns the first record', async () => {
    const a = await t.as(cast.agent)('customers.create', { unit: '16F-1601', name: '丙公司', idempotencyKey: 'k-1601' });
    const b = await t.as(cast.agent)('customers.create', { unit: '16F-1601', name: '丙公司', idempotencyKey: 'k-1601' });
    expect(b.id).toBe(a.id);
  });

  it('S-ARC-1 R-ARC-4 R-ARC-5 a second customer for 12F-1203 is CONFLICT until the first vacates; then it appears in the catalogue under floor 12', async () => {
    const first = await t.as(cast.agent)('customers.create', { unit: '12F-1203', name: '华润置业有限公司', boxNo: 'V-001' });
    await expectError(t.as(cast.agent)('customers.create', { unit: '12F-1203', name: '新租户' }), 'CONFLICT');
    await expectError(t.as(cast.agent)('customers.vacate', { id: first.id }), 'FORBIDDEN');
    const gone = await t.as(cast.supervisor)('customers.vacate', { id: first.id, boxNo: 'T2026-012' });
    expect(gone).toMatchObject({ status: 'vacated', archiveStatus: 'vacated', bound: true, boxNo: 'T2026-012' });
    await expectError(t.as(cast.supervisor)('customers.vacate', { id: first.id }), 'STATE');
    await expectError(t.as(cast.agent)('archives.addDocument', { archiveId: first.archiveId, kind: 'other', title: 'x', receivedOn: '2026-10-09', pages: 1 }), 'STATE');
    const second = await t.as(cast.agent)('customers.create', { unit: '12F-1203', name: '新租户' });
    expect(second.archiveId).not.toBe(first.archiveId);
    const cat = await t.as(cast.agent)('archives.catalogue', { year: 2026 });
    const floor12 = cat.floors.find((f: { floor: number }) => f.floor === 12);
    expect(floor12!.archives).toContainEqual(expect.objectContaining({ archiveId: first.archiveId, boxNo: 'T2026-012', unit: '12F-1203', label: '华润置业有限公司' }));
    expect((await t.as(cast.agent)('archives.catalogue', { year: 2025 })).total).toBe(0);
  });

  it('R-CUS-3 renaming updates the archive label; the previous name stays in history', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '18F-1801', name: '旧名称有限公司' });
    const res = await t.as(cast.manager)('customers.update', { id: c.id, name: '新名称有限公司' });
    expect(res).toMatchObject({ status: 'applied', customer: { name: '新名称有限公司', label: '新名称有限公司', version: 2 } });
    const labels = (await t.as(cast.agent)('customers.history', { id: c.id })).filter((h) => h.type === 'label').map((h) => h.title);
    expect(labels).toEqual(expect.arrayContaining(['旧名称有限公司', '新名称有限公司']));
    const [audit] = await t.sql<{ before: { name: string }; after: { name: string } }>(`select before, after from audit_log where entity = 'customer' and action = 'update' and entity_id = $1`, [
      String(c.id),
    ]);
    expect(audit).toMatchObject({ before: { name: '旧名称有限公司' }, after: { name: '新名称有限公司' } });
  });

  it('R-ARC-3 an agent’s change is an edit request; a manager’s approval applies it, before and after stay visible', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '19F-1901', name: '申请公司', grade: 'C' });
    const res = await t.as(cast.agent)('customers.update', { id: c.id, grade: 'A', reason: '年租金上调' });
    expect(res.status).toBe('pending');
    expect(res.customer.grade).toBe('C');
    await expectError(t.as(cast.supervisor)('edits.approve', { id: res.editRequest!.id }), 'FORBIDDEN');
    const done = await t.as(cast.manager)('edits.approve', { id: res.editRequest!.id });
    expect(done).toMatchObject({ state: 'approved', before: { grade: 'C' }, after: { grade: 'A' }, decidedBy: cast.manager });
    expect((await t.as(cast.agent)('customers.get', { id: c.id })).grade).toBe('A');
    await expectError(t.as(cast.manager)('edits.approve', { id: res.editRequest!.id }), 'STATE');
    const history = await t.as(cast.agent)('customers.history', { id: c.id });
    expect(history).toContainEqual(expect.objectContaining({ type: 'edit', state: 'approved' }));
  });

  it('R-ARC-3 an edit whose record changed since it was requested is CONFLICT and stays pending; a rejection applies nothing', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '19F-1902', name: '冲突公司' });
    const stale = await t.as(cast.agent)('customers.update', { id: c.id, notes: '旧请求' });
    await t.as(cast.manager)('customers.update', { id: c.id, category: 'regular' });
    await expectError(t.as(cast.manager)('edits.approve', { id: stale.editRequest!.id }), 'CONFLICT');
    expect((await t.as(cast.agent)('edits.list', { state: 'pending', customerId: c.id })).items).toHaveLength(1);
    const rejected = await t.as(cast.manager)('edits.reject', { id: stale.editRequest!.id, note: '请重新申请' });
    expect(rejected.state).toBe('rejected');
    expect((await t.as(cast.agent)('customers.get', { id: c.id })).notes).toBe('');
  });

  it('R-CUS-5 a confidential customer’s contacts and documents are masked below manager unless owner, in get, search, history and edit requests', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '20F-2001', name: '保密客户', contacts, confidential: true, ownerStaffId: cast.agent2 });
    await t.as(cast.agent2)('archives.addDocument', {
      archiveId: c.archiveId,
      kind: 'move_in',
      title: '租赁合同',
      receivedOn: '2026-01-05',
      pages: 12,
      fileRef: 's3://a/contract.pdf',
      original: true,
    });
    const seen = await t.as(cast.agent)('customers.get', { id: c.id });
    expect(seen.masked).toBe(true);
    expect(seen.contacts[0]).toEqual({ name: '陈**', phones: ['138****78'], email: '***' });
    expect(seen.documents[0]).toMatchObject({ title: '***', fileRef: null, masked: true, pages: 12 });
    const found = await t.as(cast.supervisor)('customers.search', { unit: '20F-2001' });
    expect(found.items[0]!.contacts[0]!.phones[0]).toBe('138****78');
    const history = await t.as(cast.agent)('customers.history', { id: c.id });
    expect(history.find((h) => h.type === 'document')!.title).toBe('***');
    const owner = await t.as(cast.agent2)('customers.get', { id: c.id });
    expect(owner).toMatchObject({ masked: false, contacts, documents: [{ title: '租赁合同', fileRef: 's3://a/contract.pdf' }] });
    expect((await t.as(cast.manager)('customers.get', { id: c.id })).masked).toBe(false);
    // The owner's edit request shows its contacts to the owner and the manager, masked to anyone else.
    const newContacts = [{ name: '林秘书', phones: ['13912345678'], email: 'lin@example.com' }];
    const asked = await t.as(cast.agent2)('customers.update', { id: c.id, contacts: newContacts, reason: '联系人变更' });
    const listed = async (who: number) => (await t.as(who)('edits.list', { customerId: c.id })).items[0];
    expect((await listed(cast.agent))!.changes.contacts).toEqual([{ name: '林**', phones: ['139****78'], email: '***' }]);
    expect(((await listed(cast.agent))!.before.contacts as { phones: string[] }[])[0]!.phones).toEqual(['138****78']);
    expect((await listed(cast.manager))!.changes.contacts).toEqual(newContacts);
    await expectError(t.as(cast.agent)('customers.update', { id: c.id, notes: 'x' }), 'FORBIDDEN');
    expect((await t.as(cast.manager)('edits.approve', { id: asked.editRequest!.id })).after!.contacts).toEqual(newContacts);
  });

  it('R-ARC-6 search by unit, floor, name prefix, phone, category, grade, status, q and custom, paged by unit', async () => {
    const industry = { key: 'industry', label: '行业 Industry', type: 'select' as const, options: ['IT', 'law'] };
    const form = await t.as(cast.admin)('forms.define', { entity: 'customer', fields: [industry] });
    await t.as(cast.agent)('customers.create', {
      unit: '25F-2501',
      name: 'Alpha 科技',
      contacts: [{ name: '王', phones: ['021 5555 0001'] }],
      category: 'prospective',
      grade: 'B',
      custom: { industry: 'IT' },
    });
    await t.as(cast.agent)('customers.create', { unit: '25F-2502', name: 'alpine 贸易', category: 'regular', grade: 'D' });
    await t.as(cast.agent)('customers.create', { unit: '25F-2503', name: '50%折扣店' });
    const ids = async (q: Record<string, unknown>) => (await t.as(cast.agent)('customers.search', q)).items.map((c: { unit: string }) => c.unit);
    expect(await ids({ floor: 25 })).toEqual(['25F-2501', '25F-2502', '25F-2503']);
    expect(await ids({ name: 'alp' })).toEqual(['25F-2501', '25F-2502']);
    expect(await ids({ name: '50%' })).toEqual(['25F-2503']);
    expect(await ids({ name: '5_' })).toEqual([]);
    expect(await ids({ phone: '02155550001' })).toEqual(['25F-2501']);
    // One statement: the phone's ids are an array subquery of the search, not a round trip of their own.
    const noted = recording(t.db);
    const byPhone = await execute<{ items: { unit: string }[] }>({ ...t.env, db: noted.db }, 'customers.search', { phone: '021-5555-0001' }, { kind: 'staff', staffId: cast.agent });
    expect(byPhone.items.map((c) => c.unit)).toEqual(['25F-2501']);
    expect(noted.statements.filter((s) => /\bcustomers\b/.test(s.text))).toHaveLength(1);
    expect(await ids({ q: '021-5555-0001' })).toEqual(['25F-2501']);
    expect(await ids({ q: '25f-2502' })).toEqual(['25F-2502']);
    expect(await ids({ q: '25F' })).toEqual(['25F-2501', '25F-2502', '25F-2503']); // a unit fragment
    expect(await ids({ q: 'PINE' })).toEqual(['25F-2502']); // inside a name
    expect(await ids({ q: '5555 00' })).toEqual(['25F-2501']); // digits of a phone
    expect(await ids({ q: '%折' })).toEqual(['25F-2503']);
    expect(await ids({ floor: 25, category: 'regular' })).toEqual(['25F-2502']);
    expect(await ids({ floor: 25, grade: 'B', status: 'active' })).toEqual(['25F-2501']);
    expect(await ids({ custom: { industry: 'IT' } })).toEqual(['25F-2501']);
    expect((await t.as(cast.agent)('customers.search', { unit: '25F-2501' })).items[0]!.formVersion).toBe(form.version);
    await expectError(t.as(cast.agent)('customers.create', { unit: '25F-2509', name: 'x', custom: { industry: 'mining' } }), 'VALIDATION');
    const p1 = await t.as(cast.agent)('customers.search', { floor: 25, limit: 2 });
    const p2 = await t.as(cast.agent)('customers.search', { floor: 25, limit: 2, cursor: p1.nextCursor ?? undefined });
    expect([...p1.items, ...p2.items].map((c: { unit: string }) => c.unit)).toEqual(['25F-2501', '25F-2502', '25F-2503']);
    expect(p2.nextCursor).toBeNull();
    // A name prefix pages in name order (lower-cased): 'Alpha 科技' before 'alpine 贸易' whatever their units.
    const n1 = await t.as(cast.agent)('customers.search', { name: 'ALP', limit: 1 });
    const n2 = await t.as(cast.agent)('customers.search', { name: 'ALP', limit: 1, cursor: n1.nextCursor ?? undefined });
    expect([...n1.items, ...n2.items].map((c: { name: string }) => c.name)).toEqual(['Alpha 科技', 'alpine 贸易']);
    expect(n2.nextCursor).toBeNull();
    await expectError(t.as(cast.agent)('customers.search', { cursor: 'garbage' }), 'VALIDATION', 'cursor');
  });

  it('R-ARC-6 a phone that more than 10,000 customers share (a placeholder number) still pages them all in unit order', async () => {
    // The phone's customers were cut at 10,000, in the order the phone index gave them: the rest were never found.
    await t.sql(
      `insert into customers (site, unit, floor, name, phones, contacts)
       select 'main', '9F-' || lpad(g::text, 5, '0'), 9, 'Placeholder ' || g, array['13800000000'], '[]'
         from generate_series(1, 10050) g`,
    );
    await t.sql(`insert into archives (site, customer_id, label) select site, id, name from customers where unit like '9F-%'`);
    await t.as(cast.agent)('customers.create', { unit: '1F-0001', name: 'Last in', contacts: [{ name: '张', phones: ['138 0000 0000'] }] });
    const first = await t.as(cast.agent)('customers.search', { phone: '13800000000', limit: 2 });
    expect(first.items.map((c: { unit: string }) => c.unit)).toEqual(['1F-0001', '9F-00001']);
    const last = await t.as(cast.agent)('customers.search', { phone: '13800000000', unit: '9F-10050' });
    expect(last.items.map((c: { unit: string }) => c.unit)).toEqual(['9F-10050']);
  });

  it('R-ARC-6 free text that is a whole unit finds that unit, not the longer units and phones that contain it', async () => {
    await t.as(cast.agent)('customers.create', { unit: '1F-101', name: '一楼商户', contacts: [{ name: '李', phones: ['139 1110 1000'] }] });
    await t.as(cast.agent)('customers.create', { unit: '11F-101', name: 'Eleven Ltd' });
    const units = async (q: Record<string, unknown>) => (await t.as(cast.agent)('customers.search', q)).items.map((c: { unit: string }) => c.unit);
    expect(await units({ q: '1f-101' })).toEqual(['1F-101']);
    expect(await units({ q: '11F-101' })).toEqual(['11F-101']); // not 1F-101, whose phone holds the digits 11101
    expect(await units({ q: 'F-101' })).toEqual(['11F-101', '1F-101']); // a fragment, not a unit
    expect(await units({ q: '1F-10' })).toEqual(['11F-101', '1F-101']); // shaped like a unit, but none on record
    expect(await units({ q: '11101' })).toEqual(['1F-101']); // digits alone are a phone fragment
    // The unit's customers must pass the other filters; when none does, the text is searched as a fragment.
    expect(await units({ q: '1F-101', status: 'vacated' })).toEqual([]);
  });
});
