-- R-REP-1 as reports/sql/monthly-units.sql, from the rollup's month :month (migration 010).
select unit, tickets, complaints
  from report_unit_months
 where site = :site and month = :month::date and tickets > 0
 order by tickets desc, complaints desc, unit
 limit :topUnits::int;
