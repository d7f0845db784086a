-- R-REP-1 as reports/sql/monthly-summary.sql, from the rollup's days [:firstDay, :nextDay) and its unfolded deltas (report_day_rows, 015), judged at :asOf, repeats within
-- :repeatDays days, target :targetHours hours (migration 010). :from, :to the month's instants, for the two exact reads: malicious
-- tickets whose earliest open clock falls due in :asOf's hour, and the p90 inside its tenth-of-an-hour bucket (017).
with f as (
  select r.fact, r.key, r.due, sum(r.n) as n, sum(r.total) as total
    from report_day_rows r
   where r.site = :site and r.day >= :firstDay::date and r.day < :nextDay::date
     and r.fact in ('malicious', 'malicious_late', 'malicious_due', 'tickets', 'closed', 'handled', 'repeat', 'callback')
   group by 1, 2, 3
), hour as (
  select date_trunc('hour', :asOf::timestamptz, 'UTC') as h
), handled as (
  select nullif(sum(n), 0) as n, sum(total) as hours from f where fact = 'handled'
), buckets as (
  select key::numeric as bucket, n, sum(n) over (order by key::numeric) as upto from f where fact = 'handled' and n > 0
), p90 as (
  -- nearest rank as percentile_disc: the ceil(0.9 n)-th smallest, found in its bucket
  select b.bucket, r.rank - (b.upto - b.n) as within
    from buckets b
   cross join (select greatest(ceil(0.9::float8 * n::float8), 1)::bigint as rank from handled where n is not null) r
   where b.upto >= r.rank
   order by b.bucket
   limit 1
), callbacks as (
  select coalesce(sum(n), 0) as n, coalesce(sum(n) filter (where key = 'dissatisfied'), 0) as dissatisfied from f where fact = 'callback'
), closure as (
  select coalesce(sum(n) filter (where fact = 'tickets'), 0) as tickets, coalesce(sum(n) filter (where fact = 'closed'), 0) as closed from f
)
select
  (select coalesce(sum(n), 0) from f where fact = 'malicious')::int as "maliciousCount",
  ((select coalesce(sum(n), 0) from f, hour where fact = 'malicious_late' or (fact = 'malicious_due' and due < hour.h))
   -- those whose earliest open clock falls due in this hour, before now: read through the hour's open clocks
   + (select count(distinct t.id) from ticket_clocks k
        join tickets t on t.site = k.site and t.id = k.ticket_id
       where k.site = :site and k.met_at is null and k.paused_at is null
         and k.due_at >= date_trunc('hour', :asOf::timestamptz, 'UTC') and k.due_at < :asOf::timestamptz -- as in monthly-rollup-clocks.sql
         and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz and t.malicious
         and exists (select 1 from f, hour where f.fact = 'malicious_due' and f.due = hour.h and f.n > 0)
         and not exists (select 1 from ticket_clocks x where x.site = :site and x.ticket_id = t.id and x.met_at > x.due_at)
         and not exists (select 1 from ticket_clocks x
                          where x.site = :site and x.ticket_id = t.id and x.met_at is null and x.paused_at is null
                            and x.due_at < (select h from hour))))::int
    as "maliciousLate",
  (select coalesce(n, 0) from handled)::int as "handledComplaints",
  (select round(hours / n, 2) from handled) as "averageHours",
  (select (select extract(epoch from t.replied_at - t.opened_at) / 3600
             from tickets t
            where t.site = :site and t.kind = 'complaint' and not t.malicious and t.replied_at is not null
              and floor(extract(epoch from t.replied_at - t.opened_at) / 360) = p90.bucket
              and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz
            order by 1
           offset p90.within - 1 limit 1)
     from p90) as "p90Hours",
  (select hours / n <= :targetHours::numeric from handled) as "targetMet",
  (select tickets from closure)::int as tickets,
  (select closed from closure)::int as closed,
  (select round(100.0 * closed / nullif(tickets, 0), 2) from closure) as "closurePercent",
  (select n from callbacks)::int as callbacks,
  (select coalesce(sum(n), 0) from f where fact = 'callback' and key = 'satisfied')::int as satisfied,
  (select coalesce(sum(n), 0) from f where fact = 'callback' and key = 'basically_satisfied')::int as "basicallySatisfied",
  (select dissatisfied from callbacks)::int as dissatisfied,
  (select round(100.0 * (n - dissatisfied) / nullif(n, 0), 2) from callbacks) as "satisfactionPercent",
  (select coalesce(sum(n), 0) from f where fact = 'repeat' and key::int < :repeatDays::int)::int as "repeatComplaints";
