// R-NOT-1 / R-DUT-1: events that come from the passing of time rather than from an operation. The
// worker and the notifications.scan operation both run this inside a transaction of their own.
import { z } from 'zod';
import type { Db, Tx } from '../../db/types.js';
import { loadConfig } from '../../core/config.js';
import type { Settings } from '../../core/settings.js';
import { localDate } from '../../time/calendar.js';
import { runStatement } from '../../core/statement.js';

export const scanEvents = [
  'ticket.deadline_near',
  'ticket.deadline_missed',
  'loan.due_soon',
  'loan.overdue',
  'callback.due',
  'shift.handover_unacknowledged',
  'appointment.reminder',
  'appointment.unrecorded',
] as const;

export const scanResult = z.object({
  emitted: z.record(z.enum(scanEvents), z.number()).describe('events written to the outbox by this scan, by event name'),
  total: z.number(),
});
export type ScanResult = z.output<typeof scanResult>;

export interface ScanScope {
  site: string;
  zone: string;
  now: Date;
  settings: Settings;
}

export async function scanDue(tx: Tx, scope: ScanScope): Promise<ScanResult> {
  const { site, zone, now, settings } = scope;
  const rows = await runStatement<{ event: (typeof scanEvents)[number]; n: number }>(tx, 'notifications/scan', {
    site,
    now,
    dueSoonHours: settings.sla.dueSoonHours,
    loanReminderHours: settings.loans.reminderHoursBeforeDue,
    today: localDate(zone, now),
    handoverAckMinutes: settings.handover.acknowledgeMinutes,
    appointmentReminderMinutes: settings.appointments.reminderMinutes,
  });
  const emitted = Object.fromEntries(scanEvents.map((e) => [e, rows.find((r) => r.event === e)?.n ?? 0])) as ScanResult['emitted'];
  return { emitted, total: rows.reduce((sum, r) => sum + r.n, 0) };
}

/** One scan in a transaction of its own, with the site's current settings (the worker's and ToolJet's way in). */
export function scanSite(db: Db, site: string, zone: string, now: Date): Promise<ScanResult> {
  return db.transaction(async (tx) => {
    const { settings } = await loadConfig(tx, site, zone);
    return scanDue(tx, { site, zone, now, settings });
  });
}
