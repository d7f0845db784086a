-- R-REP-1 on-time rate per SLA clock of the tickets opened in [:from, :to), judged at :asOf. Malicious tickets
-- stay out of the rate and are counted apart; running clocks are outside the rate.
-- The month's tickets drive the clock lookups (lateral, through ticket_clocks_outcome): a hash join would
-- read every clock of the site, which grows with its whole history.
with k as (
  select k.clock, sla_outcome(k.met_at, k.due_at, k.paused_at, :asOf::timestamptz) as outcome
    from tickets t
   cross join lateral (select k.clock, k.met_at, k.due_at, k.paused_at
                         from ticket_clocks k where k.site = :site and k.ticket_id = t.id offset 0) k
   where t.site = :site and t.opened_at >= :from::timestamptz and t.opened_at < :to::timestamptz and not t.malicious
), c as (
  select clock,
         count(*) filter (where outcome = 'on_time')::int as on_time,
         count(*) filter (where outcome = 'late')::int as late,
         count(*) filter (where outcome = 'running')::int as running
    from k
   group by clock
)
select clock, on_time as "onTime", late, running,
       round(100.0 * on_time / nullif(on_time + late, 0), 2) as percent
  from c
 order by clock;
