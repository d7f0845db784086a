import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { id, instantOut, nullableInstantOut, page, pageInput, pageOf, decodeCursor } from '../../core/schemas.js';
import { validation } from '../../core/errors.js';
import { scanDue, scanResult } from './scan.js';

// Notifications are operational plumbing: the desk's leads and the administrator watch and re-queue them.
const watchers = ['admin', 'supervisor', 'manager', 'director'] as const;

/** The last id of the previous page, from a cursor notifications.list returned. */
function cursorId(key: unknown): number | null {
  if (key === undefined || key === null) return null;
  if (typeof key === 'number' && Number.isSafeInteger(key)) return key;
  throw validation('cursor', 'not a cursor returned by this operation; start again without it');
}

const notification = z.object({
  id,
  eventId: z.string().describe('the id the webhook receives; use it to drop repeats'),
  event: z.string(),
  status: z.enum(['pending', 'delivered', 'dead']),
  attempts: z.number(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: instantOut,
  nextAttemptAt: instantOut,
  deliveredAt: nullableInstantOut,
  lastError: z.string().nullable(),
});

export default [
  defineOperation({
    name: 'notifications.list',
    title: 'List notifications (webhook outbox)',
    description: 'Events waiting for, delivered to or given up by the webhook (R-NOT-1), newest first.',
    access: watchers,
    kind: 'read',
    input: z.object({
      status: z.enum(['pending', 'delivered', 'dead']).optional().describe('pending, delivered or dead (gave up after repeated failures)'),
      event: z.string().trim().max(80).optional().describe('event name, e.g. ticket.deadline_missed'),
      ...pageInput,
    }),
    output: pageOf(notification),
    async handler(ctx, input) {
      const afterId = cursorId(decodeCursor(input.cursor)?.[0]);
      const rows = await ctx.sql<z.input<typeof notification>>('notifications/list', {
        site: ctx.site,
        status: input.status ?? null,
        event: input.event ?? null,
        afterId,
        limit: input.limit + 1,
      });
      return page(rows, input.limit, (r) => [r.id]);
    },
  }),
  defineOperation({
    name: 'notifications.retry',
    title: 'Retry notifications',
    description: 'Re-queues dead or waiting events for delivery now, with a fresh round of attempts. Delivered events are left alone.',
    access: watchers,
    kind: 'write',
    input: z.object({ ids: z.array(id).min(1).max(500).describe('notification ids from notifications.list') }),
    output: z.object({ retried: z.array(id) }),
    async handler(ctx, input) {
      const rows = await ctx.sql<{ id: number }>('notifications/retry', { site: ctx.site, ids: input.ids, at: ctx.now });
      ctx.audit({ entity: 'notification', entityId: null, action: 'retry', after: { ids: rows.map((r) => r.id) } });
      return { retried: rows.map((r) => r.id) };
    },
  }),
  defineOperation({
    name: 'notifications.scan',
    title: 'Scan for time-based notifications',
    description:
      'Writes each due time-based event once: ticket deadlines near or missed, loans due soon or overdue, callbacks due today, handovers left unacknowledged (R-NOT-1, R-DUT-1). The worker runs this on its own; run it by hand after changing the clock or settings.',
    access: watchers,
    kind: 'write',
    input: z.object({}),
    output: scanResult,
    async handler(ctx) {
      const { settings } = await ctx.config();
      return scanDue(ctx.tx, { site: ctx.site, zone: ctx.zone, now: ctx.now, settings });
    },
  }),
];
