import { z } from 'zod';
import { defineOperation, type OpContext } from '../../core/operation.js';
import { atLeast } from '../../core/roles.js';
import { decodeKey, id, note, page, pageInput, pageOf } from '../../core/schemas.js';
import { forbidden, notFound, stateError, validation } from '../../core/errors.js';
import { handover, localiseSnapshot, type snapshot, type Handover } from './handover.js';

const deskStaff = atLeast('agent');

async function readHandover(ctx: OpContext, handoverId: number): Promise<Handover> {
  const [row] = await ctx.sql<Handover>('shifts/list', { site: ctx.site, staffId: null, unacknowledged: false, afterId: null, id: handoverId, limit: 1 });
  if (!row) throw notFound(`handover ${handoverId}`);
  return row;
}

export default [
  defineOperation({
    name: 'shifts.handover',
    title: 'Record a shift handover (交接班)',
    description:
      'The outgoing staff member (you) hands over to the incoming one: a snapshot of the open tickets you own or are assigned, tickets falling due in the next shift, archives out on loan, and your notes (R-DUT-1). The incoming person must acknowledge it; after settings.handover.acknowledgeMinutes unacknowledged, a notification is raised.',
    access: deskStaff,
    kind: 'write',
    idempotent: true,
    input: z.object({
      incomingId: id.describe('staff id of the person taking over'),
      hours: z.number().positive().max(24).default(12).describe('length of the next shift in hours: tickets falling due within it are listed'),
      notes: note().default('').describe('free notes for the next shift'),
    }),
    output: handover,
    async handler(ctx, input) {
      if (input.incomingId === ctx.actor.id) throw validation('incomingId', 'the incoming staff member must be someone else');
      const shiftEnd = new Date(ctx.now.getTime() + input.hours * 3_600_000);
      const [snap] = await ctx.sql<z.input<typeof snapshot>>('shifts/snapshot', { site: ctx.site, staffId: ctx.actor.id, now: ctx.now, shiftEnd });
      if (!snap) throw new Error('the handover snapshot query returned no row');
      const [row] = await ctx.sql<{ id: number }>('shifts/insert', {
        site: ctx.site,
        outgoingId: ctx.actor.id,
        incomingId: input.incomingId,
        now: ctx.now,
        shiftHours: input.hours,
        notes: input.notes,
        snapshot: JSON.stringify(localiseSnapshot(snap, ctx.zone)),
      });
      if (!row) throw validation('incomingId', `no active staff member ${input.incomingId}`);
      const recorded = await readHandover(ctx, row.id);
      ctx.audit({ entity: 'handover', entityId: row.id, action: 'create', after: recorded });
      ctx.emit('shift.handover', { handoverId: row.id, outgoingId: ctx.actor.id, incomingId: input.incomingId });
      return recorded;
    },
  }),
  defineOperation({
    name: 'shifts.acknowledge',
    title: 'Acknowledge a shift handover',
    description: 'The incoming staff member confirms they have read the handover and taken over (R-DUT-1). Nobody else can.',
    access: 'staff',
    kind: 'write',
    input: z.object({
      handoverId: id.describe('id from shifts.list'),
      note: note(1000).optional().describe('optional remark, e.g. questions for the outgoing person'),
    }),
    output: handover,
    async handler(ctx, input) {
      const [done] = await ctx.sql('shifts/acknowledge', { site: ctx.site, id: input.handoverId, incomingId: ctx.actor.id, at: ctx.now, note: input.note });
      const current = await readHandover(ctx, input.handoverId);
      if (!done) {
        if (current.incomingId !== ctx.actor.id) throw forbidden('only the incoming staff member can acknowledge this handover');
        throw stateError('this handover was already acknowledged');
      }
      ctx.audit({ entity: 'handover', entityId: input.handoverId, action: 'acknowledge', after: current });
      return current;
    },
  }),
  defineOperation({
    name: 'shifts.list',
    title: 'List shift handovers',
    description: 'Handovers newest first, optionally those involving one staff member or still unacknowledged.',
    access: [...deskStaff, 'admin'],
    kind: 'read',
    input: z.object({
      staffId: id.optional().describe('only handovers this staff member gave or received'),
      unacknowledged: z.boolean().default(false).describe('only handovers not yet acknowledged'),
      ...pageInput,
    }),
    output: pageOf(handover),
    async handler(ctx, input) {
      const after = decodeKey(input.cursor, z.tuple([z.number().int()]))?.[0] ?? null;
      const rows = await ctx.sql<Handover>('shifts/list', { site: ctx.site, staffId: input.staffId, unacknowledged: input.unacknowledged, afterId: after, id: null, limit: input.limit + 1 });
      return page(rows, input.limit, (r) => [r.id]);
    },
  }),
];
