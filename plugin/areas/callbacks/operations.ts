// Callbacks 回访 (R-TIC-10): the list to call. Outcomes are recorded with tickets.recordCallback.
import { z } from 'zod';
import { defineOperation } from '../../core/operation.js';
import { atLeast } from '../../core/roles.js';
import { localDate } from '../../core/schemas.js';
import { localDate as localDateOf } from '../../time/calendar.js';
import { callbackDueItem } from '../tickets/schemas.js';
import { maskIdentity, scope, type IdentityFields } from '../tickets/visibility.js';

export default [
  defineOperation({
    name: 'callbacks.due',
    title: 'Callbacks due',
    description: 'Open callbacks scheduled up to a date (default today), overdue first.',
    access: atLeast('agent'),
    kind: 'read',
    input: z.object({ until: localDate.optional().describe('list callbacks due up to this date; default today') }),
    output: z.array(callbackDueItem),
    async handler(ctx, input) {
      const today = localDateOf(ctx.zone, ctx.now);
      const rows = await ctx.sql<z.input<typeof callbackDueItem> & IdentityFields>('callbacks/due', { site: ctx.site, ...scope(ctx.actor), until: input.until ?? today, today });
      return rows.map((r) => maskIdentity(ctx.actor.id, r));
    },
  }),
];
