-- reports.monthly's p90 handling time at any size (issue 17): the p90 is read exactly inside its bucket
-- (reports/sql/monthly-rollup-summary.sql), and a whole-hour bucket of one month held ~4,300 complaints at 10M
-- tickets (read and sorted per call: ~9 ms of a 33 ms report, against ~4 rows at 10k). Buckets of a tenth of an
-- hour hold a tenth of that, for ~10x the 'handled' rollup rows of a month (a few hundred).

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
   -- handling time in tenth-of-an-hour buckets (the p90 is read exactly inside its bucket), `total` the hours
   union all select 'handled', floor(extract(epoch from t.replied_at - t.opened_at) / 360)::text, null, h.hours
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

drop index if exists tickets_handled;
create index tickets_handled on tickets (site, floor(extract(epoch from replied_at - opened_at) / 360), opened_at)
  include (replied_at) where kind = 'complaint' and not malicious and replied_at is not null;

-- The 'handled' rows again in the new buckets, per site in its rollup zone; the deltas' ones are in what this counts.
-- Written from tickets as the view's 'handled' branch above: through the view every ticket would run its clock
-- branches too (a full rebuild, ~11 min at 10M).
delete from report_fact_deltas where fact = 'handled';
delete from report_day_facts where fact = 'handled';
insert into report_day_facts (site, day, fact, key, due, n, total)
select t.site, report_fact_day('handled', t.opened_at, z.zone), 'handled',
       floor(extract(epoch from t.replied_at - t.opened_at) / 360)::text, '-infinity',
       count(*), sum(extract(epoch from t.replied_at - t.opened_at) / 3600)
  from tickets t
  join report_zone z on z.site = t.site
 where t.kind = 'complaint' and not t.malicious and t.replied_at is not null
 group by 1, 2, 4
 order by 1, 2, 4;
