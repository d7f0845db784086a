// Reads: tickets.get, search, myQueue, dueSoon. Every row passes the visibility scope and R-TIC-8 masking (pages: in
// their statements, sql/list.sql and sql/due-soon.sql; one ticket: visibility.ts).
import { z } from 'zod';
import { DateTime } from 'luxon';
import { defineOperation, type OpContext } from '../../core/operation.js';
import { likeContains } from '../../core/like.js';
import { validation } from '../../core/errors.js';
import { atLeast } from '../../core/roles.js';
import { decodeCursor, encodeCursor, id, instant, localDate, page, pageInput, pageOf, text, toInstant } from '../../core/schemas.js';
import { addHours } from '../../time/calendar.js';
import { loadDetail } from './detail.js';
import { isTicketNumber, resolveTicketId, ticketKey } from './ref.js';
import { openStates, ticketStates } from './model.js';
import { dueSoonItem, ticketDetail, ticketSummary } from './schemas.js';
import { kindSchema, severitySchema } from './types.js';
import { scope } from './visibility.js';

type Summary = z.input<typeof ticketSummary>;

const startOfLocalDay = (day: string, zone: string, plusDays = 0): Date => DateTime.fromISO(day, { zone }).plus({ days: plusDays }).toJSDate();

interface ListFilter {
  state?: string | undefined;
  states: readonly string[] | null;
  kind?: string | undefined;
  category?: string | undefined;
  severity?: string | undefined;
  departmentId?: number | undefined;
  assigneeId?: number | undefined;
  unit?: string | undefined;
  overdue?: boolean | undefined;
  dueBefore?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  number?: string | undefined;
  custom?: Record<string, unknown> | undefined;
  malicious?: boolean | undefined;
  important?: boolean | undefined;
  mine: boolean;
  /** The page already chosen (tickets.myQueue); the other filters still apply. */
  ids?: readonly number[] | undefined;
  limit: number;
  cursor?: string | undefined;
  /** The ticket a free-text walk stops at (sql/search-floor.sql). */
  floor?: Floor | undefined;
}

interface Floor {
  openedAt: string;
  id: number;
}

/** The keyset of a page's last row (opened at, id), from the cursor this operation returned. */
function after(cursor: string | undefined): { afterAt: string | null; afterId: number | null } {
  const key = decodeCursor(cursor);
  if (!key) return { afterAt: null, afterId: null };
  const [afterAt, afterId] = key;
  if (typeof afterAt !== 'string' || typeof afterId !== 'number') throw validation('cursor', 'not a cursor returned by this operation');
  return { afterAt, afterId };
}

async function list(ctx: OpContext, f: ListFilter) {
  const rows = await ctx.sqlForOutput<Summary>('tickets/list', {
    site: ctx.site,
    ...scope(ctx.actor),
    now: ctx.now,
    state: f.state,
    states: f.states,
    kind: f.kind,
    category: f.category,
    severity: f.severity,
    departmentId: f.departmentId,
    assigneeId: f.assigneeId,
    unit: f.unit,
    overdue: f.overdue,
    dueBefore: f.dueBefore ? toInstant(f.dueBefore, ctx.zone) : null,
    from: f.from ? startOfLocalDay(f.from, ctx.zone) : null,
    to: f.to ? startOfLocalDay(f.to, ctx.zone, 1) : null,
    q: f.q ? likeContains(f.q) : null,
    number: f.number,
    custom: f.custom ? JSON.stringify(f.custom) : null,
    malicious: f.malicious,
    important: f.important,
    mine: f.mine,
    ids: f.ids ?? null,
    ...after(f.cursor),
    floorAt: f.floor?.openedAt ?? null,
    floorId: f.floor?.id ?? null,
    limit: f.limit + 1,
  });
  // openedAt is text with its offset (sqlForOutput), which the keyset's timestamptz reads back exactly.
  return page(rows, f.limit, (r) => [r.openedAt, r.id]);
}

/**
 * How far a page of free text walks when no trigram narrows the text: pg_trgm indexes runs of three letters or
 * digits, so a two-character Chinese word or "F-1" is tested ticket by ticket, newest first. Unbounded, a word no
 * ticket holds walked the whole site: 17 s at 10M tickets (issue 17). The page is looked for among the next 5,000
 * tickets, then the next 50,000 (~110 ms there for a word none holds); a common word fills it in the first.
 */
const UNINDEXED_WALKS = [5_000, 50_000] as const;
const hasTrigram = (text: string): boolean => /[\p{L}\p{N}]{3}/u.test(text);

/**
 * Free text that no trigram narrows. A page not full within the last walk ends at the last ticket walked, and its
 * nextCursor goes on from there: no call walks the whole site, and no ticket is skipped.
 */
async function walkText(ctx: OpContext, f: ListFilter, walks: readonly [number, ...number[]] = UNINDEXED_WALKS): Promise<{ items: Summary[]; nextCursor: string | null }> {
  const [bound, ...wider] = walks;
  const [floor] = await ctx.sqlForOutput<Floor>('tickets/search-floor', { site: ctx.site, ...after(f.cursor), bound });
  if (!floor) return list(ctx, f);
  const found = await list(ctx, { ...f, floor });
  if (found.nextCursor !== null) return found;
  const [next, ...rest] = wider;
  return next !== undefined ? walkText(ctx, f, [next, ...rest]) : { items: found.items, nextCursor: encodeCursor([floor.openedAt, floor.id]) };
}

const get = defineOperation({
  name: 'tickets.get',
  title: 'Get a ticket with clocks, timeline, transfers and callbacks',
  description: 'Each SLA clock shows its due time, time remaining (working or elapsed, per its basis) and whether it is late.',
  access: 'staff',
  kind: 'read',
  input: z.object({ ...ticketKey }),
  output: ticketDetail,
  handler: async (ctx, input) => loadDetail(ctx, await resolveTicketId(ctx, input)),
});

const search = defineOperation({
  name: 'tickets.search',
  title: 'Search tickets',
  description:
    'Newest first, paged with nextCursor. A department head sees their department’s tickets only. q that is a whole ticket number (R-DAY-4) finds that ticket alone; when no ticket you may see has it, q is searched as text. Text without three letters or digits in a row (a two-character Chinese word) is looked for among the next 50,000 tickets per page: a page may then hold fewer items than limit, or none, and still have a nextCursor to search on.',
  access: 'staff',
  kind: 'read',
  input: z.object({
    state: z.enum(ticketStates).optional().describe('ticket state'),
    kind: kindSchema.optional(),
    category: z.string().max(40).optional().describe('category key'),
    severity: severitySchema.optional(),
    departmentId: id.optional().describe('responsible department'),
    assigneeId: id.optional().describe('responsible person'),
    unit: text(40).optional().describe('unit no.'),
    overdue: z.boolean().optional().describe('true: only tickets with a running clock past due; false: none past due'),
    dueBefore: instant.optional().describe('only tickets with an open clock due by then'),
    from: localDate.optional().describe('opened on or after this date'),
    to: localDate.optional().describe('opened on or before this date'),
    q: text(100).optional().describe('text in number, matter, content, target, complainant, phone or unit; a whole ticket number finds that ticket'),
    custom: z.record(z.string(), z.unknown()).optional().describe('custom field values that must match, e.g. {"building":"A"}'),
    malicious: z.boolean().optional().describe('filter on the malicious flag'),
    important: z.boolean().optional().describe('filter on the important flag'),
    ...pageInput,
  }),
  output: pageOf(ticketSummary),
  async handler(ctx, { state, q, ...rest }) {
    const filter = { ...rest, state, states: null, mine: false };
    // R-DAY-4: staff paste the number they were quoted. Its ticket is one index probe; the text search for the
    // same digits rechecks every ticket sharing their trigrams (×43 from 10k to 10M tickets) and could only
    // add tickets that mention the number, or a phone that looks like one.
    if (q !== undefined && !filter.cursor && isTicketNumber(q)) {
      const byNumber = await list(ctx, { ...filter, number: q.trim() });
      if (byNumber.items.length > 0) return byNumber;
    }
    return q !== undefined && !hasTrigram(q) ? walkText(ctx, { ...filter, q }) : list(ctx, { ...filter, q });
  },
});

const myQueue = defineOperation({
  name: 'tickets.myQueue',
  title: 'My queue: open tickets assigned to me or my department',
  access: 'staff',
  kind: 'read',
  input: z.object({ ...pageInput }),
  output: pageOf(ticketSummary),
  async handler(ctx, input) {
    // R-TIC-6: the page from the queue's two ordered indexes (sql/queue-ids.sql), then its rows as every list reads them.
    const { actorDepartmentId, actorId } = scope(ctx.actor);
    const page = await ctx.sql<{ id: number }>('tickets/queue-ids', { site: ctx.site, actorDepartmentId, actorId, ...after(input.cursor), limit: input.limit + 1 });
    return list(ctx, { ...input, states: openStates, mine: true, ids: page.map((r) => Number(r.id)) });
  },
});

const dueSoon = defineOperation({
  name: 'tickets.dueSoon',
  title: 'Clocks falling due soon (and those already late)',
  description: 'Running SLA clocks due within the next N working hours (default settings.sla.dueSoonHours), late ones first.',
  access: atLeast('agent').concat(['dept_head']),
  kind: 'read',
  input: z.object({
    withinHours: z.number().positive().max(240).optional().describe('working hours ahead; default settings.sla.dueSoonHours'),
    mine: z.boolean().default(false).describe('only tickets I own, am assigned or my department handles'),
  }),
  output: z.array(dueSoonItem),
  async handler(ctx, input) {
    const { settings, calendar } = await ctx.config();
    const until = addHours(calendar, 'working', ctx.now, input.withinHours ?? settings.sla.dueSoonHours);
    return ctx.sqlForOutput<z.input<typeof dueSoonItem>>('tickets/due-soon', {
      site: ctx.site,
      ...scope(ctx.actor),
      now: ctx.now,
      until,
      mine: input.mine,
    });
  },
});

export default [get, search, myQueue, dueSoon];
