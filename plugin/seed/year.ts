// A year of closed tickets, written set-based: stories drawn from the catalogue with seasonal month
// volumes, numbered YYMMDDNNN in intake order per year (R-TIC-2), then each table in one statement.
import { DateTime } from 'luxon';
import { loadConfig } from '../core/config.js';
import type { Config } from '../core/operation.js';
import { localDate } from '../time/calendar.js';
import { insertRows, nextIds, type Rows } from './bulk.js';
import { channelsFor, channelText, kindWeight, matters, type Matter } from './catalogue.js';
import { inOffice, tellStory, type Story } from './story.js';
import type { Clock } from '../areas/tickets/clocks.js';
import type { SeedContext } from './types.js';

const DAY = 86_400_000;
const names = ['陈先生', '林女士', '王先生', '周女士', 'Mr. Smith', '黄先生', '吴女士', '赵小姐', '孙先生', 'Ms. Tanaka'];

/** A matter, then a day of the year in its season (rejection sampling on the month weight). */
function draw(s: SeedContext, start: number, span: number, zone: string): { matter: Matter; at: number } {
  const total = matters.reduce((a, m) => a + kindWeight[m.kind], 0);
  let x = s.random() * total;
  const matter = matters.find((m) => (x -= kindWeight[m.kind]) < 0) ?? matters[0]!;
  const peak = Math.max(...matter.season);
  for (;;) {
    const at = start + Math.floor(s.random() * span);
    const month = DateTime.fromMillis(at, { zone }).month;
    if (s.random() * peak <= (matter.season[month - 1] ?? 1)) return { matter, at };
  }
}

/** Intake time: office hours, fewer at weekends; night matters also come in late in the evening. */
function intakeTime(cfg: Config, s: SeedContext, matter: Matter, day: number): Date {
  const local = DateTime.fromMillis(day, { zone: cfg.calendar.zone }).startOf('day');
  if (matter.night && s.random() < 0.3) return local.plus({ hours: 19 + s.random() * 6 }).toJSDate();
  return inOffice(cfg, local.plus({ hours: 8.6 + s.random() * 8.6 }).toJSDate(), s.random);
}

/** A ticket_clocks row (column names) from a clock as the operations compute it. */
const clockRow = (ticketId: unknown, c: Clock) => ({
  ticket_id: ticketId,
  clock: c.clock,
  basis: c.basis,
  started_at: c.startedAt,
  due_at: c.dueAt,
  met_at: c.metAt,
  paused_at: c.pausedAt,
  remaining_ms: c.remainingMs,
  extended: c.extended,
});

export interface YearResult {
  tickets: number;
}

export async function seedYear(s: SeedContext, count: number, end: Date): Promise<YearResult> {
  const { env } = s;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(s.random() * xs.length)] as T;
  const cfg = await env.db.transaction((tx) => loadConfig(tx, env.site, env.zone));
  const depts = await s.as(s.staff.admin)('departments.list');
  const deptId = (code: string) => (depts as { id: number; code: string }[]).find((d) => d.code === code)?.id ?? 0;
  const start = end.getTime() - 365 * DAY;
  const drawn = Array.from({ length: count }, () => draw(s, start, 365 * DAY, cfg.calendar.zone))
    .map(({ matter, at }) => ({ matter, openedAt: intakeTime(cfg, s, matter, at) }))
    .sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  const units = s.made.units.map((unit, i) => ({ unit, customerId: s.made.customerIds[i] ?? null }));
  const lastComplaint = new Map<string, number>();
  const counters = new Map<number, number>();
  const stories: Story[] = [];
  const ids = await env.db.transaction((tx) => nextIds(tx, 'tickets', drawn.length));
  for (const [i, d] of drawn.entries()) {
    const m = d.matter;
    const where = pick(units);
    const members = s.staff.departments[m.department] ?? [];
    const head = s.staff.heads[m.department] ?? s.staff.admin;
    const workers = members.filter((x) => x !== head);
    const conduct = m.category === 'service_quality' && m.department === 'security' && workers.length > 0 ? pick(workers) : undefined;
    const severity = m.kind === 'complaint' ? pick(['normal', 'normal', 'normal', 'urgent', 'urgent', 'critical'] as const) : m.night && s.random() < 0.3 ? 'urgent' : 'normal';
    const reasons = [...(conduct ? ['conduct'] : [])];
    if (m.kind === 'complaint') {
      const prior = lastComplaint.get(where.unit);
      if (prior !== undefined && d.openedAt.getTime() - prior <= cfg.settings.tickets.repeatWindowDays * DAY) reasons.push('repeat');
      lastComplaint.set(where.unit, d.openedAt.getTime());
    }
    if (severity === 'critical') reasons.push('critical');
    const roll = s.random();
    const outcomes = roll < 0.07 ? (['dissatisfied', 'satisfied'] as const) : roll < 0.27 ? (['basically_satisfied'] as const) : (['satisfied'] as const);
    stories.push(
      tellStory(cfg, {
        id: ids[i]!,
        matter: m,
        channel: pick(channelsFor[m.kind]),
        content: '',
        unit: where.unit,
        customerId: where.customerId,
        complainant: pick(names),
        phone: `139${String(10_000_000 + Math.floor(s.random() * 89_999_999))}`,
        openedAt: d.openedAt,
        severity,
        seriousReasons: reasons,
        ...(conduct ? { conduct: { targetStaffId: conduct, account: '业主称保安在门岗语气生硬 The guard at the gate was curt', witnesses: '同行家人 Family member' } } : {}),
        cast: {
          owner: pick(s.staff.agents),
          supervisor: pick(s.staff.supervisors),
          manager: s.staff.managers[0] ?? s.staff.admin,
          assignee: conduct ? head : pick(members.filter((x) => x !== conduct)),
          head,
          callbackBy: pick(s.staff.agents),
          departmentId: deptId(m.department),
        },
        outcomes: [...outcomes],
        until: end,
        random: s.random,
      }),
    );
    const story = stories[stories.length - 1]!;
    story.ticket.content = `${channelText[story.ticket.channel as string]}：${m.matter.split(' ')[0]}`;
    const year = story.ticket.year as number;
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const day = localDate(cfg.calendar.zone, d.openedAt);
    story.ticket.number = `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}${String(n).padStart(3, '0')}`;
    s.progress('tickets', i + 1, drawn.length);
  }
  const tables: [table: string, rows: Rows][] = [
    ['tickets', stories.map((x) => x.ticket)],
    ['ticket_numbers', [...counters].map(([year, last]) => ({ year, last }))],
    ['ticket_clocks', stories.flatMap((x) => x.clocks.map((c) => clockRow(x.ticket.id, c)))],
    ['ticket_events', stories.flatMap((x) => x.events)],
    ['ticket_callbacks', stories.flatMap((x) => x.callbacks)],
    ['audit_log', stories.flatMap((x) => x.audits)],
  ];
  await env.db.transaction(async (tx) => {
    for (const [table, rows] of tables) await insertRows(tx, env.site, table, rows);
    // written straight into the tables: reports.monthly's rollup (migration 010) is recomputed from them
    await tx.query('select rebuild_report_rollup($1, $2)', [env.site, env.zone]);
  });
  return { tickets: stories.length };
}
