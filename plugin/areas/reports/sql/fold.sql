-- Folds site :site's report deltas (migration 015) into the rollup tables, in one statement: delete them, add
-- them up by key, upsert the sums in key order. Only one fold per site runs at a time and the others skip
-- rather than queue (pg_try_advisory_xact_lock): a skipped fold loses nothing, the deltas wait for the next one
-- and the report reads them meanwhile. Rows a concurrent write has not committed yet are not seen, so stay.
with lock as materialized (
  select pg_try_advisory_xact_lock(hashtext('customerdesk.report-fold.' || current_schema() || '.' || :site)) as got
), d as (
  delete from report_fact_deltas where site = :site and (select got from lock)
  returning day, fact, key, due, n, total
), g as (
  select day, fact, key, due, sum(n)::int as n, sum(total) as total from d group by day, fact, key, due
), units as (
  insert into report_unit_months (site, month, unit, tickets, complaints)
  select :site, day, key, n, total from g where fact = 'unit' order by day, key
  on conflict (site, month, unit) do update set tickets = report_unit_months.tickets + excluded.tickets, complaints = report_unit_months.complaints + excluded.complaints
), days as (
  insert into report_day_facts (site, day, fact, key, due, n, total)
  select :site, day, fact, key, due, n, total from g where fact <> 'unit' order by day, fact, key, due
  on conflict (site, day, fact, key, due) do update set n = report_day_facts.n + excluded.n, total = report_day_facts.total + excluded.total
)
select (select got from lock) as folded, (select count(*) from d)::int as deltas;
