// Demo tickets: a year of closed history written set-based (year.ts), then the last days' tickets driven
// through the operations and stopped at each workflow stage in turn, so every state is on screen and
// the live rules (numbering after the history, clocks, transfer, extension, malicious flag) run for real.
import { loadConfig } from '../core/config.js';
import { matters, channelsFor, channelText, type Matter } from './catalogue.js';
import type { InputOf, OpName } from '../core/operation.js';
import type { InputArg } from '../core/caller.js';
import { inOffice } from './story.js';
import { seedYear } from './year.js';
import type { SeedContext } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const names = ['陈先生', '林女士', '王先生', '周女士', 'Mr. Smith', '黄先生', '吴女士'];

/** Where a recent ticket stops. */
const stages = ['new', 'acknowledged', 'assigned', 'transfer_pending', 'escalated', 'in_progress', 'waiting_customer', 'resolved', 'replied', 'callback_pending', 'reopened', 'closed'] as const;

interface Dept {
  id: number;
  code: string;
}

export async function seedTickets(s: SeedContext, count = 480): Promise<void> {
  const now = Date.now();
  // History ends two weeks ago; the live tickets fill the days since.
  await seedYear(s, count, new Date(now - 14 * DAY));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(s.random() * xs.length)] as T;
  const cfg = await s.env.db.transaction((tx) => loadConfig(tx, s.env.site, s.env.zone));
  const departments = (await s.as(s.staff.admin)('departments.list')) as Dept[];
  const deptOf = (code: string) => departments.find((d) => d.code === code) as Dept;
  const director = s.staff.directors[0] ?? s.staff.admin;
  const manager = s.staff.managers[0] ?? director;
  const supervisor = s.staff.supervisors[0] ?? manager;
  const misrouted = matters.filter((m) => m.misrouted);
  // One ticket per stage: the one at `closed` went to the wrong department first and was transferred.
  const total = stages.length;
  for (let i = 0; i < total; i++) {
    const stop = stages[i]!;
    const misroute = stop === 'transfer_pending' || stop === 'closed';
    const kinds = stop === 'callback_pending' || stop === 'reopened' ? ['repair'] : stop === 'acknowledged' ? ['complaint'] : ['complaint', 'repair', 'help', 'inquiry', 'suggestion'];
    const m: Matter = misroute ? pick(misrouted) : pick(matters.filter((x) => kinds.includes(x.kind)));
    const first = deptOf((misroute && m.misrouted) || m.department);
    let at = inOffice(cfg, new Date(now - (13 - (i * 8) / total) * DAY), s.random).getTime();
    const step = async <N extends OpName>(staff: number, op: N, input: InputOf<N>, hours = 0.3 + s.random() * 2) => {
      // Never in the future: the live tickets' last steps land before the seed's own now.
      at = Math.min(inOffice(cfg, new Date(at + hours * HOUR), s.random).getTime(), now - 60_000);
      s.setNow(new Date(at));
      // InputOf<N> is the input for N; the compiler cannot see that the optional-input form matches it.
      return s.as(staff)(op, ...([input] as InputArg<N>));
    };
    const owner = pick(s.staff.agents);
    const channel = pick(channelsFor[m.kind]);
    s.setNow(new Date(at));
    const ticket = await s.as(owner)('tickets.open', {
      kind: m.kind,
      channel,
      matter: m.matter,
      content: `${channelText[channel]}：${m.matter.split(' ')[0]}`,
      unit: pick(s.made.units),
      complainantName: pick(names),
      complainantPhone: `139${String(10_000_000 + Math.floor(s.random() * 89_999_999))}`,
    });
    const id = ticket.id as number;
    s.progress('live tickets', i + 1, total);
    if (stop === 'new') continue;
    await step(owner, 'tickets.acknowledge', { id });
    if (stop === 'acknowledged') await step(supervisor, 'tickets.flagMalicious', { id, reason: '捏造事实 Fabricated claims' });
    const classified = await step(supervisor, 'tickets.classify', { id, category: m.category, severity: 'normal' });
    if (stop === 'acknowledged') continue;
    const dispatcher = classified.serious ? manager : supervisor;
    const firstHead = s.staff.heads[first.code] ?? s.staff.admin;
    const firstMembers = s.staff.departments[first.code] ?? [firstHead];
    const assignee = pick(firstMembers);
    await step(dispatcher, 'tickets.assign', { id, departmentId: first.id, assigneeId: assignee, deadline: new Date(at + 72 * HOUR).toISOString() });
    if (stop === 'assigned') continue;
    let handler = assignee;
    let signer = firstHead;
    if (first.code !== m.department) {
      await step(dispatcher, 'tickets.requestTransfer', {
        id,
        toDepartmentId: deptOf(m.department).id,
        reason: `应由${m.department === 'engineering' ? '工程部' : '保洁部'}处理 Belongs to ${m.department}`,
      });
      if (stop === 'transfer_pending') continue;
      handler = signer = s.staff.heads[m.department] as number;
      await step(director, 'tickets.approveTransfer', { id });
      await step(handler, 'tickets.acceptTransfer', { id });
    }
    if (stop === 'escalated') {
      await step(dispatcher, 'tickets.escalate', { id });
      await step(director, 'tickets.extend', { id, days: 7 });
      continue;
    }
    await step(handler, 'tickets.start', { id });
    if (stop === 'in_progress') continue;
    if (stop === 'waiting_customer') {
      await step(handler, 'tickets.waitCustomer', { id, note: '业主不在家，约定上门时间 Resident away; visit to be agreed' });
      continue;
    }
    await step(handler, 'tickets.resolve', { id, cause: m.cause, action: m.action, result: m.result });
    await step(signer, 'tickets.signOff', { id });
    if (stop === 'resolved') continue;
    await step(owner, 'tickets.reply', { id, replyText: `${m.result}；感谢您的反馈 Thank you for letting us know` });
    if (stop === 'replied') continue;
    await step(owner, 'tickets.close', { id }, 0.1);
    if (stop === 'callback_pending' || (m.kind !== 'complaint' && m.kind !== 'repair')) continue;
    const dissatisfied = stop === 'reopened';
    await step(
      pick(s.staff.agents),
      'tickets.recordCallback',
      {
        id,
        outcome: dissatisfied ? 'dissatisfied' : 'satisfied',
        comment: dissatisfied ? '问题反复出现 It came back' : '满意 Happy with it',
        ...(dissatisfied ? { deadline: new Date(at + 4 * DAY).toISOString() } : {}),
      },
      20,
    );
  }
  s.setNow(null);
}
