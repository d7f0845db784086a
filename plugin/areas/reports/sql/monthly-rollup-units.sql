-- R-REP-1 as reports/sql/monthly-units.sql, from the rollup's month :month (migration 010) and the deltas not folded
-- yet (015). A unit the deltas do not touch keeps its rollup figures, so only the first :topUnits of those (read in
-- index order) can be among the top; the touched units are added up in full.
with d as (
  select key as unit, sum(n) as tickets, sum(total) as complaints
    from report_fact_deltas
   where site = :site and fact = 'unit' and day = :month::date
   group by key
), candidates as (
  (select r.unit, r.tickets, r.complaints
     from report_unit_months r
    where r.site = :site and r.month = :month::date and r.tickets > 0 and not exists (select 1 from d where d.unit = r.unit)
    order by r.tickets desc, r.complaints desc, r.unit
    limit :topUnits::int)
  union all
  select d.unit, coalesce(r.tickets, 0) + d.tickets, coalesce(r.complaints, 0) + d.complaints
    from d
    left join report_unit_months r on r.site = :site and r.month = :month::date and r.unit = d.unit
)
select unit, tickets::int as tickets, complaints::int as complaints
  from candidates
 where tickets > 0
 order by tickets desc, complaints desc, unit
 limit :topUnits::int;
