// Demo tickets: a year of intake in every kind, ending a few days before today (so the current
// month's reports have content), driven through the operations so every rule (numbering, clocks,
// sign-off, callbacks) holds. Deterministic through s.random(). Older tickets run to the end; the
// most recent ones stop at each workflow stage in turn, so every state is on screen.
import type { SeedContext } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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

/** Where a recent ticket stops; older tickets go all the way (callback recorded). */
const stages = ['new', 'acknowledged', 'assigned', 'transfer_pending', 'escalated', 'in_progress', 'waiting_customer', 'resolved', 'replied', 'callback_pending'] as const;
type Stage = (typeof stages)[number] | 'done';

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
  const supervisor = s.staff.supervisors[0] ?? manager;
  // 09:00 Beijing time, a year up to four days ago: the latest tickets' steps stay in the past.
  const end = Math.floor(Date.now() / DAY) * DAY + HOUR - 4 * DAY;
  const start = end - 365 * DAY;
  const recent = Math.max(stages.length + 2, Math.round(count * 0.06));
  let flaggedMalicious = false;
  let transferred = false;
  let extended = false;

  for (let i = 0; i < count; i++) {
    s.progress('tickets', i, count);
    let at = start + Math.floor(((end - start) * i) / count) + Math.floor(s.random() * 8) * HOUR;
    const step = async (staff: number, op: string, input: Record<string, unknown>, laterHours = 0.5 + s.random() * 6) => {
      at += laterHours * HOUR;
      s.setNow(new Date(at));
      return s.as(staff)(op, input);
    };
    const stop: Stage = i >= count - recent ? stages[(count - 1 - i) % stages.length]! : 'done';
    // Only complaints and repairs wait for a callback (R-TIC-10).
    const kind = stop === 'callback_pending' ? 'repair' : pick(kinds);
    const owner = pick(s.staff.agents);
    const dept = pick(departments);
    const head = s.staff.heads[dept.code] as number;
    const members = s.staff.departments[dept.code] ?? [head];
    // R-TIC-8: the person complained about is never the head, who must stay free to handle and sign off.
    const staffOnly = members.filter((m) => m !== head);
    const conductTarget = kind === 'complaint' && staffOnly.length > 0 && chance(0.05) ? pick(staffOnly) : undefined;
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
    if (stop === 'new') continue;
    await step(owner, 'tickets.acknowledge', { id }, chance(0.1) ? 3 : 0.5);
    if (!flaggedMalicious && kind === 'complaint' && i > 20) {
      flaggedMalicious = true;
      await step(supervisor, 'tickets.flagMalicious', { id, reason: '捏造事实 Fabricated claims' });
    }
    const severity = kind === 'complaint' ? pick(['normal', 'normal', 'urgent', 'critical'] as const) : 'normal';
    const classified = await step(pick(s.staff.supervisors), 'tickets.classify', { id, category: pick(['service_quality', 'product_quality', 'after_sales', 'grievance', 'other']), severity });
    if (stop === 'acknowledged') continue;
    const assignee = pick(members.filter((m) => m !== conductTarget));
    // R-TIC-7: serious tickets are dispatched by a manager.
    const dispatcher = classified.serious ? manager : pick(s.staff.supervisors);
    await step(dispatcher, 'tickets.assign', { id, departmentId: dept.id, assigneeId: assignee, deadline: new Date(at + 72 * HOUR).toISOString() });
    if (stop === 'assigned') continue;
    // The one transfer of the old tickets (and every ticket stopping at transfer_pending) goes to another department.
    let handler = assignee;
    let signer = head;
    const other = departments.find((d) => d.id !== dept.id);
    if (other && (stop === 'transfer_pending' || (!transferred && i > 40))) {
      await step(dispatcher, 'tickets.requestTransfer', { id, toDepartmentId: other.id, reason: '职责划分 Belongs to another department' });
      if (stop === 'transfer_pending') continue;
      transferred = true;
      handler = signer = s.staff.heads[other.code] as number;
      await step(director, 'tickets.approveTransfer', { id });
      await step(handler, 'tickets.acceptTransfer', { id });
    }
    if (stop === 'escalated' || (!extended && kind === 'complaint' && i > 60)) {
      await step(dispatcher, 'tickets.escalate', { id });
      if (stop === 'escalated') continue;
      extended = true;
      await step(director, 'tickets.extend', { id, days: 7 }, 24);
    } else if (chance(0.05)) {
      await step(dispatcher, 'tickets.escalate', { id });
    }
    await step(handler, 'tickets.start', { id });
    if (stop === 'in_progress') continue;
    if (stop === 'waiting_customer' || chance(0.1)) {
      await step(handler, 'tickets.waitCustomer', { id, note: '业主不在家 Resident away' });
      if (stop === 'waiting_customer') continue;
      await step(handler, 'tickets.resume', { id }, 20 + s.random() * 30);
    }
    // Mostly within the clocks; one in eight runs late.
    await step(handler, 'tickets.resolve', { id, cause: '老化 Wear', action: '维修 Repaired', result: '已解决 Resolved' }, chance(0.125) ? 40 : 2);
    await step(signer, 'tickets.signOff', { id });
    if (stop === 'resolved') continue;
    await step(owner, 'tickets.reply', { id, replyText: '已处理，感谢反馈 Done, thank you' });
    if (stop === 'replied') continue;
    await step(owner, 'tickets.close', { id });
    if (stop === 'callback_pending' || (kind !== 'complaint' && kind !== 'repair')) continue;
    const roll = s.random();
    const outcome = roll < 0.7 ? 'satisfied' : roll < 0.9 ? 'basically_satisfied' : 'dissatisfied';
    const callbackHours = kind === 'repair' ? 24 : 15 * 24;
    const rework = outcome === 'dissatisfied' ? { deadline: new Date(at + callbackHours * HOUR + 72 * HOUR).toISOString() } : {};
    await step(pick(s.staff.agents), 'tickets.recordCallback', { id, outcome, comment: outcome === 'dissatisfied' ? '仍未解决 Still not fixed' : '满意 Fine', ...rework }, callbackHours);
    if (chance(0.03)) await step(supervisor, 'tickets.markImportant', { id });
  }
  s.progress('tickets', count, count);
  s.setNow(null);
}
