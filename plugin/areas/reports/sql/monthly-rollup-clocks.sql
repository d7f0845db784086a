-- R-REP-1 as reports/sql/monthly-clocks.sql, from the rollup's days [:firstDay, :nextDay), judged at :asOf (migration 010) and the deltas not folded yet (report_day_rows, 015).
-- An open clock is late from its due instant: whole hours before :asOf's are late, later ones running, and the
-- clocks due in :asOf's hour are read from ticket_clocks (tickets opened in [:from, :to)) only when there are any.
-- `hour` materialized: inlined, PostgreSQL 15 ran its time-zone date_trunc twice for each of the month's rows
-- (2.9 → 2.2 ms at 10M tickets, 18:09 UTC).
with hour as materialized (
  select date_trunc('hour', :asOf::timestamptz, 'UTC') as h
), f as (
  -- an open clock's due hour only matters as before, in or after :asOf's hour: grouped so, the month's rows
  -- (one per clock and due hour, ~3,000 at 10M tickets) become a few before anything joins them
  select r.fact, r.key as clock,
         case when r.fact <> 'due' then 0 when r.due < hour.h then -1 when r.due = hour.h then 0 else 1 end as rel,
         sum(r.n) as n
    from report_day_rows r cross join hour
   where r.site = :site and r.day >= :firstDay::date and r.day < :nextDay::date and r.fact in ('on_time', 'late', 'running', 'due')
   group by 1, 2, 3
), edge as (
  select k.clock, count(*) as n
    from ticket_clocks k
    join tickets t on t.site = k.site and t.id = k.ticket_id
   where k.site = :site and k.met_at is null and k.paused_at is null
     -- the hour written out, not read from `hour`, so the planner sees a range of under an hour (from the CTE it
     -- guessed thousands of clocks at 10M and started parallel workers, ~13 ms, for a walk it then skipped)
     and k.due_at >= date_trunc('hour', :asOf::timestamptz, 'UTC') and k.due_at < :asOf::timestamptz
     and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz and not t.malicious
     and exists (select 1 from f where f.fact = 'due' and f.rel = 0 and f.n > 0)
   group by k.clock
), c as (
  select f.clock,
         coalesce(sum(f.n) filter (where f.fact = 'on_time'), 0)::int as on_time,
         (coalesce(sum(f.n) filter (where f.fact = 'late' or (f.fact = 'due' and f.rel < 0)), 0) + coalesce(max(e.n), 0))::int as late,
         (coalesce(sum(f.n) filter (where f.fact = 'running' or (f.fact = 'due' and f.rel >= 0)), 0) - coalesce(max(e.n), 0))::int as running
    from f
    left join edge e on e.clock = f.clock
   group by f.clock
  having sum(f.n) > 0
)
select clock, on_time as "onTime", late, running,
       round(100.0 * on_time / nullif(on_time + late, 0), 2) as percent
  from c
 order by clock;
