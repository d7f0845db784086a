-- R-REP-1 as reports/sql/monthly-clocks.sql, from the rollup's days [:firstDay, :nextDay), judged at :asOf (migration 010) and the deltas not folded yet (report_day_rows, 015).
-- An open clock is late from its due instant: whole hours before :asOf's are late, later ones running, and the
-- clocks due in :asOf's hour are read from ticket_clocks (tickets opened in [:from, :to)) only when there are any.
with f as (
  select r.fact, r.key as clock, r.due, sum(r.n) as n
    from report_day_rows r
   where r.site = :site and r.day >= :firstDay::date and r.day < :nextDay::date and r.fact in ('on_time', 'late', 'running', 'due')
   group by 1, 2, 3
), hour as (
  select date_trunc('hour', :asOf::timestamptz, 'UTC') as h
), edge as (
  select k.clock, count(*) as n
    from ticket_clocks k
    join tickets t on t.site = k.site and t.id = k.ticket_id
   where k.site = :site and k.met_at is null and k.paused_at is null
     and k.due_at >= (select h from hour) and k.due_at < :asOf::timestamptz
     and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz and not t.malicious
     and exists (select 1 from f where f.fact = 'due' and f.due = (select h from hour) and f.n > 0)
   group by k.clock
), c as (
  select f.clock,
         coalesce(sum(f.n) filter (where f.fact = 'on_time'), 0)::int as on_time,
         (coalesce(sum(f.n) filter (where f.fact = 'late' or (f.fact = 'due' and f.due < hour.h)), 0) + coalesce(max(e.n), 0))::int as late,
         (coalesce(sum(f.n) filter (where f.fact = 'running' or (f.fact = 'due' and f.due >= hour.h)), 0) - coalesce(max(e.n), 0))::int as running
    from f cross join hour
    left join edge e on e.clock = f.clock
   group by f.clock
  having sum(f.n) > 0
)
select clock, on_time as "onTime", late, running,
       round(100.0 * on_time / nullif(on_time + late, 0), 2) as percent
  from c
 order by clock;
