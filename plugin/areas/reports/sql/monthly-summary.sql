-- R-REP-1 one row for the month [:from, :to), judged at :asOf: malicious tickets apart, complaint handling time
-- (intake to final reply, hours; p90 as nearest rank) against the :targetHours-hour target, closure, callbacks
-- done in the month, and complaints repeated by a unit within :repeatDays days.
with t as (
  -- only columns of the tickets_month index (migration 007): the month is read from the index alone
  select t.site, t.id, t.kind, t.state, t.malicious, t.unit, t.opened_at, t.replied_at
    from tickets t
   where t.site = :site and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz
), handled as (
  select extract(epoch from replied_at - opened_at) / 3600 as hours
    from t
   where kind = 'complaint' and not malicious and replied_at is not null
), callbacks as (
  select c.outcome
    from ticket_callbacks c
   where c.site = :site and c.done_at >= :from::timestamptz and c.done_at < :to::timestamptz
)
select
  (select count(*) from t where malicious)::int as "maliciousCount",
  -- lateral + limit: one index lookup per malicious ticket, never a scan of the site's clocks
  (select count(*) from t
    cross join lateral (select 1 from ticket_clocks k
                         where k.site = :site and k.ticket_id = t.id
                           and sla_outcome(k.met_at, k.due_at, k.paused_at, :asOf::timestamptz) = 'late' limit 1) late
    where t.malicious)::int as "maliciousLate",
  (select count(*) from handled)::int as "handledComplaints",
  (select round(avg(hours), 2) from handled) as "averageHours",
  (select percentile_disc(0.9) within group (order by hours) from handled) as "p90Hours",
  (select avg(hours) <= :targetHours::numeric from handled) as "targetMet",
  (select count(*) from t where not malicious)::int as tickets,
  (select count(*) from t where not malicious and state = 'closed')::int as closed,
  (select round(100.0 * count(*) filter (where state = 'closed') / nullif(count(*), 0), 2) from t where not malicious) as "closurePercent",
  (select count(*) from callbacks)::int as callbacks,
  (select count(*) from callbacks where outcome = 'satisfied')::int as satisfied,
  (select count(*) from callbacks where outcome = 'basically_satisfied')::int as "basicallySatisfied",
  (select count(*) from callbacks where outcome = 'dissatisfied')::int as dissatisfied,
  (select round(100.0 * count(*) filter (where outcome <> 'dissatisfied') / nullif(count(*), 0), 2) from callbacks) as "satisfactionPercent",
  (select count(*) from t
    where kind = 'complaint' and not malicious and unit is not null
      and exists (select 1 from tickets p
                   where p.site = t.site and p.unit = t.unit and p.kind = 'complaint' and p.id <> t.id
                     and p.opened_at <= t.opened_at and p.opened_at > t.opened_at - make_interval(days => :repeatDays::int)))::int
    as "repeatComplaints";
