// Demo lending (R-LEN-*): a year of finished loans written set-based (returned, rejected, cancelled),
// then the live ones through the operations: waiting, approved, out and overdue with a hold behind it,
// and a renewed take-out loan.
import { loadConfig } from '../core/config.js';
import { sameDayDue } from '../time/calendar.js';
import { insertRows } from './bulk.js';
import { inOffice } from './story.js';
import type { SeedContext } from './types.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const purposes = ['核对租约 Checking the lease', '查阅装修资料 Fit-out drawings', '处理投诉取证 Evidence for a complaint', '续租谈判 Lease renewal'];

export async function seedLoans(s: SeedContext): Promise<void> {
  const { env } = s;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(s.random() * xs.length)] as T;
  const cfg = await env.db.transaction((tx) => loadConfig(tx, env.site, env.zone));
  const [supervisor, manager] = [s.staff.supervisors[0]!, s.staff.managers[0]!];
  const now = Date.now();
  const rows: Record<string, unknown>[] = [];
  const audits: Record<string, unknown>[] = [];
  const ends = ['returned', 'returned', 'returned', 'returned', 'rejected', 'cancelled'] as const;
  for (let n = 0; n < 48; n++) {
    const archiveId = s.made.archiveIds[30 + n]!;
    const borrower = pick(s.staff.agents);
    const requestedAt = inOffice(cfg, new Date(now - (330 - n * 6.5) * DAY), s.random);
    const end = ends[n % ends.length]!;
    const base = { archive_id: archiveId, borrower_id: borrower, purpose: pick(purposes), place: 'in_office', state: end, requested_at: requestedAt, created_at: requestedAt };
    const at = (h: number) => new Date(requestedAt.getTime() + h * HOUR);
    audits.push({ at: requestedAt, actor_id: borrower, operation: 'loans.request', entity: 'loan', action: 'request', after: { archiveId, state: 'requested' } });
    if (end === 'rejected') {
      rows.push({ ...base, rejected_by: manager, rejected_at: at(1), reject_reason: '用途不明确 Purpose unclear', last_event_at: at(1), updated_at: at(1) });
      audits.push({ at: at(1), actor_id: manager, operation: 'loans.reject', entity: 'loan', action: 'reject', after: { state: 'rejected' } });
      continue;
    }
    if (end === 'cancelled') {
      rows.push({ ...base, cancelled_by: borrower, cancelled_at: at(0.5), last_event_at: at(0.5), updated_at: at(0.5) });
      audits.push({ at: at(0.5), actor_id: borrower, operation: 'loans.cancel', entity: 'loan', action: 'cancel', after: { state: 'cancelled' } });
      continue;
    }
    const issuedAt = at(1.5);
    const pages = 5 + Math.floor(s.random() * 25);
    // In-office reading: back the same day; one in six comes back after office close (returned late).
    const returnedAt = n % 6 === 0 ? new Date(sameDayDue(cfg.calendar, issuedAt).getTime() + 0.4 * HOUR) : at(3);
    const short = n % 11 === 3 ? 1 : 0;
    rows.push({
      ...base,
      approved_by: manager,
      approved_at: at(1),
      issued_by: supervisor,
      issued_at: issuedAt,
      due_at: sameDayDue(cfg.calendar, issuedAt),
      pages_out: pages,
      returned_by: supervisor,
      returned_at: returnedAt,
      pages_returned: pages - short,
      missing_pages: short || null,
      return_note: short ? '缺1页，已登记跟进 One page missing, follow-up raised' : null,
      last_event_at: returnedAt,
      updated_at: returnedAt,
    });
    for (const [op, when, by] of [
      ['approve', at(1), manager],
      ['issue', issuedAt, supervisor],
      ['return', returnedAt, supervisor],
    ] as const) {
      audits.push({ at: when, actor_id: by, operation: `loans.${op}`, entity: 'loan', action: op, after: { state: op === 'approve' ? 'approved' : op === 'issue' ? 'issued' : 'returned' } });
    }
    s.progress('loans', n + 1, 48);
  }
  await env.db.transaction(async (tx) => {
    await insertRows(tx, env.site, 'loans', rows);
    await insertRows(tx, env.site, 'audit_log', audits);
  });

  // The live loans, through the operations.
  const at = (daysAgo: number, hours = 0) => s.setNow(new Date(Math.min(inOffice(cfg, new Date(now - daysAgo * DAY + hours * HOUR), s.random).getTime(), now - 60_000)));
  const sup = s.as(supervisor);
  const mgr = s.as(manager);
  const request = (archiveId: number, place: 'in_office' | 'take_out' = 'in_office') => s.as(pick(s.staff.agents))('loans.request', { archiveId, purpose: pick(purposes), place });
  // Confidential archives are read in the office only (R-LEN-5), so the live loans use open ones.
  const open = await env.db.transaction((tx) =>
    tx.query<{ id: number }>(
      `select a.id from archives a join customers c on c.site = a.site and c.id = a.customer_id
      where a.site = $1 and a.status = 'active' and not c.confidential order by a.id offset 80 limit 5`,
      [env.site],
    ),
  );
  const [a, b, c, d, e] = open.map((r) => r.id) as [number, number, number, number, number];
  at(3);
  const overdue = await request(a);
  await mgr('loans.approve', { id: overdue.id });
  await sup('loans.issue', { id: overdue.id }); // out since three days ago, never returned: overdue
  at(2);
  const hold = await request(a);
  await mgr('loans.approve', { id: hold.id }); // waits as hold #1 behind it (R-LEN-8)
  at(1);
  await request(b);
  await mgr('loans.approve', { id: (await request(c)).id });
  // Take-out lending is off by default (R-LEN-5); the demo turns it on to show a renewed take-out loan.
  await s.as(s.staff.admin)('settings.update', { patch: { loans: { takeOutAllowed: true } } });
  const takeOut = await request(d, 'take_out');
  await mgr('loans.approve', { id: takeOut.id });
  await sup('loans.issue', { id: takeOut.id });
  await sup('loans.renew', { id: takeOut.id });
  at(0, -1);
  const today = await request(e);
  await mgr('loans.approve', { id: today.id });
  await sup('loans.issue', { id: today.id });
  s.setNow(null);
}
