-- R-REP-1 units with the most tickets opened in [:from, :to).
select unit, count(*)::int as tickets, count(*) filter (where kind = 'complaint')::int as complaints
  from tickets
 where site = :site and opened_at >= :from::timestamptz and opened_at < :to::timestamptz and unit is not null
 group by unit
 order by tickets desc, complaints desc, unit
 limit :topUnits::int;
