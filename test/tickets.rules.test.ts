import { describe, expect, it } from 'vitest';
import type { TestDb } from './support/db.js';
import { useTicketDesk, type Ids } from './support/desk.js';
import type { Cast } from './support/staff.js';
import { expectError } from './support/errors.js';
import { freshUnit, openTicket, ticketIn } from './tickets.fixtures.js';
import { registry } from '../plugin/app.js';
import { readdirSync, readFileSync } from 'node:fs';

let t: TestDb;
let cast: Cast;
let ids: Ids;
const deadline = '2026-09-30T17:30';
useTicketDesk((d) => {
  ({ t, cast, ids } = d);
  t.setNow('2026-09-14T09:00:00+08:00');
});

const conduct = { account: '保安态度恶劣并推搡业主', witnesses: '邻居李女士 13900000000', evidence: ['doc:881'], signed: true };

describe('ticket workflow rules', () => {
  it('R-TIC-1 R-TIC-3 intake records kind, channel and complainant; the caller is the first-contact owner for good', async () => {
    const ticket = await openTicket(t, cast, { kind: 'repair', channel: 'visit', receivedAt: '2026-09-14T08:40', target: '工程部' });
    expect(ticket).toMatchObject({ kind: 'repair', channel: 'visit', state: 'new', firstOwnerId: cast.agent, firstOwnerName: '张丽', openedAt: '2026-09-14T08:40:00+08:00' });
    expect(ticket.clocks.map((c: any) => c.clock).sort()).toEqual(['acknowledge', 'repair']);
    const id = await ticketIn(t, cast, ids, 'resolved', deadline);
    await t.as(cast.engineeringHead)('tickets.signOff', { id });
    await expectError(t.as(cast.agent2)('tickets.reply', { id, replyText: 'x' }), 'FORBIDDEN');
    expect((await t.as(cast.agent)('tickets.reply', { id, replyText: '已处理' })).firstOwnerId).toBe(cast.agent);
  });

  it('§7 bad input is a VALIDATION error naming the field, and nothing is written', async () => {
    const [{ n: before }] = (await t.sql<{ n: number }>('select count(*)::int as n from tickets')) as [{ n: number }];
    await expectError(openTicket(t, cast, { kind: 'praise' }), 'VALIDATION', 'kind');
    await expectError(openTicket(t, cast, { receivedAt: '2026-09-15T09:00' }), 'VALIDATION', 'receivedAt');
    await expectError(openTicket(t, cast, { receivedAt: '2025-09-01T09:00' }), 'VALIDATION', 'receivedAt');
    await expectError(openTicket(t, cast, { matter: 'nul\u0000byte' }), 'VALIDATION');
    await expectError(openTicket(t, cast, { complainantPhone: 'call me' }), 'VALIDATION', 'complainantPhone');
    await expectError(openTicket(t, cast, { kind: 'repair', conduct }), 'VALIDATION', 'conduct');
    const [{ n: after }] = (await t.sql<{ n: number }>('select count(*)::int as n from tickets')) as [{ n: number }];
    expect(after).toBe(before);
    const ticket = await openTicket(t, cast);
    await expectError(t.as(cast.supervisor)('tickets.classify', { id: ticket.id, category: 'weather', severity: 'normal' }), 'VALIDATION', 'category');
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    const far = { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline: '2027-12-31T17:30' };
    await expectError(t.as(cast.supervisor)('tickets.assign', far), 'VALIDATION', 'deadline');
    await expectError(t.as(cast.agent)('tickets.get', { id: 987654 }), 'NOT_FOUND');
  });

  it('§7 a retried open with the same idempotency key returns the first ticket', async () => {
    const first = await openTicket(t, cast, { idempotencyKey: 'click-42' });
    const again = await openTicket(t, cast, { idempotencyKey: 'click-42' });
    expect(again.id).toBe(first.id);
    expect(again.number).toBe(first.number);
  });

  it('R-TIC-4 a malicious complaint is kept and flagged, and there is no operation that deletes a ticket (R-TIC-11)', async () => {
    const ticket = await openTicket(t, cast, { matter: '恶意投诉 test' });
    const flagged = await t.as(cast.supervisor)('tickets.flagMalicious', { id: ticket.id, reason: '多次捏造事实' });
    expect(flagged).toMatchObject({ malicious: true, maliciousReason: '多次捏造事实', state: 'new' });
    const found = await t.as(cast.manager)('tickets.search', { malicious: true });
    expect(found.items.map((r: any) => r.id)).toContain(ticket.id);
    const important = await t.as(cast.supervisor)('tickets.markImportant', { id: ticket.id });
    expect(important.important).toBe(true);
    expect([...registry.keys()].filter((n) => /^(tickets|callbacks)\./.test(n) && /delete|remove|purge/i.test(n))).toEqual([]);
  });

  it('R-TIC-11 no ticket or callback statement deletes or truncates rows', () => {
    const files = ['tickets', 'callbacks'].flatMap((dir) => readdirSync(`plugin/areas/${dir}/sql`).map((f) => `plugin/areas/${dir}/sql/${f}`));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /\bdelete\s+from\b|\btruncate\b/i.test(readFileSync(f, 'utf8')))).toEqual([]);
    expect(readFileSync('queries/migrations/004_tickets.sql', 'utf8')).not.toMatch(/on delete cascade/i);
  });

  it('R-TIC-6 a transfer needs a director’s approval and the receiver’s acceptance; both sides are recorded', async () => {
    const id = await ticketIn(t, cast, ids, 'assigned', deadline);
    await expectError(t.as(cast.supervisor)('tickets.assign', { id, departmentId: ids.security, assigneeId: cast.securityHead, deadline }), 'STATE');
    await t.as(cast.engineeringHead)('tickets.requestTransfer', { id, toDepartmentId: ids.security, reason: '属门岗管理' });
    await expectError(t.as(cast.securityHead)('tickets.acceptTransfer', { id }), 'STATE');
    await expectError(t.as(cast.manager)('tickets.approveTransfer', { id }), 'FORBIDDEN');
    await t.as(cast.director)('tickets.approveTransfer', { id });
    await expectError(t.as(cast.engineer)('tickets.acceptTransfer', { id }), 'FORBIDDEN');
    const accepted = await t.as(cast.securityHead)('tickets.acceptTransfer', { id });
    expect(accepted).toMatchObject({ state: 'assigned', departmentId: ids.security, assigneeId: cast.securityHead, firstOwnerId: cast.agent });
    expect(accepted.transfers).toMatchObject([
      { fromDepartmentId: ids.engineering, toDepartmentId: ids.security, requestedBy: cast.engineeringHead, decision: 'approved', decidedBy: cast.director, acceptedBy: cast.securityHead },
    ]);
    const outbox = await t.sql<{ event: string }>(`select event from outbox where (payload->>'ticketId')::bigint = $1`, [id]);
    expect(outbox.map((e) => e.event)).toContain('ticket.transfer_requested');
  });

  it('R-TIC-6 a rejected transfer returns the ticket to where it was', async () => {
    const id = await ticketIn(t, cast, ids, 'in_progress', deadline);
    await t.as(cast.supervisor)('tickets.requestTransfer', { id, toDepartmentId: ids.security, reason: '?' });
    const back = await t.as(cast.director)('tickets.approveTransfer', { id, approve: false });
    expect(back).toMatchObject({ state: 'in_progress', departmentId: ids.engineering, resumeState: null });
  });

  it('R-TIC-7 a critical complaint is dispatched only by a manager, who is recorded as reviewer', async () => {
    const ticket = await openTicket(t, cast);
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    const critical = await t.as(cast.supervisor)('tickets.classify', { id: ticket.id, category: 'service_quality', severity: 'critical' });
    expect(critical).toMatchObject({ serious: true, seriousReasons: ['critical'] });
    const assign = { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline };
    await expectError(t.as(cast.supervisor)('tickets.assign', assign), 'FORBIDDEN');
    const done = await t.as(cast.manager)('tickets.assign', assign);
    expect(done).toMatchObject({ state: 'assigned', reviewedBy: cast.manager, assigneeId: cast.engineer });
    const [event] = await t.sql<{ payload: any }>(`select payload from outbox where event = 'ticket.assigned' and (payload->>'ticketId')::bigint = $1`, [ticket.id]);
    expect(event?.payload).toMatchObject({ assigneeId: cast.engineer, departmentId: ids.engineering });
  });

  it('R-TIC-7 a second complaint from the same unit within 30 days is serious (repeat)', async () => {
    const unit = freshUnit();
    expect((await openTicket(t, cast, { unit })).serious).toBe(false);
    expect(await openTicket(t, cast, { unit })).toMatchObject({ serious: true, seriousReasons: ['repeat'] });
  });

  it('R-TIC-7 a complaint from the same unit counts as a repeat within 30 days only', async () => {
    const [recent, old] = [freshUnit(), freshUnit()];
    t.setNow('2026-08-01T09:00:00+08:00');
    for (const unit of [recent, old]) await openTicket(t, cast, { unit });
    t.setNow('2026-08-30T09:00:00+08:00'); // 29 days later
    expect(await openTicket(t, cast, { unit: recent })).toMatchObject({ serious: true, seriousReasons: ['repeat'] });
    t.setNow('2026-09-01T09:00:00+08:00'); // 31 days later
    expect((await openTicket(t, cast, { unit: old })).serious).toBe(false);
    t.setNow('2026-09-14T09:00:00+08:00');
  });

  it('R-TIC-8 a conduct complaint carries account, witnesses, evidence and signature; the target cannot be assigned', async () => {
    await expectError(openTicket(t, cast, { targetStaffId: cast.engineer }), 'VALIDATION', 'conduct');
    const ticket = await openTicket(t, cast, { targetStaffId: cast.engineer, target: '孙师傅', conduct });
    expect(ticket).toMatchObject({
      serious: true,
      seriousReasons: ['conduct'],
      conductAccount: conduct.account,
      conductWitnesses: conduct.witnesses,
      conductEvidence: ['doc:881'],
      conductSigned: true,
    });
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    await expectError(t.as(cast.manager)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineer, deadline }), 'FORBIDDEN');
    const head = await t.as(cast.manager)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineeringHead, deadline });
    expect(head.assigneeId).toBe(cast.engineeringHead);
    await expectError(t.as(cast.engineer)('tickets.start', { id: ticket.id }), 'FORBIDDEN');
  });

  it('R-TIC-8 the staff member complained about cannot take the ticket over by a transfer either', async () => {
    const ticket = await openTicket(t, cast, { targetStaffId: cast.engineer, conduct });
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    await t.as(cast.manager)('tickets.assign', { id: ticket.id, departmentId: ids.security, assigneeId: cast.securityHead, deadline });
    await t.as(cast.supervisor)('tickets.requestTransfer', { id: ticket.id, toDepartmentId: ids.engineering, reason: '设备问题' });
    await t.as(cast.director)('tickets.approveTransfer', { id: ticket.id });
    await expectError(t.as(cast.engineer)('tickets.acceptTransfer', { id: ticket.id }), 'FORBIDDEN');
    await expectError(t.as(cast.engineeringHead)('tickets.acceptTransfer', { id: ticket.id, assigneeId: cast.engineer }), 'FORBIDDEN');
    const accepted = await t.as(cast.engineeringHead)('tickets.acceptTransfer', { id: ticket.id });
    expect(accepted).toMatchObject({ state: 'assigned', departmentId: ids.engineering, assigneeId: cast.engineeringHead });
  });

  it('R-TIC-8 the staff member complained about never sees the complainant in get, search, myQueue, dueSoon or callbacks.due', async () => {
    const unit = freshUnit();
    const ticket = await openTicket(t, cast, { unit, complainantName: '钱女士', complainantPhone: '13700001111', targetStaffId: cast.engineer, conduct });
    await t.as(cast.agent)('tickets.acknowledge', { id: ticket.id });
    await t.as(cast.manager)('tickets.assign', { id: ticket.id, departmentId: ids.engineering, assigneeId: cast.engineeringHead, deadline });
    const hidden = { complainantName: null, complainantPhone: null, unit: null, customerId: null, identityMasked: true };
    const seen = await t.as(cast.engineer)('tickets.get', { id: ticket.id });
    expect(seen).toMatchObject({ ...hidden, conductWitnesses: null });
    expect(JSON.stringify(seen)).not.toMatch(/钱女士|13700001111|李女士/);
    expect((await t.as(cast.agent2)('tickets.get', { id: ticket.id })).complainantName).toBe('钱女士');
    const search = await t.as(cast.engineer)('tickets.search', {});
    expect(search.items.find((r: any) => r.id === ticket.id)).toMatchObject(hidden);
    for (const q of ['钱女士', '13700001111', unit]) {
      expect((await t.as(cast.engineer)('tickets.search', { q })).items.map((r: any) => r.id)).not.toContain(ticket.id);
    }
    expect((await t.as(cast.engineer)('tickets.search', { unit })).items).toEqual([]);
    expect((await t.as(cast.agent2)('tickets.search', { q: '钱女士' })).items.map((r: any) => r.id)).toEqual([ticket.id]);
    const queue = await t.as(cast.engineer)('tickets.myQueue', {});
    expect(queue.items.find((r: any) => r.id === ticket.id)).toMatchObject(hidden);
    const soon = await t.as(cast.engineer)('tickets.dueSoon', { withinHours: 200 });
    expect(soon.filter((r: any) => r.id === ticket.id).length).toBeGreaterThan(0);
    for (const r of soon.filter((x: any) => x.id === ticket.id)) expect(r).toMatchObject(hidden);
    await t.sql(`insert into ticket_callbacks (ticket_id, due_on, scheduled_at) values ($1, '2026-09-20', now())`, [ticket.id]);
    const due = await t.as(cast.engineer)('callbacks.due', { until: '2026-09-30' });
    expect(due.find((r: any) => r.ticketId === ticket.id)).toMatchObject(hidden);
  });

  it('R-TIC-8 a department head sees their own department’s tickets only', async () => {
    const id = await ticketIn(t, cast, ids, 'assigned', deadline);
    expect((await t.as(cast.engineeringHead)('tickets.get', { id })).id).toBe(id);
    await expectError(t.as(cast.securityHead)('tickets.get', { id }), 'NOT_FOUND');
    expect((await t.as(cast.securityHead)('tickets.search', {})).items.map((r: any) => r.id)).not.toContain(id);
    expect((await t.as(cast.engineeringHead)('tickets.myQueue', { limit: 200 })).items.map((r: any) => r.id)).toContain(id);
  });

  it('R-TIC-9 resolution, then sign-off by the responsible department’s head, then the reply', async () => {
    const id = await ticketIn(t, cast, ids, 'resolved', deadline);
    await expectError(t.as(cast.agent)('tickets.reply', { id, replyText: 'x' }), 'STATE');
    await expectError(t.as(cast.securityHead)('tickets.signOff', { id }), 'FORBIDDEN');
    const signed = await t.as(cast.engineeringHead)('tickets.signOff', { id });
    expect(signed).toMatchObject({ state: 'resolved', signedOffBy: cast.engineeringHead, cause: '缆绳松动', action: '紧固', result: '已修复' });
    await expectError(t.as(cast.engineeringHead)('tickets.signOff', { id }), 'STATE');
    const replied = await t.as(cast.agent)('tickets.reply', { id, replyText: '已处理完毕' });
    expect(replied.state).toBe('replied');
    expect(replied.timeline.map((e: any) => e.operation)).toEqual(['open', 'acknowledge', 'classify', 'assign', 'start', 'resolve', 'signOff', 'reply']);
  });

  it('no lost update: a stale expectedVersion is CONFLICT, and concurrent transitions serialise on the row lock', async () => {
    const ticket = await openTicket(t, cast);
    await expectError(t.as(cast.agent)('tickets.acknowledge', { id: ticket.id, expectedVersion: ticket.version + 1 }), 'CONFLICT');
    const results = await Promise.allSettled([1, 2, 3].map(() => t.as(cast.agent)('tickets.acknowledge', { id: ticket.id, expectedVersion: ticket.version })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r: any) => r.reason.code)).toEqual(['CONFLICT', 'CONFLICT']);
    const after = await t.as(cast.agent)('tickets.get', { id: ticket.id });
    expect(after.version).toBe(ticket.version + 1);
    expect(after.timeline).toHaveLength(2);
  });

  it('tickets.search filters by custom fields, kind and dates, and pages with a cursor', async () => {
    t.setNow('2026-09-16T09:00:00+08:00');
    const building = { key: 'building', label: '楼栋 Building', type: 'select' as const, options: ['A', 'B'] };
    const form = await t.as(cast.admin)('forms.define', { entity: 'ticket:suggestion', fields: [building] });
    for (let i = 0; i < 5; i++) await openTicket(t, cast, { kind: 'suggestion', custom: { building: i % 2 ? 'A' : 'B' } });
    const a = await t.as(cast.agent)('tickets.search', { custom: { building: 'A' }, kind: 'suggestion' });
    expect(a.items).toHaveLength(2);
    expect((await t.as(cast.agent)('tickets.get', { id: a.items[0]!.id })).formVersion).toBe(form.version);
    const first = await t.as(cast.agent)('tickets.search', { from: '2026-09-16', to: '2026-09-16', limit: 3 });
    const second = await t.as(cast.agent)('tickets.search', { from: '2026-09-16', to: '2026-09-16', limit: 3, cursor: first.nextCursor ?? undefined });
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((r: any) => r.id)).size).toBe(5);
    await expectError(t.as(cast.agent)('tickets.search', { cursor: 'garbage' }), 'VALIDATION', 'cursor');
  });
});
