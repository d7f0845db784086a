-- R-REP-1 units with the most tickets opened in [$2, $3).
select unit, count(*)::int as tickets, count(*) filter (where kind = 'complaint')::int as complaints
  from tickets
 where site = $1 and opened_at >= $2::timestamptz and opened_at < $3::timestamptz and unit is not null
 group by unit
 order by tickets desc, complaints desc, unit
 limit $4::int;
