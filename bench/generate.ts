// Deterministic data generator for `npm run bench` (issue 8).
// Everything is generated inside the database with generate_series + a hash-based pseudo-random function,
// so 1M tickets load in minutes and the same seed always yields the same rows. The schema itself comes from
// the plugin's own migrations (bench/db.ts runs them through the bundle's testConnection first).
//
// Constraints honoured: one active customer per unit (R-CUS-1), one archive per customer, one issued loan per
// archive (R-LEN-4), gap-free ticket numbers per (site, year) with ticket_numbers.last advanced to match
// (R-TIC-2), at most one open callback per ticket, application documents carry a subtype.
import cliProgress from 'cli-progress';
import { DateTime } from 'luxon';
import type pg from 'pg';
import { prepareBulkLoad } from './bulk-load.js';

export const ZONE = 'Asia/Shanghai';

export interface SiteShape {
  site: string;
  tickets: number;
  customers: number;
  documents: number;
  loans: number;
}

/** Data source site first; the others exist so that every key really leads with `site`. */
export function shapes(scale: number): SiteShape[] {
  const one = (site: string, tickets: number): SiteShape => {
    const customers = Math.max(200, Math.round(tickets / 10));
    return { site, tickets, customers, documents: customers * 3, loans: Math.max(60, Math.round(tickets / 20)) };
  };
  const small = Math.max(500, Math.round(scale / 20));
  return [one('main', scale), one('east', small), one('west', small), one('north', small)];
}

/** Staff layout per site (index → roles); ToolJet user ids are `tj-<site>-<index>`. */
export const STAFF = {
  admin: 1,
  director: 2,
  managers: [3, 4],
  supervisors: [5, 6, 7, 8],
  agents: Array.from({ length: 20 }, (_, k) => 9 + k), // 9..28
  deptHeads: Array.from({ length: 6 }, (_, k) => 29 + k), // 29..34, one per department
  workers: Array.from({ length: 18 }, (_, k) => 35 + k), // 35..52, three per department
  count: 52,
} as const;
export const DEPARTMENTS = ['engineering', 'security', 'cleaning', 'customer_service', 'landscaping', 'parking'] as const;
export const tooljetUser = (site: string, index: number): string => `tj-${site}-${index}`;

export interface Generated {
  site: string;
  staffBase: number;
  customerBase: number;
  archiveBase: number;
  ticketBase: number;
  shape: SiteShape;
  activeUnits: number;
  rows: Record<string, number>;
}

interface Progress {
  start(total: number): void;
  add(n: number, step: string): void;
  stop(): void;
}

function progress(enabled: boolean): Progress {
  if (!enabled) return { start() {}, add() {}, stop() {} };
  const bar = new cliProgress.SingleBar({ format: '  generating {bar} {percentage}% | {value}/{total} rows | {step} | {duration_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
  let value = 0;
  return {
    start: (total) => bar.start(total, 0, { step: 'staff' }),
    add(n, step) {
      value += n;
      bar.update(value, { step });
    },
    stop: () => bar.stop(),
  };
}

/** Expected row count of the whole load (for the progress bar). */
function plannedRows(all: SiteShape[]): number {
  return all.reduce((s, x) => s + x.customers * 2 + x.documents + x.loans + x.tickets * 9, 0);
}

const CHUNK = 100_000;

export async function generate(client: pg.Client | pg.PoolClient, scale: number, seed: number, show = true): Promise<Generated[]> {
  const all = shapes(scale);
  const bar = progress(show);
  bar.start(plannedRows(all));
  // r(i, salt) ∈ [0, 1): deterministic per (seed, i, salt); inlined by the planner (plain SQL function).
  await client.query(`create or replace function pg_temp.r(i bigint, salt int) returns float8 language sql immutable as
    $$ select ((hashint8(i * 7919 + salt * 104729 + ${Math.trunc(seed)}) & 2147483647)::float8 / 2147483648.0) $$`);
  const [{ now }] = (await client.query<{ now: Date }>(`select date_trunc('minute', now()) - interval '1 hour' as now`)).rows as [{ now: Date }];
  // A bulk load builds the indexes once at the end (bench/bulk-load.ts) and skips the foreign-key triggers: the
  // rows are consistent by construction.
  const finishBulkLoad = await prepareBulkLoad(client);
  // jit off: the ticket insert's long expression list cost more to compile (LLVM optimisation + emission, 25 s of
  // a 39 s 100k load) than to evaluate; the planner's cost estimate of generate_series rows always asks for it.
  // work_mem: the ordered inserts (ids follow ticket order) sort 100k tickets / 600k events in memory, not on disk.
  await client.query("set session_replication_role = replica; set jit = off; set work_mem = '256MB'");
  const out: Generated[] = [];
  try {
    for (const shape of all) out.push(await generateSite(client, shape, now, bar));
  } finally {
    await client.query('set session_replication_role = origin; reset jit; reset work_mem');
  }
  bar.stop();
  await finishBulkLoad();
  // reports.monthly's per-day rollup (migration 010) is kept by the writes; a load fills it once, from the indexed
  // tickets and clocks, in the data source's zone (bench/db.ts), which is the zone the report reads it in.
  for (const g of out) await client.query('select rebuild_report_rollup($1, $2)', [g.site, ZONE]);
  return out;
}

async function one<T>(client: pg.Client | pg.PoolClient, text: string, params: unknown[] = []): Promise<T> {
  const res = await client.query(text, params);
  return res.rows[0] as T;
}

async function generateSite(client: pg.Client | pg.PoolClient, shape: SiteShape, now: Date, bar: Progress): Promise<Generated> {
  const { site } = shape;
  const rows: Record<string, number> = {};
  const q = async (label: string, text: string, params: unknown[]): Promise<number> => {
    const res = await client.query(text, params);
    rows[label] = (rows[label] ?? 0) + (res.rowCount ?? 0);
    bar.add(res.rowCount ?? 0, `${site}: ${label}`);
    return res.rowCount ?? 0;
  };

  // Departments and staff ---------------------------------------------------------------------------------
  await q(
    'departments',
    `insert into departments (site, code, name, kind)
     select $1, code, initcap(replace(code, '_', ' ')), case when code = 'customer_service' then 'service' else 'operations' end
       from unnest($2::text[]) with ordinality d(code, n) order by n`,
    [site, DEPARTMENTS],
  );
  const { dept_base: deptBase } = await one<{ dept_base: string }>(client, 'select min(id) as dept_base from departments where site = $1', [site]);
  await q(
    'staff',
    `insert into staff (site, name, tooljet_user_id, email, phone, department_id, roles)
     select $1, 'Staff ' || $1 || ' ' || i, 'tj-' || $1 || '-' || i, 'staff' || i || '@' || $1 || '.example.com',
            '0755-' || lpad(i::text, 6, '0'),
            case when i between 29 and 34 then $2::bigint + (i - 29)
                 when i between 35 and 52 then $2::bigint + (i - 35) / 3
                 when i between 9 and 28 then $2::bigint + 3 end,
            case when i = 1 then '{admin}'::text[] when i = 2 then '{director}' when i <= 4 then '{manager}'
                 when i <= 8 then '{supervisor}' when i <= 28 then '{agent}' when i <= 34 then '{dept_head}' else '{agent}' end
       from generate_series(1, ${STAFF.count}) i order by i`,
    [site, deptBase],
  );
  const staffBase = Number((await one<{ b: string }>(client, 'select min(id) as b from staff where site = $1', [site])).b);
  const sid = (expr: string) => `(${staffBase}::bigint + (${expr}) - 1)`;
  const agentExpr = (salt: number, i = 'i') => sid(`9 + floor(pg_temp.r(${i}, ${salt}) * 20)::int`);
  const workerOf = (dept: string, salt: number, i = 'i') => sid(`35 + (${dept}) * 3 + floor(pg_temp.r(${i}, ${salt}) * 3)::int`);

  // Working calendar: a handful of holidays and make-up days around now (loadConfig reads them every write).
  await q(
    'calendar_days',
    `insert into calendar_days (site, day, kind, name)
     select $1, d::date, case when extract(isodow from d) >= 6 then 'workday' else 'holiday' end, 'holiday ' || to_char(d, 'MM-DD')
       from generate_series(date_trunc('year', $2::timestamptz) - interval '1 year', date_trunc('year', $2::timestamptz) + interval '1 year', interval '1 day') d
      where to_char(d, 'MM-DD') in ('01-01','01-28','01-29','01-30','01-31','02-01','04-04','05-01','05-02','05-05','06-02','10-01','10-02','10-03','10-06','10-07','10-11')`,
    [site, now],
  );

  // Customers: units over B2, B1, 1F..60F; 85 % of the records are the active occupants of distinct units, the
  // rest are earlier (vacated) occupants of some of those units. A unit's number has 4 digits or more: lpad cuts a
  // longer text to its width, which at 10M (850k units, 13,710 per floor) made units 10000+ collide with 1000+.
  const C = shape.customers;
  const activeUnits = Math.ceil(C * 0.85);
  const unitOf = (u: string) => `(case when (${u} - 1) % 62 < 2 then 'B' || (2 - (${u} - 1) % 62) else ((${u} - 1) % 62 - 1)::text || 'F' end)
      || '-' || lpad(((${u} - 1) / 62 + 1)::text, greatest(4, length(((${u} - 1) / 62 + 1)::text)), '0')`;
  const floorOfU = (u: string) => `(case when (${u} - 1) % 62 < 2 then -(2 - (${u} - 1) % 62) else (${u} - 1) % 62 - 1 end)`;
  await q(
    'customers',
    `insert into customers (site, unit, floor, name, contacts, phones, category, grade, move_in_date, confidential,
                                               owner_staff_id, notes, status, vacated_at, created_by, created_at, updated_at)
     select $1, ${unitOf('u')}, ${floorOfU('u')}, name, jsonb_build_array(jsonb_build_object('name', contact, 'phones', jsonb_build_array(phone),
              'email', 'c' || i || '@customer.example.com')), array[phone],
            (array['prospective','new','regular','regular','regular','vip'])[1 + floor(pg_temp.r(i, 3) * 6)::int],
            (array['A','B','C','C','D'])[1 + floor(pg_temp.r(i, 4) * 5)::int],
            (created - interval '10 days')::date, pg_temp.r(i, 5) < 0.05,
            case when pg_temp.r(i, 5) < 0.05 then ${agentExpr(6)} end, '',
            case when active then 'active' else 'vacated' end, case when active then null else created + interval '200 days' end,
            ${agentExpr(7)}, created, created
       from (select i, i <= ${activeUnits} as active,
                    case when i <= ${activeUnits} then i else 1 + floor(pg_temp.r(i, 1) * ${activeUnits})::int end as u,
                    case when pg_temp.r(i, 2) < 0.5
                         then (array['Huaxin','Jinhai','Pengcheng','Nanshan','Qianhai','Lianhua','Meilin','Futian','Longgang','Xinan'])[1 + floor(pg_temp.r(i, 8) * 10)::int]
                              || ' ' || (array['Trading','Tech','Consulting','Logistics','Media','Design','Foods','Capital'])[1 + floor(pg_temp.r(i, 9) * 8)::int]
                              || ' ' || i || ' Ltd'
                         else (array['华信','金海','鹏城','南山','前海','莲花','梅林','福田','龙岗','新安'])[1 + floor(pg_temp.r(i, 8) * 10)::int]
                              || (array['贸易','科技','咨询','物流','传媒','设计','食品','资本'])[1 + floor(pg_temp.r(i, 9) * 8)::int] || i || '有限公司' end as name,
                    (array['Wang','Li','Zhang','Liu','Chen','Yang','Huang','Zhao'])[1 + floor(pg_temp.r(i, 10) * 8)::int] || ' ' || i as contact,
                    '139' || lpad((${siteNumber(site)} * 10000000 + i)::text, 8, '0') as phone,
                    $2::timestamptz - interval '6 years' + (i::float8 / ${C}) * interval '5 years' as created
               from generate_series(1, ${C}) i) s
      order by i`,
    [site, now],
  );
  const customerBase = Number((await one<{ b: string }>(client, 'select min(id) as b from customers where site = $1', [site])).b);
  await q(
    'archives',
    `insert into archives (site, customer_id, label, box_no, status, bound, vacated_at, created_at, updated_at)
     select site, id, name, 'BOX-' || lpad((id - ${customerBase} + 1)::text, greatest(6, length((id - ${customerBase} + 1)::text)), '0'), status, status = 'vacated', vacated_at, created_at, created_at
       from customers where site = $1 order by id`,
    [site],
  );
  const archiveBase = Number((await one<{ b: string }>(client, 'select min(id) as b from archives where site = $1', [site])).b);
  await checkContiguous(client, 'customers', site, customerBase, C);
  await checkContiguous(client, 'archives', site, archiveBase, C);

  await q(
    'archive_documents',
    `insert into archive_documents (site, archive_id, kind, subtype, title, received_on, pages, file_ref, original, created_by, created_at)
     select $1, ${archiveBase}::bigint + (j - 1) % ${C}, kind,
            case when kind = 'application' then (array['door_lock','phone_line','parking','signage','overtime'])[1 + floor(pg_temp.r(j, 22) * 5)::int] end,
            initcap(replace(kind, '_', ' ')) || ' ' || j, (at)::date, 1 + floor(pg_temp.r(j, 23) * 40)::int,
            's3://archive/' || $1 || '/' || j || '.pdf', pg_temp.r(j, 24) < 0.6, ${agentExpr(25, 'j')}, at
       from (select j, (array['move_in','fit_out','correspondence','application','other'])[1 + floor(pg_temp.r(j, 21) * 5)::int] as kind,
                    $2::timestamptz - (pg_temp.r(j, 26) * interval '5 years') as at
               from generate_series(1, ${shape.documents}) j) d`,
    [site, now],
  );

  // Loans in every state. Issued loans sit on distinct archives (loan j → archive j of the first half), so
  // R-LEN-4 holds; the second half of the archives never has a loan (bench/ops.ts issues fresh ones there).
  const L = shape.loans;
  const half = Math.floor(C / 2);
  await q(
    'loans',
    `insert into loans (site, archive_id, borrower_id, purpose, place, state, requested_at, approved_by, approved_at,
                                       rejected_by, rejected_at, reject_reason, cancelled_by, cancelled_at, issued_by, issued_at, due_at,
                                       pages_out, returned_by, returned_at, pages_returned, missing_pages, renewals, created_at, updated_at,
                                       last_event_at)
     select $1, case when state = 'issued' then ${archiveBase}::bigint + (j - 1) % ${half} else ${archiveBase}::bigint + floor(pg_temp.r(j, 31) * ${half})::int end,
            ${agentExpr(32, 'j')}, 'review ' || j, place, state, req,
            case when state in ('approved','issued','returned') then ${sid('3')} end,
            case when state in ('approved','issued','returned') then req + interval '1 hour' end,
            case when state = 'rejected' then ${sid('4')} end, case when state = 'rejected' then req + interval '1 hour' end,
            case when state = 'rejected' then 'not needed' end,
            case when state = 'cancelled' then ${agentExpr(32, 'j')} end, case when state = 'cancelled' then req + interval '30 minutes' end,
            case when state in ('issued','returned') then ${sid('5')} end, case when state in ('issued','returned') then req + interval '2 hours' end,
            case when state in ('issued','returned') then req + case when place = 'take_out' then interval '3 days' else interval '8 hours' end end,
            case when state in ('issued','returned') then 30 end,
            case when state = 'returned' then ${sid('6')} end, case when state = 'returned' then req + interval '6 hours' end,
            case when state = 'returned' then 30 end, null, 0, req, req,
            req + case state when 'returned' then interval '6 hours' when 'issued' then interval '2 hours'
                             when 'approved' then interval '1 hour' when 'rejected' then interval '1 hour'
                             when 'cancelled' then interval '30 minutes' else interval '0' end
       from (select j, case when pg_temp.r(j, 33) < 0.8 then 'in_office' else 'take_out' end as place,
                    case when s < 0.70 then 'returned' when s < 0.78 then 'issued' when s < 0.83 then 'approved'
                         when s < 0.90 then 'requested' when s < 0.95 then 'rejected' else 'cancelled' end as state,
                    least($2::timestamptz - interval '1 day', $2::timestamptz - interval '2 years' + (j::float8 / ${L}) * interval '2 years') as req
               from (select j, pg_temp.r(j, 30) as s from generate_series(1, ${L}) j) x) l
      where state <> 'issued' or j <= ${half}`,
    [site, now],
  );

  // Tickets: evenly spaced over ~13 months up to `now`; ticket i of the site has the i-th intake time, so the
  // running count within a local year is i minus the year's first index (gap-free by construction).
  const T = shape.tickets;
  const spanMs = 400 * 86_400_000;
  const stepMs = Math.floor(spanMs / T);
  const startMs = now.getTime() - (T - 1) * stepMs;
  const firstYear = DateTime.fromMillis(startMs, { zone: ZONE }).year;
  const lastYear = DateTime.fromMillis(now.getTime(), { zone: ZONE }).year;
  const years: { year: number; first: number; last: number }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    const from = DateTime.fromObject({ year: y, month: 1, day: 1 }, { zone: ZONE }).toMillis();
    const first = y === firstYear ? 1 : Math.ceil((from - startMs) / stepMs) + 1;
    years.push({ year: y, first, last: T });
    if (years.length > 1) years[years.length - 2]!.last = first - 1;
  }
  const yearCase = years
    .slice()
    .reverse()
    .map((y) => `when i >= ${y.first} then ${y.year}`)
    .join(' ');
  const rnCase = years
    .slice()
    .reverse()
    .map((y) => `when i >= ${y.first} then i - ${y.first - 1}`)
    .join(' ');
  const ticketBase = await nextIdentity(client, 'tickets');
  for (let lo = 1; lo <= T; lo += CHUNK) {
    const hi = Math.min(T, lo + CHUNK - 1);
    await q('tickets', ticketInsert(site, lo, hi, { startMs, stepMs, yearCase, rnCase, staffBase, deptBase: Number(deptBase), customerBase, activeUnits, unitOf, agentExpr, workerOf, sid }), [
      site,
      now,
    ]);
  }
  const realBase = Number((await one<{ b: string }>(client, 'select min(id) as b from tickets where site = $1', [site])).b);
  if (realBase < ticketBase) throw new Error('ticket ids are not contiguous');
  await checkContiguous(client, 'tickets', site, realBase, T);
  await q('ticket_numbers', `insert into ticket_numbers (site, year, last) select $1, y, l from unnest($2::int[], $3::int[]) u(y, l)`, [
    site,
    years.map((y) => y.year),
    years.map((y) => y.last - y.first + 1),
  ]);

  for (let lo = realBase; lo < realBase + T; lo += CHUNK) {
    const hi = Math.min(realBase + T - 1, lo + CHUNK - 1);
    const range = [site, lo, hi, now];
    await q(
      'ticket_clocks',
      `insert into ticket_clocks (site, ticket_id, clock, basis, started_at, due_at, met_at, paused_at, remaining_ms)
       select t.site, t.id, c.clock, c.basis, t.opened_at, c.due, c.met,
              case when t.state = 'waiting_customer' and c.met is null then t.paused_at end,
              case when t.state = 'waiting_customer' and c.met is null then 3600000 end
         from tickets t
        cross join lateral (values
              ('acknowledge', 'elapsed', t.opened_at + interval '2 hours', t.acknowledged_at),
              (case when t.kind = 'repair' then 'repair' end, 'working', t.opened_at + interval '3 days', t.resolved_at),
              (case when t.kind = 'complaint' then 'answer' end, 'working', t.opened_at + interval '3 days', t.replied_at),
              (case when t.kind = 'complaint' and t.severity is not null then 'reply' end, 'elapsed',
               t.opened_at + case t.severity when 'critical' then interval '10 hours' when 'urgent' then interval '15 hours' else interval '24 hours' end,
               t.replied_at),
              (case when t.deadline_at is not null then 'deadline' end, 'elapsed', t.deadline_at, t.resolved_at)
             ) c(clock, basis, due, met)
        where t.site = $1 and t.id between $2 and $3 and c.clock is not null and $4::timestamptz is not null`,
      range,
    );
    await q(
      'ticket_events',
      `insert into ticket_events (site, ticket_id, operation, from_state, to_state, actor_id, data, at, entered_at)
       select t.site, t.id, e.op, e.from_state, e.to_state, e.actor, '{}'::jsonb, e.at, e.at
         from tickets t
        cross join lateral (values
              (1, 'open', null, 'new', t.first_owner_id, t.opened_at),
              (2, 'acknowledge', 'new', 'acknowledged', t.first_owner_id, t.acknowledged_at),
              (3, 'assign', 'acknowledged', 'assigned', ${sid('5')}, t.assigned_at),
              (4, 'resolve', 'in_progress', 'resolved', t.assignee_id, t.resolved_at),
              (5, 'reply', 'resolved', 'replied', t.first_owner_id, t.replied_at),
              (6, 'close', 'callback_pending', 'closed', t.first_owner_id, t.closed_at)
             ) e(n, op, from_state, to_state, actor, at)
        where t.site = $1 and t.id between $2 and $3 and e.at is not null and $4::timestamptz is not null
        order by t.id, e.n`,
      range,
    );
    await q(
      'ticket_callbacks',
      `insert into ticket_callbacks (site, ticket_id, due_on, scheduled_at, done_at, outcome, comment, staff_id)
       select t.site, t.id, (t.replied_at at time zone '${ZONE}')::date + 1, t.replied_at,
              case when t.state = 'closed' then least(t.replied_at + interval '1 day', $4::timestamptz) end,
              case when t.state <> 'closed' then null
                   when pg_temp.r(t.id, 41) < 0.80 then 'satisfied' when pg_temp.r(t.id, 41) < 0.95 then 'basically_satisfied' else 'dissatisfied' end,
              case when t.state = 'closed' then 'ok' end, case when t.state = 'closed' then t.first_owner_id end
         from tickets t
        where t.site = $1 and t.id between $2 and $3 and t.kind in ('repair', 'complaint') and t.replied_at is not null`,
      range,
    );
    await q(
      'audit_log',
      `insert into audit_log (site, at, actor_id, operation, entity, entity_id, action, after)
       select t.site, t.opened_at, t.first_owner_id, 'tickets.open', 'ticket', t.id::text, 'open', jsonb_build_object('number', t.number)
         from tickets t where t.site = $1 and t.id between $2 and $3 and $4::timestamptz is not null`,
      range,
    );
  }
  return { site, staffBase, customerBase, archiveBase, ticketBase: realBase, shape, activeUnits, rows };
}

interface TicketCtx {
  startMs: number;
  stepMs: number;
  yearCase: string;
  rnCase: string;
  staffBase: number;
  deptBase: number;
  customerBase: number;
  activeUnits: number;
  unitOf: (u: string) => string;
  agentExpr: (salt: number, i?: string) => string;
  workerOf: (dept: string, salt: number, i?: string) => string;
  sid: (expr: string) => string;
}

function ticketInsert(_site: string, lo: number, hi: number, c: TicketCtx): string {
  // State by age: older than 30 days almost all closed; recent ones spread over the workflow.
  // rank: 0 new, 1 acknowledged, 2 assigned, 3 in_progress, 4 waiting_customer, 5 escalated, 6 resolved, 7 replied,
  //       8 callback_pending, 9 closed.
  return `insert into tickets (site, number, year, kind, channel, state, resume_state, severity, category, serious, serious_reasons,
                               malicious, important, unit, customer_id, complainant_name, complainant_phone, matter, content, target,
                               first_owner_id, department_id, assignee_id, deadline_at, opened_at, acknowledged_at, assigned_at,
                               started_at, escalated_at, resolved_at, cause, action, result, replied_at, reply_text, closed_at, paused_at,
                               version, created_at, updated_at)
  select $1, to_char(opened_at at time zone '${ZONE}', 'YYMMDD') || lpad(rn::text, greatest(3, length(rn::text)), '0'), year, kind, channel, state,
         case when state = 'waiting_customer' then 'in_progress' end,
         case when rank >= 1 and kind = 'complaint' then severity end,
         case when rank >= 1 and kind = 'complaint' then category end,
         kind = 'complaint' and severity = 'critical', case when kind = 'complaint' and severity = 'critical' then '{critical}'::text[] else '{}' end,
         pg_temp.r(i, 60) < 0.002, pg_temp.r(i, 61) < 0.01,
         case when has_customer then ${c.unitOf('cu')} end, case when has_customer then ${c.customerBase}::bigint + cu - 1 end,
         (array['Wang','Li','Zhang','Liu','Chen','Yang','Huang','Zhao'])[1 + floor(pg_temp.r(i, 62) * 8)::int] || ' ' || (i % 997),
         '138' || lpad((i % 100000000)::text, 8, '0'),
         (array['Air conditioning not cooling','Water leak in ceiling','Door lock broken','Noise from neighbours','Lift out of order',
                'Parking card not working','Cleaning not done','Security guard attitude','Light fixture broken','Internet outage',
                '空调不制冷','天花板漏水','门锁损坏','电梯故障','停车卡失效','保洁不到位'])[1 + floor(pg_temp.r(i, 63) * 16)::int] || ' #' || i,
         'Reported by phone; details as told by the customer. Ref ' || i, null,
         ${c.agentExpr(64)}, dept_id, case when rank >= 2 then ${c.workerOf('dept', 65)} end,
         case when rank >= 2 then opened_at + interval '3 days' end,
         opened_at,
         case when rank >= 1 then opened_at + least(interval '90 minutes', age * 0.05) end,
         case when rank >= 2 then opened_at + least(interval '3 hours', age * 0.10) end,
         case when rank >= 3 then opened_at + least(interval '5 hours', age * 0.15) end,
         case when rank = 5 then opened_at + least(interval '6 hours', age * 0.20) end,
         case when rank >= 6 then opened_at + least(interval '1 hour' + pg_temp.r(i, 66) * interval '40 hours', age * 0.40) end,
         case when rank >= 6 then 'wear' end, case when rank >= 6 then 'fixed' end, case when rank >= 6 then 'done' end,
         case when rank >= 7 then opened_at + least(interval '2 hours' + pg_temp.r(i, 66) * interval '44 hours', age * 0.60) end,
         case when rank >= 7 then 'Handled; thank you.' end,
         case when rank = 9 then opened_at + least(interval '2 days' + pg_temp.r(i, 66) * interval '44 hours', age * 0.90) end,
         case when state = 'waiting_customer' then opened_at + age * 0.5 end,
         1 + rank, opened_at + interval '2 minutes', opened_at + age * 0.9
    from (select i, opened_at, year, rn, kind, channel, severity, category, has_customer, cu, dept, age,
                 ${c.deptBase}::bigint + dept as dept_id, rank,
                 (array['new','acknowledged','assigned','in_progress','waiting_customer','escalated','resolved','replied','callback_pending','closed'])[rank + 1] as state
            from (select i, opened_at, year, rn, kind, channel, severity, category, has_customer, cu, dept, age,
                         case when age > interval '30 days' then
                                case when s < 0.94 then 9 when s < 0.97 and kind in ('repair','complaint') then 8 when s < 0.985 then 7 else 3 end
                              else least(9, floor(s * 10)::int) end as rank0
                    from (select i, opened_at, year, rn, $2::timestamptz - opened_at as age, pg_temp.r(i, 50) as s,
                                 case when k < 0.40 then 'repair' when k < 0.65 then 'complaint' when k < 0.80 then 'help'
                                      when k < 0.95 then 'inquiry' else 'suggestion' end as kind,
                                 (array['phone','phone','phone','visit','letter','email','online','suggestion_box','referral'])[1 + floor(pg_temp.r(i, 52) * 9)::int] as channel,
                                 (array['critical','urgent','normal','normal','normal'])[1 + floor(pg_temp.r(i, 53) * 5)::int] as severity,
                                 (array['service_quality','product_quality','after_sales','appearance','grievance','other'])[1 + floor(pg_temp.r(i, 54) * 6)::int] as category,
                                 pg_temp.r(i, 55) < 0.85 as has_customer, 1 + floor(pg_temp.r(i, 56) * ${c.activeUnits})::int as cu,
                                 floor(pg_temp.r(i, 57) * 6)::int as dept
                            from (select i, to_timestamp((${c.startMs}::float8 + (i - 1)::float8 * ${c.stepMs}) / 1000.0) as opened_at,
                                         case ${c.yearCase} end as year, case ${c.rnCase} end as rn,
                                         pg_temp.r(i, 51) as k
                                    from generate_series(${lo}, ${hi}) i) g) a) b
           cross join lateral (select case when rank0 = 8 and kind not in ('repair','complaint') then 9 else rank0 end as rank) rk) t
   order by i`;
}

const siteNumber = (site: string): number => ['main', 'east', 'west', 'north'].indexOf(site) + 1 || 9;

async function nextIdentity(client: pg.Client | pg.PoolClient, table: string): Promise<number> {
  const row = await one<{ b: string | null }>(client, `select coalesce(max(id), 0) + 1 as b from ${table}`);
  return Number(row.b);
}

async function checkContiguous(client: pg.Client | pg.PoolClient, table: string, site: string, base: number, n: number): Promise<void> {
  const row = await one<{ n: string; lo: string; hi: string }>(client, `select count(*) as n, min(id) as lo, max(id) as hi from ${table} where site = $1`, [site]);
  if (Number(row.n) !== n || Number(row.lo) !== base || Number(row.hi) !== base + n - 1) {
    throw new Error(`${table} of ${site} are not contiguous (${row.n} rows, ${row.lo}..${row.hi}); the generator needs an empty schema`);
  }
}

/** A ticket number's count within its year, as SQL on `column`: the number is YYMMDD then the count (tickets/open). */
export const numberCount = (column: string): string => `substr(${column}, 7)::int`;

/** Gap-free numbering per (site, year): count = highest running count = counter row, and the lowest is 1. */
export async function numberingCheck(client: pg.Client | pg.PoolClient, site: string): Promise<{ year: number; count: number; max: number; min: number; counter: number; ok: boolean }[]> {
  const res = await client.query<{ year: number; count: string; max: string; min: string; counter: string }>(
    `select t.year, count(*) as count, max(${numberCount('t.number')}) as max, min(${numberCount('t.number')}) as min, n.last as counter
       from tickets t join ticket_numbers n on n.site = t.site and n.year = t.year
      where t.site = $1 group by t.year, n.last order by t.year`,
    [site],
  );
  return res.rows.map((r) => {
    const v = { year: Number(r.year), count: Number(r.count), max: Number(r.max), min: Number(r.min), counter: Number(r.counter) };
    return { ...v, ok: v.count === v.max && v.max === v.counter && v.min === 1 };
  });
}
