-- reports.monthly's rollup without a shared hot row in the writes (issue 17): a write's tally
-- (reports/sql/tally.sql) inserts what it changed here, and nothing else; the rollup tables (010) are
-- updated out of band by the fold (reports/sql/fold.sql: the worker loop, and reports.monthly before it
-- reads). Before, every intake of a site upserted the same day rows while the year's ticket counter was
-- held, so concurrent intakes queued on those rows too. The report reads the rollup plus the deltas not
-- folded yet (report_day_rows, reports/sql/monthly-rollup-units.sql), so it is exact whether or not a fold ran.
create table if not exists report_fact_deltas (
  site text not null,
  id bigint generated always as identity,
  day date not null,                          -- report_fact_day; for fact 'unit' the first of the month
  fact text not null,
  key text not null,
  due timestamptz not null default '-infinity',
  n int not null,                             -- for 'unit': tickets
  total numeric not null default 0,           -- for 'unit': complaints
  primary key (site, id)
);

-- The day facts as the report reads them: folded, and still waiting in the deltas.
create or replace view report_day_rows as
select site, day, fact, key, due, n, total from report_day_facts
union all
select site, day, fact, key, due, n, total from report_fact_deltas where fact <> 'unit';

-- A rebuild recomputes a site from its tickets: the deltas are in what it counts, so it drops them first. The
-- rebuild of 011 keeps its body under another name.
alter function rebuild_report_rollup(text, text) rename to rebuild_report_rollup_tables;
create function rebuild_report_rollup(p_site text, p_zone text) returns void language plpgsql as $$
begin
  delete from report_fact_deltas where site = p_site;
  perform rebuild_report_rollup_tables(p_site, p_zone);
end $$;
