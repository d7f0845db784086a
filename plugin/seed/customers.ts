// Demo customers and their archives (一户一档, R-CUS-*, R-ARC-*), written set-based: customers,
// archives, label history, documents, the vacated ones (R-ARC-4) and their audit rows, one statement per
// table. Edit requests, a rename and the live loans then go through the operations (loans.ts).
import { insertRows, nextIds } from './bulk.js';
import type { SeedContext } from './types.js';

const total = 300;
const brands = ['华润', '中信', '招商', '平安', '万科', '保利', '金茂', '远洋', '新鸿基', '嘉里', '瑞安', '恒隆', '太古', '长江', '东方'];
const trades = ['科技', '贸易', '咨询', '律师事务所', '会计师事务所', '投资', '物流', '传媒', '建筑设计', '医药', '教育', '餐饮管理'];
const forms = ['有限公司', '股份有限公司', '（上海）有限公司', '集团有限公司'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰', '军', '勇'];
const categories = ['prospective', 'new', 'regular', 'vip'] as const;
const grades = ['A', 'B', 'C', 'D'] as const;
const subtypes = ['door_lock', 'phone_line', 'parking', 'signage', 'overtime'] as const;
const titles = { move_in: '入住资料：租赁合同及营业执照', fit_out: '二装资料：装修图纸', correspondence: '往来函', application: '申请单', other: '其他资料' } as const;
const DAY = 86_400_000;

export async function seedCustomers(s: SeedContext): Promise<void> {
  const { env } = s;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(s.random() * list.length)] as T;
  const person = () => `${pick(surnames)}${pick(given)}${s.random() < 0.5 ? pick(given) : ''}`;
  const company = () => `${pick(brands)}${pick(trades)}${pick(forms)}`;
  const mobile = () => `13${Math.floor(s.random() * 10)}${String(Math.floor(s.random() * 1e8)).padStart(8, '0')}`;
  // 10:00 Beijing time, `daysAgo` days before today: the story ends in the present.
  const today = Math.floor(Date.now() / DAY) * DAY + 2 * 3_600_000;
  const day = (daysAgo: number, hours = 0) => new Date(today - daysAgo * DAY + hours * 3_600_000);
  const vacating = Array.from({ length: total }, (_, i) => i % 13 === 7);
  const reoccupied = vacating.map((v, i) => v && i % 26 === 7);
  const count = total + reoccupied.filter(Boolean).length;
  const { customerIds, archiveIds } = await env.db.transaction(async (tx) => ({ customerIds: await nextIds(tx, 'customers', count), archiveIds: await nextIds(tx, 'archives', count) }));
  const customers: Record<string, unknown>[] = [];
  const archives: Record<string, unknown>[] = [];
  const labels: Record<string, unknown>[] = [];
  const documents: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  let vacatedNo = 0;
  const add = (i: number, n: number, unit: string, floor: number, createdAt: Date, fresh: boolean) => {
    const id = customerIds[n]!;
    const archiveId = archiveIds[n]!;
    const isCompany = s.random() > 0.15;
    const name = isCompany ? company() : person();
    const agent = pick(s.staff.agents);
    const phones = [mobile(), ...(s.random() < 0.3 ? [`021-6${String(Math.floor(s.random() * 1e7)).padStart(7, '0')}`] : [])];
    const leaves = !fresh && vacating[i] === true;
    const vacatedAt = leaves ? day(300 - (vacatedNo * 280) / 24, 4) : null;
    const box = leaves ? `T-${String(++vacatedNo).padStart(3, '0')}` : `A-${String(n + 1).padStart(4, '0')}`;
    customers.push({
      id,
      unit,
      floor,
      name,
      contacts: [{ name: isCompany ? person() : name, phones, email: isCompany ? `contact${n}@example.com` : null }],
      phones: phones.map((p) => p.replace(/\D/g, '')),
      category: fresh ? 'new' : categories[i % 4],
      grade: fresh ? 'C' : grades[Math.floor(i / 4) % 4],
      move_in_date: new Date(createdAt.getTime() - 30 * DAY).toISOString().slice(0, 10),
      confidential: !fresh && i % 37 === 5,
      owner_staff_id: !fresh && i % 37 === 5 ? s.staff.supervisors[0] : null,
      notes: i % 10 === 0 ? '重点客户，注意回访' : '',
      status: leaves ? 'vacated' : 'active',
      vacated_at: vacatedAt,
      version: leaves ? 2 : 1,
      created_by: agent,
      created_at: createdAt,
      updated_at: vacatedAt ?? createdAt,
    });
    archives.push({
      id: archiveId,
      customer_id: id,
      label: name,
      box_no: box,
      status: leaves ? 'vacated' : 'active',
      bound: leaves,
      vacated_at: vacatedAt,
      created_at: createdAt,
      updated_at: vacatedAt ?? createdAt,
    });
    labels.push({ archive_id: archiveId, label: name, set_at: createdAt, set_by: agent });
    audits.push({ at: createdAt, actor_id: agent, operation: 'customers.create', entity: 'customer', entity_id: String(id), action: 'create', after: { id, unit, name, archiveId } });
    const docs = fresh ? 1 : 2 + Math.floor(s.random() * 3);
    for (let d = 0; d < docs; d++) {
      const kind = d === 0 ? 'move_in' : pick(['fit_out', 'correspondence', 'application', 'other'] as const);
      const at = new Date(createdAt.getTime() + d * 3 * DAY);
      documents.push({
        archive_id: archiveId,
        kind,
        subtype: kind === 'application' ? subtypes[(i + d) % subtypes.length] : null,
        title: titles[kind],
        received_on: at.toISOString().slice(0, 10),
        pages: 1 + Math.floor(s.random() * 30),
        file_ref: `archives/${unit}/${d + 1}.pdf`,
        original: kind === 'move_in',
        notes: '',
        created_by: agent,
        created_at: at,
      });
      audits.push({ at, actor_id: agent, operation: 'archives.addDocument', entity: 'archive', entity_id: String(archiveId), action: 'addDocument', after: { archiveId, kind, title: titles[kind] } });
    }
    if (vacatedAt)
      audits.push({
        at: vacatedAt,
        actor_id: s.staff.supervisors[0],
        operation: 'customers.vacate',
        entity: 'customer',
        entity_id: String(id),
        action: 'vacate',
        before: { status: 'active' },
        after: { status: 'vacated', boxNo: box },
      });
    s.made.customerIds.push(id);
    s.made.units.push(unit);
    s.made.archiveIds.push(archiveId);
    return vacatedAt;
  };
  let n = 0;
  for (let i = 0; i < total; i++) {
    const floor = 2 + (i % 29);
    const unit = `${floor}F-${floor * 100 + 1 + Math.floor(i / 29)}`;
    const left = add(i, n++, unit, floor, day(420 - i), false);
    // Half the vacated units take a new customer a few days later (R-ARC-4: the unit is free again).
    if (left && reoccupied[i]) add(i, n++, unit, floor, new Date(left.getTime() + 5 * DAY), true);
    s.progress('customers', i + 1, total);
  }
  await env.db.transaction(async (tx) => {
    await insertRows(tx, env.site, 'customers', customers);
    await insertRows(tx, env.site, 'archives', archives);
    await insertRows(tx, env.site, 'archive_labels', labels);
    await insertRows(tx, env.site, 'archive_documents', documents);
    await insertRows(tx, env.site, 'audit_log', audits);
  });

  // Edits through the operations: pending and decided requests by agents (R-ARC-3), and a rename (R-CUS-3).
  const manager = s.as(s.staff.managers[0]!);
  const active = customers.filter((c) => c.status === 'active');
  s.setNow(day(20));
  for (const [k, c] of active.slice(10, 16).entries()) {
    const edit = await s.as(pick(s.staff.agents))('customers.update', { id: Number(c.id), grade: 'A', reason: '客户续租，调整等级' });
    if (k % 3 === 1) await manager('edits.approve', { id: edit.editRequest!.id });
    if (k % 3 === 2) await manager('edits.reject', { id: edit.editRequest!.id, note: '资料不全' });
  }
  await manager('customers.update', { id: Number(active[20]!.id), name: '华润科技（集团）有限公司' });
  s.setNow(null);
}
