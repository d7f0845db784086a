import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useDesk } from './support/desk.js';
import { seedScenarioCalendar, type Cast } from './support/staff.js';
import { openTicket, pathTo } from './tickets.fixtures.js';
import { departmentIds } from './support/desk.js';
import { recording } from './support/plans.js';
import { execute } from '../plugin/core/runner.js';

let t: TestDb;
let cast: Cast;
useDesk(async (d) => {
  ({ t, cast } = d);
  await seedScenarioCalendar(t, cast.admin);
});

interface Entry {
  at: string;
  type: string;
  refId: number;
  action: string;
  title: string | null;
  state: string | null;
}

describe('interaction log', () => {
  it('R-CUS-4 every document, loan, edit, label, ticket and callback of a customer is reachable from its history, newest first', async () => {
    t.setNow('2026-10-08T09:00:00+08:00');
    const c = await t.as(cast.agent)('customers.create', { unit: '12F-1206', name: '日志测试公司' });
    t.setNow('2026-10-08T09:10:00+08:00');
    const doc = await t.as(cast.agent)('archives.addDocument', { archiveId: c.archiveId, kind: 'correspondence', title: '催款函', receivedOn: '2026-10-08', pages: 3 });
    t.setNow('2026-10-08T09:20:00+08:00');
    const loan = await t.as(cast.agent)('loans.request', { archiveId: c.archiveId, purpose: '核对租约' });
    t.setNow('2026-10-08T09:30:00+08:00');
    const edit = await t.as(cast.agent)('customers.update', { id: c.id, grade: 'A', reason: '续租' });
    t.setNow('2026-10-08T09:40:00+08:00');
    await t.as(cast.manager)('customers.update', { id: c.id, name: '日志测试（集团）公司' });

    // A repair for the unit, worked and replied: the callback (回访) is scheduled for the next working day.
    t.setNow('2026-10-09T10:00:00+08:00');
    const ticket = await openTicket(t, cast, { kind: 'repair', unit: '12F-1206', customerId: c.id });
    for (const [who, op, input] of pathTo(cast, await departmentIds(t), 'in_progress', '2026-10-30T17:30')) {
      if (op !== 'tickets.classify') await t.unchecked(who)(op, { id: ticket.id, ...input });
    }
    t.setNow('2026-10-09T15:00:00+08:00');
    await t.as(cast.engineer)('tickets.resolve', { id: ticket.id, cause: '灯管老化', action: '更换', result: '已修复' });
    await t.as(cast.engineeringHead)('tickets.signOff', { id: ticket.id });
    await t.as(cast.agent)('tickets.reply', { id: ticket.id, replyText: '已修好' });
    const [callback] = await t.sql<{ id: number }>('select id from ticket_callbacks where ticket_id = $1', [ticket.id]);

    const history: Entry[] = await t.as(cast.agent)('customers.history', { id: c.id });
    const has = (type: string, refId: number) => history.some((h) => h.type === type && h.refId === refId);
    expect(has('customer', c.id)).toBe(true);
    expect(has('document', doc.id)).toBe(true);
    expect(has('loan', loan.id)).toBe(true);
    expect(has('edit', edit.editRequest!.id)).toBe(true);
    expect(has('ticket', ticket.id)).toBe(true);
    expect(callback).toBeDefined();
    expect(history).toContainEqual(expect.objectContaining({ type: 'callback', refId: callback!.id, action: 'due 2026-10-10', title: ticket.number }));
    expect(history.filter((h) => h.type === 'label').map((h) => h.title)).toEqual(['日志测试（集团）公司', '日志测试公司']);
    const times = history.map((h) => new Date(h.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const card = await t.as(cast.agent)('customers.get', { id: c.id });
    expect(card.tickets.map((x) => x.id)).toEqual([ticket.id]);
    expect(card.loans.map((x: { id: number }) => x.id)).toEqual([loan.id]);
    expect(card.documents.map((x: { id: number }) => x.id)).toEqual([doc.id]);
  });

  it('R-CUS-4 customers.get reads the card, its documents, loans and tickets and nothing else: no probe for the tickets table (migration 004 always creates it)', async () => {
    const c = await t.as(cast.agent)('customers.create', { unit: '12F-1207', name: '卡片测试公司' });
    const noted = recording(t.db);
    const card = await execute<{ tickets: unknown[] }>({ ...t.env, db: noted.db }, 'customers.get', { id: c.id }, { kind: 'staff', staffId: cast.agent });
    expect(card.tickets).toEqual([]);
    // From the actor lookup on (a new Db handle first checks the migrations): customers/get, archives/documents,
    // loans/list and customers/tickets.
    const texts = noted.statements.map((s) => s.text);
    const call = texts.slice(texts.findIndex((text) => /from staff s where/.test(text)));
    expect(call.filter((text) => /to_regclass/.test(text))).toEqual([]);
    expect(call).toHaveLength(5);
  });
});
