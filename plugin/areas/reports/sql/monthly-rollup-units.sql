-- R-REP-1 as reports/sql/monthly-units.sql, from the rollup's month $2 (migration 010).
select unit, tickets, complaints
  from report_unit_months
 where site = $1 and month = $2::date and tickets > 0
 order by tickets desc, complaints desc, unit
 limit $3::int;
