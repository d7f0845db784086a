-- reports.monthly from a per-day rollup kept by the writes (issue 17): its cost follows days × dimensions,
-- not the month's tickets. The rollup is maintained in the same transaction as the change, by the
-- statement reports/sql/tally.sql (no triggers: on Citus triggers are guards only,
-- docs/scaling.md); `rebuild_report_rollup` recomputes a site from its tickets (this backfill, seed, bench).

-- What a ticket (and its callbacks) contributes to the monthly report, one row per fact; the one definition both the writes and
-- the rebuild use. `due` (UTC hour) is set on facts whose outcome depends on when the report is read: an open
-- clock becomes late at its due instant (sla_outcome), so the report compares the hour with now and reads
-- the clocks of the current hour exactly.
create or replace function report_repeat_key(opened_at timestamptz, prev timestamptz) returns int
language sql stable as $$
  -- The largest N with prev <= opened_at - N days, capped at 60 (settings.tickets.repeatWindowDays ≤ 60):
  -- "a repeat within N days" (reports/sql/monthly-summary.sql) ⇔ key < N. Computed with the same interval
  -- arithmetic as that statement, so days across a DST change of the session's zone count alike.
  select case when prev is null then 60 else least(60, (
    select case when prev > opened_at - make_interval(days => k) then k - 1
                when prev <= opened_at - make_interval(days => k + 1) then k + 1
                else k end
      from (select floor(extract(epoch from opened_at - prev) / 86400)::int as k) g)) end
$$;

-- `at` is the instant whose local day the fact counts on: the intake, or when a callback was made.
create or replace view report_facts as
select t.site, t.id as ticket_id, t.opened_at as at, f.fact, f.key, f.due, f.total
  from tickets t
 cross join lateral (
   -- counts by dimension: every ticket, malicious ones too (R-TIC-4); departments by id, named when read
   select 'kind' as fact, t.kind as key, null::timestamptz as due, null::numeric as total
   union all select 'category', coalesce(t.category, 'unclassified'), null, null
   union all select 'severity', coalesce(t.severity, 'unclassified'), null, null
   union all select 'department', coalesce(t.department_id::text, ''), null, null
   union all select 'channel', t.channel, null, null
   -- top units: per month, `total` 1 for a complaint
   union all select 'unit', t.unit, null, (t.kind = 'complaint')::int where t.unit is not null
   union all select 'malicious', '', null, null where t.malicious
   union all select 'tickets', '', null, null where not t.malicious
   union all select 'closed', '', null, null where not t.malicious and t.state = 'closed'
   -- handling time in whole-hour buckets (the p90 is read exactly inside its bucket), `total` the hours
   union all select 'handled', floor(h.hours)::text, null, h.hours
     from (select extract(epoch from t.replied_at - t.opened_at) / 3600 as hours) h
    where t.kind = 'complaint' and not t.malicious and t.replied_at is not null
   union all select 'repeat', report_repeat_key(t.opened_at, (
       select max(p.opened_at) from tickets p
        where p.site = t.site and p.unit = t.unit and p.kind = 'complaint' and p.id <> t.id and p.opened_at <= t.opened_at))::text, null, null
    where t.kind = 'complaint' and not t.malicious and t.unit is not null
   -- each clock of a counted ticket: settled (on time, late, paused = running) or open until its due hour
   union all select case when k.met_at is not null then case when k.met_at <= k.due_at then 'on_time' else 'late' end
                         when k.paused_at is not null then 'running' else 'due' end,
                    k.clock,
                    case when k.met_at is null and k.paused_at is null then date_trunc('hour', k.due_at, 'UTC') end, null
     from ticket_clocks k
    where k.site = t.site and k.ticket_id = t.id and not t.malicious
   -- a malicious ticket is late once any clock is: settled late, or from its earliest open clock's due hour
   union all select m.fact, '', m.due, null
     from (select case when bool_or(k.met_at > k.due_at) then 'malicious_late'
                       when min(k.due_at) filter (where k.met_at is null and k.paused_at is null) is not null then 'malicious_due' end as fact,
                  case when not bool_or(k.met_at > k.due_at) is true
                       then date_trunc('hour', min(k.due_at) filter (where k.met_at is null and k.paused_at is null), 'UTC') end as due
             from ticket_clocks k
            where k.site = t.site and k.ticket_id = t.id and t.malicious) m
    where m.fact is not null
 ) f
union all
-- satisfaction: a ticket's callbacks, on the day they were made
select c.site, c.ticket_id, c.done_at, 'callback', c.outcome, null, null
  from ticket_callbacks c
 where c.done_at is not null;

-- The local day of the rollup is the zone's of the site (the data source's time zone); a report in another
-- zone reads the tickets directly.
create table if not exists report_zone (
  site text primary key,
  zone text not null
);

create table if not exists report_day_facts (
  site text not null,
  day date not null,
  fact text not null,
  key text not null,
  due timestamptz not null default '-infinity',
  n int not null,
  total numeric not null default 0,
  primary key (site, day, fact, key, due)
);

create table if not exists report_unit_months (
  site text not null,
  month date not null,
  unit text not null,
  tickets int not null,
  complaints int not null,
  primary key (site, month, unit)
);
create index if not exists report_unit_months_top on report_unit_months (site, month, tickets desc, complaints desc, unit);

-- The handled complaints of one hour bucket of the month, to read the p90 exactly (reports/sql/monthly-rollup-summary.sql).
create index if not exists tickets_handled on tickets (site, floor(extract(epoch from replied_at - opened_at) / 3600), opened_at)
  include (replied_at) where kind = 'complaint' and not malicious and replied_at is not null;

create or replace function rebuild_report_rollup(p_site text, p_zone text) returns void language plpgsql as $$
begin
  delete from report_day_facts where site = p_site;
  delete from report_unit_months where site = p_site;
  insert into report_zone (site, zone) values (p_site, p_zone) on conflict (site) do update set zone = excluded.zone;
  create temp table report_rebuild on commit drop as
    select (f.at at time zone p_zone)::date as day, f.fact, f.key, coalesce(f.due, '-infinity') as due, f.total
      from report_facts f where f.site = p_site;
  insert into report_day_facts (site, day, fact, key, due, n, total)
  select p_site, r.day, r.fact, r.key, r.due, count(*), coalesce(sum(r.total), 0)
    from report_rebuild r where r.fact <> 'unit' group by r.day, r.fact, r.key, r.due;
  insert into report_unit_months (site, month, unit, tickets, complaints)
  select p_site, date_trunc('month', r.day)::date, r.key, count(*), sum(r.total)
    from report_rebuild r where r.fact = 'unit' group by 2, 3;
  drop table report_rebuild;
end $$;

-- Backfill: the history already recorded, in the data sources' default zone.
select rebuild_report_rollup(s.site, 'Asia/Shanghai')
  from (select distinct site from tickets) s
 where not exists (select 1 from report_zone z where z.site = s.site);
