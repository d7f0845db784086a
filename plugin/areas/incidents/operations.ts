// Incidents (R-DAY-7): open one, link the tickets that report it, and dispatch, resolve, sign off, reply
// to and close the linked tickets in one action each, every ticket keeping its own clocks and callback.
import { z } from 'zod';
import { defineOperation, type OpContext } from '../../core/operation.js';
import { stateError, validation } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import { atLeast, type Access } from '../../core/roles.js';
import { id, instant, note, text, toInstant } from '../../core/schemas.js';
import { deadlineInput, optionalNote } from '../tickets/inputs.js';
import { occurredAtInput } from '../../core/occurred.js';
import { answeredStates, type BulkAction } from './model.js';
import { bulkOutput, incidentDetail, incidentSummary } from './schemas.js';
import { actOnLinked, linkTickets, linkedTickets, loadIncident, ticketRefList } from './store.js';

const incidentId = { id: id.describe('incident id') };

const open = defineOperation({
  name: 'incidents.open',
  title: 'Open an incident (one event, many callers)',
  description: 'R-DAY-7: a burst pipe, a stuck lift, a cold snap — one event many residents report. Link their tickets at intake (tickets.open incidentId) or later (incidents.link).',
  access: atLeast('agent'),
  kind: 'write',
  idempotent: true,
  input: z.object({
    title: text(200).describe('what happened, e.g. 3号楼12层水管爆裂 burst pipe, building 3, 12F'),
    location: text(200).optional().describe('where: building, floors, units'),
    description: note(4000).default('').describe('what is known so far'),
    occurredAt: instant.optional().describe('when it happened; default now'),
    tickets: ticketRefList.optional(),
  }),
  output: incidentDetail,
  async handler(ctx, input) {
    const occurredAt = input.occurredAt ? toInstant(input.occurredAt, ctx.zone) : ctx.now;
    if (occurredAt > ctx.now) throw validation('occurredAt', 'cannot be in the future');
    const [row] = await ctx.sql<{ id: number }>('incidents/insert', {
      site: ctx.site,
      title: input.title,
      location: input.location ?? null,
      description: input.description,
      occurredAt,
      actorId: ctx.actor.id,
      at: ctx.now,
    });
    if (!row) throw new Error('incident insert returned no row');
    if (input.tickets) await linkTickets(ctx, row.id, input.tickets);
    const detail = await loadIncident(ctx, row.id);
    ctx.audit({ entity: 'incident', entityId: row.id, action: 'open', after: detail });
    ctx.emit('incident.opened', { incidentId: row.id, title: input.title, location: input.location ?? null });
    return detail;
  },
});

const get = defineOperation({
  name: 'incidents.get',
  title: 'An incident with its linked tickets',
  access: 'staff',
  kind: 'read',
  input: z.object(incidentId),
  output: incidentDetail,
  handler: (ctx, input) => loadIncident(ctx, input.id),
});

const list = defineOperation({
  name: 'incidents.list',
  title: 'Incidents, newest first',
  access: 'staff',
  kind: 'read',
  input: z.object({
    state: z.enum(['open', 'closed']).optional().describe('open or closed; default both'),
    from: instant.optional().describe('opened at or after'),
    to: instant.optional().describe('opened before'),
    limit: z.number().int().min(1).max(200).default(50),
  }),
  output: z.array(incidentSummary),
  handler: (ctx, input) =>
    ctx.sql<z.input<typeof incidentSummary>>('incidents/list', {
      site: ctx.site,
      state: input.state ?? null,
      from: input.from ? toInstant(input.from, ctx.zone) : null,
      to: input.to ? toInstant(input.to, ctx.zone) : null,
      limit: input.limit,
    }),
});

const link = defineOperation({
  name: 'incidents.link',
  title: 'Link tickets to an incident',
  description: 'R-DAY-7: tickets (ids or numbers) join an open incident; a closed incident is a STATE error, a ticket of another incident a VALIDATION error.',
  access: atLeast('agent'),
  kind: 'write',
  input: z.object({ ...incidentId, tickets: ticketRefList }),
  output: incidentDetail,
  async handler(ctx, input) {
    const linked = await linkTickets(ctx, input.id, input.tickets);
    ctx.audit({ entity: 'incident', entityId: input.id, action: 'link', after: { tickets: linked } });
    return loadIncident(ctx, input.id);
  },
});

/** One incident action declared like the ticket operation it runs; `fields` go to each ticket. */
function bulk<const N extends `incidents.${string}`, F extends z.ZodRawShape>(action: BulkAction, name: N, title: string, description: string, access: Access, fields: F) {
  return defineOperation({
    name,
    title,
    description: `${description} Linked tickets the action does not apply to are listed as skipped; a refusal on any ticket changes nothing.`,
    access,
    kind: 'write',
    input: z.object({ ...incidentId, ...fields, occurredAt: occurredAtInput }),
    output: bulkOutput,
    async handler(ctx: OpContext, input: Record<string, unknown>) {
      const { id: incident, ...rest } = input as { id: number };
      const result = await actOnLinked(ctx, incident, action, rest);
      ctx.audit({ entity: 'incident', entityId: incident, action, after: result });
      return { incident: await loadIncident(ctx, incident), ...result };
    },
  });
}

const dispatch = bulk(
  'dispatch',
  'incidents.dispatch',
  'Dispatch every linked ticket (one department, person and deadline)',
  'R-DAY-7 with R-TIC-6: new tickets are acknowledged, then each linked ticket is assigned as tickets.assign would (serious ones need a manager, R-TIC-7).',
  atLeast('supervisor'),
  {
    departmentId: id.optional().describe('responsible department'),
    assigneeId: id.describe('responsible person (in that department)'),
    deadline: deadlineInput,
    note: optionalNote,
  },
);

const resolve = bulk(
  'resolve',
  'incidents.resolve',
  'Record one resolution on every linked ticket',
  'R-DAY-7 with R-TIC-9: the department’s cause, action and result on each linked ticket (assigned ones are started first).',
  'staff',
  { cause: text(2000).describe('原因'), action: text(2000).describe('处理措施'), result: text(2000).describe('处理结果') },
);

const signOff = bulk('signOff', 'incidents.signOff', 'Sign off every linked resolution (department head)', 'R-DAY-7 with R-TIC-9.', ['dept_head'], { note: optionalNote });

const reply = bulk(
  'reply',
  'incidents.reply',
  'Reply to every caller you took (first-contact owner)',
  'R-DAY-7 with R-TIC-3/R-TIC-9: replies on each signed-off linked ticket whose first-contact owner you are; each gets its own callback (R-TIC-10).',
  atLeast('agent'),
  { replyText: note(4000).describe('what the callers were told') },
);

const closeTickets = bulk('close', 'incidents.closeTickets', 'Close every replied linked ticket', 'R-DAY-7 with R-TIC-10: tickets with a callback due wait for it.', atLeast('agent'), {
  note: optionalNote,
});

const close = defineOperation({
  name: 'incidents.close',
  title: 'Close an incident',
  description: 'R-DAY-7: once every linked ticket has its reply; afterwards no ticket can be linked (STATE). Linked tickets go on to their callbacks on their own.',
  access: atLeast('supervisor'),
  kind: 'write',
  input: z.object({ ...incidentId, note: optionalNote }),
  output: incidentDetail,
  async handler(ctx, input) {
    const [row] = await ctx.sql<{ state: string }>('incidents/lock-close', { site: ctx.site, id: input.id });
    if (!row) throw validation('id', `no incident ${input.id}`);
    if (row.state !== 'open') throw stateError(`incident ${input.id} is already closed`);
    const waiting = (await linkedTickets(ctx, input.id)).filter((t) => !answeredStates.includes(t.state));
    if (waiting.length > 0) throw stateError(`linked tickets still without a reply: ${waiting.map((t) => `${t.number} (${t.state})`).join(', ')}`);
    await transition(ctx, 'incidents/close', { site: ctx.site, id: input.id, actorId: ctx.actor.id, at: ctx.now, note: input.note ?? null }, `incident ${input.id} was closed meanwhile`);
    const detail = await loadIncident(ctx, input.id);
    ctx.audit({ entity: 'incident', entityId: input.id, action: 'close', after: { state: 'closed', note: input.note ?? null } });
    return detail;
  },
});

export default [open, get, list, link, dispatch, resolve, signOff, reply, closeTickets, close];
