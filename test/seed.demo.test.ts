// The demo data set (plugin/seed): written set-based, it must still be what the operations would have
// left — every invariant holds, the operations read and continue it — and read like a property's year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, type TestDb } from './support/db.js';
import { brokenInvariants } from './support/invariants.js';
import { seedDemo } from '../plugin/seed/index.js';
import { matters, channelText } from '../plugin/seed/catalogue.js';
import { silentLogger } from '../plugin/core/logger.js';
import { ticketStates } from '../plugin/areas/tickets/model.js';
import type { DemoKey } from '../plugin/seed/staff.js';

let t: TestDb;
let keys: DemoKey[];
let admin: number;
let agent: number;
let manager: number;

beforeAll(async () => {
  t = await testDb();
  keys = await seedDemo(t.env, silentLogger);
  const staff = await t.sql<{ id: number; roles: string[] }>('select id, roles from staff order by id');
  const first = (role: string) => staff.find((s) => s.roles.includes(role))!.id;
  [admin, agent, manager] = [first('admin'), first('agent'), first('manager')];
}, 300_000);
afterAll(async () => t?.close());

describe('demo data set', () => {
  it('R-TIC-2 R-ACT-3 R-LEN-4 R-CUS-1 every invariant holds after the set-based load', async () => {
    expect(await brokenInvariants(t.sql, t.env.db.schema)).toEqual([]);
    expect(keys.length).toBeGreaterThan(10);
  });

  it('R-TIC-2 the next ticket through the operations continues the numbering of the loaded year', async () => {
    const [last] = await t.sql<{ number: string }>(`select number from tickets where year = extract(year from now() at time zone 'Asia/Shanghai') order by number desc limit 1`);
    const opened = await t.as(agent)('tickets.open', { kind: 'inquiry', channel: 'phone', matter: '测试 Test', unit: '12F-1203' });
    expect(Number(opened.number.slice(6))).toBe(Number(last!.number.slice(6)) + 1);
    expect(await brokenInvariants(t.sql, t.env.db.schema)).toEqual([]);
  });

  it('R-TIC-12 R-LEN-1 shows tickets in every state and loans in every state', async () => {
    const states = await t.sql<{ state: string }>('select distinct state from tickets order by state');
    expect(states.map((r) => r.state)).toEqual([...ticketStates].sort());
    const loans = await t.sql<{ state: string }>('select distinct state from loans order by state');
    expect(loans.map((r) => r.state)).toEqual(['approved', 'cancelled', 'issued', 'rejected', 'requested', 'returned']);
    expect((await t.as(agent)('loans.list', { overdue: true })).items.length).toBeGreaterThan(0);
  });

  it('R-TIC-5 every loaded ticket reads back through tickets.get in its declared output shape', async () => {
    const ids = await t.sql<{ id: number }>(`select id from tickets order by random() limit 40`);
    for (const { id } of ids) {
      const ticket = await t.as(manager)('tickets.get', { id });
      expect(ticket.id).toBe(id);
    }
  });

  it('causes and actions fit each matter: kind, category and department come from one catalogue entry', async () => {
    const rows = await t.sql<{ kind: string; matter: string; category: string | null; code: string | null; cause: string | null }>(
      `select t.kind, t.matter, t.category, d.code, t.cause from tickets t left join departments d on d.site = t.site and d.id = t.department_id where t.matter <> '测试 Test'`,
    );
    const misfits = rows.filter((r) => {
      const m = matters.find((x) => x.matter === r.matter);
      if (!m || m.kind !== r.kind) return true;
      if (r.category !== null && r.category !== m.category) return true;
      if (r.cause !== null && r.cause !== m.cause) return true;
      return r.code !== null && r.code !== m.department && r.code !== m.misrouted;
    });
    expect(misfits).toEqual([]);
  });

  it('R-TIC-1 the intake text matches the channel it came through', async () => {
    const rows = await t.sql<{ channel: string; content: string }>(`select channel, content from tickets where content <> ''`);
    expect(rows.filter((r) => !r.content.startsWith(channelText[r.channel]!))).toEqual([]);
  });

  it('R-TIC-6 transfers go to the department the matter belongs to, decided in office hours', async () => {
    const rows = await t.sql<{ matter: string; from_code: string; to_code: string; hour: number }>(
      `select t.matter, f.code as from_code, d.code as to_code, extract(hour from tr.requested_at at time zone 'Asia/Shanghai')::int as hour
         from ticket_transfers tr join tickets t on t.site = tr.site and t.id = tr.ticket_id
         join departments d on d.site = tr.site and d.id = tr.to_department_id
         left join departments f on f.site = tr.site and f.id = tr.from_department_id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const m = matters.find((x) => x.matter === r.matter)!;
      expect([r.from_code, r.to_code]).toEqual([m.misrouted, m.department]);
      expect(r.hour).toBeGreaterThanOrEqual(8);
      expect(r.hour).toBeLessThan(18);
    }
  });

  it('times are plausible: sign-offs and replies in office hours, intakes at night only for night matters, nothing in the future', async () => {
    const night = matters.filter((m) => m.night).map((m) => m.matter);
    const [facts] = await t.sql<{ offhours: number; lateintake: number; future: number }>(
      `select (select count(*)::int from ticket_events e where e.operation in ('signOff', 'reply')
                and ((e.at at time zone 'Asia/Shanghai')::time not between '08:30' and '17:30'
                     or extract(isodow from e.at at time zone 'Asia/Shanghai') > 5 and (e.at at time zone 'Asia/Shanghai')::date
                        not in (select day from calendar_days where kind = 'workday'))) as offhours,
              (select count(*)::int from tickets where matter = any($2::text[]) and not (matter = any($1::text[]))
                and (opened_at at time zone 'Asia/Shanghai')::time not between '08:30' and '17:30') as lateintake,
              (select count(*)::int from ticket_events where at > now()) as future`,
      // The demo's tickets only (catalogue matters): the numbering test above opens one at the real now.
      [night, matters.map((m) => m.matter)],
    );
    expect(facts).toEqual({ offhours: 0, lateintake: 0, future: 0 });
  });

  it('month volumes follow the seasons (not the same count every month)', async () => {
    const months = await t.sql<{ n: number }>(`select count(*)::int as n from tickets group by date_trunc('month', opened_at at time zone 'Asia/Shanghai')`);
    const counts = months.map((m) => m.n).filter((n) => n > 10);
    expect(counts.length).toBeGreaterThanOrEqual(11);
    expect(Math.max(...counts) / Math.min(...counts)).toBeGreaterThan(1.5);
    const [summer] = await t.sql<{ n: number }>(`select count(*)::int as n from tickets where matter like '空调%' and extract(month from opened_at) between 6 and 9`);
    const [winter] = await t.sql<{ n: number }>(`select count(*)::int as n from tickets where matter like '空调%' and extract(month from opened_at) in (12, 1, 2, 3)`);
    expect(summer!.n).toBeGreaterThan(3 * winter!.n);
  });

  it('R-TIC-10 R-REP-1 callbacks and the monthly analysis have figures, with some dissatisfied customers', async () => {
    const [c] = await t.sql<{ done: number; dissatisfied: number }>(
      `select count(*) filter (where done_at is not null)::int as done, count(*) filter (where outcome = 'dissatisfied')::int as dissatisfied from ticket_callbacks`,
    );
    expect(c!.done).toBeGreaterThan(100);
    expect(c!.dissatisfied).toBeGreaterThan(0);
  });

  it('a satisfaction survey with its survey form and responses; surveys.create without a form says to define one', async () => {
    const [s] = await t.sql<{ id: number; responses: number }>(
      `select s.id, (select count(*)::int from survey_responses r where r.survey_id = s.id) as responses from surveys s order by s.id desc limit 1`,
    );
    expect(s!.responses).toBeGreaterThan(50);
    const results = await t.as(manager)('surveys.results', { id: s!.id });
    expect(results).toBeTruthy();
    const empty = await testDb({ site: 'other' });
    try {
      const boot = await empty
        .as(0)('staff.upsert', { name: 'Admin', roles: ['admin', 'supervisor'] })
        .catch(() => undefined);
      const id = boot?.id ?? (await empty.sql<{ id: number }>('select id from staff limit 1'))[0]?.id;
      await expect(empty.as(id ?? 0)('surveys.create', { period: '2026-Q3', method: 'phone' })).rejects.toThrow(/define the questions first with forms\.define/);
    } finally {
      await empty.close();
    }
  });

  it('admin is the first key printed', () => {
    expect(keys[0]!.roles).toBe('admin');
    expect(admin).toBeGreaterThan(0);
  });
});
