import type { SeedContext } from './types.js';

// Demo customers, archives, documents, edits and loans (R-CUS-*, R-ARC-*, R-LEN-*), made through the operations.
const total = 300;
const cities = ['华润', '中信', '招商', '平安', '万科', '保利', '金茂', '远洋', '新鸿基', '嘉里', '瑞安', '恒隆', '太古', '长江', '东方'];
const trades = ['科技', '贸易', '咨询', '律师事务所', '会计师事务所', '投资', '物流', '传媒', '建筑设计', '医药', '教育', '餐饮管理'];
const forms = ['有限公司', '股份有限公司', '（上海）有限公司', '集团有限公司'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙'];
const given = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '杰', '军', '勇'];
const categories = ['prospective', 'new', 'regular', 'vip'] as const;
const grades = ['A', 'B', 'C', 'D'] as const;
const subtypes = ['door_lock', 'phone_line', 'parking', 'signage', 'overtime'] as const;
const DAY = 86_400_000;

export async function seedCustomers(s: SeedContext): Promise<void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(s.random() * list.length)] as T;
  const person = () => `${pick(surnames)}${pick(given)}${s.random() < 0.5 ? pick(given) : ''}`;
  const mobile = () => `13${Math.floor(s.random() * 10)}${String(Math.floor(s.random() * 1e8)).padStart(8, '0')}`;
  // 10:00 Beijing time, `daysAgo` days before today: the story ends in the present.
  const today = Math.floor(Date.now() / DAY) * DAY + 2 * 3_600_000;
  const at = (daysAgo: number, hours = 0) => s.setNow(new Date(today - daysAgo * DAY + hours * 3_600_000));
  const agent = () => s.as(pick(s.staff.agents));
  const supervisor = s.as(s.staff.supervisors[0]!);
  const manager = s.as(s.staff.managers[0]!);

  const customers: { id: number; archiveId: number; unit: string }[] = [];
  for (let i = 0; i < total; i++) {
    const floor = 2 + (i % 29);
    const unit = `${floor}F-${floor * 100 + 1 + Math.floor(i / 29)}`;
    const company = s.random() > 0.15;
    at(400 - i);
    const c = await agent()('customers.create', {
      unit,
      name: company ? `${pick(cities)}${pick(trades)}${pick(forms)}` : person(),
      contacts: [{ name: person(), phones: [mobile(), ...(s.random() < 0.3 ? [`021-6${String(Math.floor(s.random() * 1e7)).padStart(7, '0')}`] : [])], email: company ? `contact${i}@example.com` : null }],
      category: categories[i % 4],
      grade: grades[Math.floor(i / 4) % 4],
      moveInDate: new Date(today - (400 - i + 30) * DAY).toISOString().slice(0, 10),
      confidential: i % 37 === 5,
      ownerStaffId: i % 37 === 5 ? s.staff.supervisors[0] : null,
      boxNo: `A-${String(i + 1).padStart(4, '0')}`,
      notes: i % 10 === 0 ? '重点客户，注意回访' : '',
    });
    customers.push({ id: c.id, archiveId: c.archiveId, unit });
    const docs = 2 + Math.floor(s.random() * 3);
    for (let d = 0; d < docs; d++) {
      const kind = d === 0 ? 'move_in' : pick(['fit_out', 'correspondence', 'application', 'other'] as const);
      await agent()('archives.addDocument', {
        archiveId: c.archiveId,
        kind,
        ...(kind === 'application' ? { subtype: subtypes[(i + d) % subtypes.length] } : {}),
        title: { move_in: '入住资料：租赁合同及营业执照', fit_out: '二装资料：装修图纸', correspondence: '往来函', application: '申请单', other: '其他资料' }[kind],
        receivedOn: new Date(today - (400 - i - d * 3) * DAY).toISOString().slice(0, 10),
        pages: 1 + Math.floor(s.random() * 30),
        fileRef: `archives/${unit}/${d + 1}.pdf`,
        original: kind === 'move_in',
      });
    }
    s.progress('customers', i + 1, total);
  }

  // Edits: a few pending and decided requests by agents (R-ARC-3), and a rename (R-CUS-3).
  for (const [n, c] of customers.slice(10, 16).entries()) {
    const edit = await agent()('customers.update', { id: c.id, grade: 'A', reason: '客户续租，调整等级' });
    if (n % 3 === 1) await manager('edits.approve', { id: edit.editRequest.id });
    if (n % 3 === 2) await manager('edits.reject', { id: edit.editRequest.id, note: '资料不全' });
  }
  await manager('customers.update', { id: customers[20]!.id, name: '华润科技（集团）有限公司' });

  // Vacated (R-ARC-4): every 13th customer leaves; some units take a new customer.
  for (const [n, c] of customers.filter((_, i) => i % 13 === 7).entries()) {
    at(60 - n);
    await supervisor('customers.vacate', { id: c.id, boxNo: `T-${String(n + 1).padStart(3, '0')}` });
    if (n % 2 === 0) {
      const next = await agent()('customers.create', { unit: c.unit, name: `${pick(cities)}${pick(trades)}${pick(forms)}`, category: 'new', grade: 'C' });
      customers.push({ id: next.id, archiveId: next.archiveId, unit: c.unit });
    }
  }

  // Loans in every state (R-LEN-1), an overdue one and a hold (R-LEN-8).
  type End = 'requested' | 'approved' | 'rejected' | 'cancelled' | 'issued' | 'returned';
  const lend = async (c: { archiveId: number }, daysAgo: number, end: End, place: 'in_office' | 'take_out' = 'in_office') => {
    at(daysAgo);
    const borrower = s.as(pick(s.staff.agents));
    const loan = await borrower('loans.request', { archiveId: c.archiveId, purpose: pick(['核对租约', '查阅装修资料', '处理投诉取证', '续租谈判']), place });
    if (end === 'requested') return loan.id as number;
    if (end === 'cancelled') return (await borrower('loans.cancel', { id: loan.id })).id as number;
    if (end === 'rejected') return (await manager('loans.reject', { id: loan.id, reason: '用途不明确' })).id as number;
    await manager('loans.approve', { id: loan.id });
    if (end === 'approved') return loan.id as number;
    at(daysAgo, 1);
    const issued = await supervisor('loans.issue', { id: loan.id });
    if (end === 'issued') return loan.id as number;
    at(daysAgo, s.random() < 0.2 ? 9 : 4);
    await supervisor('loans.return', { id: loan.id, pagesReturned: Math.max(0, issued.pagesOut - (s.random() < 0.1 ? 1 : 0)) });
    return loan.id as number;
  };
  const ends = ['returned', 'returned', 'returned', 'rejected', 'cancelled', 'requested', 'approved'] as const;
  const lent = customers.slice(30, 30 + 40);
  for (const [n, c] of lent.entries()) await lend(c, 200 - n * 4, ends[n % ends.length]!);
  const out = lent[0]!;
  await lend(out, 3, 'issued'); // issued days ago and never returned: overdue
  await lend(out, 2, 'approved'); // waits as a hold behind it
  await lend(lent[1]!, 0, 'issued');
  // Take-out lending is off by default (R-LEN-5); the demo turns it on to show a renewed take-out loan.
  await s.as(s.staff.admin)('settings.update', { patch: { loans: { takeOutAllowed: true } } });
  const takenOut = await lend(lent[2]!, 1, 'issued', 'take_out');
  await supervisor('loans.renew', { id: takenOut });

  s.setNow(null);
  s.made.customerIds.push(...customers.map((c) => c.id));
  s.made.units.push(...customers.map((c) => c.unit));
  s.made.archiveIds.push(...customers.map((c) => c.archiveId));
}
