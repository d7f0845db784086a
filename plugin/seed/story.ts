// One ticket's life, written as the rows the operations would leave: the ticket row, its timeline
// (ticket_events), clocks computed by the same functions the operations use (tickets/clocks.ts), its
// callbacks, and an audit row per step in the runner's shape (before/after state and version).
import type { Config } from '../core/operation.js';
import { DateTime } from 'luxon';
import { addWorkingDays, addWorkingHours, localDate } from '../time/calendar.js';
import { deadlineClock, intakeClocks, meet, replyClock, type Clock } from '../areas/tickets/clocks.js';
import { callbackDueOn } from '../areas/callbacks/schedule.js';
import type { Matter } from './catalogue.js';

const HOUR = 3_600_000;

export interface Cast {
  owner: number;
  supervisor: number;
  manager: number;
  assignee: number;
  head: number;
  callbackBy: number;
  departmentId: number;
}

export interface StoryInput {
  id: number;
  matter: Matter;
  channel: string;
  content: string;
  unit: string;
  customerId: number | null;
  complainant: string;
  phone: string;
  openedAt: Date;
  severity: 'normal' | 'urgent' | 'critical';
  seriousReasons: string[];
  conduct?: { targetStaffId: number; account: string; witnesses: string };
  cast: Cast;
  /** Callback outcomes in order (a dissatisfied one reopens the ticket for another round). */
  outcomes: ('satisfied' | 'basically_satisfied' | 'dissatisfied')[];
  /** Nothing may happen after this instant (the seed's "now"). */
  until: Date;
  random(): number;
}

export interface Story {
  ticket: Record<string, unknown>;
  events: Record<string, unknown>[];
  clocks: Clock[];
  callbacks: Record<string, unknown>[];
  audits: Record<string, unknown>[];
}

/** The next instant inside office hours (a head signs off and a clerk replies during the day). */
export function inOffice(cfg: Config, at: Date, random: () => number): Date {
  // One minute of working time from `at`, less that minute: `at` itself inside office hours, else the next opening.
  const opening = addWorkingHours(cfg.calendar, at, 1 / 60).getTime() - 60_000;
  return opening === at.getTime() ? at : new Date(opening + (10 + Math.floor(random() * 80)) * 60_000);
}

export function tellStory(cfg: Config, s: StoryInput): Story {
  const r = s.random;
  const m = s.matter;
  const c = s.cast;
  const serious = s.seriousReasons.length > 0;
  const ticket: Record<string, unknown> = {
    id: s.id,
    year: Number(localDate(cfg.calendar.zone, s.openedAt).slice(0, 4)),
    kind: m.kind,
    channel: s.channel,
    state: 'new',
    unit: s.unit,
    customer_id: s.customerId,
    complainant_name: s.complainant,
    complainant_phone: s.phone,
    matter: m.matter,
    content: s.content,
    target: s.conduct ? m.department : null,
    target_staff_id: s.conduct?.targetStaffId ?? null,
    conduct_account: s.conduct?.account ?? null,
    conduct_witnesses: s.conduct?.witnesses ?? null,
    conduct_evidence: [],
    conduct_signed: Boolean(s.conduct),
    serious,
    serious_reasons: s.seriousReasons,
    first_owner_id: c.owner,
    opened_at: s.openedAt,
    created_at: s.openedAt,
    updated_at: s.openedAt,
    version: 1,
    reopened_count: 0,
  };
  const events: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  const callbacks: Record<string, unknown>[] = [];
  const clocks = new Map<string, Clock>();
  const save = (cs: Clock[]) => cs.forEach((x) => clocks.set(x.clock, x));
  let at = s.openedAt;
  let ended = false;
  const step = (op: string, actor: number, when: Date, next: string, patch: Record<string, unknown> = {}, data: Record<string, unknown> = {}, note: string | null = null) => {
    if (ended || when > s.until) return ((ended = true), false);
    at = when;
    const before = { state: ticket.state, version: ticket.version };
    events.push({ ticket_id: s.id, operation: op, from_state: ticket.state, to_state: next, actor_id: actor, note, data, at: when, entered_at: when });
    Object.assign(ticket, patch, { state: next, version: (ticket.version as number) + 1, updated_at: when });
    audits.push({ at: when, actor_id: actor, operation: `tickets.${op}`, entity: 'ticket', entity_id: String(s.id), action: op, before, after: { state: next, version: ticket.version, ...patch } });
    return true;
  };
  const later = (fromH: number, toH: number) => new Date(at.getTime() + (fromH + r() * (toH - fromH)) * HOUR);

  events.push({ ticket_id: s.id, operation: 'open', from_state: null, to_state: 'new', actor_id: c.owner, note: null, data: { channel: s.channel }, at, entered_at: at });
  audits.push({
    at,
    actor_id: c.owner,
    operation: 'tickets.open',
    entity: 'ticket',
    entity_id: String(s.id),
    action: 'open',
    before: null,
    after: { state: 'new', kind: m.kind, matter: m.matter, unit: s.unit },
  });
  save(intakeClocks(cfg, m.kind, at));
  // Acknowledged within the 2 hours, one in twenty late.
  const acked = later(r() < 0.05 ? 2.2 : 0.08, r() < 0.05 ? 4 : 1.3);
  if (!step('acknowledge', c.owner, acked, 'acknowledged', { acknowledged_at: acked })) return finish();
  save(meet([...clocks.values()], ['acknowledge'], acked));
  if (
    !step(
      'classify',
      c.supervisor,
      later(0.15, 0.8),
      'acknowledged',
      { category: m.category, severity: s.severity, serious, serious_reasons: s.seriousReasons },
      { category: m.category, severity: s.severity },
    )
  )
    return finish();
  if (m.kind === 'complaint') save([replyClock(cfg, s.openedAt, s.severity)]);
  const dispatcher = serious ? c.manager : c.supervisor;
  const assignedAt = later(0.1, 0.6);
  const deadline = m.kind === 'repair' ? addWorkingDays(cfg.calendar, assignedAt, 2) : new Date(assignedAt.getTime() + 48 * HOUR);
  const assignPatch = { department_id: c.departmentId, assignee_id: c.assignee, deadline_at: deadline, assigned_at: assignedAt, ...(serious ? { reviewed_by: dispatcher } : {}) };
  if (!step('assign', dispatcher, assignedAt, 'assigned', assignPatch, { departmentId: c.departmentId, assigneeId: c.assignee, deadlineAt: deadline })) return finish();
  save([deadlineClock(assignedAt, deadline)]);

  for (const [round, outcome] of s.outcomes.entries()) {
    // Night matters are worked by the duty team at once; the rest wait for the office to open.
    const startAt = m.night && round === 0 ? later(0.2, 1) : inOffice(cfg, later(0.3, 3), r);
    if (!step('start', c.assignee, startAt, 'in_progress', { started_at: startAt })) return finish();
    const resolvedAt = later(0.5, r() < 0.12 ? 60 : 5);
    if (!step('resolve', c.assignee, resolvedAt, 'resolved', { resolved_at: resolvedAt, cause: m.cause, action: m.action, result: m.result, signed_off_at: null, signed_off_by: null }))
      return finish();
    save(meet([...clocks.values()], ['repair', 'report', 'deadline'], resolvedAt));
    // R-DAY-3: a complaint about a staff member gets the reviewing manager's finding before the sign-off.
    if (s.conduct && round === 0) {
      const foundAt = inOffice(cfg, later(0.5, 3), r);
      const finding = r() < 0.4 ? 'upheld' : r() < 0.5 ? 'partly_upheld' : 'not_upheld';
      const findingPatch = { finding, finding_by: c.manager, finding_at: foundAt, finding_note: '调阅监控并询问当事人 CCTV reviewed, staff heard' };
      if (!step('recordFinding', c.manager, foundAt, 'resolved', findingPatch, { finding }, findingPatch.finding_note)) return finish();
    }
    const signedAt = inOffice(cfg, later(0.3, 2), r);
    if (!step('signOff', c.head, signedAt, 'resolved', { signed_off_at: signedAt, signed_off_by: c.head })) return finish();
    const repliedAt = inOffice(cfg, later(0.2, 2.5), r);
    const replyText = `${m.result}；感谢您的反馈 Thank you for letting us know`;
    if (!step('reply', c.owner, repliedAt, 'replied', { replied_at: repliedAt, reply_text: replyText })) return finish();
    save(meet([...clocks.values()], ['reply', 'answer'], repliedAt));
    const callbackDue = m.kind === 'repair' || m.kind === 'complaint' ? callbackDueOn(cfg, m.kind, m.kind === 'repair' ? resolvedAt : repliedAt) : null;
    // One open callback per ticket: a reply after a dissatisfied callback moves the one already scheduled.
    const pending = callbacks.find((x) => x.done_at === null);
    const open = callbackDue ? (pending ?? { ticket_id: s.id, done_at: null, entered_at: null, outcome: null, comment: null, staff_id: null }) : null;
    if (open && !pending) callbacks.push(open);
    if (open) Object.assign(open, { due_on: callbackDue, scheduled_at: repliedAt });
    const closedAt = later(0.05, 0.3);
    if (!step('close', c.owner, closedAt, open ? 'callback_pending' : 'closed', open ? {} : { closed_at: closedAt })) return finish();
    if (!open || !callbackDue) return finish();
    const calledAt = inOffice(
      cfg,
      DateTime.fromISO(`${callbackDue}T10:00`, { zone: cfg.calendar.zone })
        .plus({ minutes: Math.floor(r() * 300) })
        .toJSDate(),
      r,
    );
    if (calledAt > s.until) return finish();
    const comment = outcome === 'dissatisfied' ? '问题反复出现 It came back' : outcome === 'satisfied' ? '满意 Happy with it' : '基本满意，希望更快 Fine, could be faster';
    Object.assign(open, { done_at: calledAt, entered_at: calledAt, outcome, comment, staff_id: c.callbackBy });
    if (outcome !== 'dissatisfied') {
      step('recordCallback', c.callbackBy, calledAt, 'closed', { closed_at: calledAt }, { outcome }, comment);
      return finish();
    }
    const rework = addWorkingDays(cfg.calendar, calledAt, 3);
    const reopenPatch = { reopened_count: (ticket.reopened_count as number) + 1, signed_off_at: null, signed_off_by: null, closed_at: null, deadline_at: rework };
    if (!step('recordCallback', c.callbackBy, calledAt, 'reopened', reopenPatch, { outcome, deadlineAt: rework }, comment)) return finish();
    save([deadlineClock(calledAt, rework)]);
    // The next callback is due from the new deadline (R-TIC-10); the next round's reply moves it.
    callbacks.push({ ticket_id: s.id, due_on: callbackDueOn(cfg, m.kind, rework), scheduled_at: calledAt, done_at: null, entered_at: null, outcome: null, comment: null, staff_id: null });
  }
  return finish();

  function finish(): Story {
    return { ticket, events, clocks: [...clocks.values()], callbacks, audits };
  }
}
