// Demo tickets: about a year of intake in every kind and state, driven through the operations so every
// rule (numbering, clocks, sign-off, callbacks) holds. Deterministic through s.random().
import type { SeedContext } from './types.js';

const HOUR = 3_600_000;
const kinds = ['complaint', 'complaint', 'repair', 'repair', 'repair', 'help', 'inquiry', 'suggestion'] as const;
const channels = ['phone', 'phone', 'phone', 'visit', 'letter', 'email', 'online', 'suggestion_box', 'referral'] as const;
const matters: Record<(typeof kinds)[number], string[]> = {
  complaint: ['电梯噪音 Lift noise', '保安态度 Guard attitude', '保洁不及时 Cleaning late', '停车收费 Parking fee', '装修扰民 Renovation noise'],
  repair: ['水管漏水 Leaking pipe', '灯不亮 Light out', '门禁故障 Access card fault', '空调不制冷 Air-con', '下水道堵塞 Blocked drain'],
  help: ['钥匙锁在屋内 Locked out', '搬家协助 Moving help'],
  inquiry: ['物业费标准 Fee schedule', '停水通知 Water cut notice'],
  suggestion: ['增加绿化 More greenery', '延长健身房时间 Gym hours'],
};
const names = ['陈先生', '林女士', '王先生', '周女士', 'Mr. Smith', '黄先生', '吴女士'];

interface Dept {
  id: number;
  code: string;
}

export async function seedTickets(s: SeedContext, count = 320): Promise<void> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(s.random() * xs.length)] as T;
  const chance = (p: number) => s.random() < p;
  const admin = s.as(s.staff.admin);
  const departments = ((await admin('departments.list')) as Dept[]).filter((d) => (s.staff.heads[d.code] ?? 0) > 0);
  const units = s.made.units.length > 0 ? s.made.units : Array.from({ length: 60 }, (_, i) => `${5 + (i % 20)}F-${(5 + (i % 20)) * 100 + (i % 6) + 1}`);
  const director = s.staff.directors[0] ?? s.staff.admin;
  const manager = s.staff.managers[0] ?? director;
  const start = Date.parse('2025-10-01T01:00:00Z'); // 09:00 in Asia/Shanghai
  const span = Date.parse('2026-09-30T01:00:00Z') - start;
  let flaggedMalicious = false;
  let transferred = false;
  let extended = false;

  for (let i = 0; i < count; i++) {
    s.progress('tickets', i, count);
    let at = start + Math.floor((span * i) / count) + Math.floor(s.random() * 8) * HOUR;
    const step = async (staff: number, op: string, input: Record<string, unknown>, laterHours = 0.5 + s.random() * 6) => {
      at += laterHours * HOUR;
      s.setNow(new Date(at));
      return s.as(staff)(op, input);
    };
    const kind = pick(kinds);
    const owner = pick(s.staff.agents);
    const dept = pick(departments);
    const members = s.staff.departments[dept.code] ?? [];
    const conductTarget = kind === 'complaint' && chance(0.05) ? pick(members) : undefined;
    s.setNow(new Date(at));
    const ticket = await s.as(owner)('tickets.open', {
      kind,
      channel: pick(channels),
      matter: pick(matters[kind]),
      content: '业主来电反映 Reported by the resident',
      unit: pick(units),
      complainantName: pick(names),
      complainantPhone: `139${String(10_000_000 + Math.floor(s.random() * 89_999_999))}`,
      ...(conductTarget ? { targetStaffId: conductTarget, target: dept.code, conduct: { account: '态度生硬 Rude reply', witnesses: '邻居 Neighbour', evidence: [], signed: true } } : {}),
    });
    const id = ticket.id as number;
    // Recent tickets stop part-way, so every open state is present; older ones mostly run to the end.
    const age = (count - i) / count;
    const stop = age < 0.08 ? Math.floor(s.random() * 7) : 9;
    if (stop === 0) continue;
    await step(owner, 'tickets.acknowledge', { id }, chance(0.1) ? 3 : 0.5);
    if (!flaggedMalicious && kind === 'complaint' && i > 20) {
      flaggedMalicious = true;
      await step(s.staff.supervisors[0] ?? manager, 'tickets.flagMalicious', { id, reason: '捏造事实 Fabricated claims' });
    }
    const severity = kind === 'complaint' ? pick(['normal', 'normal', 'urgent', 'critical'] as const) : 'normal';
    const classified = await step(pick(s.staff.supervisors), 'tickets.classify', { id, category: pick(['service_quality', 'product_quality', 'after_sales', 'grievance', 'other']), severity });
    if (stop === 1) continue;
    const assignee = pick(members.filter((m) => m !== conductTarget));
    const dispatcher = classified.serious ? manager : pick(s.staff.supervisors);
    await step(dispatcher, 'tickets.assign', { id, departmentId: dept.id, assigneeId: assignee, deadline: new Date(at + 72 * HOUR).toISOString() });
    if (stop === 2) continue;
    let responsible = assignee;
    let head = s.staff.heads[dept.code] as number;
    if (!transferred && departments.length > 1 && i > 40) {
      transferred = true;
      const to = departments.find((d) => d.id !== dept.id) as Dept;
      await step(dispatcher, 'tickets.requestTransfer', { id, toDepartmentId: to.id, reason: '职责划分 Belongs to another department' });
      await step(director, 'tickets.approveTransfer', { id });
      head = s.staff.heads[to.code] as number;
      await step(head, 'tickets.acceptTransfer', { id });
      responsible = head;
    }
    if (stop === 3) continue;
    if (!extended && kind === 'complaint' && i > 60) {
      extended = true;
      await step(dispatcher, 'tickets.escalate', { id });
      await step(director, 'tickets.extend', { id, days: 7 }, 24);
    } else if (chance(0.05)) {
      await step(dispatcher, 'tickets.escalate', { id });
    }
    await step(responsible, 'tickets.start', { id });
    if (stop === 4) continue;
    if (chance(0.1)) {
      await step(responsible, 'tickets.waitCustomer', { id, note: '业主不在家 Resident away' });
      if (stop === 5) continue;
      await step(responsible, 'tickets.resume', { id }, 20 + s.random() * 30);
    }
    // Mostly within the clocks; one in eight runs late.
    await step(responsible, 'tickets.resolve', { id, cause: '老化 Wear', action: '维修 Repaired', result: '已解决 Resolved' }, chance(0.125) ? 40 : 2);
    await step(head, 'tickets.signOff', { id });
    if (stop === 5) continue;
    await step(owner, 'tickets.reply', { id, replyText: '已处理，感谢反馈 Done, thank you' });
    if (stop === 6) continue;
    await step(owner, 'tickets.close', { id });
    if (kind !== 'complaint' && kind !== 'repair') continue;
    const roll = s.random();
    const outcome = roll < 0.7 ? 'satisfied' : roll < 0.9 ? 'basically_satisfied' : 'dissatisfied';
    const callbackHours = kind === 'repair' ? 24 : 15 * 24;
    const deadline = new Date(at + callbackHours * HOUR + 72 * HOUR).toISOString();
    await step(pick(s.staff.agents), 'tickets.recordCallback', { id, outcome, comment: outcome === 'dissatisfied' ? '仍未解决 Still not fixed' : '满意 Fine', ...(outcome === 'dissatisfied' ? { deadline } : {}) }, callbackHours);
    if (chance(0.03)) await step(s.staff.supervisors[0] ?? manager, 'tickets.markImportant', { id });
  }
  s.progress('tickets', count, count);
  s.setNow(null);
}
